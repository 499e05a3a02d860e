package io.smartlists.demo;

import static org.assertj.core.api.Assertions.assertThat;

import io.smartlists.demo.catalog.DemoCatalog;
import io.smartlists.demo.catalog.Product;
import io.smartlists.demo.customer.DemoCustomers;
import io.smartlists.engine.SmartListsEngine;
import io.smartlists.engine.model.Placement;
import io.smartlists.mail.MailBlock;
import io.smartlists.mail.MailRequest;
import io.smartlists.mail.NewsletterJobs;
import io.smartlists.mail.SmartListsMail;
import io.smartlists.testing.Chromium;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The admin's E-mail screen and e-mail preview in headless Chromium, in the reference store: the
 * preview of a post-purchase e-mail shows the block {@link SmartListsMail#preview} composes for
 * that customer and order (never a product of the order, no script), and a newsletter job started
 * from the E-mail screen is followed by {@code admin-mail.js}: the progress bar moves while the
 * page stays loaded (the script polls the status JSON), and when the job ends the script reloads
 * the page, which shows it done with its count and the download link.
 *
 * <p>The job's throttle is lowered to {@value #PER_SECOND} blocks per second so that {@value
 * #RECIPIENTS} recipients take several seconds and the bar is seen between 0 and 100 (progress is
 * reported every 250 blocks).
 */
@SpringBootTest(
    classes = DemoStoreApplication.class,
    webEnvironment = WebEnvironment.RANDOM_PORT,
    properties = {
      StoreTesting.TEST_PROPERTIES,
      StoreTesting.NO_HOLDOUT,
      "smartlists.mail.newsletter.max-per-second=" + AdminMailBrowserTests.PER_SECOND
    })
class AdminMailBrowserTests {

  static final int PER_SECOND = 150;
  static final int RECIPIENTS = 1000;

  /** The demo store's one-time buyer that MailBrowserTests also uses. */
  static final String CUSTOMER = "1561";

  @LocalServerPort int port;

  @Autowired SmartListsEngine engine;
  @Autowired DemoCatalog catalog;
  @Autowired DemoCustomers customers;
  @Autowired SmartListsMail mail;
  @Autowired NewsletterJobs jobs;

  @BeforeAll
  static void browser() {
    Chromium.assumeInstalled();
  }

  @Test
  void postPurchasePreview_showsTheCustomersMail_withoutTheOrdersProduct() {
    StoreTesting.awaitSignals(engine);
    String base = "http://localhost:" + port;
    Product bought = StoreTesting.eligibleByUnitsSold(catalog).get(0);
    MailBlock expected =
        mail.preview(
            new MailRequest(
                CUSTOMER,
                Placement.EMAIL_POST_PURCHASE,
                null,
                List.of(bought.getId()),
                null,
                null));
    assertThat(expected.isEmpty()).as("the demo customer's post-purchase block").isFalse();
    Set<String> expectedProducts = new LinkedHashSet<>();
    expected.slots().forEach(s -> s.items().forEach(i -> expectedProducts.add(i.productId())));

    try (Chromium chromium = Chromium.start()) {
      WebDriver browser = chromium.driver();
      signIn(browser, base);

      // the preview form, filled in as a merchant does
      browser.get(base + "/admin/smartlists/preview");
      browser.findElement(By.id("customer")).sendKeys(CUSTOMER);
      new Select(browser.findElement(By.id("placement")))
          .selectByValue(Placement.EMAIL_POST_PURCHASE.name());
      browser.findElement(By.id("products")).sendKeys(bought.getId());
      browser.findElement(By.id("run-preview")).click();

      WebElement subject =
          new WebDriverWait(browser, Duration.ofSeconds(30))
              .until(ExpectedConditions.presenceOfElementLocated(By.id("preview-mail-subject")));
      assertThat(subject.getText()).isEqualTo(expected.subject());
      assertThat(browser.findElement(By.id("preview-result")).getText())
          .contains("Household " + CUSTOMER);
      assertThat(browser.findElement(By.id("preview-mail-utm")).getText())
          .contains("utm_medium=email")
          .contains("utm_campaign=email_post_purchase");

      // the e-mail itself, as the customer's mail client shows it
      String open = browser.findElement(By.id("preview-mail-open")).getAttribute("href");
      browser.get(open);
      assertThat(browser.getPageSource()).doesNotContainIgnoringCase("<script");
      List<WebElement> links =
          browser.findElements(By.cssSelector("a[href*='/smartlists/mail/click?t=']"));
      Set<String> shown = new LinkedHashSet<>();
      for (WebElement a : links) {
        shown.add(MailBrowserTests.productOf(a.getAttribute("href")));
      }
      assertThat(shown).isNotEmpty().doesNotContain(bought.getId());
      assertThat(shown).containsExactlyInAnyOrderElementsOf(expectedProducts);
      List<String> names = new ArrayList<>();
      expected.slots().forEach(s -> s.items().forEach(i -> names.add(i.name().strip())));
      String page = browser.findElement(By.tagName("body")).getText();
      assertThat(names).allSatisfy(name -> assertThat(page).contains(name));
      assertThat(browser.findElements(By.cssSelector("img")))
          .allSatisfy(img -> assertThat(img.getAttribute("width")).isNotBlank());
    }
  }

