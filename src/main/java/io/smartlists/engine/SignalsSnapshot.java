package io.smartlists.engine;

import io.smartlists.host.OrderLine;
import io.smartlists.host.OrderRecord;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicReferenceArray;
import java.util.function.IntPredicate;
import org.jspecify.annotations.Nullable;

/**
 * The signals one rebuild produced, then kept current by {@link #applyOrder} (single writer, under
 * {@link SignalsManager}'s write lock). Readers never lock:
 *
 * <ul>
 *   <li>the catalogue part (ids, names, category tree, manufacturers, new arrivals) never changes;
 *   <li>bestseller ranks are bounded top-{@value #TOP_N} arrays per scope (catalogue, category
 *       including descendants, manufacturer) in an {@link AtomicReferenceArray}: a sale replaces
 *       the arrays of the product's scopes by updated copies;
 *   <li>purchase histories are immutable {@link PurchaseHistory} objects (final fields, so a plain
 *       array store publishes them safely) replaced per order;
 *   <li>scores and repurchase medians are single primitive writes a reader sees now or a little
 *       later.
 * </ul>
 *
 * <p>Decay: a sale {@code d} days before the rebuild weighs {@code 2^(-d / halfLife)}; a sale
 * applied later weighs {@code 2^(+d' / halfLife)}, which ranks exactly like decaying every older
 * sale as time passes (all scores share the factor). Sales leave the window only at the next
 * rebuild, so schedule one (daily is plenty).
 */
final class SignalsSnapshot implements Signals {

  /** Bestsellers kept per scope. */
  static final int TOP_N = 500;

  /** Repurchase gaps kept per product to estimate its median (a uniform sample beyond that). */
  static final int GAP_SAMPLE = 255;

  static final long DAY = 86_400L;

  // ---- catalogue (immutable)
  final String[] productIds;
  final String[] productNames;
  final Map<String, Integer> productIndex;
  final int[][] productCategories;

  /** Every category the product counts in: its own and all their ancestors, distinct. */
  final int[][] productScopes;

  final int[] productManufacturer;
  final long[] availableFrom;
  final int[] newArrivals;
  final String[] categoryIds;
  final String[] categoryNames;
  final Map<String, Integer> categoryIndex;
  final String[] manufacturerNames;
  final Map<String, Integer> manufacturerIndex;

  // ---- rules the ranks were built with
  final int windowDays;
  final double halfLifeSeconds;
  final long decayReference;
  final long windowStart;

  // ---- bestsellers (single writer)
  final double[] score;
  final double[] revenue;
  final long[] lastSold;

  /** Scope 0 = catalogue, 1 + c = category c, 1 + categories + m = manufacturer m. */
  final AtomicReferenceArray<int[]> top;

  // ---- customers (single writer)
  final ConcurrentHashMap<String, Integer> customerIndex;
  volatile PurchaseHistory[] histories;
  int customerCount;

  // ---- repurchase intervals (single writer; medians read by everyone)
  final int[] repurchaseMedianDays;
  final int[] gapCount;
  final int[][] gapSample;
  private long sampleSeed = 0x9E3779B97F4A7C15L;

  final CoPurchaseIndex coPurchase;
  final BrowsingStore browsing;
  final Instant builtAt;

  SignalsSnapshot(SignalsBuilder b) {
    productIds = b.productIds;
    productNames = b.productNames;
    productIndex = b.productIndex;
    productCategories = b.productCategories;
    productScopes = b.productScopes;
    productManufacturer = b.productManufacturer;
    availableFrom = b.availableFrom;
    newArrivals = b.newArrivals;
    categoryIds = b.categoryIds;
    categoryNames = b.categoryNames;
    categoryIndex = b.categoryIndex;
    manufacturerNames = b.manufacturerNames;
    manufacturerIndex = b.manufacturerIndex;
    windowDays = b.windowDays;
    halfLifeSeconds = b.halfLifeSeconds;
    decayReference = b.decayReference;
    windowStart = b.windowStart;
    score = b.score;
    revenue = b.revenue;
    lastSold = b.lastSold;
    top = b.top;
    customerIndex = b.customerIndex;
    histories = b.histories;
    customerCount = b.customerCount;
    repurchaseMedianDays = b.repurchaseMedianDays;
    gapCount = b.gapCount;
    gapSample = b.gapSample;
    coPurchase = Objects.requireNonNull(b.coPurchase, "built by SignalsBuilder.build()");
    browsing = b.browsing;
    builtAt = b.builtAt;
  }

