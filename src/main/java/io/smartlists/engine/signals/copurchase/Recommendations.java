package io.smartlists.engine.signals.copurchase;

import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * What {@link CoPurchaseIndex#recommend} ranked: products best first, each with its score and its
 * anchor, the context or history product that contributed most to it (-1 when the product is there
 * for its popularity alone). The evidence behind a product ({@link #togetherCount}, {@link
 * #sameCustomerCount}) is read on demand, so a caller that shows a few of the products counts only
 * those (perf: the cart widget offers about a third of its 64 candidates; counting all was row
 * scans for nothing). Reusable: {@link CoPurchaseIndex#recommend(int[], int[], Recommendations)}
 * refills it.
 */
public final class Recommendations {

  final int[] products;
  final float[] scores;
  final int[] anchors;
  private int size;
  private @Nullable CoPurchaseIndex index;

  /** Room for the top {@code capacity} products. */
  public Recommendations(int capacity) {
    this.products = new int[capacity];
    this.scores = new float[capacity];
    this.anchors = new int[capacity];
  }

  void filled(CoPurchaseIndex by, int n) {
    this.index = by;
    this.size = n;
  }

  /** How many products a recommendation may hold (its {@code k}). */
  public int capacity() {
    return products.length;
  }

  /** How many products were ranked. */
  public int size() {
    return size;
  }

  /** The product at this rank (0 = best). */
  public int product(int rank) {
    return products[Objects.checkIndex(rank, size)];
  }

  /** Its score. */
  public float score(int rank) {
    return scores[Objects.checkIndex(rank, size)];
  }

  /** Its anchor (the context or history product that contributed most), or -1 for popularity. */
  public int anchor(int rank) {
    return anchors[Objects.checkIndex(rank, size)];
  }

  /**
   * In how many orders the product was bought with its anchor ({@link CoPurchaseIndex#coCount}), or
   * the product's own order count when it has no anchor.
   */
  public int togetherCount(int rank) {
    int j = product(rank);
    int a = anchors[rank];
    return a < 0 ? index().orderCount(j) : index().coCount(a, j);
  }

  /**
   * How many customers bought both the anchor and the product (the evidence when the anchor comes
   * from the purchase history rather than the same order); 0 without an anchor. An anchor with
   * neither count is a product with a similar name.
   */
  public int sameCustomerCount(int rank) {
    int j = product(rank);
    int a = anchors[rank];
    return a < 0 ? 0 : index().sameCustomerCount(a, j);
  }

  private CoPurchaseIndex index() {
    CoPurchaseIndex i = index;
    if (i == null) {
      throw new IllegalStateException("not filled by a recommendation yet");
    }
    return i;
  }
}
