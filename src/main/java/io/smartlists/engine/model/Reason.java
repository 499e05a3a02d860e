package io.smartlists.engine.model;

import java.text.MessageFormat;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.ResourceBundle;

/**
 * Why an item is in a list, in words a merchant can read: "bought with Leather boots in 37 orders",
 * "#2 in Shoes over 90 days". The text patterns live in {@code
 * io/smartlists/engine/reasons*.properties} (English and French) under {@link #key()}; the
 * arguments fill {@code {0}}, {@code {1}}...
 *
 * <p>Lists create a reason for every candidate they offer, and most candidates of a busy page are
 * dropped by the composer's exclusions, so a reason keeps its arguments as given and formats
 * nothing until {@link #args()} or {@link #text} is read (the compose benchmark showed eager {@code
 * Integer.toString} of ranks among its top frames).
 */
public final class Reason {

  private final String key;
  private final Object[] args;
  private final boolean fallback;

  private Reason(String key, Object[] args, boolean fallback) {
    this.key = key;
    this.args = args;
    this.fallback = fallback;
  }

  /**
   * A reason for a list's own (not fallback) item; {@code args} are formatted with {@code
   * String.valueOf}.
   */
  public static Reason of(String key, Object... args) {
    return new Reason(key, args, false);
  }

  /** The pattern key, e.g. {@code cross-sell.bought-with}. */
  public String key() {
    return key;
  }

  /** The pattern arguments as strings. */
  public List<String> args() {
    String[] s = new String[args.length];
    for (int i = 0; i < args.length; i++) {
      s[i] = String.valueOf(args[i]);
    }
    return List.of(s);
  }

  /** True when the item filled a slot from its fallback list. */
  public boolean fallback() {
    return fallback;
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
      pattern = key + " " + args();
    }
    String text = new MessageFormat(pattern, locale).format(args().toArray());
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

  @Override
  public boolean equals(Object o) {
    return o instanceof Reason r
        && r.key.equals(key)
        && r.fallback == fallback
        && r.args().equals(args());
  }

  @Override
  public int hashCode() {
    return key.hashCode() * 31 + Arrays.hashCode(args().toArray()) + (fallback ? 1 : 0);
  }

  /** The English text. */
  @Override
  public String toString() {
    return text(Locale.ENGLISH);
  }
}