  // =========================================================================================
  // Incremental update (single writer)

  /** Applies one confirmed order: ranks, the customer's history, repurchase gaps, co-purchases. */
  void applyOrder(OrderRecord order, int[] scratchProducts, int[] scratchQuantities) {
    long t = order.placedAt().getEpochSecond();
    int n = 0;
    int[] ps = scratchProducts;
    int[] qs = scratchQuantities;
    for (OrderLine line : order.lines()) {
      Integer idx = productIndex.get(line.productId());
      if (idx == null || line.quantity() <= 0) {
        continue;
      }
      int p = idx;
      int at = -1;
      for (int i = 0; i < n; i++) {
        if (ps[i] == p) {
          at = i;
          break;
        }
      }
      if (at < 0) {
        if (n == ps.length) {
          ps = Arrays.copyOf(ps, n * 2);
          qs = Arrays.copyOf(qs, n * 2);
        }
        ps[n] = p;
        qs[n] = line.quantity();
        n++;
      } else {
        qs[at] += line.quantity();
      }
      if (t >= windowStart) {
        revenue[p] += line.quantity() * line.unitPrice().doubleValue();
      }
    }
    if (n == 0) {
      return;
    }
    if (t >= windowStart) {
      double w = weight(t);
      for (int i = 0; i < n; i++) {
        int p = ps[i];
        score[p] += qs[i] * w;
        if (t > lastSold[p]) {
          lastSold[p] = t;
        }
        raise(0, p);
        for (int c : productScopes[p]) {
          raise(1 + c, p);
        }
        int m = productManufacturer[p];
        if (m >= 0) {
          raise(1 + categoryIds.length + m, p);
        }
      }
    }
    int customer = -1;
    String customerId = order.customerId();
    if (customerId != null) {
      customer = customerIndex(customerId);
      PurchaseHistory[] hs = histories;
      PurchaseHistory old = hs[customer];
      if (old == null) {
        old = PurchaseHistory.EMPTY;
      }
      for (int i = 0; i < n; i++) {
        int at = old.indexOf(ps[i]);
        if (at >= 0 && t - old.lastBoughtEpochSecond(at) >= DAY) {
          addGap(ps[i], (int) ((t - old.lastBoughtEpochSecond(at)) / DAY));
        }
      }
      hs[customer] = old.withOrder(ps, qs, n, t);
    }
    coPurchase.addOrder(Arrays.copyOf(ps, n), customer, t);
  }

  // ---- order lifecycle (issue 15): a cancelled order or returned lines, the reverse of
  // applyOrder. Kept in one block so it moves as one piece with the engine split.

