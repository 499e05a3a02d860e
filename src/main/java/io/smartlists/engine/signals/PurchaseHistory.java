package io.smartlists.engine.signals;

import java.util.Arrays;

/**
 * One customer's purchase history as the signals keep it: the distinct products bought, most
 * recently bought first, with the units bought and when each was last bought, plus the order count
 * and the time of the last order. Immutable: an order replaces the customer's history with a new
 * one, so readers never see half an update.
 *
 * <p>It also keeps when each order was placed and, for products bought more than once, when each
 * purchase was, so that a cancelled or returned order can be taken out exactly ({@link #without}):
 * the order count, the last order, each product's last purchase and the repurchase gaps then agree
 * with a rebuild from the host's history without that order. One long per order and per repeated
 * purchase.
 */
public final class PurchaseHistory {

  /** The history of a customer who never ordered. */
  public static final PurchaseHistory EMPTY =
      new PurchaseHistory(new int[0], new int[0], new long[0], new long[0][], new long[0]);

  private final int[] products;
  private final int[] quantities;
  private final long[] lastBought;

  /** Per product, every purchase time ascending; null when bought once (at its lastBought). */
  private final long[][] times;

  /** When each order was placed, ascending. */
  private final long[] orderTimes;

  PurchaseHistory(
      int[] products, int[] quantities, long[] lastBought, long[][] times, long[] orderTimes) {
    this.products = products;
    this.quantities = quantities;
    this.lastBought = lastBought;
    this.times = times;
    this.orderTimes = orderTimes;
  }

  /** Distinct products bought. */
  public int size() {
    return products.length;
  }

  /** The i-th product, most recently bought first. */
  public int product(int i) {
    return products[i];
  }

  /** Units of the i-th product bought over all orders. */
  public int quantity(int i) {
    return quantities[i];
  }

  /** When the i-th product was last bought, in epoch seconds. */
  public long lastBoughtEpochSecond(int i) {
    return lastBought[i];
  }

  /** Orders placed. */
  public int orderCount() {
    return orderTimes.length;
  }

  /** When the last order was placed, in epoch seconds, or {@link Long#MIN_VALUE} without orders. */
  public long lastOrderEpochSecond() {
    return orderTimes.length == 0 ? Long.MIN_VALUE : orderTimes[orderTimes.length - 1];
  }

  /** Every purchase time of the i-th product, ascending (shared, never modify). */
  long[] purchaseTimes(int i) {
    long[] t = times[i];
    return t != null ? t : new long[] {lastBought[i]};
  }

  /** Orders in which the i-th product was bought. */
  public int orderCountOf(int i) {
    long[] t = times[i];
    return t != null ? t.length : 1;
  }

  /** The position of the product in this history, or -1 when never bought. */
  public int indexOf(int product) {
    for (int i = 0; i < products.length; i++) {
      if (products[i] == product) {
        return i;
      }
    }
    return -1;
  }

  /** The distinct products, most recently bought first (a copy). */
  int[] productsCopy() {
    return products.clone();
  }

  /**
   * This history plus one order of these distinct products and units at {@code time}. Products
   * re-ordered move to the front (when the order is the newest), the rest keep their order.
   */
  PurchaseHistory withOrder(int[] orderProducts, int[] orderQuantities, int n, long time) {
    int fresh = 0;
    for (int i = 0; i < n; i++) {
      if (indexOf(orderProducts[i]) < 0) {
        fresh++;
      }
    }
    int size = products.length + fresh;
    int[] p = Arrays.copyOf(products, size);
    int[] q = Arrays.copyOf(quantities, size);
    long[] t = Arrays.copyOf(lastBought, size);
    long[][] ts = Arrays.copyOf(times, size);
    int k = products.length;
    for (int i = 0; i < n; i++) {
      int at = -1;
      for (int j = 0; j < k; j++) {
        if (p[j] == orderProducts[i]) {
          at = j;
          break;
        }
      }
      if (at < 0) {
        p[k] = orderProducts[i];
        q[k] = orderQuantities[i];
        t[k] = time;
        k++;
      } else {
        ts[at] = insert(ts[at] != null ? ts[at] : new long[] {t[at]}, time);
        q[at] += orderQuantities[i];
        t[at] = Math.max(t[at], time);
      }
    }
    sortByRecency(p, q, t, ts, size);
    return new PurchaseHistory(p, q, t, ts, insert(orderTimes, time));
  }

