package io.smartlists.engine.signals;

import java.util.Arrays;

/**
 * The repurchase signal: per product, the typical gap in days between two purchases by the same
 * customer (the median across all customers; 0 when nobody re-buys it). Built from the gaps {@link
 * CustomerHistories} finds in the history; {@link #addGap} records one more (single writer),
 * keeping a uniform sample of at most {@value #GAP_SAMPLE} gaps per product for its median. A
 * median is one primitive write a reader sees now or a little later.
 */
final class RepurchaseIntervals {

  /** Repurchase gaps kept per product to estimate its median (a uniform sample beyond that). */
  static final int GAP_SAMPLE = 255;

  private final int[] medianDays;
  private final int[] gapCount;
  private final int[][] gapSample;
  private long sampleSeed = 0x9E3779B97F4A7C15L;

  private RepurchaseIntervals(int productCount) {
    this.medianDays = new int[productCount];
    this.gapCount = new int[productCount];
    this.gapSample = new int[productCount][];
  }

  /** Collects the gaps of one rebuild as {@code product << 32 | days}. */
  static final class Gaps {
    private long[] gaps = new long[1024];
    private int size;

    void add(int product, long days) {
      if (size == gaps.length) {
        gaps = Arrays.copyOf(gaps, size * 2);
      }
      gaps[size++] = ((long) product << 32) | days;
    }

    /** Every product's median, and its sample for later updates. */
    RepurchaseIntervals build(int productCount) {
      RepurchaseIntervals r = new RepurchaseIntervals(productCount);
      Arrays.sort(gaps, 0, size);
      int[] days = new int[64];
      int i = 0;
      while (i < size) {
        int p = (int) (gaps[i] >>> 32);
        int k = 0;
        while (i < size && (int) (gaps[i] >>> 32) == p) {
          if (k == days.length) {
            days = Arrays.copyOf(days, k * 2);
          }
          days[k++] = (int) gaps[i];
          i++;
        }
        r.gapCount[p] = k;
        r.medianDays[p] = median(days, k);
        int kept = Math.min(k, GAP_SAMPLE);
        int[] sample = new int[kept];
        for (int j = 0; j < kept; j++) {
          sample[j] = kept == k ? days[j] : days[(int) ((j + 0.5) * k / kept)];
        }
        r.gapSample[p] = sample;
      }
      return r;
    }
  }

  /** These intervals with room for {@code productCount} products (this when there is room). */
  RepurchaseIntervals grownTo(int productCount) {
    if (productCount <= medianDays.length) {
      return this;
    }
    RepurchaseIntervals r = new RepurchaseIntervals(productCount);
    System.arraycopy(medianDays, 0, r.medianDays, 0, medianDays.length);
    System.arraycopy(gapCount, 0, r.gapCount, 0, gapCount.length);
    System.arraycopy(gapSample, 0, r.gapSample, 0, gapSample.length);
    r.sampleSeed = sampleSeed;
    return r;
  }

  /** The product's typical repurchase gap in days, or 0. */
  int intervalDays(int product) {
    return medianDays[product];
  }

  /** Records one more repurchase gap of the product and refreshes its median. */
  void addGap(int p, int days) {
    int count = ++gapCount[p];
    int[] s = gapSample[p];
    if (s == null || s.length < GAP_SAMPLE) {
      int len = s == null ? 0 : s.length;
      int[] next = new int[len + 1];
      int at = len == 0 ? 0 : insertionPoint(s, 0, s.length, days);
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
    medianDays[p] = median(s, s.length);
  }

  /**
   * Takes back one repurchase gap of the product (its purchase was cancelled or returned) and
   * refreshes its median. Exact while the product has at most {@value #GAP_SAMPLE} gaps (the sample
   * is then every gap); beyond, the value leaves the sample when the sample holds it.
   */
  void removeGap(int p, int days) {
    if (gapCount[p] == 0) {
      return;
    }
    gapCount[p]--;
    int[] s = gapSample[p];
    if (s == null) {
      return;
    }
    int at = Arrays.binarySearch(s, days);
    if (at < 0) {
      return;
    }
    int[] next = new int[s.length - 1];
    System.arraycopy(s, 0, next, 0, at);
    System.arraycopy(s, at + 1, next, at, next.length - at);
    gapSample[p] = next;
    medianDays[p] = median(next, next.length);
  }

  private long nextRandom() {
    long z = (sampleSeed += 0x9E3779B97F4A7C15L);
    z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
    z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
    return z ^ (z >>> 31);
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
}
