package io.smartlists.mail;

import io.smartlists.engine.model.Placement;
import java.util.List;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/**
 * Asks for the e-mail block of one recipient.
 *
 * @param customerId the recipient; {@value #GUEST} for a guest's order (no customer account: the
 *     block is composed from the order alone, like for an anonymous visitor)
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
    if (customerId.isEmpty() && placement != Placement.EMAIL_POST_PURCHASE) {
      throw new IllegalArgumentException("only the post-purchase e-mail has a guest's version");
    }
  }

  /** The customer id of a guest's order ({@link #guestPostPurchase}). */
  public static final String GUEST = "";

  /** True for a guest's order (no customer account). */
  public boolean guest() {
    return customerId.isEmpty();
  }

  /**
   * The block of the e-mail sent after a guest's order (no customer account, an e-mail address on
   * the order): the order is the only context, nothing personal is known.
   */
  public static MailRequest guestPostPurchase(
      String orderId, List<String> orderProductIds, @Nullable Locale locale) {
    return new MailRequest(
        GUEST, Placement.EMAIL_POST_PURCHASE, orderId, orderProductIds, locale, null);
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
