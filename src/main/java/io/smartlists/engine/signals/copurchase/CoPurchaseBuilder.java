package io.smartlists.engine.signals.copurchase;

import static io.smartlists.engine.signals.copurchase.Rows.CUSTOMER_DAMP;
import static io.smartlists.engine.signals.copurchase.Rows.EMPTY;
import static io.smartlists.engine.signals.copurchase.Rows.ORDER_COUNT;
import static io.smartlists.engine.signals.copurchase.Rows.ORDER_DAMP;
import static io.smartlists.engine.signals.copurchase.Rows.STATS;

import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;

/**
 * Collects the order history, then builds a {@link CoPurchaseIndex}: the weights calibrated on the
 * newest orders ({@code Calibration}), same-order and same-customer rows by sort-based pair
 * counting ({@code PairCounter}), text rows by TF-IDF ({@code TextNeighbours}).
 */
public final class CoPurchaseBuilder {

  final Tuning tuning;
  int productCount;
  int[] lines = new int[1024];
  int lineCount;
  int[] starts = new int[256];
  int[] customers = new int[256];
  long[] times = new long[256];
  int orderCount;
  int customerLimit;
  final Map<Integer, String> texts = new HashMap<>();

  CoPurchaseBuilder(int productCount, Tuning tuning) {
    if (productCount < 0) {
      throw new IllegalArgumentException("productCount < 0");
    }
    this.productCount = productCount;
    this.tuning = tuning;
  }

  /**
   * Describes a product (its name, and category or brand if known) for the text neighbourhood;
   * optional, later calls for the same product replace earlier ones.
   */
  public CoPurchaseBuilder productText(int product, String text) {
    if (product >= 0) {
      texts.put(product, text);
      productCount = Math.max(productCount, product + 1);
    }
    return this;
  }

  /**
   * Adds one order of the history.
   *
   * @param distinctProducts product indexes (duplicates and negatives are ignored)
   * @param customer dense customer index, or -1 for a guest
   * @param placedAtEpochSecond when it was placed (used to find each customer's recent products)
   */
  public CoPurchaseBuilder addOrder(
      int[] distinctProducts, int customer, long placedAtEpochSecond) {
    int[] p = Rows.distinct(distinctProducts);
    if (p.length == 0) {
      return this;
    }
    if (orderCount + 1 >= starts.length) {
      int size = starts.length * 2;
      starts = Arrays.copyOf(starts, size);
      customers = Arrays.copyOf(customers, size);
      times = Arrays.copyOf(times, size);
    }
    if (lineCount + p.length > lines.length) {
      lines = Arrays.copyOf(lines, Math.max(lineCount + p.length, lines.length * 2));
    }
    starts[orderCount] = lineCount;
    customers[orderCount] = customer;
    times[orderCount] = placedAtEpochSecond;
    System.arraycopy(p, 0, lines, lineCount, p.length);
    lineCount += p.length;
    orderCount++;
    starts[orderCount] = lineCount;
    productCount = Math.max(productCount, Rows.max(p) + 1);
    customerLimit = Math.max(customerLimit, customer + 1);
    return this;
  }

  /**
   * Builds the index; the builder can be dropped afterwards.
   *
   * <p>First calibrates the three weights that depend most on the shop's data, the popularity
   * prior, the text neighbourhood and the line proximity ({@code Calibration}), and chooses the
   * model family on the same validation split ({@code Selector}), then builds the index with the
   * chosen proximity and family (logged, and kept as {@link CoPurchaseIndex#selection()}).
   */
  public CoPurchaseIndex build() {
    Selector.Choice choice = Selector.choose(this);
    Calibration chosen = choice.calibration();
    CoPurchaseIndex index = assemble(chosen.proximity());
    index.textWeight = chosen.textWeight();
    Selector.apply(choice, this, index);
    LOG.log(
        index.selection().validationOrders() == 0
            ? System.Logger.Level.DEBUG
            : System.Logger.Level.INFO,
        "co-purchase model over {0} orders: {1}",
        orderCount,
        index.selection().summary());
    return index;
  }

  private static final System.Logger LOG = System.getLogger(CoPurchaseBuilder.class.getName());

