package io.smartlists.demo;

import static org.assertj.core.api.Assertions.assertThat;

import io.smartlists.demo.catalog.DemoCatalog;
import io.smartlists.demo.catalog.Product;
import io.smartlists.engine.SmartListsEngine;
import io.smartlists.site.Visitors;
import io.smartlists.stats.Arm;
import io.smartlists.stats.Holdout;
import io.smartlists.stats.ShopperEventRecorder;
import io.smartlists.stats.StatsFigures;
import io.smartlists.testing.Chromium;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Cookie;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Issue #11, "Must show": in the reference store, a shopper in the exposed arm follows a
 * recommended product's link, adds it and checks out; the admin's Statistics screen then shows that
 * click, one more attributed order and the product's price as attributed revenue on the row of the
 * widget's list × stage × placement. A shopper in the holdout gets a product page without any
 * widget, and the impression it would have seen is recorded in the holdout arm.
 *
 * <p>With {@code -Dsmartlists.docs.screenshots=true} it first replays 150 shoppers ({@link
 * DemoTrafficReplay}) and keeps the screenshots the README shows ({@code
 * docs/admin-statistics.png}, {@code docs/admin-matrix-figures.png}): {@code mvn test
 * -Dtest=StatisticsBrowserTests -Dsmartlists.docs.screenshots=true}.
 */
@SpringBootTest(
    classes = DemoStoreApplication.class,
    webEnvironment = WebEnvironment.RANDOM_PORT,
    properties = StoreTesting.TEST_PROPERTIES)
class StatisticsBrowserTests {

  @LocalServerPort int port;

  @Autowired SmartListsEngine engine;
  @Autowired DemoCatalog catalog;
  @Autowired Holdout holdout;
  @Autowired Visitors visitors;
  @Autowired StatsFigures figures;
  @Autowired JdbcTemplate jdbc;
  @Autowired ShopperEventRecorder recorder;
  @Autowired DemoTrafficReplay replay;

  @BeforeAll
  static void browser() {
    Chromium.assumeInstalled();
  }

