package io.smartlists.demo;

import static org.assertj.core.api.Assertions.assertThat;

import io.smartlists.demo.catalog.DemoCatalog;
import io.smartlists.demo.catalog.Product;
import io.smartlists.engine.SmartListsEngine;
import io.smartlists.testing.Chromium;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Issue 12, "Must show": headless Chromium places an order in the reference store as a signed-in
 * customer, opens the post-purchase e-mail from the outbox (sent through Spring Mail to the
 * embedded GreenMail), follows a recommended product's link, lands on that product's page, and the
 * click is recorded for the {@code EMAIL_POST_PURCHASE} placement. The e-mail's links are absolute,
 * so the store runs on a fixed free port that {@code smartlists.mail.base-url} names.
 */
@SpringBootTest(
    classes = DemoStoreApplication.class,
    webEnvironment = WebEnvironment.DEFINED_PORT,
    properties = {StoreTesting.TEST_PROPERTIES, StoreTesting.NO_HOLDOUT})
class MailBrowserTests {

  static final int PORT = freePort();

  @DynamicPropertySource
  static void port(DynamicPropertyRegistry registry) {
    registry.add("server.port", () -> PORT);
  }

  @Autowired SmartListsEngine engine;
  @Autowired DemoCatalog catalog;
  @Autowired JdbcTemplate jdbc;

  @BeforeAll
  static void browser() {
    Chromium.assumeInstalled();
  }

  @Test
  void orderSendsThePostPurchaseMail_itsProductLinkLandsOnTheProductAndCountsTheClick()
      throws Exception {
    StoreTesting.awaitSignals(engine);
    String base = "http://localhost:" + PORT;
    Product bought = StoreTesting.eligibleByUnitsSold(catalog).get(0);
    boolean screenshots = Boolean.getBoolean("smartlists.docs.screenshots");

    try (Chromium chromium = Chromium.start()) {
      WebDriver browser = chromium.driver();
      WebDriverWait waitFor = new WebDriverWait(browser, Duration.ofSeconds(30));

      // a one-time buyer signs in ("Browse as"), buys the store's bestseller
      browser.get(base + bought.getUrl());
      new Select(browser.findElement(By.id("browse-as-select"))).selectByValue("1561");
      browser.findElement(By.cssSelector("form.browse-as button[type=submit]")).click();
      waitFor.until(ExpectedConditions.urlMatches(bought.getUrl() + "$"));
      browser.findElement(By.id("add-to-cart")).click();
      waitFor.until(ExpectedConditions.urlMatches("/cart$"));
      browser.get(base + "/checkout");
      browser.findElement(By.id("place-order")).click();
      waitFor.until(ExpectedConditions.urlMatches("/order/\\d+$"));

      // the outbox shows the post-purchase e-mail; open it as the recipient's client renders it
      browser.get(base + "/outbox");
      WebElement sent =
          waitFor.until(
              ExpectedConditions.presenceOfElementLocated(
                  By.cssSelector("tr[data-placement='EMAIL_POST_PURCHASE'] a.outbox-mail")));
      assertThat(sent.getText()).startsWith("To go with your order: ");
      sent.click();
      waitFor.until(ExpectedConditions.urlMatches("/outbox/\\d+$"));
      assertThat(browser.getPageSource()).doesNotContainIgnoringCase("<script");
      List<WebElement> links =
          browser.findElements(By.cssSelector("a[href*='/smartlists/mail/click?t=']"));
      assertThat(links).isNotEmpty();
      for (WebElement a : browser.findElements(By.cssSelector("a[href]"))) {
        String href = a.getAttribute("href");
        assertThat(href).startsWith(base + "/smartlists/");
        assertThat(href).contains("?t=").contains("utm_medium=email");
      }
      if (screenshots) {
        browser.manage().window().setSize(new Dimension(700, 1600));
        keep(chromium.screenshot("email-post-purchase"), "email-post-purchase.png");
      }
      String landing =
          browser
              .findElement(By.cssSelector("a[href*='/smartlists/for-you?t=']"))
              .getAttribute("href");

      // follow the first recommended product: its page, and the click counted for the placement
      WebElement first = links.get(0);
      String product = productOf(first.getAttribute("href"));
      assertThat(product).isNotEqualTo(bought.getId());
      long before = clicks(product);
      first.click();
      waitFor.until(ExpectedConditions.urlMatches("/product/" + product + "$"));
      long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
      while (clicks(product) == before && System.nanoTime() < deadline) {
        Thread.sleep(200);
      }
      assertThat(clicks(product)).isEqualTo(before + 1);

      // the call to action: the landing page in the store's layout, for this customer
      browser.get(landing);
      WebElement page = browser.findElement(By.cssSelector("main.sl-for-you"));
      assertThat(page.getAttribute("data-sl-personal")).isEqualTo("true");
      assertThat(browser.findElement(By.tagName("h1")).getText())
          .isEqualTo("Picked for you, Household 1561");
      assertThat(browser.findElements(By.cssSelector(".sl-item"))).isNotEmpty();
      if (screenshots) {
        browser.manage().window().setSize(new Dimension(1200, 1400));
        keep(chromium.screenshot("email-landing"), "email-landing.png");
      }
    }
  }

  private long clicks(String product) {
    Long n =
        jdbc.queryForObject(
            "SELECT COUNT(*) FROM SL_STAT_CLICK WHERE PLACEMENT = 'EMAIL_POST_PURCHASE'"
                + " AND PRODUCT_ID = ? AND CUSTOMER_ID = '1561'",
            Long.class,
            product);
    return n == null ? 0 : n;
  }

  /** The product a mail link's token names (the token's eighth field). */
  static String productOf(String href) {
    return StoreTesting.mailTokenFields(href).get(7);
  }

  private static int freePort() {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  private static void keep(Path screenshot, String name) throws IOException {
    Path docs = Path.of("docs");
    Files.createDirectories(docs);
    Files.copy(screenshot, docs.resolve(name), StandardCopyOption.REPLACE_EXISTING);
  }
}
