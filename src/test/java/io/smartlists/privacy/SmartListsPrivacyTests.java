package io.smartlists.privacy;

import static org.assertj.core.api.Assertions.assertThat;

import io.smartlists.autoconfigure.SmartListsAutoConfiguration;
import io.smartlists.autoconfigure.SmartListsPrivacyAutoConfiguration;
import io.smartlists.engine.SmartListsEngine;
import io.smartlists.host.CartChanged;
import io.smartlists.host.CustomerLoggedIn;
import io.smartlists.host.OrderConfirmed;
import io.smartlists.host.OrderLine;
import io.smartlists.host.OrderRecord;
import io.smartlists.host.ProductViewed;
import io.smartlists.host.SmartListsEventPublisher;
import io.smartlists.site.TestShop;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.boot.jdbc.autoconfigure.DataSourceTransactionManagerAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.transaction.autoconfigure.TransactionAutoConfiguration;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Erasure: after {@code SmartListsPrivacy.erase(customerId)} no row of any module table holds the
 * customer's id or one of their visitor ids (in any text column, JSON payloads included), their
 * browsing and purchase history are gone from the engine's memory, and other shoppers keep theirs.
 */
class SmartListsPrivacyTests {

  private static final String CUSTOMER = "customer-to-erase";
  private static final String PHONE = UUID.randomUUID().toString();
  private static final String LAPTOP = UUID.randomUUID().toString();
  private static final String OTHER_VISITOR = UUID.randomUUID().toString();

  private final ApplicationContextRunner runner =
      new ApplicationContextRunner()
          .withPropertyValues(
              "smartlists.rebuild.on-startup=false",
              "spring.datasource.url=jdbc:h2:mem:privacy-" + UUID.randomUUID())
          .withConfiguration(
              AutoConfigurations.of(
                  DataSourceAutoConfiguration.class,
                  DataSourceTransactionManagerAutoConfiguration.class,
                  TransactionAutoConfiguration.class,
                  SmartListsAutoConfiguration.class,
                  SmartListsPrivacyAutoConfiguration.class))
          .withBean(TestShop.class);

  @Test
  void erase_leavesNoRowWithTheCustomersOrTheirVisitorsIds() {
    runner.run(
        context -> {
          SmartListsEngine engine = context.getBean(SmartListsEngine.class);
          SmartListsEventPublisher events = context.getBean(SmartListsEventPublisher.class);
          JdbcTemplate jdbc = new JdbcTemplate(context.getBean(javax.sql.DataSource.class));
          engine.rebuild();
          Instant now = Instant.now();
          // the customer browses anonymously on the phone, signs in, orders on the laptop
          events.publish(new ProductViewed(PHONE, null, "p1", now));
          events.publish(new CustomerLoggedIn(PHONE, CUSTOMER, now));
          events.publish(new ProductViewed(LAPTOP, CUSTOMER, "p2", now));
          List<OrderLine> lines = List.of(new OrderLine("p1", 1, new BigDecimal("79.90")));
          events.publish(new CartChanged(LAPTOP, CUSTOMER, lines, now));
          events.publish(
              new OrderConfirmed(LAPTOP, new OrderRecord("o-1", CUSTOMER, now, lines), now));
          // another shopper
          events.publish(new ProductViewed(OTHER_VISITOR, null, "p3", now));
          assertThat(engine.signals().browsingViews(LAPTOP, CUSTOMER)).isEqualTo(2);
          assertThat(engine.signals().orderCount(CUSTOMER)).isEqualTo(1);
          assertThat(rowsMentioning(jdbc, CUSTOMER)).isPositive();

          SmartListsPrivacy.Erasure erasure =
              context.getBean(SmartListsPrivacy.class).erase(CUSTOMER);

          assertThat(erasure.visitorIds()).containsExactlyInAnyOrder(PHONE, LAPTOP);
          assertThat(erasure.rows()).isEqualTo(5);
          for (String id : List.of(CUSTOMER, PHONE, LAPTOP)) {
            assertThat(rowsMentioning(jdbc, id)).as(id).isZero();
          }
          assertThat(engine.signals().browsingViews(PHONE, null)).isZero();
          assertThat(engine.signals().browsingViews(LAPTOP, CUSTOMER)).isZero();
          assertThat(engine.signals().orderCount(CUSTOMER)).isZero();
          // the other shopper keeps their row and their browsing
          assertThat(
                  jdbc.queryForObject(
                      "SELECT COUNT(*) FROM SL_EVENT WHERE VISITOR_ID = ?",
                      Integer.class,
                      OTHER_VISITOR))
              .isEqualTo(1);
          assertThat(engine.signals().browsingViews(OTHER_VISITOR, null)).isEqualTo(1);
        });
  }

