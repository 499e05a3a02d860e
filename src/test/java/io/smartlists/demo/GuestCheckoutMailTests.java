package io.smartlists.demo;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.util.GreenMail;
import io.smartlists.demo.catalog.DemoCatalog;
import io.smartlists.demo.catalog.Product;
import io.smartlists.demo.mail.MimeParts;
import io.smartlists.engine.SmartListsEngine;
import jakarta.mail.Address;
import jakarta.mail.Message;
import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Issue 12, guests: an order placed without a customer account but with an e-mail address at
 * checkout sends the post-purchase e-mail (docs/EMAIL.md §Guests): composed from the order alone,
 * its links carry no customer, and none recommends the product just bought. It goes through Spring
 * Mail to the store's embedded GreenMail and the outbox page lists it. A guest who leaves no
 * address gets nothing (there is nobody to write to).
 */
@SpringBootTest(
    classes = DemoStoreApplication.class,
    webEnvironment = WebEnvironment.RANDOM_PORT,
    properties = {StoreTesting.TEST_PROPERTIES, StoreTesting.NO_HOLDOUT})
class GuestCheckoutMailTests {

  private static final Pattern LINK =
      Pattern.compile("href=\"([^\"]*/smartlists/mail/click\\?t=[^\"]*)\"");

  @LocalServerPort int port;

  @Autowired SmartListsEngine engine;
  @Autowired DemoCatalog catalog;
  @Autowired GreenMail smtp;

  @Test
  void guestCheckoutWithAnAddress_sendsThePostPurchaseMail_withoutACustomerOrTheBoughtProduct()
      throws Exception {
    StoreTesting.awaitSignals(engine);
    Product bought = StoreTesting.eligibleByUnitsSold(catalog).get(0);
    String address = "guest-" + System.nanoTime() + "@example.org";

    StoreClient guest = new StoreClient(port);
    guest.get(bought.getUrl());
    guest.post("/cart/add", Map.of("productId", bought.getId(), "quantity", "1"));
    guest.get("/checkout");
    String confirmation = guest.post("/checkout", Map.of("email", address));
    assertThat(confirmation).contains("id=\"order-id\"");

    MimeMessage mail = awaitMailTo(address);
    assertThat(mail.getSubject()).startsWith("To go with your order: ");
    assertThat(mail.getHeader("X-SmartLists-Placement")).containsExactly("EMAIL_POST_PURCHASE");
    String html = MimeParts.find(mail, "text/html");
    String text = MimeParts.find(mail, "text/plain");
    assertThat(html).as("the HTML part").isNotNull().doesNotContainIgnoringCase("<script");
    assertThat(text).as("the plain-text alternative").isNotBlank();

    List<String> links = new ArrayList<>();
    Matcher m = LINK.matcher(html);
    while (m.find()) {
      links.add(m.group(1).replace("&amp;", "&"));
    }
    assertThat(links).as("tracked product links").isNotEmpty();
    for (String link : links) {
      List<String> fields = StoreTesting.mailTokenFields(link);
      assertThat(fields.get(2)).isEqualTo("EMAIL_POST_PURCHASE");
      assertThat(fields.get(7)).as("the product").isNotEqualTo(bought.getId());
      assertThat(fields.get(8)).as("the customer of a guest's link").isEmpty();
    }

    // the outbox page, where a newcomer reads it, lists it for the guest's address
    String outbox = guest.get("/outbox");
    assertThat(outbox).contains(address);
  }

  @Test
  void guestCheckoutWithoutAnAddress_sendsNothing() throws Exception {
    StoreTesting.awaitSignals(engine);
    Product bought = StoreTesting.eligibleByUnitsSold(catalog).get(1);
    int before = smtp.getReceivedMessages().length;

    StoreClient guest = new StoreClient(port);
    guest.post("/cart/add", Map.of("productId", bought.getId(), "quantity", "1"));
    guest.get("/checkout");
    String confirmation = guest.post("/checkout", Map.of("email", ""));
    assertThat(confirmation).contains("id=\"order-id\"");

    // the mailer runs after the order's commit, on the request's thread: give it a moment anyway;
    // test classes run one at a time, so nothing else sends meanwhile
    Thread.sleep(1_000);
    assertThat(smtp.getReceivedMessages()).hasSize(before);
  }

  private MimeMessage awaitMailTo(String address) throws Exception {
    long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
    while (true) {
      for (MimeMessage message : smtp.getReceivedMessages()) {
        Address[] to = message.getRecipients(Message.RecipientType.TO);
        if (to != null && Arrays.stream(to).anyMatch(a -> a.toString().equals(address))) {
          return message;
        }
      }
      if (System.nanoTime() > deadline) {
        throw new AssertionError("no e-mail to " + address + " within 30 s");
      }
      Thread.sleep(200);
    }
  }
}