  /** The order {@code o}'s distinct products, in line order. */
  int[] order(int o) {
    return Arrays.copyOfRange(lines, starts[o], starts[o + 1]);
  }

  /** The index of these orders with this line proximity, at the tuning's prior and text weight. */
  CoPurchaseIndex assemble(float proximity) {
    int n = productCount;
    CoPurchaseIndex index = new CoPurchaseIndex(tuning, n);
    index.proximity = proximity;
    int[] cnt = index.orderCount;
    for (int x = 0; x < lineCount; x++) {
      cnt[lines[x]]++;
    }
    int max = 0;
    float[] st = index.stats;
    for (int p = 0; p < n; p++) {
      st[STATS * p + ORDER_DAMP] = Rows.damp(cnt[p], tuning.beta());
      st[STATS * p + ORDER_COUNT] = cnt[p];
      max = Math.max(max, cnt[p]);
    }
    index.maxOrderCount = max;
    index.popular = topByCount(cnt, CoPurchaseIndex.POPULAR);
    PairCounter.rows(
        n,
        starts,
        lines,
        orderCount,
        true,
        proximity,
        st,
        ORDER_DAMP,
        tuning.shrink(),
        index.orderRows);

    // same customer: each customer's most recent distinct products, orders in time order
    int[][] recent = new int[customerLimit][];
    for (int o : sortByTime(orderCount, times)) {
      int c = customers[o];
      if (c >= 0) {
        recent[c] = Rows.pushRecent(recent[c] == null ? EMPTY : recent[c], order(o));
      }
    }
    int[] cStarts = new int[customerLimit + 1];
    int total = 0;
    for (int c = 0; c < customerLimit; c++) {
      cStarts[c] = total;
      total += recent[c] == null ? 0 : recent[c].length;
    }
    cStarts[customerLimit] = total;
    int[] cLines = new int[total];
    for (int c = 0; c < customerLimit; c++) {
      if (recent[c] != null) {
        System.arraycopy(recent[c], 0, cLines, cStarts[c], recent[c].length);
      }
    }
    int[] ccnt = index.customerCount;
    for (int p : cLines) {
      ccnt[p]++;
    }
    for (int p = 0; p < n; p++) {
      st[STATS * p + CUSTOMER_DAMP] = Rows.damp(ccnt[p], tuning.customerBeta());
    }
    PairCounter.rows(
        n,
        cStarts,
        cLines,
        customerLimit,
        false,
        0f,
        st,
        CUSTOMER_DAMP,
        tuning.customerShrink(),
        index.customerRows);
    index.writer.startFrom(recent);
    TextNeighbours.rows(n, texts, index.textRows);
    index.version = 1;
    return index;
  }

  /** Order indexes by placement time, stable (ties keep insertion order). */
  static int[] sortByTime(int count, long[] times) {
    int[] order = new int[count];
    if (count == 0) {
      return order;
    }
    long min = Long.MAX_VALUE;
    long max = Long.MIN_VALUE;
    for (int o = 0; o < count; o++) {
      min = Math.min(min, times[o]);
      max = Math.max(max, times[o]);
    }
    if (max - min >= (1L << 31) || max - min < 0) {
      min = max - (1L << 31) + 1; // wider than 68 years: older orders tie, recency is all we need
    }
    long[] keyed = new long[count];
    for (int o = 0; o < count; o++) {
      keyed[o] = (Math.max(0, times[o] - min) << 32) | o;
    }
    Arrays.sort(keyed);
    for (int o = 0; o < count; o++) {
      order[o] = (int) keyed[o];
    }
    return order;
  }

  /** The {@code limit} products with the most orders, most first (ties: the smaller index). */
  static int[] topByCount(int[] cnt, int limit) {
    int[] top = new int[Math.min(limit, cnt.length)];
    int m = 0;
    for (int p = 0; p < cnt.length; p++) {
      if (cnt[p] == 0 || (m == top.length && cnt[p] <= cnt[top[m - 1]])) {
        continue;
      }
      int pos = m < top.length ? m++ : m - 1;
      while (pos > 0 && cnt[top[pos - 1]] < cnt[p]) {
        top[pos] = top[pos - 1];
        pos--;
      }
      top[pos] = p;
    }
    return m == top.length ? top : Arrays.copyOf(top, m);
  }
}
