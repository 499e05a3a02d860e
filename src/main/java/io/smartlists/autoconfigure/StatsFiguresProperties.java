package io.smartlists.autoconfigure;

import java.time.Duration;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Settings of the statistics' figures under {@code smartlists.stats.*}: attribution window, holdout
 * and the click-token secret.
 */
@ConfigurationProperties("smartlists.stats")
public class StatsFiguresProperties {

  /**
   * How long after a click an order line of that product is attributed to the clicked slot (and a
   * tracked link keeps counting).
   */
  private Duration attributionWindow = Duration.ofHours(24);

  /** The holdout: shoppers who see no widget, to measure what the widgets cause. */
  private final Holdout holdout = new Holdout();

  /**
   * Secret of the click-token HMAC (at least 16 characters); when unset, one is generated once and
   * kept in SL_STORE_SECRET.
   */
  private @Nullable String clickSecret;

  public Duration getAttributionWindow() {
    return attributionWindow;
  }

  public void setAttributionWindow(Duration attributionWindow) {
    this.attributionWindow = attributionWindow;
  }

  public Holdout getHoldout() {
    return holdout;
  }

  public @Nullable String getClickSecret() {
    return clickSecret;
  }

  public void setClickSecret(@Nullable String clickSecret) {
    this.clickSecret = clickSecret;
  }

  /** The holdout arm. */
  public static class Holdout {

    /** Share of shoppers who see no widget, from 0 (off) to 1. */
    private double share = 0.10;

    /**
     * Salt of the assignment hash; when unset, one is generated once and kept in SL_STORE_SECRET.
     * Changing it reassigns every shopper.
     */
    private @Nullable String salt;

    public double getShare() {
      return share;
    }

    public void setShare(double share) {
      this.share = share;
    }

    public @Nullable String getSalt() {
      return salt;
    }

    public void setSalt(@Nullable String salt) {
      this.salt = salt;
    }
  }
}
