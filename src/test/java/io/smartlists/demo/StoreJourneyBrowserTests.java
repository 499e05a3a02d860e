package io.smartlists.demo;

import static org.assertj.core.api.Assertions.assertThat;

import io.smartlists.demo.catalog.DemoCatalog;
import io.smartlists.demo.catalog.Product;
import io.smartlists.engine.SmartListsEngine;
import io.smartlists.testing.Chromium;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Issue #2, "Must show": headless Chromium drives the reference store through product page → add to
 * cart → checkout, and each of the three widgets shows at least 4 products under the markup
 * contract, none of them a context product and none the visitor may not buy.
 */
@SpringBootTest(
    classes = DemoStoreApplication.class,
    webEnvironment = WebEnvironment.RANDOM_PORT,
    properties = {StoreTesting.TEST_PROPERTIES, StoreTesting.NO_HOLDOUT})
class StoreJourneyBrowserTests {

  @LocalServerPort int port;

  @Autowired SmartListsEngine engine;

  @Autowired DemoCatalog catalog;

  @BeforeAll
  static void browser() {
    Chromium.assumeInstalled();
  }

  @Test
  void productCartCheckout_eachWidgetShowsFourEligibleNonContextProducts() {
    StoreTesting.awaitSignals(engine);
    List<String> ineligible = StoreTesting.ineligibleForAnonymous(catalog);
    assertThat(ineligible)
        .as("the demo data ships sold-out, hidden and B2B-only products")
        .hasSizeGreaterThanOrEqualTo(3);
    Product viewed = StoreTesting.eligibleByUnitsSold(catalog).get(0);

    try (Chromium chromium = Chromium.start()) {
      WebDriver browser = chromium.driver();
      WebDriverWait waitFor = new WebDriverWait(browser, Duration.ofSeconds(30));
      String base = "http://localhost:" + port;

      // product page
      browser.get(base + viewed.getUrl());
      chromium.screenshot("store-journey-1-product");
      assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo(viewed.getName());
      WidgetMarkup productWidget = WidgetMarkup.only(browser.getPageSource(), "PRODUCT_PAGE");
      assertWidget(productWidget, Set.of(viewed.getId()), ineligible);

      // follow the first recommendation's link: it lands on that product's page; add it too
      String recommended = productWidget.items().get(0).productId();
      browser
          .findElement(By.cssSelector("[data-sl-product='" + recommended + "'] a.sl-link"))
          .click();
      waitFor.until(ExpectedConditions.urlMatches("/product/" + recommended + "$"));
      browser.findElement(By.id("add-to-cart")).click();
      waitFor.until(ExpectedConditions.urlMatches("/cart$"));

      // back to the first product, add two of it
      browser.get(base + viewed.getUrl());
      WebElement quantity = browser.findElement(By.name("quantity"));
      quantity.clear();
      quantity.sendKeys("2");
      browser.findElement(By.id("add-to-cart")).click();

      // cart
      waitFor.until(ExpectedConditions.textToBePresentInElementLocated(By.className("badge"), "3"));
      assertThat(browser.getCurrentUrl()).endsWith("/cart");
      chromium.screenshot("store-journey-2-cart");
      Set<String> cartLines = dataValues(browser, "[data-cart-line]", "data-cart-line");
      assertThat(cartLines).containsExactlyInAnyOrder(recommended, viewed.getId());
      assertWidget(WidgetMarkup.only(browser.getPageSource(), "CART"), cartLines, ineligible);

      // checkout without payment → confirmation
      browser.findElement(By.id("checkout")).click();
      waitFor.until(ExpectedConditions.elementToBeClickable(By.id("place-order"))).click();
      waitFor.until(ExpectedConditions.presenceOfElementLocated(By.id("order-id")));
      assertThat(browser.getCurrentUrl()).contains("/order/");
      chromium.screenshot("store-journey-3-confirmation");
      Set<String> orderLines = dataValues(browser, "[data-order-line]", "data-order-line");
      assertThat(orderLines).containsExactlyInAnyOrder(recommended, viewed.getId());
      assertWidget(
          WidgetMarkup.only(browser.getPageSource(), "ORDER_CONFIRMATION"), orderLines, ineligible);
    }
  }

  private void assertWidget(WidgetMarkup widget, Set<String> context, List<String> ineligible) {
    assertThat(widget.stage()).as("data-sl-stage of %s", widget.placement()).isNotBlank();
    assertThat(widget.slots()).as("slots of %s", widget.placement()).isNotEmpty();
    assertThat(widget.lists())
        .as("data-sl-list of every slot")
        .allSatisfy(list -> assertThat(list).isNotBlank());
    assertThat(widget.productIds())
        .as("products of the %s widget", widget.placement())
        .hasSizeGreaterThanOrEqualTo(4);
    for (WidgetMarkup.Item item : widget.items()) {
      assertThat(item.url())
          .as("product page of %s", item.productId())
          .isEqualTo("/product/" + item.productId());
      assertThat(item.linked()).as("%s links to its page", item.productId()).isTrue();
    }
    assertThat(widget.productIds()).as("no context product").doesNotContainAnyElementsOf(context);
    assertThat(widget.productIds())
        .as("nothing ineligible")
        .doesNotContainAnyElementsOf(ineligible);
    assertThat(widget.items()).as("no product twice").hasSize(widget.productIds().size());
  }

  private static Set<String> dataValues(WebDriver browser, String css, String attribute) {
    Set<String> values = new HashSet<>();
    for (WebElement e : browser.findElements(By.cssSelector(css))) {
      values.add(e.getAttribute(attribute));
    }
    return values;
  }
}