  /**
   * This history without {@code units} of the product bought at {@code time}; when {@code
   * purchaseGone} (no unit of it is left in that order) without that purchase too, telling {@code
   * intervals} which repurchase gaps it made and which one bridges it now. A product with no
   * purchase left leaves the history.
   */
  PurchaseHistory without(
      int product, int units, long time, boolean purchaseGone, RepurchaseIntervals intervals) {
    int at = indexOf(product);
    if (at < 0) {
      return this;
    }
    long[] ts = purchaseTimes(at);
    long[] left = ts;
    if (purchaseGone) {
      int k = Arrays.binarySearch(ts, time);
      if (k >= 0) {
        long day = SignalsSnapshot.DAY;
        boolean hasPrev = k > 0;
        boolean hasNext = k < ts.length - 1;
        if (hasPrev && time - ts[k - 1] >= day) {
          intervals.removeGap(product, (int) ((time - ts[k - 1]) / day));
        }
        if (hasNext && ts[k + 1] - time >= day) {
          intervals.removeGap(product, (int) ((ts[k + 1] - time) / day));
        }
        if (hasPrev && hasNext && ts[k + 1] - ts[k - 1] >= day) {
          intervals.addGap(product, (int) ((ts[k + 1] - ts[k - 1]) / day));
        }
        left = new long[ts.length - 1];
        System.arraycopy(ts, 0, left, 0, k);
        System.arraycopy(ts, k + 1, left, k, ts.length - k - 1);
      }
    }
    int qty = quantities[at] - units;
    int size = products.length;
    int[] p = products.clone();
    int[] q = quantities.clone();
    long[] t = lastBought.clone();
    long[][] tt = times.clone();
    if (left.length == 0 || qty <= 0) {
      size--;
      System.arraycopy(products, at + 1, p, at, size - at);
      System.arraycopy(quantities, at + 1, q, at, size - at);
      System.arraycopy(lastBought, at + 1, t, at, size - at);
      System.arraycopy(times, at + 1, tt, at, size - at);
    } else {
      q[at] = qty;
      t[at] = left[left.length - 1];
      tt[at] = left.length == 1 ? null : left;
    }
    p = Arrays.copyOf(p, size);
    q = Arrays.copyOf(q, size);
    t = Arrays.copyOf(t, size);
    tt = Arrays.copyOf(tt, size);
    sortByRecency(p, q, t, tt, size);
    return new PurchaseHistory(p, q, t, tt, orderTimes);
  }

  /** This history without the order placed at {@code time} (its lines taken out before). */
  PurchaseHistory withoutOrder(long time) {
    int k = Arrays.binarySearch(orderTimes, time);
    if (k < 0) {
      return this;
    }
    long[] o = new long[orderTimes.length - 1];
    System.arraycopy(orderTimes, 0, o, 0, k);
    System.arraycopy(orderTimes, k + 1, o, k, o.length - k);
    return new PurchaseHistory(products, quantities, lastBought, times, o);
  }

  /** A sorted copy of {@code a} with {@code v} inserted. */
  static long[] insert(long[] a, long v) {
    int k = Arrays.binarySearch(a, v);
    int at = k >= 0 ? k : -k - 1;
    long[] out = new long[a.length + 1];
    System.arraycopy(a, 0, out, 0, at);
    out[at] = v;
    System.arraycopy(a, at, out, at + 1, a.length - at);
    return out;
  }

  /** Sorts the parallel arrays newest first, stably ({@link IntSort}, as the reminders sort). */
  static void sortByRecency(int[] p, int[] q, long[] t, long[][] ts, int size) {
    int[] order = new int[size];
    for (int i = 0; i < size; i++) {
      order[i] = i;
    }
    IntSort.sort(order, size, (a, b) -> Long.compare(t[b], t[a]));
    int[] p0 = Arrays.copyOf(p, size);
    int[] q0 = Arrays.copyOf(q, size);
    long[] t0 = Arrays.copyOf(t, size);
    long[][] ts0 = Arrays.copyOf(ts, size);
    for (int i = 0; i < size; i++) {
      int from = order[i];
      p[i] = p0[from];
      q[i] = q0[from];
      t[i] = t0[from];
      ts[i] = ts0[from];
    }
  }
}
