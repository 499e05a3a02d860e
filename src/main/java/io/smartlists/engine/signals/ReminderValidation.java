package io.smartlists.engine.signals;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Chooses the dueness weight of {@code ORDER_PRODUCT_REMINDERS} on the store's own orders ({@link
 * ReminderSelection}): the next-order protocol on a time-ordered split, as the cross-selling
 * calibration validates on the newest 10 % of the most recent {@value #RECENT_ORDERS} orders (more,
 * up to half of them, when that tenth holds too few returning customers: {@link #of}).
 *
 * <p>{@link CustomerHistories#build} streams each customer through it: {@link #target} says whether
 * the customer is a case (orders before and after the cut; the target is their last order), {@link
 * #addProduct} records each product they bought before the cut (orders containing it before the
 * cut, last purchase before the cut, bought in the target or not), {@link #gap} the repurchase gaps
 * closed before the cut, from which the validation's intervals are the medians (no gap of the
 * validation period is used). {@link #choose} then ranks each case's products with {@link
 * Reminders#rank} at the target's time for every weight and keeps the best HR@10.
 */
final class ReminderValidation {

  /** The most recent orders looked at; their newest tenth is the validation period (see of). */
  static final int RECENT_ORDERS = 100_000;

  /** Fewer validation orders or cases than this: the default weight is served. */
  static final int MIN_CASES = 20;

  /** History entries kept at most (cases beyond are not taken). */
  static final int MAX_ENTRIES = 1 << 20;

  /** The rank cut-off of the hit rate. */
  static final int K = 10;

  private final long cut;
  private final int validationOrders;
  private final RepurchaseIntervals.Gaps gapsBefore = new RepurchaseIntervals.Gaps();
  private int cases;
  private int[] caseEnd = new int[64];
  private long[] caseTime = new long[64];
  private int entries;
  private int[] product = new int[256];
  private int[] orders = new int[256];
  private long[] last = new long[256];
  private boolean[] hit = new boolean[256];

  private ReminderValidation(long cut, int validationOrders) {
    this.cut = cut;
    this.validationOrders = validationOrders;
  }

  /**
   * The split of these orders: the newest tenth of the most recent {@value #RECENT_ORDERS}, widened
   * by tenths up to half of them while fewer than {@value #MIN_CASES} customers ordered on both
   * sides of the cut (a small store's newest tenth holds too few returning customers to choose).
   *
   * @param customerOrderTimes each customer's order times, ascending
   */
  static ReminderValidation of(long[] orderTimes, int n, long[][] customerOrderTimes) {
    int recent = Math.min(n, RECENT_ORDERS);
    if (recent / 10 < MIN_CASES) {
      return new ReminderValidation(Long.MAX_VALUE, 0);
    }
    long[] byTime = Arrays.copyOf(orderTimes, n);
    Arrays.sort(byTime);
    long cut = Long.MAX_VALUE;
    for (int tenths = 1; tenths <= 5; tenths++) {
      cut = byTime[n - recent * tenths / 10];
      int cases = 0;
      for (long[] ts : customerOrderTimes) {
        if (ts.length > 1 && ts[0] < cut && ts[ts.length - 1] >= cut) {
          cases++;
        }
      }
      if (cases >= MIN_CASES) {
        break;
      }
    }
    int from = Arrays.binarySearch(byTime, cut);
    while (from > 0 && byTime[from - 1] == cut) {
      from--; // orders placed at the cut's time are all after it
    }
    return new ReminderValidation(cut, n - from);
  }

  /**
   * The customer's target time when they are a case (an order before the cut and one after it: the
   * last), else {@link Long#MIN_VALUE}. Call {@link #addProduct} for their products, then {@link
   * #endCase}.
   *
   * @param orderTimes the customer's order times, ascending
   */
  long target(long[] orderTimes) {
    int n = orderTimes.length;
    if (n < 2 || entries >= MAX_ENTRIES || orderTimes[0] >= cut || orderTimes[n - 1] < cut) {
      return Long.MIN_VALUE;
    }
    return orderTimes[n - 1];
  }

  /** A repurchase gap of the product closed by the purchase at {@code later}. */
  void gap(int p, long days, long later) {
    if (later < cut) {
      gapsBefore.add(p, days);
    }
  }

  /**
   * One product of a case: its purchase times {@code times[0..k)} ascending (one per order).
   * Nothing when it was bought after the cut only.
   */
  void addProduct(int p, long[] times, int k, long target) {
    int before = 0;
    while (before < k && times[before] < cut) {
      before++;
    }
    if (before == 0) {
      return;
    }
    if (entries == product.length) {
      int size = entries * 2;
      product = Arrays.copyOf(product, size);
      orders = Arrays.copyOf(orders, size);
      last = Arrays.copyOf(last, size);
      hit = Arrays.copyOf(hit, size);
    }
    product[entries] = p;
    orders[entries] = before;
    last[entries] = times[before - 1];
    hit[entries] = Arrays.binarySearch(times, before, k, target) >= 0;
    entries++;
  }

  /** Closes the case whose products were added since the last one. */
  void endCase(long target) {
    int start = cases == 0 ? 0 : caseEnd[cases - 1];
    if (entries == start) {
      return; // none of what they bought before the cut is in the catalogue
    }
    if (cases == caseEnd.length) {
      caseEnd = Arrays.copyOf(caseEnd, cases * 2);
      caseTime = Arrays.copyOf(caseTime, cases * 2);
    }
    caseEnd[cases] = entries;
    caseTime[cases] = target;
    cases++;
  }

  /**
   * The weight with the best validation HR@10, ties going to the better MRR@10 (HR@10 alone is
   * coarse on a small store's few cases), then to the first of the grid; or the default.
   */
  ReminderSelection choose(int productCount) {
    if (validationOrders == 0) {
      return ReminderSelection.DEFAULT;
    }
    if (cases < MIN_CASES) {
      return new ReminderSelection(
          ReminderSelection.DEFAULT.dueWeight(), validationOrders, cases, List.of(), List.of());
    }
    RepurchaseIntervals intervals = gapsBefore.build(productCount);
    List<Double> weights = ReminderSelection.WEIGHTS;
    int[] hits = new int[weights.size()];
    double[] reciprocalRanks = new double[weights.size()];
    int start = 0;
    for (int c = 0; c < cases; c++) {
      int n = caseEnd[c] - start;
      int[] byRecency = new int[n];
      for (int i = 0; i < n; i++) {
        byRecency[i] = start + i;
      }
      // the history's order: most recent first, ties in product order (as a rebuild keeps it)
      IntSort.sort(byRecency, n, (a, b) -> Long.compare(last[b], last[a]));
      int[] o = new int[n];
      long[] l = new long[n];
      int[] days = new int[n];
      for (int i = 0; i < n; i++) {
        int e = byRecency[i];
        o[i] = orders[e];
        l[i] = last[e];
        days[i] = intervals.intervalDays(product[e]);
      }
      for (int w = 0; w < hits.length; w++) {
        int[] ranked = Reminders.rank(n, o, l, days, caseTime[c], weights.get(w));
        for (int r = 0; r < Math.min(K, n); r++) {
          if (hit[byRecency[ranked[r]]]) {
            hits[w]++;
            reciprocalRanks[w] += 1.0 / (r + 1);
            break;
          }
        }
      }
      start = caseEnd[c];
    }
    int best = 0;
    List<Double> rates = new ArrayList<>(hits.length);
    List<Double> mrr = new ArrayList<>(hits.length);
    for (int w = 0; w < hits.length; w++) {
      rates.add((double) hits[w] / cases);
      mrr.add(reciprocalRanks[w] / cases);
      if (hits[w] > hits[best]
          || (hits[w] == hits[best] && reciprocalRanks[w] > reciprocalRanks[best])) {
        best = w;
      }
    }
    return new ReminderSelection(weights.get(best), validationOrders, cases, rates, mrr);
  }
}
