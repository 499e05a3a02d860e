package io.smartlists.demo.mail;

import io.smartlists.demo.customer.DemoCustomers;
import io.smartlists.engine.SmartListsEngine;
import io.smartlists.engine.model.JourneyStage;
import io.smartlists.host.CustomerInfo;
import io.smartlists.mail.MailBlock;
import io.smartlists.mail.MailRequest;
import io.smartlists.mail.SmartListsMail;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.time.Instant;
import java.util.Locale;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.stereotype.Service;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * The store's mailer, the way a store calls Smart Lists: after an order commits it asks {@link
 * SmartListsMail} for the post-purchase block and sends it (HTML with its plain-text alternative);
 * on demand it sends the reactivation block to every lapsed customer (journey stage {@code
 * REACTIVATION}).
 */
@Service
public class DemoMailer {

  private static final Logger log = LoggerFactory.getLogger(DemoMailer.class);
  static final String FROM = "shop@corner-grocery.example";

  // looked up lazily: with smartlists.enabled=false the store runs and sends no Smart Lists e-mail
  private final ObjectProvider<SmartListsMail> mail;
  private final JavaMailSender sender;
  private final DemoCustomers customers;
  private final ObjectProvider<SmartListsEngine> engine;

  DemoMailer(
      ObjectProvider<SmartListsMail> mail,
      JavaMailSender sender,
      DemoCustomers customers,
      ObjectProvider<SmartListsEngine> engine) {
    this.mail = mail;
    this.sender = sender;
    this.customers = customers;
    this.engine = engine;
  }

  /** The post-purchase e-mail of a signed-in customer's order (guests get none: no customer id). */
  @TransactionalEventListener
  public void orderPlaced(OrderPlaced order) {
    String customerId = order.customerId();
    SmartListsMail mail = this.mail.getIfAvailable();
    if (customerId == null || mail == null) {
      return;
    }
    try {
      MailBlock block =
          mail.render(
              MailRequest.postPurchase(
                  customerId, order.orderId(), order.productIds(), locale(customerId)));
      if (!block.isEmpty()) {
        send(recipient(customerId, order.email()), block);
      }
    } catch (RuntimeException | MessagingException e) {
      log.warn("the post-purchase e-mail of order {} was not sent", order.orderId(), e);
    }
  }

  /**
   * Sends the reactivation e-mail to lapsed customers, at most {@code limit}.
   *
   * @return how many were sent
   */
  public int sendReactivation(int limit) {
    SmartListsMail mail = this.mail.getIfAvailable();
    SmartListsEngine engine = this.engine.getIfAvailable();
    if (mail == null || engine == null) {
      return 0;
    }
    int sent = 0;
    Instant now = engine.clock().instant();
    for (CustomerInfo c : customers.all()) {
      if (sent >= limit) {
        break;
      }
      if (engine.resolveStage("mail:" + c.id(), c.id(), now).stage() != JourneyStage.REACTIVATION) {
        continue;
      }
      MailBlock block = mail.render(MailRequest.reactivation(c.id(), c.locale()));
      if (block.isEmpty()) {
        continue;
      }
      try {
        send(recipient(c.id(), null), block);
        sent++;
      } catch (MessagingException | RuntimeException e) {
        log.warn("the reactivation e-mail of customer {} was not sent", c.id(), e);
      }
    }
    return sent;
  }

  private void send(String to, MailBlock block) throws MessagingException {
    MimeMessage message = sender.createMimeMessage();
    MimeMessageHelper helper = new MimeMessageHelper(message, true, "UTF-8");
    helper.setFrom(FROM);
    helper.setTo(to);
    helper.setSubject(block.subject());
    helper.setText(block.text(), block.html());
    message.setHeader("X-SmartLists-Placement", block.placement());
    message.setHeader("X-SmartLists-Send", block.sendId());
    sender.send(message);
  }

  private Locale locale(String customerId) {
    CustomerInfo c = customers.customer(customerId);
    return c == null ? Locale.US : c.locale();
  }

  private static String recipient(
      String customerId, @org.jspecify.annotations.Nullable String email) {
    return email != null && email.contains("@")
        ? email
        : "customer-" + customerId + "@households.example";
  }
}