  /**
   * Takes units of one order applied earlier out of the signals: its lines when the order was
   * cancelled, the returned lines when goods came back. Bestseller scores and revenue lose what the
   * order added (its sale time's decay weight), the products move down in their scopes' rankings
   * (out of them with no sale left), the customer's history loses the units (and, for a cancelled
   * order, one order), and the co-purchase index loses the order's pairs for those products.
   * Repurchase intervals keep the gap until the next rebuild.
   */
  void removeUnits(OrderRecord order, List<OrderLine> lines, boolean cancelled) {
    long t = order.placedAt().getEpochSecond();
    int n = 0;
    int[] ps = new int[lines.size()];
    int[] qs = new int[lines.size()];
    for (OrderLine line : lines) {
      Integer idx = productIndex.get(line.productId());
      if (idx == null || line.quantity() <= 0) {
        continue;
      }
      int p = idx;
      int at = -1;
      for (int i = 0; i < n; i++) {
        if (ps[i] == p) {
          at = i;
          break;
        }
      }
      if (at < 0) {
        ps[n] = p;
        qs[n] = line.quantity();
        n++;
      } else {
        qs[at] += line.quantity();
      }
      if (t >= windowStart) {
        revenue[p] = Math.max(0, revenue[p] - line.quantity() * line.unitPrice().doubleValue());
      }
    }
    if (n == 0) {
      return;
    }
    if (t >= windowStart) {
      double w = weight(t);
      for (int i = 0; i < n; i++) {
        int p = ps[i];
        double left = score[p] - qs[i] * w;
        score[p] = left <= 1e-9 * w ? 0 : left;
        lower(0, p);
        for (int c : productScopes[p]) {
          lower(1 + c, p);
        }
        int m = productManufacturer[p];
        if (m >= 0) {
          lower(1 + categoryIds.length + m, p);
        }
      }
    }
    String customerId = order.customerId();
    if (customerId != null) {
      Integer c = customerIndex.get(customerId);
      PurchaseHistory[] hs = histories;
      PurchaseHistory old = c != null && c < hs.length ? hs[c] : null;
      if (c != null && old != null) {
        hs[c] = old.withoutUnits(ps, qs, n, cancelled);
      }
    }
    int[] orderProducts = new int[order.lines().size()];
    int k = 0;
    for (OrderLine line : order.lines()) {
      Integer idx = productIndex.get(line.productId());
      if (idx != null && line.quantity() > 0) {
        orderProducts[k++] = idx;
      }
    }
    coPurchase.removeOrder(Arrays.copyOf(orderProducts, k), Arrays.copyOf(ps, n));
  }

  /**
   * Forgets which purchase history belongs to the customer (erasure). Aggregates the customer's
   * orders fed (bestsellers, co-purchase counts) stay: they hold no id.
   */
  void forgetCustomer(String customerId) {
    Integer c = customerIndex.remove(customerId);
    PurchaseHistory[] hs = histories;
    if (c != null && c < hs.length) {
      hs[c] = null;
    }
  }

  /**
   * The product's score fell: move it down in the scope's ranking, out of it at 0 (copy-on-write).
   */
  private void lower(int scope, int p) {
    int[] a = top.get(scope);
    if (a == null) {
      return;
    }
    int pos = -1;
    for (int i = 0; i < a.length; i++) {
      if (a[i] == p) {
        pos = i;
        break;
      }
    }
    if (pos < 0) {
      return;
    }
    int[] rest = new int[a.length - 1];
    System.arraycopy(a, 0, rest, 0, pos);
    System.arraycopy(a, pos + 1, rest, pos, a.length - pos - 1);
    if (score[p] <= 0) {
      top.set(scope, rest);
      return;
    }
    int at = pos;
    while (at < rest.length && better(rest[at], p)) {
      at++;
    }
    int[] next = new int[a.length];
    System.arraycopy(rest, 0, next, 0, at);
    next[at] = p;
    System.arraycopy(rest, at, next, at + 1, rest.length - at);
    top.set(scope, next);
  }

  double weight(long epochSecond) {
    return Math.pow(2, (epochSecond - decayReference) / halfLifeSeconds);
  }

  private int customerIndex(String customerId) {
    Integer idx = customerIndex.get(customerId);
    if (idx != null) {
      return idx;
    }
    int c = customerCount++;
    PurchaseHistory[] hs = histories;
    if (c >= hs.length) {
      hs = Arrays.copyOf(hs, Math.max(16, hs.length + (hs.length >> 1)));
      histories = hs;
    }
    customerIndex.put(customerId, c);
    return c;
  }

  /** Records one more repurchase gap of the product and refreshes its median. */
  private void addGap(int p, int days) {
    int count = ++gapCount[p];
    int[] s = gapSample[p];
    if (s == null || s.length < GAP_SAMPLE) {
      int len = s == null ? 0 : s.length;
      int[] next = new int[len + 1];
      int at = len == 0 ? 0 : insertionPoint(s, days);
      if (len > 0) {
        System.arraycopy(s, 0, next, 0, at);
        System.arraycopy(s, at, next, at + 1, len - at);
      }
      next[at] = days;
      gapSample[p] = next;
      s = next;
    } else {
      // Reservoir sampling: every gap seen stays in the sample with the same probability.
      long r = nextRandom() % count;
      if (r < 0) {
        r += count;
      }
      if (r >= GAP_SAMPLE) {
        return;
      }
      int[] next = s.clone();
      int drop = (int) r;
      // Remove one element chosen at random, then insert the new gap in order.
      System.arraycopy(next, drop + 1, next, drop, next.length - drop - 1);
      int len = next.length - 1;
      int at = insertionPoint(next, 0, len, days);
      System.arraycopy(next, at, next, at + 1, len - at);
      next[at] = days;
      gapSample[p] = next;
      s = next;
    }
    repurchaseMedianDays[p] = median(s, s.length);
  }

