package io.smartlists.mail;

import io.smartlists.engine.model.Placement;
import java.util.List;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/**
 * Asks for the e-mail block of one recipient.
 *
 * @param customerId the recipient
 * @param placement an e-mail placement ({@link Placement#email()})
 * @param orderId the order a post-purchase e-mail is about, or null
 * @param orderProductIds the products of that order (the block's context, never recommended); when
 *     empty and {@code orderId} is given, the {@link OrderLookup} the store provides is asked
 * @param locale the recipient's language, or null for the customer's own ({@code CustomerInfo})
 * @param sendId the store's id of this send (one e-mail to one recipient), or null for a new one
 */
public record MailRequest(
    String customerId,
    Placement placement,
    @Nullable String orderId,
    List<String> orderProductIds,
    @Nullable Locale locale,
    @Nullable String sendId) {

  public MailRequest {
    if (!placement.email()) {
      throw new IllegalArgumentException(placement + " is not an e-mail placement");
    }
    orderProductIds = List.copyOf(orderProductIds);
  }

  /** The block of the e-mail sent after an order. */
  public static MailRequest postPurchase(
      String customerId, String orderId, List<String> orderProductIds, @Nullable Locale locale) {
    return new MailRequest(
        customerId, Placement.EMAIL_POST_PURCHASE, orderId, orderProductIds, locale, null);
  }

  /** The block of a reactivation e-mail. */
  public static MailRequest reactivation(String customerId, @Nullable Locale locale) {
    return new MailRequest(customerId, Placement.EMAIL_REACTIVATION, null, List.of(), locale, null);
  }

  /** The block of a newsletter. */
  public static MailRequest newsletter(String customerId, @Nullable Locale locale) {
    return new MailRequest(customerId, Placement.EMAIL_NEWSLETTER, null, List.of(), locale, null);
  }
}
