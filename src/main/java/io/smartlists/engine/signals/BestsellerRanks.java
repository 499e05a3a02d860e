package io.smartlists.engine.signals;

import io.smartlists.engine.model.GlobalRules;
import java.time.Instant;
import java.util.Arrays;
import java.util.concurrent.atomic.AtomicReferenceArray;

/**
 * The bestseller signal: time-decayed units sold per product over the window, with revenue and
 * recency for ties, and bounded top-{@value #TOP_N} rankings per scope (catalogue, each category
 * including its descendants, each manufacturer). Built by {@link #build}; {@link #apply} ranks one
 * more sale (single writer): a sale replaces the arrays of the product's scopes by updated copies
 * in an {@link AtomicReferenceArray}, so readers never lock.
 *
 * <p>Decay: a sale {@code d} days before the rebuild weighs {@code 2^(-d / halfLife)}; a sale
 * applied later weighs {@code 2^(+d' / halfLife)}, which ranks exactly like decaying every older
 * sale as time passes (all scores share the factor). Sales leave the window only at the next
 * rebuild, so schedule one (daily is plenty).
 */
final class BestsellerRanks {

  /** Bestsellers kept per scope. */
  static final int TOP_N = 500;

  private final CatalogueIndex catalogue;
  final int windowDays;
  final double halfLifeSeconds;
  private final long decayReference;
  private final long windowStart;
  private final double[] score;
  private final double[] revenue;
  private final long[] lastSold;

  /** Scope 0 = catalogue, 1 + c = category c, 1 + categories + m = manufacturer m. */
  private final AtomicReferenceArray<int[]> top;

  private BestsellerRanks(CatalogueIndex catalogue, GlobalRules rules, Instant now) {
    this.catalogue = catalogue;
    this.windowDays = Math.max(1, rules.bestsellerWindowDays());
    this.halfLifeSeconds =
        Math.max(1, rules.bestsellerHalfLifeDays()) * (double) SignalsSnapshot.DAY;
    this.decayReference = now.getEpochSecond();
    this.windowStart = decayReference - windowDays * SignalsSnapshot.DAY;
    int np = catalogue.productCount();
    this.score = new double[np];
    this.revenue = new double[np];
    this.lastSold = new long[np];
    Arrays.fill(lastSold, Long.MIN_VALUE);
    this.top =
        new AtomicReferenceArray<>(1 + catalogue.categoryCount() + catalogue.manufacturerCount());
  }

  /** The ranks of the orders in the log, counted over the rules' window before {@code now}. */
  static BestsellerRanks build(
      CatalogueIndex catalogue, OrderLog log, GlobalRules rules, Instant now) {
    BestsellerRanks r = new BestsellerRanks(catalogue, rules, now);
    double[] score = r.score;
    double[] revenue = r.revenue;
    long[] lastSold = r.lastSold;
    int np = catalogue.productCount();
    int from = 0;
    for (int o = 0; o < log.orders; o++) {
      int to = log.orderEnd[o];
      long t = log.orderTime[o];
      if (t >= r.windowStart) {
        double w = Math.pow(2, (t - r.decayReference) / r.halfLifeSeconds);
        for (int x = from; x < to; x++) {
          int p = log.lineProduct[x];
          score[p] += log.lineQuantity[x] * w;
          revenue[p] += log.lineQuantity[x] * (double) log.linePrice[x];
          if (t > lastSold[p]) {
            lastSold[p] = t;
          }
        }
      }
      from = to;
    }
    int[] ranked = new int[np];
    int n = 0;
    for (int p = 0; p < np; p++) {
      if (score[p] > 0) {
        ranked[n++] = p;
      }
    }
    IntSort.sort(
        ranked,
        n,
        (a, b) -> {
          if (score[a] != score[b]) {
            return score[a] > score[b] ? -1 : 1;
          }
          if (revenue[a] != revenue[b]) {
            return revenue[a] > revenue[b] ? -1 : 1;
          }
          if (lastSold[a] != lastSold[b]) {
            return lastSold[a] > lastSold[b] ? -1 : 1;
          }
          return Integer.compare(a, b);
        });
    int nc = catalogue.categoryCount();
    int scopes = 1 + nc + catalogue.manufacturerCount();
    int[][] lists = new int[scopes][];
    int[] sizes = new int[scopes];
    for (int i = 0; i < n; i++) {
      int p = ranked[i];
      append(lists, sizes, 0, p);
      for (int c : catalogue.productScopes[p]) {
        append(lists, sizes, 1 + c, p);
      }
      if (catalogue.productManufacturer[p] >= 0) {
        append(lists, sizes, 1 + nc + catalogue.productManufacturer[p], p);
      }
    }
    for (int i = 0; i < scopes; i++) {
      r.top.set(i, lists[i] == null ? CatalogueIndex.NONE : Arrays.copyOf(lists[i], sizes[i]));
    }
    return r;
  }

  private static void append(int[][] lists, int[] sizes, int scope, int p) {
    int size = sizes[scope];
    if (size >= TOP_N) {
      return;
    }
    int[] a = lists[scope];
    if (a == null) {
      a = new int[8];
      lists[scope] = a;
    } else if (size == a.length) {
      a = Arrays.copyOf(a, Math.min(TOP_N, size * 2));
      lists[scope] = a;
    }
    a[size] = p;
    sizes[scope] = size + 1;
  }

  /** True when a sale at this time counts (it is inside the window the ranks were built over). */
  boolean inWindow(long epochSecond) {
    return epochSecond >= windowStart;
  }

  /** Adds one order line's revenue (call for lines {@link #inWindow}, before {@link #apply}). */
  void addRevenue(int product, double amount) {
    revenue[product] += amount;
  }

  /** Ranks the sale of these distinct products and units at {@code t} (single writer). */
  void apply(int[] products, int[] quantities, int n, long t) {
    if (!inWindow(t)) {
      return;
    }
    double w = weight(t);
    int nc = catalogue.categoryCount();
    for (int i = 0; i < n; i++) {
      int p = products[i];
      score[p] += quantities[i] * w;
      if (t > lastSold[p]) {
        lastSold[p] = t;
      }
      raise(0, p);
      for (int c : catalogue.productScopes[p]) {
        raise(1 + c, p);
      }
      int m = catalogue.productManufacturer[p];
      if (m >= 0) {
        raise(1 + nc + m, p);
      }
    }
  }

  private double weight(long epochSecond) {
    return Math.pow(2, (epochSecond - decayReference) / halfLifeSeconds);
  }

  /** True when product a ranks before b: score, then revenue, then recency, then index. */
  private boolean better(int a, int b) {
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

  /** Catalogue bestsellers, best first; shared, never modify. */
  int[] catalogue() {
    return scope(0);
  }

  int[] category(int category) {
    return category < 0 || category >= catalogue.categoryCount()
        ? CatalogueIndex.NONE
        : scope(1 + category);
  }

  int[] manufacturer(int manufacturer) {
    return manufacturer < 0 || manufacturer >= catalogue.manufacturerCount()
        ? CatalogueIndex.NONE
        : scope(1 + catalogue.categoryCount() + manufacturer);
  }

  private int[] scope(int s) {
    int[] a = top.get(s);
    return a == null ? CatalogueIndex.NONE : a;
  }

  double score(int product) {
    return score[product];
  }
}
