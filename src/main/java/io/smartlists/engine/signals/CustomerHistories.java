package io.smartlists.engine.signals;

import io.smartlists.host.OrderRecord;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Predicate;
import org.jspecify.annotations.Nullable;

/**
 * The customer signal: each customer's {@link PurchaseHistory} under a dense customer index (the
 * same index the co-purchase model's same-customer rows use). Built from the rebuild's {@link
 * OrderLog}, which also yields the repurchase gaps; {@link #apply} adds one order (single writer):
 * histories are immutable and replaced per order, so a plain array store publishes them safely.
 */
final class CustomerHistories {

  private final ConcurrentHashMap<String, Integer> index = new ConcurrentHashMap<>();
  private volatile PurchaseHistory[] histories = new PurchaseHistory[0];
  private int count;
  private ReminderSelection reminders = ReminderSelection.DEFAULT;

  /** The customer's dense index, registered on first sight (while streaming or applying). */
  int customer(String customerId) {
    Integer idx = index.get(customerId);
    if (idx != null) {
      return idx;
    }
    int c = count++;
    PurchaseHistory[] hs = histories;
    if (c >= hs.length) {
      histories = Arrays.copyOf(hs, Math.max(16, hs.length + (hs.length >> 1)));
    }
    index.put(customerId, c);
    return c;
  }

  /**
   * Forgets which purchase history belongs to the customer (erasure). Aggregates the customer's
   * orders fed (bestsellers, co-purchase counts) stay: they hold no id.
   */
  void forget(String customerId) {
    Integer c = index.remove(customerId);
    PurchaseHistory[] hs = histories;
    if (c != null && c < hs.length) {
      hs[c] = PurchaseHistory.EMPTY;
    }
  }

  /** Forgets every customer whose id matches (an erasure that names them by hash). */
  void forgetMatching(Predicate<String> customerIds) {
    for (String id : List.copyOf(index.keySet())) {
      if (customerIds.test(id)) {
        forget(id);
      }
    }
  }

  /** The customer's dense index while streaming the history (histories are built afterwards). */
  int register(String customerId) {
    Integer c = index.get(customerId);
    if (c == null) {
      c = count++;
      index.put(customerId, c);
    }
    return c;
  }

  /** The customer's history (empty for null or unknown). */
  PurchaseHistory of(@Nullable String customerId) {
    if (customerId == null) {
      return PurchaseHistory.EMPTY;
    }
    Integer c = index.get(customerId);
    if (c == null) {
      return PurchaseHistory.EMPTY;
    }
    PurchaseHistory[] hs = histories;
    PurchaseHistory h = c < hs.length ? hs[c] : null;
    return h == null ? PurchaseHistory.EMPTY : h;
  }

  /**
   * Adds one order of these distinct products and units (single writer), first recording the gap
   * since each product's previous purchase by this customer (at least a day) in {@code intervals}.
   *
   * @return the customer's dense index, or -1 for a guest order
   */
  int apply(OrderRecord order, int[] ps, int[] qs, int n, long t, RepurchaseIntervals intervals) {
    String customerId = order.customerId();
    if (customerId == null) {
      return -1;
    }
    int customer = customer(customerId);
    PurchaseHistory[] hs = histories;
    PurchaseHistory old = hs[customer];
    if (old == null) {
      old = PurchaseHistory.EMPTY;
    }
    for (int i = 0; i < n; i++) {
      int at = old.indexOf(ps[i]);
      if (at >= 0 && t - old.lastBoughtEpochSecond(at) >= SignalsSnapshot.DAY) {
        intervals.addGap(ps[i], (int) ((t - old.lastBoughtEpochSecond(at)) / SignalsSnapshot.DAY));
      }
    }
    hs[customer] = old.withOrder(ps, qs, n, t);
    return customer;
  }

  /**
   * Takes {@code units} of the product bought in the customer's order at {@code t} out of their
   * history (single writer): a cancelled order or returned goods. With {@code purchaseGone} the
   * purchase itself goes (no unit of the product is left in that order), with its repurchase gaps.
   */
  void removeLine(
      String customerId,
      int product,
      int units,
      long t,
      boolean purchaseGone,
      RepurchaseIntervals intervals) {
    Integer c = index.get(customerId);
    PurchaseHistory[] hs = histories;
    if (c == null || c >= hs.length || hs[c] == null) {
      return;
    }
    hs[c] = hs[c].without(product, units, t, purchaseGone, intervals);
  }

  /** Takes the customer's order placed at {@code t} out of their order count (single writer). */
  void removeOrder(String customerId, long t) {
    Integer c = index.get(customerId);
    PurchaseHistory[] hs = histories;
    if (c == null || c >= hs.length || hs[c] == null) {
      return;
    }
    hs[c] = hs[c].withoutOrder(t);
  }