  @Test
  void newsletterJob_progressBarMovesWithoutReload_thenTheJobShowsDoneWithItsCount()
      throws Exception {
    StoreTesting.awaitSignals(engine);
    String base = "http://localhost:" + port;
    List<String> recipients = customers.customerIdsAfter(null, RECIPIENTS);
    assertThat(recipients).hasSize(RECIPIENTS);
    String ids = String.join("\n", recipients);

    try (Chromium chromium = Chromium.start()) {
      WebDriver browser = chromium.driver();
      JavascriptExecutor js = (JavascriptExecutor) browser;
      signIn(browser, base);

      browser.get(base + "/admin/smartlists/mail");
      browser.findElement(By.id("segment-ids")).click();
      // a thousand lines typed key by key would take long: set the field as a paste does
      js.executeScript(
          "arguments[0].value = arguments[1];", browser.findElement(By.id("ids")), ids);
      new Select(browser.findElement(By.id("locale"))).selectByValue("en");
      browser.findElement(By.id("format-JSONL")).click();
      browser.findElement(By.id("nl-submit")).click();

      WebDriverWait waitFor = new WebDriverWait(browser, Duration.ofSeconds(30));
      waitFor.until(ExpectedConditions.presenceOfElementLocated(By.id("nl-job")));
      assertThat(browser.findElement(By.cssSelector(".sl-flash")).getText()).contains("started");
      assertThat(browser.findElement(By.id("nl-job")).getAttribute("data-ended"))
          .isEqualTo("false");
      assertThat(browser.findElements(By.id("nl-download"))).isEmpty();
      // a mark on this page: it is gone once the page is reloaded
      js.executeScript("window.slSamePage = true;");

      // the script moves the bar while the job runs, on the same page
      WebDriverWait during =
          new WebDriverWait(browser, Duration.ofSeconds(120), Duration.ofMillis(100));
      long midway =
          during
              .withMessage("the progress bar between 0 and 100 on the page the job started from")
              .until(
                  d -> {
                    Object v =
                        js.executeScript(
                            "return window.slSamePage === true"
                                + " ? document.getElementById('nl-progress').value : -1;");
                    long value = v instanceof Number n ? n.longValue() : -1;
                    return value > 0 && value < 100 ? value : null;
                  });
      assertThat(browser.findElement(By.id("nl-percent")).getText()).endsWith("%");
      assertThat(browser.findElement(By.id("nl-summary")).getText()).contains("of 1,000 customers");
      assertThat(browser.findElement(By.id("nl-state")).getText()).isEqualTo("Running");
      assertThat(midway).isBetween(1L, 99L);

      // when the job ends the script reloads the page: done, the count, the download link
      WebElement download =
          new WebDriverWait(browser, Duration.ofSeconds(180), Duration.ofMillis(200))
              .until(ExpectedConditions.presenceOfElementLocated(By.id("nl-download")));
      assertThat(js.executeScript("return window.slSamePage === true;")).isEqualTo(false);
      NewsletterJobs.Status done = jobs.status();
      assertThat(done).isNotNull();
      assertThat(done.state()).isEqualTo(NewsletterJobs.State.DONE);
      assertThat(done.done()).isEqualTo(RECIPIENTS);
      assertThat(browser.findElement(By.id("nl-state")).getText()).isEqualTo("Done");
      assertThat(browser.findElement(By.id("nl-progress")).getAttribute("value")).isEqualTo("100");
      assertThat(browser.findElement(By.id("nl-percent")).getText()).isEqualTo("100 %");
      assertThat(browser.findElement(By.id("nl-summary")).getText())
          .startsWith("1,000 of 1,000 customers")
          .contains(String.format("%,d blocks written", done.written()));
      assertThat(browser.findElement(By.id("nl-job")).getAttribute("data-ended")).isEqualTo("true");
      assertThat(download.getAttribute("href"))
          .endsWith("/admin/smartlists/mail/newsletter/result");
      assertThat(download.getText()).contains("JSON Lines");

      // the file behind the link holds one line per block written
      Path result = jobs.result();
      assertThat(result).isNotNull();
      List<String> lines = Files.readAllLines(result, StandardCharsets.UTF_8);
      assertThat(lines).hasSize((int) done.written());
      assertThat(done.written()).isPositive();
      assertThat(lines.get(0)).startsWith("{\"customerId\":\"");
    }
  }

  private static void signIn(WebDriver browser, String base) {
    browser.get(base + "/admin/smartlists/login");
    browser.findElement(By.id("username")).sendKeys("admin");
    browser.findElement(By.id("password")).sendKeys("admin");
    browser.findElement(By.id("sign-in")).click();
    new WebDriverWait(browser, Duration.ofSeconds(30))
        .until(ExpectedConditions.urlMatches("/admin/smartlists$"));
  }
}
