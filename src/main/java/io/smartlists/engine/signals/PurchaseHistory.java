package io.smartlists.engine.signals;

/**
 * One customer's purchase history as the signals keep it: the distinct products bought, most
 * recently bought first, with the units bought and when each was last bought, plus the order count
 * and the time of the last order. Immutable: an order replaces the customer's history with a new
 * one, so readers never see half an update.
 */
public final class PurchaseHistory {

  /** The history of a customer who never ordered. */
  public static final PurchaseHistory EMPTY =
      new PurchaseHistory(new int[0], new int[0], new long[0], 0, Long.MIN_VALUE);

  private final int[] products;
  private final int[] quantities;
  private final long[] lastBought;
  private final int orderCount;
  private final long lastOrder;

  PurchaseHistory(
      int[] products, int[] quantities, long[] lastBought, int orderCount, long lastOrder) {
    this.products = products;
    this.quantities = quantities;
    this.lastBought = lastBought;
    this.orderCount = orderCount;
    this.lastOrder = lastOrder;
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
    return orderCount;
  }

  /** When the last order was placed, in epoch seconds, or {@link Long#MIN_VALUE} without orders. */
  public long lastOrderEpochSecond() {
    return lastOrder;
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
    int[] p = new int[size];
    int[] q = new int[size];
    long[] t = new long[size];
    // Merge by last-bought time, newest first: the order's products first when it is the newest.
    int k = 0;
    for (int i = 0; i < products.length; i++) {
      p[k] = products[i];
      q[k] = quantities[i];
      t[k] = lastBought[i];
      k++;
    }
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
        q[at] += orderQuantities[i];
        t[at] = Math.max(t[at], time);
      }
    }
    sortByRecency(p, q, t, size);
    return new PurchaseHistory(p, q, t, orderCount + 1, Math.max(lastOrder, time));
  }

  /** Stable insertion sort, newest first (histories hold tens of products). */
  static void sortByRecency(int[] p, int[] q, long[] t, int size) {
    for (int i = 1; i < size; i++) {
      int pp = p[i];
      int qq = q[i];
      long tt = t[i];
      int j = i - 1;
      while (j >= 0 && t[j] < tt) {
        p[j + 1] = p[j];
        q[j + 1] = q[j];
        t[j + 1] = t[j];
        j--;
      }
      p[j + 1] = pp;
      q[j + 1] = qq;
      t[j + 1] = tt;
    }
  }
}
