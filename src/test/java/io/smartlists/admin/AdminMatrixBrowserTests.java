package io.smartlists.admin;

import static org.assertj.core.api.Assertions.assertThat;

import io.smartlists.demo.DemoStoreApplication;
import io.smartlists.engine.SmartListsEngine;
import io.smartlists.engine.model.JourneyStage;
import io.smartlists.engine.model.ListType;
import io.smartlists.engine.model.Placement;
import io.smartlists.engine.model.SlotConfig;
import io.smartlists.engine.model.Widget;
import io.smartlists.engine.model.WidgetRequest;
import io.smartlists.host.CatalogPort;
import io.smartlists.host.CustomerInfo;
import io.smartlists.host.CustomerPort;
import io.smartlists.host.ProductInfo;
import io.smartlists.merchandising.MerchandisingConfigSource;
import io.smartlists.merchandising.MerchandisingEditor;
import io.smartlists.testing.Chromium;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Issue #5, "Must show": in the reference store, an administrator signs in, moves a list to the top
 * of the product-page cell for the acquisition stage (with the keyboard), and an anonymous
 * visitor's product page then shows that list first. Takes the screenshots the README shows ({@code
 * docs/admin-matrix.png}, {@code docs/admin-slot-editor.png}, {@code docs/admin-preview.png});
 * refresh them with {@code mvn test -Dtest=AdminMatrixBrowserTests
 * -Dsmartlists.docs.screenshots=true}.
 */
@SpringBootTest(
    classes = DemoStoreApplication.class,
    webEnvironment = WebEnvironment.RANDOM_PORT,
    // what the widgets show, not how fast: a cold JIT on a busy machine can pass the 50 ms budget
    properties = {"smartlists.time-budget=2s", "smartlists.stats.holdout.share=0"})
class AdminMatrixBrowserTests {

  private static final String CELL = "cell-PRODUCT_PAGE-ACQUISITION";

  @LocalServerPort int port;

  @Autowired SmartListsEngine engine;
  @Autowired CatalogPort catalog;
  @Autowired CustomerPort customers;
  @Autowired MerchandisingConfigSource config;
  @Autowired MerchandisingEditor editor;

  @BeforeAll
  static void browser() {
    Chromium.assumeInstalled();
  }

  @Test
  void movingAListToTheTop_anonymousProductPageShowsItFirst() throws Exception {
    awaitSignals();
    String base = "http://localhost:" + port;
    List<SlotConfig> shipped =
        engine.config().slots(Placement.PRODUCT_PAGE, JourneyStage.ACQUISITION);
    assertThat(shipped).hasSizeGreaterThanOrEqualTo(2);
    ListType second = shipped.get(1).type();
    ProductInfo product = productWithAFullWidget();
    long shippedVersion = config.current().version();
    try {
      moveAndCheck(base, second, product);
    } finally {
      // other tests share this application context: leave the shipped configuration in force
      editor.restore(shippedVersion, "AdminMatrixBrowserTests");
    }
  }

