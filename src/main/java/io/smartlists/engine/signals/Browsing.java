package io.smartlists.engine.signals;

/**
 * One visitor's recent browsing: the last {@value #LIMIT} product views and the last {@value
 * #LIMIT} category views, most recent first (a product viewed twice appears twice, so views can be
 * weighted), and the number of views ever recorded. Immutable: every view replaces the visitor's
 * browsing with a new one.
 */
public final class Browsing {

  /** Views kept per kind. */
  public static final int LIMIT = 50;

  /** No browsing. */
  public static final Browsing EMPTY =
      new Browsing(new int[0], new long[0], new int[0], new long[0], 0);

  private final int[] products;
  private final long[] productTimes;
  private final int[] categories;
  private final long[] categoryTimes;
  private final int totalViews;

  private Browsing(
      int[] products, long[] productTimes, int[] categories, long[] categoryTimes, int totalViews) {
    this.products = products;
    this.productTimes = productTimes;
    this.categories = categories;
    this.categoryTimes = categoryTimes;
    this.totalViews = totalViews;
  }

  /** Product views kept. */
  public int productViewCount() {
    return products.length;
  }

  /** The i-th product viewed, most recent first. */
  public int productView(int i) {
    return products[i];
  }

  /** Category views kept. */
  public int categoryViewCount() {
    return categories.length;
  }

  /** The i-th category viewed, most recent first. */
  public int categoryView(int i) {
    return categories[i];
  }

  /** Every product and category view recorded (not only the kept ones). */
  public int totalViews() {
    return totalViews;
  }

  /** When the most recent view happened, in epoch seconds, or {@link Long#MIN_VALUE}. */
  long lastViewEpochSecond() {
    long a = productTimes.length == 0 ? Long.MIN_VALUE : productTimes[0];
    long b = categoryTimes.length == 0 ? Long.MIN_VALUE : categoryTimes[0];
    return Math.max(a, b);
  }

  Browsing withProduct(int product, long time) {
    long[] t = new long[1];
    t[0] = time;
    return new Browsing(
        merge(products, productTimes, new int[] {product}, t),
        mergeTimes(productTimes, t),
        categories,
        categoryTimes,
        totalViews + 1);
  }

  Browsing withCategory(int category, long time) {
    long[] t = new long[1];
    t[0] = time;
    return new Browsing(
        products,
        productTimes,
        merge(categories, categoryTimes, new int[] {category}, t),
        mergeTimes(categoryTimes, t),
        totalViews + 1);
  }

  /** Both browsings interleaved by time (a visitor's anonymous browsing joining the customer's). */
  Browsing plus(Browsing other) {
    if (other.totalViews == 0) {
      return this;
    }
    if (totalViews == 0) {
      return other;
    }
    return new Browsing(
        merge(products, productTimes, other.products, other.productTimes),
        mergeTimes(productTimes, other.productTimes),
        merge(categories, categoryTimes, other.categories, other.categoryTimes),
        mergeTimes(categoryTimes, other.categoryTimes),
        totalViews + other.totalViews);
  }

  /** The ids of two newest-first sequences merged newest first, cut at {@link #LIMIT}. */
  private static int[] merge(int[] a, long[] at, int[] b, long[] bt) {
    int n = Math.min(LIMIT, a.length + b.length);
    int[] out = new int[n];
    int i = 0;
    int j = 0;
    for (int k = 0; k < n; k++) {
      if (j >= b.length || (i < a.length && at[i] > bt[j])) {
        out[k] = a[i++];
      } else {
        out[k] = b[j++];
      }
    }
    return out;
  }

  private static long[] mergeTimes(long[] at, long[] bt) {
    int n = Math.min(LIMIT, at.length + bt.length);
    long[] out = new long[n];
    int i = 0;
    int j = 0;
    for (int k = 0; k < n; k++) {
      if (j >= bt.length || (i < at.length && at[i] > bt[j])) {
        out[k] = at[i++];
      } else {
        out[k] = bt[j++];
      }
    }
    return out;
  }
}
