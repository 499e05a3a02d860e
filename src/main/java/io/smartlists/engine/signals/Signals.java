package io.smartlists.engine.signals;

import io.smartlists.engine.model.GlobalRules;
import io.smartlists.engine.model.ListType;
import io.smartlists.engine.signals.copurchase.CoPurchaseIndex;
import java.time.Instant;
import java.util.function.IntPredicate;
import org.jspecify.annotations.Nullable;

/**
 * What the engine has learned from orders and browsing, read by the smart lists, the stage resolver
 * and the composer. Products are dense int indexes ({@code 0..productCount()-1}) inside the engine;
 * the host's String ids only at the edges.
 *
 * <p>Implementations never block a reader: rebuilds swap an immutable snapshot, incremental updates
 * are lock-free for readers.
 */
public interface Signals {

  /** The product's index, or -1 when the catalogue does not know it. */
  int indexOf(String productId);

  /** The host id of the product at this index. */
  String productId(int product);

  /** Number of indexed products. */
  int productCount();

  /** Orders the customer placed (0 for null or unknown). */
  int orderCount(@Nullable String customerId);

  /** When the customer's last order was placed, or null. */
  @Nullable Instant lastOrderAt(@Nullable String customerId);

  /** True when the customer bought this product before. */
  boolean hasBought(@Nullable String customerId, int product);

  /** True when customers typically re-buy this product (it has a repurchase interval). */
  boolean isRepeatBuy(int product);

  /**
   * Product and category views of this visitor, including browsing joined from other visitor ids of
   * the same customer after {@code CustomerLoggedIn}.
   */
  int browsingViews(String visitorId, @Nullable String customerId);

  /** Distinct products the customer bought, most recently bought first (empty when anonymous). */
  int[] purchasedProducts(@Nullable String customerId);

  /** Distinct products the visitor viewed recently, most recent first (joined on login). */
  int[] recentProductViews(String visitorId, @Nullable String customerId);

  /** The product's display name, for reasons. */
  String productName(int product);

  /** The co-purchase association model behind {@link ListType#SMART_CROSS_SELLING}. */
  CoPurchaseIndex coPurchase();

  // ----------------------------------------------------------------------------------------
  // Added for the smart lists (issue #3). Defaults describe a store that knows no categories,
  // manufacturers, sales or browsing, so a minimal implementation only needs the methods above.

  /** The bestseller window the ranks were counted over, in days (for reasons). */
  default int bestsellerWindowDays() {
    return GlobalRules.DEFAULT.bestsellerWindowDays();
  }

  /** The category's index, or -1 when unknown. */
  default int categoryIndex(String categoryId) {
    return -1;
  }

  /** Number of indexed categories. */
  default int categoryCount() {
    return 0;
  }

  /** The host id of the category at this index. */
  default String categoryId(int category) {
    throw new IndexOutOfBoundsException(category);
  }

  /** The category's display name, for reasons. */
  default String categoryName(int category) {
    throw new IndexOutOfBoundsException(category);
  }

  /** True when the product is filed in {@code ancestor} or in one of its descendants. */
  default boolean isInCategory(int product, int ancestor) {
    return false;
  }

  /** The categories the product is filed in (the most specific ones), primary first. */
  default int[] productCategories(int product) {
    return new int[0];
  }

  /** The manufacturer's index (ids are matched ignoring case), or -1 when unknown. */
  default int manufacturerIndex(String manufacturer) {
    return -1;
  }

  /** The manufacturer's display name. */
  default String manufacturerName(int manufacturer) {
    throw new IndexOutOfBoundsException(manufacturer);
  }

  /** The product's manufacturer index, or -1. */
  default int productManufacturer(int product) {
    return -1;
  }

  /**
   * Catalogue bestsellers, best first (time-decayed units over the window, ties by revenue then
   * recency), at most a few hundred. The array is shared: never modify it.
   */
  default int[] bestsellers() {
    return new int[0];
  }

  /** Bestsellers of the category including its descendants, best first; shared, never modify. */
  default int[] categoryBestsellers(int category) {
    return new int[0];
  }

  /** Bestsellers of the manufacturer, best first; shared, never modify. */
  default int[] manufacturerBestsellers(int manufacturer) {
    return new int[0];
  }

  /** The product's time-decayed bestseller score (comparable across scopes; 0 = no sale). */
  default double bestsellerScore(int product) {
    return 0;
  }

  /** Products with an availability date, newest first; shared, never modify. */
  default int[] newArrivals() {
    return new int[0];
  }

  /** The product's availability date in epoch seconds, or {@link Long#MIN_VALUE} when unknown. */
  default long availableFromEpochSecond(int product) {
    return Long.MIN_VALUE;
  }

  /**
   * Whether the customer bought a product, the customer resolved once (the composer asks it for
   * every candidate of a page; per-candidate {@link #hasBought} looked the customer up each time).
   */
  default IntPredicate boughtBy(@Nullable String customerId) {
    return product -> hasBought(customerId, product);
  }

  /** The customer's purchase history (empty for null or unknown). */
  default PurchaseHistory purchases(@Nullable String customerId) {
    return PurchaseHistory.EMPTY;
  }

  /**
   * The typical gap, in days, between two purchases of the product by the same customer (median
   * across all customers), or 0 when nobody re-buys it.
   */
  default int repurchaseIntervalDays(int product) {
    return 0;
  }

  /**
   * What the last full build chose for {@code ORDER_PRODUCT_REMINDERS} on the store's own orders:
   * the weight of dueness against the customer's own frequency ({@link Reminders}).
   */
  default ReminderSelection reminderSelection() {
    return ReminderSelection.DEFAULT;
  }

  /** The visitor's recent browsing, joined to the customer's after {@code CustomerLoggedIn}. */
  default Browsing browsing(String visitorId, @Nullable String customerId) {
    return Browsing.EMPTY;
  }
}