  private long nextRandom() {
    long z = (sampleSeed += 0x9E3779B97F4A7C15L);
    z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
    z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
    return z ^ (z >>> 31);
  }

  private static int insertionPoint(int[] a, int v) {
    return insertionPoint(a, 0, a.length, v);
  }

  private static int insertionPoint(int[] a, int from, int to, int v) {
    int lo = from;
    int hi = to;
    while (lo < hi) {
      int mid = (lo + hi) >>> 1;
      if (a[mid] <= v) {
        lo = mid + 1;
      } else {
        hi = mid;
      }
    }
    return lo;
  }

  /** The median of a sorted array, at least 1 day. */
  static int median(int[] sorted, int n) {
    if (n == 0) {
      return 0;
    }
    int m =
        (n & 1) == 1 ? sorted[n / 2] : (int) Math.round((sorted[n / 2 - 1] + sorted[n / 2]) / 2.0);
    return Math.max(1, m);
  }

  /** True when product a ranks before b: score, then revenue, then recency, then index. */
  boolean better(int a, int b) {
    double sa = score[a];
    double sb = score[b];
    if (sa != sb) {
      return sa > sb;
    }
    if (revenue[a] != revenue[b]) {
      return revenue[a] > revenue[b];
    }
    if (lastSold[a] != lastSold[b]) {
      return lastSold[a] > lastSold[b];
    }
    return a < b;
  }

  /** The product's score rose: move it up in the scope's ranking (copy-on-write). */
  private void raise(int scope, int p) {
    int[] a = top.get(scope);
    if (a == null) {
      a = new int[0];
    }
    int len = a.length;
    if (len == TOP_N && better(a[len - 1], p)) {
      return; // the list is full and p still ranks below its last product, so it is not in it
    }
    int pos = -1;
    for (int i = 0; i < len; i++) {
      if (a[i] == p) {
        pos = i;
        break;
      }
    }
    int limit = pos >= 0 ? pos : len;
    int lo = 0;
    int hi = limit;
    while (lo < hi) {
      int mid = (lo + hi) >>> 1;
      if (better(p, a[mid])) {
        hi = mid;
      } else {
        lo = mid + 1;
      }
    }
    int at = lo;
    int[] next;
    if (pos >= 0) {
      if (at == pos) {
        return;
      }
      next = a.clone();
      System.arraycopy(a, at, next, at + 1, pos - at);
      next[at] = p;
    } else {
      if (at >= TOP_N) {
        return;
      }
      int newLen = Math.min(TOP_N, len + 1);
      next = new int[newLen];
      System.arraycopy(a, 0, next, 0, at);
      next[at] = p;
      System.arraycopy(a, at, next, at + 1, newLen - at - 1);
    }
    top.set(scope, next);
  }

  // =========================================================================================
  // Signals

  @Override
  public int indexOf(String productId) {
    Integer i = productIndex.get(productId);
    return i == null ? -1 : i;
  }

  @Override
  public String productId(int product) {
    return productIds[product];
  }

  @Override
  public int productCount() {
    return productIds.length;
  }

  @Override
  public String productName(int product) {
    return productNames[product];
  }

  @Override
  public int bestsellerWindowDays() {
    return windowDays;
  }

  @Override
  public int categoryIndex(String categoryId) {
    Integer i = categoryIndex.get(categoryId);
    return i == null ? -1 : i;
  }

  @Override
  public int categoryCount() {
    return categoryIds.length;
  }

  @Override
  public String categoryId(int category) {
    return categoryIds[category];
  }