  private void moveAndCheck(String base, ListType second, ProductInfo product) throws Exception {
    try (Chromium chromium = Chromium.start()) {
      WebDriver browser = chromium.driver();

      // before: an anonymous first visit sees the shipped order
      browser.get(base + product.url());
      assertThat(firstListOnProductPage(browser)).isNotEqualTo(second.name());

      // the admin refuses anonymous visitors and sends them to its own sign-in page
      browser.manage().deleteAllCookies();
      browser.get(base + "/admin/smartlists");
      assertThat(browser.getCurrentUrl()).endsWith("/admin/smartlists/login");
      browser.findElement(By.id("username")).sendKeys("admin");
      browser.findElement(By.id("password")).sendKeys("admin");
      browser.findElement(By.id("sign-in")).click();
      assertThat(browser.getCurrentUrl()).endsWith("/admin/smartlists");

      // the matrix, tall enough to show every stage
      browser.manage().window().setSize(new Dimension(1500, 2400));
      keep(chromium.screenshot("admin-matrix"), "admin-matrix.png");
      browser.manage().window().setSize(new Dimension(1400, 1000));

      // move the second list up with the keyboard: focus its "Move up" button, press Enter
      WebElement cell = browser.findElement(By.id(CELL));
      List<WebElement> slots = cell.findElements(By.cssSelector("li[data-sl-list]"));
      assertThat(slots.get(1).getAttribute("data-sl-list")).isEqualTo(second.name());
      WebElement moveUp = slots.get(1).findElement(By.cssSelector("button[id^='move-up-']"));
      moveUp.sendKeys(Keys.ENTER);

      // saved: flash message, the list is first in the cell, and the focus stays on it
      assertThat(browser.findElement(By.cssSelector(".sl-flash.sl-ok")).getText())
          .contains("Order saved");
      cell = browser.findElement(By.id(CELL));
      assertThat(
              cell.findElements(By.cssSelector("li[data-sl-list]"))
                  .get(0)
                  .getAttribute("data-sl-list"))
          .isEqualTo(second.name());
      String focusedList =
          new WebDriverWait(browser, Duration.ofSeconds(10))
              .withMessage(
                  () ->
                      "focus after the move: "
                          + ((JavascriptExecutor) browser)
                              .executeScript(
                                  "var f = document.querySelector('[data-sl-focus]');"
                                      + " return (f ? f.outerHTML : 'no marker') + ' / active: '"
                                      + " + document.activeElement.outerHTML.substring(0, 300)"
                                      + " + ' / scripts: ' + document.scripts.length"))
              .until(
                  d ->
                      (String)
                          ((JavascriptExecutor) d)
                              .executeScript(
                                  "var li = document.activeElement.closest('li[data-sl-list]');"
                                      + " return li ? li.getAttribute('data-sl-list') : null;"));
      assertThat(focusedList).isEqualTo(second.name());

      // the slot editor of that list, then a validation message (minimum above maximum)
      cell.findElements(By.cssSelector("li[data-sl-list] a.sl-link")).get(0).click();
      new Select(browser.findElement(By.id("type"))).selectByValue("BESTSELLERS_CATEGORIES");
      browser.findElement(By.id("categories")).sendKeys("no-such-aisle");
      WebElement min = browser.findElement(By.id("minItems"));
      min.clear();
      min.sendKeys("9");
      WebElement max = browser.findElement(By.id("maxItems"));
      max.clear();
      max.sendKeys("5");
      browser.findElement(By.id("save-slot")).click();
      assertThat(browser.findElement(By.id("minItems-error")).getText())
          .isEqualTo("The minimum (9) is above the maximum (5).");
      assertThat(
              browser
                  .findElement(By.cssSelector("[data-param='CATEGORIES'] .sl-field-error"))
                  .getText())
          .isEqualTo("Unknown category: no-such-aisle.");
      keep(chromium.screenshot("admin-slot-editor"), "admin-slot-editor.png");

      // the preview: a customer with orders on this product's page, the stage, reasons, drops
      CustomerInfo customer = customers.search("", 50).stream().findFirst().orElse(null);
      browser.get(base + "/admin/smartlists/preview");
      if (customer != null) {
        browser.findElement(By.id("customer")).sendKeys(customer.id());
      }
      new Select(browser.findElement(By.id("placement"))).selectByValue("PRODUCT_PAGE");
      browser.findElement(By.id("products")).sendKeys(product.id());
      browser.findElement(By.id("run-preview")).click();
      browser.manage().window().setSize(new Dimension(1400, 1800));
      keep(chromium.screenshot("admin-preview"), "admin-preview.png");
      browser.manage().window().setSize(new Dimension(1400, 1000));
      assertThat(browser.findElement(By.id("preview-stage")).getText()).isNotBlank();
      assertThat(browser.findElements(By.cssSelector(".sl-preview-slot"))).isNotEmpty();
    }

    // after: a new anonymous visitor's product page shows the moved list first
    try (Chromium chromium = Chromium.start()) {
      WebDriver browser = chromium.driver();
      browser.get(base + product.url());
      assertThat(firstListOnProductPage(browser)).isEqualTo(second.name());
    }
  }

  /** A product whose page shows every slot of the acquisition cell to a first-time visitor. */
  private ProductInfo productWithAFullWidget() {
    Widget last = null;
    for (ProductInfo p : catalog.allProducts()) {
      last =
          engine.compose(
              new WidgetRequest(
                  Placement.PRODUCT_PAGE,
                  "sl-browser-test-probe",
                  null,
                  List.of(p.id()),
                  engine.clock().instant(),
                  false));
      if (last.slots().size() >= 2 && last.slots().get(1).position() == 1) {
        return p;
      }
    }
    throw new AssertionError("no product page composes a widget; last: " + last);
  }

  private static String firstListOnProductPage(WebDriver browser) {
    WebElement widget = browser.findElement(By.cssSelector("[data-sl-placement='PRODUCT_PAGE']"));
    assertThat(widget.getAttribute("data-sl-stage")).isEqualTo("ACQUISITION");
    return widget
        .findElements(By.cssSelector("[data-sl-list]"))
        .get(0)
        .getAttribute("data-sl-list");
  }

  /**
   * Waits for the start-up rebuild (it runs once the application is ready) and for the engine to
   * compose a product-page widget within its budget (the rebuild's warm-up may still be running).
   */
  private void awaitSignals() throws InterruptedException {
    long deadline = System.nanoTime() + Duration.ofMinutes(3).toNanos();
    while (engine.signals() == null || engine.signals().productCount() == 0) {
      assertThat(System.nanoTime()).as("signals built within 3 minutes").isLessThan(deadline);
      Thread.sleep(200);
    }
    String product = engine.signals().productId(0);
    while (engine
            .compose(
                new WidgetRequest(
                    Placement.PRODUCT_PAGE,
                    "sl-browser-test-warm-up",
                    null,
                    List.of(product),
                    engine.clock().instant(),
                    false))
            .outcome()
        != Widget.Outcome.OK) {
      assertThat(System.nanoTime()).as("widgets composed within 3 minutes").isLessThan(deadline);
      Thread.sleep(200);
    }
  }

  /**
   * Copies a screenshot to {@code docs/} (the README shows it) when the run asks for it with {@code
   * -Dsmartlists.docs.screenshots=true}; a plain test run leaves the tracked files alone (the
   * screenshots stay in the build directory).
   */
  private static void keep(Path screenshot, String name) throws IOException {
    if (!Boolean.getBoolean("smartlists.docs.screenshots")) {
      return;
    }
    Path docs = Path.of("docs");
    Files.createDirectories(docs);
    Files.copy(screenshot, docs.resolve(name), StandardCopyOption.REPLACE_EXISTING);
  }
}