  /** What the last build chose for the reminders on its validation split. */
  ReminderSelection reminders() {
    return reminders;
  }

  /**
   * Builds every registered customer's history from the log: lines are counting-sorted by customer;
   * within one customer's lines a sort of {@code product << 32 | line} groups each product's
   * purchases; gaps between successive purchases (at least a day apart) go to {@code gaps}. The
   * customers are also the cases of the reminders' validation ({@link ReminderValidation}), whose
   * choice {@link #reminders()} then holds.
   */
  void build(OrderLog log, RepurchaseIntervals.Gaps gaps, int productCount) {
    int nc = count;
    int[] orderCount = new int[nc];
    int[] start = new int[nc + 1];
    int from = 0;
    for (int o = 0; o < log.orders; o++) {
      int c = log.orderCustomer[o];
      int to = log.orderEnd[o];
      if (c >= 0) {
        orderCount[c]++;
        start[c + 1] += to - from;
      }
      from = to;
    }
    long[][] orderTimes = new long[nc][];
    for (int c = 0; c < nc; c++) {
      orderTimes[c] = new long[orderCount[c]];
      orderCount[c] = 0;
    }
    for (int o = 0; o < log.orders; o++) {
      int c = log.orderCustomer[o];
      if (c >= 0) {
        orderTimes[c][orderCount[c]++] = log.orderTime[o];
      }
    }
    for (long[] ts : orderTimes) {
      Arrays.sort(ts);
    }
    ReminderValidation validation = ReminderValidation.of(log.orderTime, log.orders, orderTimes);
    for (int c = 0; c < nc; c++) {
      start[c + 1] += start[c];
    }
    int[] fill = Arrays.copyOf(start, nc);
    int[] perm = new int[start[nc]];
    long[] permTime = new long[start[nc]];
    from = 0;
    for (int o = 0; o < log.orders; o++) {
      int c = log.orderCustomer[o];
      int to = log.orderEnd[o];
      if (c >= 0) {
        for (int x = from; x < to; x++) {
          int at = fill[c]++;
          perm[at] = x;
          permTime[at] = log.orderTime[o];
        }
      }
      from = to;
    }
    PurchaseHistory[] built = new PurchaseHistory[Math.max(16, nc + (nc >> 2))];
    long[] keys = new long[64];
    long[] times = new long[64];
    int[] hp = new int[64];
    int[] hq = new int[64];
    long[] ht = new long[64];
    long[][] hts = new long[64][];
    for (int c = 0; c < nc; c++) {
      int s = start[c];
      int len = start[c + 1] - s;
      if (len > keys.length) {
        int size = Math.max(len, keys.length * 2);
        keys = new long[size];
        times = new long[size];
        hp = new int[size];
        hq = new int[size];
        ht = new long[size];
        hts = new long[size][];
      }
      for (int i = 0; i < len; i++) {
        keys[i] = ((long) log.lineProduct[perm[s + i]] << 32) | i;
      }
      Arrays.sort(keys, 0, len);
      long target = validation.target(orderTimes[c]);
      int distinct = 0;
      int i = 0;
      while (i < len) {
        int p = (int) (keys[i] >>> 32);
        int qty = 0;
        int k = 0;
        while (i < len && (int) (keys[i] >>> 32) == p) {
          int local = (int) keys[i];
          qty += log.lineQuantity[perm[s + local]];
          times[k++] = permTime[s + local];
          i++;
        }
        Arrays.sort(times, 0, k);
        int purchases = 1;
        for (int j = 1; j < k; j++) {
          long gap = times[j] - times[j - 1];
          if (gap >= SignalsSnapshot.DAY) {
            gaps.add(p, gap / SignalsSnapshot.DAY);
            validation.gap(p, gap / SignalsSnapshot.DAY, times[j]);
          }
          if (gap > 0) {
            times[purchases++] = times[j]; // two lines of one order are one purchase
          }
        }
        if (target != Long.MIN_VALUE) {
          validation.addProduct(p, times, purchases, target);
        }
        hp[distinct] = p;
        hq[distinct] = qty;
        ht[distinct] = times[k - 1];
        hts[distinct] = purchases > 1 ? Arrays.copyOf(times, purchases) : null;
        distinct++;
      }
      if (target != Long.MIN_VALUE) {
        validation.endCase(target);
      }
      PurchaseHistory.sortByRecency(hp, hq, ht, hts, distinct);
      built[c] =
          new PurchaseHistory(
              Arrays.copyOf(hp, distinct),
              Arrays.copyOf(hq, distinct),
              Arrays.copyOf(ht, distinct),
              Arrays.copyOf(hts, distinct),
              orderTimes[c]);
    }
    histories = built;
    reminders = validation.choose(productCount);
  }
}
