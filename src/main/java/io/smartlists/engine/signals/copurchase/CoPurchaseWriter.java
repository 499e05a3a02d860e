package io.smartlists.engine.signals.copurchase;

import static io.smartlists.engine.signals.copurchase.Rows.CUSTOMER_DAMP;
import static io.smartlists.engine.signals.copurchase.Rows.EMPTY;
import static io.smartlists.engine.signals.copurchase.Rows.ORDER_COUNT;
import static io.smartlists.engine.signals.copurchase.Rows.ORDER_DAMP;
import static io.smartlists.engine.signals.copurchase.Rows.STATS;

import java.util.Arrays;

/**
 * The single writer of an index: applies confirmed orders in place while readers keep scoring.
 * Counts change in place (a reader sees the old or the new value); a row whose membership changes
 * is replaced by a copy published with release semantics; the closing volatile write of {@code
 * version} publishes the rest. Keeps the writer-only state: each customer's recent products and the
 * pair counts of neighbours not (yet) kept since the build.
 */
final class CoPurchaseWriter {

  private final CoPurchaseIndex index;
  private int[][] recent = new int[0][];
  private final LongIntMap orderDelta = new LongIntMap();
  private final LongIntMap customerDelta = new LongIntMap();

  CoPurchaseWriter(CoPurchaseIndex index) {
    this.index = index;
  }

  /** The build's recent products per customer, where the writer carries on. */
  void startFrom(int[][] recentPerCustomer) {
    this.recent = recentPerCustomer;
  }

  /** Adds one confirmed order: duplicates and negatives among the products are ignored. */
  void addOrder(int[] distinctProducts, int customer) {
    int[] products = Rows.distinct(distinctProducts);
    if (products.length == 0) {
      return;
    }
    int maxId = Rows.max(products);
    if (maxId >= index.productCount) {
      grow(maxId + 1);
    }
    Tuning tuning = index.tuning;
    int[] cnt = index.orderCount;
    float[] st = index.stats;
    float beta = tuning.beta();
    for (int p : products) {
      cnt[p]++;
      st[STATS * p + ORDER_DAMP] = Rows.damp(cnt[p], beta);
      st[STATS * p + ORDER_COUNT] = cnt[p];
      if (cnt[p] > index.maxOrderCount) {
        index.maxOrderCount = cnt[p];
      }
      updatePopular(p);
    }
    int len = products.length;
    for (int a = 0; a < len; a++) {
      for (int b = 0; b < len; b++) {
        if (a != b) {
          bump(
              index.orderRows,
              orderDelta,
              st,
              ORDER_DAMP,
              tuning.shrink(),
              products[a],
              products[b],
              PairWeight.of(len, a, b, index.proximity));
        }
      }
    }
    if (customer >= 0) {
      addCustomerProducts(customer, products);
    }
    index.version++; // volatile write (release): publishes the counts and rows written above
  }

  /**
   * Takes products out of one order applied before (cancelled, or all their units returned): {@code
   * standing} are the order's distinct products before, in line order, {@code removed} those of
   * them that leave it. Their order counts drop, and the same-order pairs they formed count one
   * order less (a kept neighbour whose count reaches 0 leaves its row; a pair not kept is left
   * alone). Same-customer counts are not taken back: they follow the next build.
   */
  void removeFromOrder(int[] standing, int[] removed) {
    int[] products = Rows.distinct(standing);
    int len = products.length;
    boolean[] gone = new boolean[len];
    boolean any = false;
    for (int a = 0; a < len; a++) {
      gone[a] =
          products[a] < index.productCount && Rows.contains(removed, removed.length, products[a]);
      any |= gone[a];
    }
    if (!any) {
      return;
    }
    int[] cnt = index.orderCount;
    float[] st = index.stats;
    float beta = index.tuning.beta();
    boolean popularChanged = false;
    for (int a = 0; a < len; a++) {
      int p = products[a];
      if (gone[a] && cnt[p] > 0) {
        cnt[p]--;
        st[STATS * p + ORDER_DAMP] = Rows.damp(cnt[p], beta);
        st[STATS * p + ORDER_COUNT] = cnt[p];
        popularChanged |= Rows.contains(index.popular, index.popular.length, p);
      }
    }
    if (popularChanged) {
      int max = 0;
      for (int c : cnt) {
        max = Math.max(max, c);
      }
      index.maxOrderCount = max;
      index.popular = CoPurchaseBuilder.topByCount(cnt, CoPurchaseIndex.POPULAR);
    }
    for (int a = 0; a < len; a++) {
      for (int b = 0; b < len; b++) {
        if (a != b
            && (gone[a] || gone[b])
            && products[a] < index.productCount
            && products[b] < index.productCount) {
          unbump(
              index.orderRows, products[a], products[b], PairWeight.of(len, a, b, index.proximity));
        }
      }
    }
    index.version++; // volatile write (release): publishes the counts and rows written above
  }

  /** Counts one co-occurrence of {@code b} with {@code a} less, of weight {@code w}, in a's row. */
  private static void unbump(int[][] rows, int a, int b, float w) {
    int[] row = rows[a];
    for (int x = 0; x < row.length; x += 3) {
      if (row[x] == b) {
        if (row[x + 1] <= 1) {
          int[] shorter = new int[row.length - 3];
          System.arraycopy(row, 0, shorter, 0, x);
          System.arraycopy(row, x + 3, shorter, x, row.length - x - 3);
          Rows.ROWS.setRelease(rows, a, shorter);
        } else {
          row[x + 1]--; // in place: a reader sees the old or the new count
          float left = Math.max(0f, Float.intBitsToFloat(row[x + 2]) - w);
          row[x + 2] = Float.floatToRawIntBits(left);
        }
        return;
      }
    }
  }