  @Override
  public String categoryName(int category) {
    return categoryNames[category];
  }

  @Override
  public boolean isInCategory(int product, int ancestor) {
    for (int c : productScopes[product]) {
      if (c == ancestor) {
        return true;
      }
    }
    return false;
  }

  @Override
  public int[] productCategories(int product) {
    return productCategories[product];
  }

  @Override
  public int manufacturerIndex(String manufacturer) {
    Integer i = manufacturerIndex.get(SignalsBuilder.manufacturerKey(manufacturer));
    return i == null ? -1 : i;
  }

  @Override
  public String manufacturerName(int manufacturer) {
    return manufacturerNames[manufacturer];
  }

  @Override
  public int productManufacturer(int product) {
    return productManufacturer[product];
  }

  @Override
  public int[] bestsellers() {
    return scope(0);
  }

  @Override
  public int[] categoryBestsellers(int category) {
    return category < 0 || category >= categoryIds.length ? new int[0] : scope(1 + category);
  }

  @Override
  public int[] manufacturerBestsellers(int manufacturer) {
    return manufacturer < 0 || manufacturer >= manufacturerNames.length
        ? new int[0]
        : scope(1 + categoryIds.length + manufacturer);
  }

  private int[] scope(int s) {
    int[] a = top.get(s);
    return a == null ? SignalsBuilder.NONE : a;
  }

  @Override
  public double bestsellerScore(int product) {
    return score[product];
  }

  @Override
  public int[] newArrivals() {
    return newArrivals;
  }

  @Override
  public long availableFromEpochSecond(int product) {
    return availableFrom[product];
  }

  @Override
  public PurchaseHistory purchases(@Nullable String customerId) {
    if (customerId == null) {
      return PurchaseHistory.EMPTY;
    }
    Integer c = customerIndex.get(customerId);
    if (c == null) {
      return PurchaseHistory.EMPTY;
    }
    PurchaseHistory[] hs = histories;
    PurchaseHistory h = c < hs.length ? hs[c] : null;
    return h == null ? PurchaseHistory.EMPTY : h;
  }

  @Override
  public int orderCount(@Nullable String customerId) {
    return purchases(customerId).orderCount();
  }

  @Override
  public @Nullable Instant lastOrderAt(@Nullable String customerId) {
    PurchaseHistory h = purchases(customerId);
    return h.orderCount() == 0 ? null : Instant.ofEpochSecond(h.lastOrderEpochSecond());
  }

  @Override
  public boolean hasBought(@Nullable String customerId, int product) {
    return purchases(customerId).indexOf(product) >= 0;
  }

  @Override
  public IntPredicate boughtBy(@Nullable String customerId) {
    PurchaseHistory h = purchases(customerId);
    return h.size() == 0 ? product -> false : product -> h.indexOf(product) >= 0;
  }

  @Override
  public int[] purchasedProducts(@Nullable String customerId) {
    return purchases(customerId).productsCopy();
  }

  @Override
  public boolean isRepeatBuy(int product) {
    return repurchaseMedianDays[product] > 0;
  }

  @Override
  public int repurchaseIntervalDays(int product) {
    return repurchaseMedianDays[product];
  }

  @Override
  public Browsing browsing(String visitorId, @Nullable String customerId) {
    return browsing.get(visitorId, customerId);
  }

  @Override
  public int browsingViews(String visitorId, @Nullable String customerId) {
    return browsing(visitorId, customerId).totalViews();
  }

  @Override
  public int[] recentProductViews(String visitorId, @Nullable String customerId) {
    Browsing b = browsing(visitorId, customerId);
    int[] out = new int[b.productViewCount()];
    int n = 0;
    for (int i = 0; i < b.productViewCount(); i++) {
      int p = b.productView(i);
      boolean seen = false;
      for (int j = 0; j < n; j++) {
        if (out[j] == p) {
          seen = true;
          break;
        }
      }
      if (!seen) {
        out[n++] = p;
      }
    }
    return Arrays.copyOf(out, n);
  }

  @Override
  public CoPurchaseIndex coPurchase() {
    return coPurchase;
  }
}
