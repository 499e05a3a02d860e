package io.smartlists.demo;

import static org.assertj.core.api.Assertions.assertThat;

import io.smartlists.demo.catalog.DemoCatalog;
import io.smartlists.demo.catalog.Product;
import io.smartlists.demo.customer.Customer;
import io.smartlists.demo.customer.DemoCustomers;
import io.smartlists.engine.SmartListsEngine;
import io.smartlists.engine.model.JourneyStage;
import io.smartlists.engine.model.Placement;
import io.smartlists.engine.model.SlotConfig;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Issue #3, "Must show": in the reference store the same product page shows different lists to an
 * anonymous first visit, a shopper who browsed, a one-time buyer, a repeat buyer, a lapsed buyer
 * and a B2B customer, each as configured for the stage the module resolves from the real order
 * history (sample customers signed in through the store's "Browse as" switch).
 */
@SpringBootTest(
    classes = DemoStoreApplication.class,
    webEnvironment = WebEnvironment.RANDOM_PORT,
    properties = {StoreTesting.TEST_PROPERTIES, StoreTesting.NO_HOLDOUT})
class StageJourneyTests {

  @LocalServerPort int port;

  @Autowired SmartListsEngine engine;

  @Autowired DemoCatalog catalog;

  @Autowired DemoCustomers customers;

  private Product page;

  @BeforeEach
  void signals() {
    StoreTesting.awaitSignals(engine);
    page = StoreTesting.eligibleByUnitsSold(catalog).get(0);
  }

  @Test
  void sameProductPage_eachShopperSeesTheListsOfTheirStage() {
    Map<String, WidgetMarkup> seen = new LinkedHashMap<>();

    seen.put("anonymous first visit", productPage(new StoreClient(port)));

    StoreClient browser = new StoreClient(port);
    List<Product> others = StoreTesting.eligibleByUnitsSold(catalog);
    browser.get(others.get(1).getUrl());
    browser.get("/category/" + others.get(2).getCategoryId());
    browser.get(others.get(3).getUrl());
    seen.put("shopper who browsed", productPage(browser));

    for (String persona :
        List.of("one-time buyer", "repeat buyer", "lapsed buyer", "B2B customer")) {
      Customer customer = customers.persona(persona);
      assertThat(customer).as("the demo data features a %s", persona).isNotNull();
      StoreClient client = new StoreClient(port);
      client.get("/");
      client.post("/browse-as", Map.of("customerId", customer.getId(), "returnTo", "/"));
      seen.put(persona, productPage(client));
    }

    Map<String, JourneyStage> expected = new LinkedHashMap<>();
    expected.put("anonymous first visit", JourneyStage.ACQUISITION);
    expected.put("shopper who browsed", JourneyStage.CONVERSION);
    expected.put("one-time buyer", JourneyStage.RETENTION_FIRST_PURCHASE);
    expected.put("repeat buyer", JourneyStage.RETENTION_REPEAT);
    expected.put("lapsed buyer", JourneyStage.REACTIVATION);
    expected.put("B2B customer", JourneyStage.B2B);

    for (Map.Entry<String, JourneyStage> e : expected.entrySet()) {
      WidgetMarkup widget = seen.get(e.getKey());
      assertThat(widget.stage()).as("stage of the %s", e.getKey()).isEqualTo(e.getValue().name());
      assertThat(widget.lists())
          .as("lists shown to the %s", e.getKey())
          .containsExactlyElementsOf(configured(e.getValue()));
      assertThat(widget.productIds())
          .as("products shown to the %s", e.getKey())
          .hasSizeGreaterThanOrEqualTo(4)
          .doesNotContain(page.getId());
    }

    // what the shoppers see differs: no two of them get the same lists with the same products
    List<String> keys = new ArrayList<>(seen.keySet());
    for (int i = 0; i < keys.size(); i++) {
      for (int j = i + 1; j < keys.size(); j++) {
        WidgetMarkup a = seen.get(keys.get(i));
        WidgetMarkup b = seen.get(keys.get(j));
        assertThat(a.lists().equals(b.lists()) && a.items().equals(b.items()))
            .as("%s and %s see the same widget", keys.get(i), keys.get(j))
            .isFalse();
      }
    }
  }

  private WidgetMarkup productPage(StoreClient client) {
    return WidgetMarkup.only(client.get(page.getUrl()), "PRODUCT_PAGE");
  }

  private List<String> configured(JourneyStage stage) {
    List<String> lists = new ArrayList<>();
    for (SlotConfig slot : engine.config().slots(Placement.PRODUCT_PAGE, stage)) {
      lists.add(slot.type().name());
    }
    return lists;
  }
}