  private void addCustomerProducts(int customer, int[] products) {
    if (customer >= recent.length) {
      recent = Arrays.copyOf(recent, Math.max(customer + 1, recent.length * 2));
    }
    int[] rec = recent[customer] == null ? EMPTY : recent[customer];
    int[] fresh = new int[products.length];
    int freshCount = 0;
    for (int p : products) {
      if (!Rows.contains(rec, rec.length, p)) {
        fresh[freshCount++] = p;
      }
    }
    float[] st = index.stats;
    int[] customerCount = index.customerCount;
    float beta = index.tuning.customerBeta();
    for (int f = 0; f < freshCount; f++) {
      int p = fresh[f];
      customerCount[p]++;
      st[STATS * p + CUSTOMER_DAMP] = Rows.damp(customerCount[p], beta);
    }
    float shrink = index.tuning.customerShrink();
    int[][] rows = index.customerRows;
    for (int f = 0; f < freshCount; f++) {
      int p = fresh[f];
      for (int q : rec) {
        bump(rows, customerDelta, st, CUSTOMER_DAMP, shrink, p, q, 1f);
        bump(rows, customerDelta, st, CUSTOMER_DAMP, shrink, q, p, 1f);
      }
      for (int g = 0; g < freshCount; g++) {
        if (g != f) {
          bump(rows, customerDelta, st, CUSTOMER_DAMP, shrink, p, fresh[g], 1f);
        }
      }
    }
    recent[customer] = Rows.pushRecent(rec, products);
  }

  /** Counts one more co-occurrence of {@code b} with {@code a}, of weight {@code w}, in a's row. */
  static void bump(
      int[][] rows, LongIntMap delta, float[] st, int damp, float shrink, int a, int b, float w) {
    int[] row = rows[a];
    for (int x = 0; x < row.length; x += 3) {
      if (row[x] == b) {
        row[x + 1]++; // in place: a reader sees the old or the new count
        row[x + 2] = Float.floatToRawIntBits(Float.intBitsToFloat(row[x + 2]) + w);
        return;
      }
    }
    // not a kept neighbour: counted since the last build, admitted once it beats the weakest
    int count = delta.increment(((long) a << 32) | b);
    int[] candidate = {b, count, Float.floatToRawIntBits(count * w)};
    if (row.length < 3 * CoPurchaseIndex.NEIGHBOURS) {
      int[] grown = Arrays.copyOf(row, row.length + 3);
      System.arraycopy(candidate, 0, grown, row.length, 3);
      Rows.ROWS.setRelease(rows, a, grown);
      return;
    }
    int weakest = -1;
    float weakestVote = Float.MAX_VALUE;
    for (int x = 0; x < row.length; x += 3) {
      float v = Rows.vote(row, x, st, damp, shrink);
      if (v < weakestVote) {
        weakestVote = v;
        weakest = x;
      }
    }
    if (Rows.vote(candidate, 0, st, damp, shrink) > weakestVote) {
      int[] replaced = row.clone();
      System.arraycopy(candidate, 0, replaced, weakest, 3);
      Rows.ROWS.setRelease(rows, a, replaced);
    }
  }

  private void updatePopular(int p) {
    int[] pop = index.popular;
    int[] cnt = index.orderCount;
    int at = -1;
    for (int x = 0; x < pop.length; x++) {
      if (pop[x] == p) {
        at = x;
        break;
      }
    }
    if (at < 0) {
      if (pop.length < CoPurchaseIndex.POPULAR) {
        pop = Arrays.copyOf(pop, pop.length + 1);
        at = pop.length - 1;
      } else if (cnt[p] > cnt[pop[pop.length - 1]]) {
        pop = pop.clone();
        at = pop.length - 1;
      } else {
        return;
      }
      pop[at] = p;
    } else if (at == 0 || cnt[pop[at]] < cnt[pop[at - 1]]) {
      return; // still in place
    } else {
      pop = pop.clone();
    }
    while (at > 0
        && (cnt[pop[at]] > cnt[pop[at - 1]]
            || (cnt[pop[at]] == cnt[pop[at - 1]] && pop[at] < pop[at - 1]))) {
      int tmp = pop[at];
      pop[at] = pop[at - 1];
      pop[at - 1] = tmp;
      at--;
    }
    index.popular = pop;
  }

  private void grow(int min) {
    int size = Math.max(min, index.productCount + index.productCount / 2);
    int old = index.orderRows.length;
    int[][] oRows = Arrays.copyOf(index.orderRows, size);
    int[][] cRows = Arrays.copyOf(index.customerRows, size);
    int[][] tRows = Arrays.copyOf(index.textRows, size);
    Arrays.fill(oRows, old, size, EMPTY);
    Arrays.fill(cRows, old, size, EMPTY);
    Arrays.fill(tRows, old, size, EMPTY);
    index.orderCount = Arrays.copyOf(index.orderCount, size);
    index.customerCount = Arrays.copyOf(index.customerCount, size);
    index.stats = Arrays.copyOf(index.stats, STATS * size);
    index.orderRows = oRows;
    index.customerRows = cRows;
    index.textRows = tRows;
    index.productCount = min;
  }
}
