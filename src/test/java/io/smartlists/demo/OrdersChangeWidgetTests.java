package io.smartlists.demo;

import static org.assertj.core.api.Assertions.assertThat;

import io.smartlists.demo.catalog.DemoCatalog;
import io.smartlists.demo.catalog.Product;
import io.smartlists.engine.SmartListsEngine;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Issue #2, "Must show": orders placed through the store (over HTTP, cart then checkout, like a
 * shopper) change what the widget shows, without a restart: a product nobody bought in the last
 * months rises into the bestsellers once enough of it is ordered.
 */
@SpringBootTest(
    classes = DemoStoreApplication.class,
    webEnvironment = WebEnvironment.RANDOM_PORT,
    properties = {StoreTesting.TEST_PROPERTIES, StoreTesting.NO_HOLDOUT})
class OrdersChangeWidgetTests {

  private static final String BESTSELLERS = "BESTSELLERS_CATALOG";

  @LocalServerPort int port;

  @Autowired SmartListsEngine engine;

  @Autowired DemoCatalog catalog;

  @Test
  void ordersPlacedInTheStore_productRisesIntoBestsellersWithoutRestart() {
    StoreTesting.awaitSignals(engine);
    List<Product> eligible = StoreTesting.eligibleByUnitsSold(catalog);
    Product page = eligible.get(0);
    // the least sold product the store may sell to anyone: surely not a bestseller yet
    Product rising = eligible.get(eligible.size() - 1);

    // a first-time anonymous visitor sees the catalogue bestsellers on a product page
    Set<String> before = bestsellersSeenByNewVisitor(page);
    assertThat(before).as("bestsellers shown before the orders").hasSizeGreaterThanOrEqualTo(4);
    assertThat(before).doesNotContain(rising.getId());

    // three shoppers order the product in quantity through cart and checkout
    for (int shopper = 0; shopper < 3; shopper++) {
      new StoreClient(port).buy(rising.getId(), 99);
    }

    // the next visitor sees it among the bestsellers; the event is applied right after the commit
    AtomicReference<Set<String>> after = new AtomicReference<>(Set.of());
    StoreTesting.await(
        Duration.ofSeconds(20),
        () -> {
          after.set(bestsellersSeenByNewVisitor(page));
          return after.get().contains(rising.getId());
        },
        rising.getId() + " (" + rising.getName() + ") did not rise into the bestsellers");
    assertThat(after.get()).contains(rising.getId()).doesNotContain(page.getId());
  }

  private Set<String> bestsellersSeenByNewVisitor(Product page) {
    String html = new StoreClient(port).get(page.getUrl());
    WidgetMarkup widget = WidgetMarkup.only(html, "PRODUCT_PAGE");
    assertThat(widget.lists())
        .as("the anonymous first visit shows the catalogue bestsellers")
        .contains(BESTSELLERS);
    return widget.productIds(BESTSELLERS);
  }
}
