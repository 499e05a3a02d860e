package io.smartlists.demo;

import static org.assertj.core.api.Assertions.assertThat;

import io.smartlists.demo.catalog.DemoCatalog;
import io.smartlists.demo.catalog.Product;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.web.util.HtmlUtils;

/**
 * The whole reference store with {@code smartlists.enabled=false}: it starts, its pages render
 * without widgets, and a shopper can still buy (the post-purchase e-mail is simply not sent).
 * {@code scripts/page-cost.sh} compares the store against exactly this configuration.
 */
@SpringBootTest(
    classes = DemoStoreApplication.class,
    webEnvironment = WebEnvironment.RANDOM_PORT,
    properties = {"smartlists.enabled=false", "demo.replay.enabled=false"})
class ModuleOffStoreTests {

  @LocalServerPort int port;

  @Autowired DemoCatalog catalog;

  @Test
  void theStoreServesAndSellsWithTheModuleOff() {
    List<Product> eligible = StoreTesting.eligibleByUnitsSold(catalog);
    Product product = eligible.get(0);
    StoreClient shopper = new StoreClient(port);

    String page = shopper.get(product.getUrl());
    assertThat(page).contains(HtmlUtils.htmlEscape(product.getName())).doesNotContain("sl-widget");
    assertThat(shopper.get("/cart")).doesNotContain("sl-widget");
    shopper.post("/cart/add", Map.of("productId", product.getId(), "quantity", "1"));
    String confirmation = shopper.post("/checkout", Map.of("email", ""));
    assertThat(confirmation).doesNotContain("sl-widget");
    assertThat(shopper.status("/outbox")).isEqualTo(200);
  }
}
