package io.smartlists.engine.signals.copurchase;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.util.Arrays;

/**
 * The layout the reader, the writer and the builder share: a neighbourhood row is an {@code int[]}
 * of {@code (neighbour, count, weight bits)} triples, read with acquire semantics (the writer
 * publishes replaced rows with release); the per-product {@code stats} array interleaves {@value
 * #STATS} floats per product. Plus the small int-array helpers they share.
 */
final class Rows {

  static final int[] EMPTY = new int[0];
  static final float[] EMPTY_FLOATS = new float[0];

  /** Floats per product in {@code stats}: order damping, customer damping, order count, padding. */
  static final int STATS = 4;

  static final int ORDER_DAMP = 0;
  static final int CUSTOMER_DAMP = 1;
  static final int ORDER_COUNT = 2;

  static final VarHandle ROWS = MethodHandles.arrayElementVarHandle(int[][].class);

  private Rows() {}

  static int[] row(int[][] rows, int product) {
    return (int[]) ROWS.getAcquire(rows, product);
  }

  /** The count kept for neighbour {@code b} in a's row, or 0. */
  static int count(int[][] rows, int a, int b) {
    if (a < 0 || a >= rows.length) {
      return 0;
    }
    int[] row = row(rows, a);
    for (int x = 0; x < row.length; x += 3) {
      if (row[x] == b) {
        return row[x + 1];
      }
    }
    return 0;
  }

  /**
   * A neighbour's vote before the per-row normalisation: {@code w · co/(co+shrink) · damp_j},
   * {@code damp_j} read from {@code st} at offset {@code damp} (order or customer damping).
   */
  static float vote(int[] row, int x, float[] st, int damp, float shrink) {
    int co = row[x + 1];
    return Float.intBitsToFloat(row[x + 2]) * (co / (co + shrink)) * st[STATS * row[x] + damp];
  }

  static float damp(int count, float beta) {
    return count <= 0 ? 0f : (float) Math.pow(count, -beta);
  }

  /**
   * The distinct non-negative products in order of first appearance: the order of an order's lines
   * is kept, for {@link PairWeight}.
   */
  static int[] distinct(int[] products) {
    int[] p = new int[products.length];
    int m = 0;
    if (products.length <= 64) { // an ordinary basket: a scan is cheapest
      for (int q : products) {
        if (q >= 0 && !contains(p, m, q)) {
          p[m++] = q;
        }
      }
      return m == p.length ? p : Arrays.copyOf(p, m);
    }
    // a large (wholesale) order: sort (product, line) pairs, keep each product's first line
    long[] byProduct = new long[products.length];
    for (int x = 0; x < products.length; x++) {
      byProduct[x] = ((long) products[x] << 32) | x;
    }
    Arrays.sort(byProduct);
    int[] firstLines = new int[products.length];
    int kept = 0;
    for (int x = 0; x < byProduct.length; x++) {
      int q = (int) (byProduct[x] >> 32);
      if (q >= 0 && (x == 0 || (int) (byProduct[x - 1] >> 32) != q)) {
        firstLines[kept++] = (int) byProduct[x];
      }
    }
    Arrays.sort(firstLines, 0, kept);
    for (int x = 0; x < kept; x++) {
      p[m++] = products[firstLines[x]];
    }
    return m == p.length ? p : Arrays.copyOf(p, m);
  }

  static int max(int[] products) {
    int max = -1;
    for (int p : products) {
      max = Math.max(max, p);
    }
    return max;
  }

  static boolean contains(int[] a, int len, int v) {
    for (int x = 0; x < len; x++) {
      if (a[x] == v) {
        return true;
      }
    }
    return false;
  }

  /** The customer's recent distinct products after this order: the order's first, then the rest. */
  static int[] pushRecent(int[] rec, int[] products) {
    int[] next =
        new int[Math.min(CoPurchaseIndex.RECENT_PER_CUSTOMER, rec.length + products.length)];
    int m = 0;
    for (int x = 0; x < products.length && m < next.length; x++) {
      next[m++] = products[x];
    }
    for (int x = 0; x < rec.length && m < next.length; x++) {
      if (!contains(products, products.length, rec[x])) {
        next[m++] = rec[x];
      }
    }
    return m == next.length ? next : Arrays.copyOf(next, m);
  }
}