  @Test
  void eraseVisitor_forgetsAnAnonymousShopper() {
    runner.run(
        context -> {
          SmartListsEngine engine = context.getBean(SmartListsEngine.class);
          JdbcTemplate jdbc = new JdbcTemplate(context.getBean(javax.sql.DataSource.class));
          engine.rebuild();
          SmartListsEventPublisher events = context.getBean(SmartListsEventPublisher.class);
          events.publish(new ProductViewed(PHONE, null, "p1", Instant.now()));

          context.getBean(SmartListsPrivacy.class).eraseVisitor(PHONE);

          assertThat(rowsMentioning(jdbc, PHONE)).isZero();
          assertThat(engine.signals().browsingViews(PHONE, null)).isZero();
        });
  }

  @Test
  void erase_reachesEveryNodeThroughTheEventLog() {
    String url = "jdbc:h2:mem:privacy-nodes-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1";
    ApplicationContextRunner node = runner.withPropertyValues("spring.datasource.url=" + url);
    node.run(
        a ->
            node.run(
                b -> {
                  SmartListsEngine engineA = a.getBean(SmartListsEngine.class);
                  SmartListsEngine engineB = b.getBean(SmartListsEngine.class);
                  engineA.rebuild();
                  engineB.rebuild();
                  SmartListsEventPublisher events = a.getBean(SmartListsEventPublisher.class);
                  Instant now = Instant.now();
                  events.publish(new ProductViewed(PHONE, null, "p1", now));
                  events.publish(new CustomerLoggedIn(PHONE, CUSTOMER, now));
                  events.publish(new ProductViewed(LAPTOP, CUSTOMER, "p2", now));
                  List<OrderLine> lines = List.of(new OrderLine("p1", 1, new BigDecimal("79.90")));
                  events.publish(
                      new OrderConfirmed(
                          LAPTOP, new OrderRecord("o-1", CUSTOMER, now, lines), now));
                  events.publish(new ProductViewed(OTHER_VISITOR, null, "p3", now));
                  // node B learns it all from the log
                  await(() -> engineB.signals().browsingViews(OTHER_VISITOR, null) == 1);
                  assertThat(engineB.signals().browsingViews(LAPTOP, CUSTOMER)).isEqualTo(2);
                  assertThat(engineB.signals().orderCount(CUSTOMER)).isEqualTo(1);

                  a.getBean(SmartListsPrivacy.class).erase(CUSTOMER);

                  await(() -> engineB.signals().orderCount(CUSTOMER) == 0);
                  assertThat(engineB.signals().browsingViews(LAPTOP, CUSTOMER)).isZero();
                  assertThat(engineB.signals().browsingViews(PHONE, null)).isZero();
                  assertThat(engineB.signals().browsingViews(OTHER_VISITOR, null)).isEqualTo(1);
                  assertThat(engineA.signals().orderCount(CUSTOMER)).isZero();
                  // the notice that travelled holds no id in clear
                  JdbcTemplate jdbc = new JdbcTemplate(a.getBean(javax.sql.DataSource.class));
                  assertThat(
                          jdbc.queryForObject(
                              "SELECT COUNT(*) FROM SL_EVENT WHERE TYPE = 'ShopperErased'",
                              Integer.class))
                      .isEqualTo(1);
                  for (String id : List.of(CUSTOMER, PHONE, LAPTOP)) {
                    assertThat(rowsMentioning(jdbc, id)).as(id).isZero();
                  }
                }));
  }

  private static void await(java.util.function.BooleanSupplier done) throws InterruptedException {
    long deadline = System.nanoTime() + 10_000_000_000L;
    while (!done.getAsBoolean() && System.nanoTime() < deadline) {
      Thread.sleep(50);
    }
    assertThat(done.getAsBoolean()).as("within 10 s").isTrue();
  }

  /**
   * Matches of {@code id} in the text columns of every module table (SL_*), a row counted once per
   * column that contains it.
   */
  private static int rowsMentioning(JdbcTemplate jdbc, String id) {
    List<Map<String, Object>> columns =
        jdbc.queryForList(
            "SELECT TABLE_NAME, COLUMN_NAME FROM INFORMATION_SCHEMA.COLUMNS WHERE TABLE_SCHEMA ="
                + " SCHEMA() AND TABLE_NAME LIKE 'SL\\_%' AND DATA_TYPE IN ('CHARACTER VARYING',"
                + " 'CHARACTER LARGE OBJECT', 'CHARACTER')");
    assertThat(columns).isNotEmpty();
    int rows = 0;
    for (Map<String, Object> c : columns) {
      Integer n =
          jdbc.queryForObject(
              "SELECT COUNT(*) FROM \""
                  + c.get("TABLE_NAME")
                  + "\" WHERE CAST(\""
                  + c.get("COLUMN_NAME")
                  + "\" AS VARCHAR) LIKE ?",
              Integer.class,
              "%" + id + "%");
      rows += n == null ? 0 : n;
    }
    return rows;
  }
}
