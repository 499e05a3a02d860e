package io.smartlists.demo;

import static org.assertj.core.api.Assertions.assertThat;

import io.smartlists.demo.catalog.DemoCatalog;
import io.smartlists.demo.catalog.Product;
import io.smartlists.engine.SmartListsEngine;
import io.smartlists.engine.model.JourneyStage;
import io.smartlists.engine.model.ListType;
import io.smartlists.engine.model.Placement;
import io.smartlists.merchandising.CellView;
import io.smartlists.merchandising.MerchandisingEditor;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The full stack on PostgreSQL, the production database: the store's and the module's Flyway
 * migrations, the event log written in the checkout's transaction and tailed back, and a merchant's
 * configuration change reaching the storefront. {@code .ci/run} starts a throwaway PostgreSQL
 * cluster and sets {@code SMARTLISTS_TEST_POSTGRES_URL} (a JDBC URL with user and password); the
 * other tests of the tree run on the embedded H2.
 */
@EnabledIfEnvironmentVariable(
    named = "SMARTLISTS_TEST_POSTGRES_URL",
    matches = "jdbc:postgresql:.+")
@SpringBootTest(
    classes = DemoStoreApplication.class,
    webEnvironment = WebEnvironment.RANDOM_PORT,
    properties = {StoreTesting.TEST_PROPERTIES, StoreTesting.NO_HOLDOUT})
class PostgresFullStackTests {

  @DynamicPropertySource
  static void postgres(DynamicPropertyRegistry registry) {
    registry.add("spring.datasource.url", () -> System.getenv("SMARTLISTS_TEST_POSTGRES_URL"));
    registry.add("spring.datasource.driver-class-name", () -> "org.postgresql.Driver");
  }

  @LocalServerPort int port;

  @Autowired SmartListsEngine engine;

  @Autowired DemoCatalog catalog;

  @Autowired MerchandisingEditor editor;

  @Autowired JdbcTemplate jdbc;

  @Test
  void storeOnPostgres_widgetsEventsAndConfigurationWork() {
    assertThat(jdbc.queryForObject("select version()", String.class)).startsWith("PostgreSQL");
    StoreTesting.awaitSignals(engine);
    Product page = StoreTesting.eligibleByUnitsSold(catalog).get(0);

    // the product page renders a widget from the signals rebuilt out of the PostgreSQL history
    WidgetMarkup widget =
        WidgetMarkup.only(new StoreClient(port).get(page.getUrl()), "PRODUCT_PAGE");
    assertThat(widget.productIds()).hasSizeGreaterThanOrEqualTo(4).doesNotContain(page.getId());

    // an order placed through the store lands in SL_EVENT in the checkout's transaction
    long eventsBefore = count("OrderConfirmed");
    new StoreClient(port).buy(page.getId(), 1);
    assertThat(count("OrderConfirmed")).isEqualTo(eventsBefore + 1);

    // a merchant moves the last slot of the acquisition product-page cell to the top
    CellView cell = editor.cell(Placement.PRODUCT_PAGE, JourneyStage.ACQUISITION);
    int last = cell.slots().size() - 1;
    ListType moved = cell.slots().get(last).type();
    long version = cell.version();
    for (int i = last; i > 0; i--) {
      editor.moveSlot(Placement.PRODUCT_PAGE, JourneyStage.ACQUISITION, i, -1, version, "pg-test");
      version = editor.cell(Placement.PRODUCT_PAGE, JourneyStage.ACQUISITION).version();
    }
    StoreTesting.await(
        Duration.ofSeconds(20),
        () -> {
          List<String> lists =
              WidgetMarkup.only(new StoreClient(port).get(page.getUrl()), "PRODUCT_PAGE").lists();
          return !lists.isEmpty() && lists.get(0).equals(moved.name());
        },
        moved + " did not become the first list of an anonymous product page");
  }

  private long count(String typeFragment) {
    Long n =
        jdbc.queryForObject(
            "select count(*) from SL_EVENT where type like ?",
            Long.class,
            "%" + typeFragment + "%");
    return n == null ? 0 : n;
  }
}
