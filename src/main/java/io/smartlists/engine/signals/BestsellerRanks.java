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
 *
 * <p>{@link #remove} takes units of a cancelled order or of returned goods back out (their weight
 * at the sale's time) and moves the product down its scopes; a product with no unit left in the
 * window leaves them, like in a rebuild without the sale. A full top list rescans its scope, so
 * that the product that now enters it is the right one. The recency tie-break ({@code lastSold})
 * keeps the removed sale's time until the next rebuild.
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

  /** Units sold in the window per product; a product at 0 has no sale to rank. */
  private final int[] units;

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
    this.units = new int[np];
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
    int[] units = r.units;
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
          units[p] += log.lineQuantity[x];
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

  /**
   * These ranks over a catalogue where one product was added or changed ({@link
   * CatalogueIndex#withProduct}): the same sales, the product's former and new scopes ranked again.
   * The old ranks stay as they were for readers still holding them.
   */
  BestsellerRanks withCatalogue(CatalogueIndex changed, int product) {
    BestsellerRanks r = new BestsellerRanks(this, changed);
    int nc = changed.categoryCount();
    int oldScopes = top.length();
    for (int s = 0; s < r.top.length(); s++) {
      r.top.set(s, s < oldScopes ? scope(s) : CatalogueIndex.NONE);
    }
    if (product < catalogue.productCount()) {
      for (int c : catalogue.productScopes[product]) {
        r.top.set(1 + c, r.rescan(1 + c));
      }
      int m = catalogue.productManufacturer[product];
      if (m >= 0) {
        r.top.set(1 + nc + m, r.rescan(1 + nc + m));
      }
    }
    if (r.units[product] > 0) {
      for (int c : changed.productScopes[product]) {
        r.top.set(1 + c, r.rescan(1 + c));
      }
      int m = changed.productManufacturer[product];
      if (m >= 0) {
        r.top.set(1 + nc + m, r.rescan(1 + nc + m));
      }
    }
    return r;
  }

  /** A copy of {@code old}'s sales over {@code changed}, sized for its products and scopes. */
  private BestsellerRanks(BestsellerRanks old, CatalogueIndex changed) {
    this.catalogue = changed;
    this.windowDays = old.windowDays;
    this.halfLifeSeconds = old.halfLifeSeconds;
    this.decayReference = old.decayReference;
    this.windowStart = old.windowStart;
    int np = changed.productCount();
    int had = old.score.length;
    this.score = Arrays.copyOf(old.score, np);
    this.revenue = Arrays.copyOf(old.revenue, np);
    this.lastSold = Arrays.copyOf(old.lastSold, np);
    Arrays.fill(lastSold, Math.min(had, np), np, Long.MIN_VALUE);
    this.units = Arrays.copyOf(old.units, np);
    this.top =
        new AtomicReferenceArray<>(1 + changed.categoryCount() + changed.manufacturerCount());
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
      units[p] += quantities[i];
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

  /**
   * Takes back the sale of these distinct products and units at {@code t} and their {@code
   * revenues} (single writer): the product moves down in its scopes, or leaves them with no unit
   * left in the window.
   */
  void remove(int[] products, int[] quantities, double[] revenues, int n, long t) {
    if (!inWindow(t)) {
      return;
    }
    double w = weight(t);
    int nc = catalogue.categoryCount();
    for (int i = 0; i < n; i++) {
      int p = products[i];
      units[p] -= quantities[i];
      if (units[p] <= 0) {
        units[p] = 0;
        score[p] = 0; // exactly: no rounding left over from the subtraction
        revenue[p] = 0;
      } else {
        score[p] -= quantities[i] * w;
        revenue[p] -= revenues[i];
      }
      lower(0, p);
      for (int c : catalogue.productScopes[p]) {
        lower(1 + c, p);
      }
      int m = catalogue.productManufacturer[p];
      if (m >= 0) {
        lower(1 + nc + m, p);
      }
    }
  }

  /** The product's score fell: move it down in the scope's ranking, or out (copy-on-write). */
  private void lower(int scope, int p) {
    int[] a = scope(scope);
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
    if (a.length == TOP_N) {
      top.set(scope, rescan(scope)); // a product outside the list may now rank above p
      return;
    }
    int[] rest = new int[a.length - 1];
    System.arraycopy(a, 0, rest, 0, pos);
    System.arraycopy(a, pos + 1, rest, pos, rest.length - pos);
    if (units[p] == 0) {
      top.set(scope, rest);
      return;
    }
    int lo = 0;
    int hi = rest.length;
    while (lo < hi) {
      int mid = (lo + hi) >>> 1;
      if (better(p, rest[mid])) {
        hi = mid;
      } else {
        lo = mid + 1;
      }
    }
    int[] next = new int[a.length];
    System.arraycopy(rest, 0, next, 0, lo);
    next[lo] = p;
    System.arraycopy(rest, lo, next, lo + 1, rest.length - lo);
    top.set(scope, next);
  }

  /** The scope's top list ranked again from every product's score. */
  private int[] rescan(int scope) {
    int np = catalogue.productCount();
    int nc = catalogue.categoryCount();
    int[] in = new int[np];
    int n = 0;
    for (int p = 0; p < np; p++) {
      if (units[p] > 0 && inScope(scope, p, nc)) {
        in[n++] = p;
      }
    }
    IntSort.sort(in, n, (a, b) -> a == b ? 0 : better(a, b) ? -1 : 1);
    return Arrays.copyOf(in, Math.min(n, TOP_N));
  }

  private boolean inScope(int scope, int p, int nc) {
    if (scope == 0) {
      return true;
    }
    if (scope <= nc) {
      for (int c : catalogue.productScopes[p]) {
        if (1 + c == scope) {
          return true;
        }
      }
      return false;
    }
    return catalogue.productManufacturer[p] == scope - 1 - nc;
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