  @Test
  void exposedShopperClicksAddsAndBuys_statisticsShowIt_holdoutShopperSeesNoWidget()
      throws Exception {
    StoreTesting.awaitSignals(engine);
    String base = "http://localhost:" + port;
    boolean screenshots = Boolean.getBoolean("smartlists.docs.screenshots");
    if (screenshots) {
      replay.replay(base, 150);
      recorder.flush();
    }
    assertThat(holdout.share()).as("the shipped holdout share").isEqualTo(0.10);
    Product viewed = StoreTesting.eligibleByUnitsSold(catalog).get(0);

    try (Chromium chromium = Chromium.start()) {
      WebDriver browser = chromium.driver();
      WebDriverWait waitFor = new WebDriverWait(browser, Duration.ofSeconds(30));

      // an exposed shopper's product page: take the first recommendation of the first list
      visitAs(browser, base, visitor(Arm.EXPOSED));
      browser.get(base + viewed.getUrl());
      WebElement widget = browser.findElement(By.cssSelector("[data-sl-placement='PRODUCT_PAGE']"));
      String stage = widget.getAttribute("data-sl-stage");
      WebElement slot = widget.findElements(By.cssSelector(".sl-slot")).get(0);
      String list = slot.getAttribute("data-sl-list");
      WebElement item = slot.findElements(By.cssSelector(".sl-item")).get(0);
      String recommended = item.getAttribute("data-sl-product");
      BigDecimal price = catalog.find(recommended).getPrice();
      recorder.flush();
      StatsFigures.Row before =
          figures.report(figures.today(), figures.today()).row("PRODUCT_PAGE", stage, list);

      // follow it, add it, check out
      item.findElement(By.cssSelector("a.sl-link")).click();
      waitFor.until(ExpectedConditions.urlMatches("/product/" + recommended + "$"));
      browser.findElement(By.id("add-to-cart")).click();
      waitFor.until(ExpectedConditions.urlMatches("/cart$"));
      browser.get(base + "/checkout");
      browser.findElement(By.id("place-order")).click();
      waitFor.until(ExpectedConditions.urlMatches("/order/\\d+$"));

      // the admin's Statistics screen: one more click, attributed order and the product's revenue
      recorder.flush();
      browser.manage().deleteAllCookies();
      browser.get(base + "/admin/smartlists/login");
      browser.findElement(By.id("username")).sendKeys("admin");
      browser.findElement(By.id("password")).sendKeys("admin");
      browser.findElement(By.id("sign-in")).click();
      browser.get(base + "/admin/smartlists/statistics?range=7");
      WebElement row =
          browser.findElement(
              By.cssSelector(
                  "tr.sl-stats-row[data-placement='PRODUCT_PAGE'][data-stage='"
                      + stage
                      + "'][data-list='"
                      + list
                      + "']"));
      assertThat(value(row, "clicks").longValueExact()).isEqualTo(count(before, 1) + 1);
      assertThat(value(row, "orders").longValueExact()).isEqualTo(count(before, 4) + 1);
      assertThat(value(row, "revenue"))
          .isEqualByComparingTo(
              (before == null ? BigDecimal.ZERO : before.attributedRevenue()).add(price));
      if (screenshots) {
        // the replayed month, the chart drawn
        browser.get(base + "/admin/smartlists/statistics?range=30");
        browser.manage().window().setSize(new Dimension(1400, 2000));
        waitFor.until(
            d ->
                (Boolean)
                    ((org.openqa.selenium.JavascriptExecutor) d)
                        .executeScript(
                            "return typeof Chart !== 'undefined'"
                                + " && !!Chart.getChart(document.getElementById('sl-stats-chart'));"));
        keep(chromium.screenshot("admin-statistics"), "admin-statistics.png");
      }

      // the journey matrix shows the list's figures beside it in its cell
      browser.get(base + "/admin/smartlists");
      WebElement figuresOfList =
          browser.findElement(
              By.cssSelector(
                  "#cell-PRODUCT_PAGE-"
                      + stage
                      + " li[data-sl-list='"
                      + list
                      + "'] .sl-figures[data-sl-figures='true']"));
      assertThat(figuresOfList.getText()).contains("CTR").contains("30");
      if (screenshots) {
        browser.manage().window().setSize(new Dimension(1500, 2400));
        keep(chromium.screenshot("admin-matrix-figures"), "admin-matrix-figures.png");
      }

      // a holdout shopper: no widget on the same page, the impression counted in the holdout arm
      browser.manage().deleteAllCookies();
      String held = visitor(Arm.HOLDOUT);
      visitAs(browser, base, held);
      browser.get(base + viewed.getUrl());
      assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo(viewed.getName());
      assertThat(browser.findElements(By.cssSelector("[data-sl-placement]"))).isEmpty();
      assertThat(browser.findElements(By.cssSelector("a[href*='/smartlists/click']"))).isEmpty();
      recorder.flush();
      assertThat(
              jdbc.queryForObject(
                  "SELECT COUNT(*) FROM SL_STAT_IMPRESSION WHERE VISITOR_ID = ? AND ARM = 'HOLDOUT'"
                      + " AND PLACEMENT = 'PRODUCT_PAGE'",
                  Long.class,
                  held))
          .isPositive();
    }
  }

  /** A fresh visitor id the holdout puts in {@code arm}. */
  private String visitor(Arm arm) {
    while (true) {
      String id = UUID.randomUUID().toString();
      if (holdout.arm(id, null) == arm) {
        return id;
      }
    }
  }

  /** Makes the browser that visitor: the module's visitor cookie, set before any page asks. */
  private void visitAs(WebDriver browser, String base, String visitorId) {
    browser.get(base + "/smartlists/smartlists.css");
    browser.manage().deleteCookieNamed(visitors.cookieName());
    browser.manage().addCookie(new Cookie(visitors.cookieName(), visitorId, "/"));
  }

  private static BigDecimal value(WebElement row, String figure) {
    return new BigDecimal(
        row.findElement(By.cssSelector("[data-figure='" + figure + "']"))
            .getAttribute("data-value"));
  }

  private static long count(StatsFigures.Row row, int column) {
    if (row == null) {
      return 0;
    }
    return column == 1 ? row.clicks() : row.attributedOrders();
  }

  private static void keep(Path screenshot, String name) throws IOException {
    Path docs = Path.of("docs");
    Files.createDirectories(docs);
    Files.copy(screenshot, docs.resolve(name), StandardCopyOption.REPLACE_EXISTING);
  }
}
