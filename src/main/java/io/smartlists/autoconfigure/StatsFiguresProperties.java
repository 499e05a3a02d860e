package io.smartlists.autoconfigure;

import java.time.Duration;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Settings of the statistics under {@code smartlists.stats.*}: attribution window, holdout, the
 * click-token secret, the shopper-event recorder (views, impressions, clicks and add-to-carts are
 * queued by the request and written in batches by one writer thread per node), the hourly roll-ups
 * and the raw events' retention.
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

  /** Shopper events queued at most per node; when full, events are dropped and counted. */
  private int queueCapacity = 100_000;

  /** Events inserted per JDBC batch (one transaction). */
  private int batchSize = 1000;

  /** How long a partly filled batch waits before it is written: about what a crash can lose. */
  private Duration flushInterval = Duration.ofSeconds(1);

  /** How long stopping the application waits for the queue to be written. */
  private Duration shutdownTimeout = Duration.ofSeconds(10);

  /** Raw statistics events older than this are deleted (hourly); 0 keeps them forever. */
  private Duration retention = Duration.ofDays(90);

  /** How often every node looks for closed hours to roll up. */
  private Duration rollupInterval = Duration.ofMinutes(5);

  /** How long after an hour ends its events are rolled up (late writes are waited for). */
  private Duration rollupGrace = Duration.ofMinutes(2);

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

  public int getQueueCapacity() {
    return queueCapacity;
  }

  public void setQueueCapacity(int queueCapacity) {
    this.queueCapacity = queueCapacity;
  }

  public int getBatchSize() {
    return batchSize;
  }

  public void setBatchSize(int batchSize) {
    this.batchSize = batchSize;
  }

  public Duration getFlushInterval() {
    return flushInterval;
  }

  public void setFlushInterval(Duration flushInterval) {
    this.flushInterval = flushInterval;
  }

  public Duration getShutdownTimeout() {
    return shutdownTimeout;
  }

  public void setShutdownTimeout(Duration shutdownTimeout) {
    this.shutdownTimeout = shutdownTimeout;
  }

  public Duration getRetention() {
    return retention;
  }

  public void setRetention(Duration retention) {
    this.retention = retention;
  }

  public Duration getRollupInterval() {
    return rollupInterval;
  }

  public void setRollupInterval(Duration rollupInterval) {
    this.rollupInterval = rollupInterval;
  }

  public Duration getRollupGrace() {
    return rollupGrace;
  }

  public void setRollupGrace(Duration rollupGrace) {
    this.rollupGrace = rollupGrace;
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
