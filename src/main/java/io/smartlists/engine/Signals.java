package io.smartlists.engine;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * What the engine has learned from orders and browsing, read by the smart lists, the stage
 * resolver and the composer. Products are dense int indexes ({@code 0..productCount()-1}) inside
 * the engine; the host's String ids only at the edges.
 *
 * <p>Implementations never block a reader: rebuilds swap an immutable snapshot, incremental
 * updates are lock-free for readers.
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
   * Product and category views of this visitor, including browsing joined from other visitor ids
   * of the same customer after {@code CustomerLoggedIn}.
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
}
