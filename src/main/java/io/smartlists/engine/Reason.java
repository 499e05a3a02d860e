package io.smartlists.engine;

import java.text.MessageFormat;
import java.util.List;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.ResourceBundle;

/**
 * Why an item is in a list, in words a merchant can read: "bought with Leather boots in 37
 * orders", "#2 in Shoes over 90 days". The text patterns live in
 * {@code io/smartlists/engine/reasons*.properties} (English and French) under {@code key}; the
 * arguments fill {@code {0}}, {@code {1}}...
 *
 * @param key the pattern key, e.g. {@code co-purchase}
 * @param args the pattern arguments, already formatted as strings
 * @param fallback true when the item filled a slot from its fallback list
 */
public record Reason(String key, List<String> args, boolean fallback) {

  public Reason {
    args = List.copyOf(args);
  }

  /** A reason for a list's own (not fallback) item. */
  public static Reason of(String key, Object... args) {
    String[] s = new String[args.length];
    for (int i = 0; i < args.length; i++) {
      s[i] = String.valueOf(args[i]);
    }
    return new Reason(key, List.of(s), false);
  }

  /** This reason, marked as coming from a fallback list. */
  public Reason asFallback() {
    return fallback ? this : new Reason(key, args, true);
  }

  /** The text in the locale's language (English when there is no translation). */
  public String text(Locale locale) {
    ResourceBundle bundle = ResourceBundle.getBundle("io.smartlists.engine.reasons", locale);
    String pattern;
    try {
      pattern = bundle.getString(key);
    } catch (MissingResourceException e) {
      pattern = key + " " + args;
    }
    String text = new MessageFormat(pattern, locale).format(args.toArray());
    if (fallback) {
      String prefix;
      try {
        prefix = bundle.getString("fallback");
      } catch (MissingResourceException e) {
        prefix = "fallback: {0}";
      }
      text = new MessageFormat(prefix, locale).format(new Object[] {text});
    }
    return text;
  }

  /** The English text. */
  @Override
  public String toString() {
    return text(Locale.ENGLISH);
  }
}
