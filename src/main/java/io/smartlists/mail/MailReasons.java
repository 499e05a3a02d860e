package io.smartlists.mail;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.smartlists.engine.model.Placement;
import io.smartlists.engine.model.Reason;
import io.smartlists.site.Texts;
import java.text.MessageFormat;
import java.util.List;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.ResourceBundle;
import java.util.function.Predicate;
import org.jspecify.annotations.Nullable;

/**
 * An item's reason worded for the e-mail's reader rather than for a merchant: "Because you bought
 * Leather boots" instead of "bought with Leather boots in 37 orders", "A bestseller in Shoes"
 * instead of "#2 in Shoes over 90 days". Texts in {@code io/smartlists/mail/reasons*.properties}
 * under the engine's reason key without its {@code .one}/{@code .today} form. A smart cross-selling
 * reason names the product it completes; that product is the order's in a post-purchase e-mail,
 * else one the reader bought or viewed, which the caller tells apart. A key the e-mail bundle lacks
 * falls back to the merchant's text. Finished texts are cached like the storefront's ({@link
 * Texts}).
 */
final class MailReasons {

  private static final String BUNDLE = "io.smartlists.mail.reasons";

  private static final Cache<Key, String> TEXTS = Caffeine.newBuilder().maximumSize(20_000).build();

  private record Key(String mailKey, List<String> args, String language) {}

  private MailReasons() {}

  /**
   * The reason's text for the e-mail.
   *
   * @param bought whether the reader bought the product of that name (for cross-selling reasons
   *     outside post-purchase e-mails)
   */
  static String text(Reason reason, Placement placement, Locale locale, Predicate<String> bought) {
    String key = mailKey(reason, placement, bought);
    if (key == null) {
      return Texts.reason(reason, locale);
    }
    String language = "fr".equals(locale.getLanguage()) ? "fr" : "en";
    return TEXTS.get(new Key(key, reason.args(), language), MailReasons::format);
  }

  /** The e-mail bundle's key of the reason, or null when it has none. */
  static @Nullable String mailKey(Reason reason, Placement placement, Predicate<String> bought) {
    String key = reason.key();
    if (key.startsWith("cross-sell.")) {
      if (key.startsWith("cross-sell.popular")) {
        return "cross-sell.popular";
      }
      List<String> args = reason.args();
      if (args.isEmpty()) {
        return null;
      }
      if (placement == Placement.EMAIL_POST_PURCHASE) {
        return "cross-sell.order";
      }
      return bought.test(args.get(0)) ? "cross-sell.bought" : "cross-sell.viewed";
    }
    if (key.startsWith("reminder")) {
      return contains(key) ? key : null;
    }
    String base =
        key.endsWith(".one") || key.endsWith(".today")
            ? key.substring(0, key.lastIndexOf('.'))
            : key;
    return contains(base) ? base : null;
  }

  private static boolean contains(String key) {
    return ResourceBundle.getBundle(BUNDLE, Locale.ROOT).containsKey(key);
  }

  private static String format(Key k) {
    Locale locale = "fr".equals(k.language()) ? Locale.FRENCH : Locale.ROOT;
    ResourceBundle bundle = ResourceBundle.getBundle(BUNDLE, locale);
    try {
      return new MessageFormat(bundle.getString(k.mailKey()), locale).format(k.args().toArray());
    } catch (MissingResourceException e) {
      return k.mailKey();
    }
  }
}
