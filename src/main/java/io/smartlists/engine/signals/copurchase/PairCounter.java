package io.smartlists.engine.signals.copurchase;

import java.util.Arrays;

/**
 * Sort-based pair counting over sets (orders, or customers' recent products), in passes over ranges
 * of first products so the temporary pair array stays bounded, keeping each product's {@value
 * CoPurchaseIndex#NEIGHBOURS} strongest neighbours.
 */
final class PairCounter {
  private PairCounter() {}

  /** Directed pairs per pass: 8M longs = 64 MB of temporary memory at most. */
  private static final int PASS_PAIRS = 1 << 23;

  /**
   * Fills {@code out} with each product's strongest neighbours over the sets (orders or customers'
   * recent products): with {@code weighBySize} a pair's weight sums {@link PairWeight} over its
   * orders, else it is the plain count.
   */
  static void rows(
      int n,
      int[] starts,
      int[] lines,
      int setCount,
      boolean weighBySize,
      float proximity,
      float[] st,
      int damp,
      float shrink,
      int[][] out) {
    long[] degree = new long[n];
    for (int s = 0; s < setCount; s++) {
      int len = starts[s + 1] - starts[s];
      for (int x = starts[s]; x < starts[s + 1]; x++) {
        degree[lines[x]] += len - 1;
      }
    }
    int[] postingStart = new int[n + 1];
    for (int x = 0; x < starts[setCount]; x++) {
      postingStart[lines[x] + 1]++;
    }
    for (int p = 0; p < n; p++) {
      postingStart[p + 1] += postingStart[p];
    }
    int[] postings = new int[starts[setCount]];
    int[] postingAt = new int[starts[setCount]];
    int[] fill = Arrays.copyOf(postingStart, n);
    for (int s = 0; s < setCount; s++) {
      for (int x = starts[s]; x < starts[s + 1]; x++) {
        postingAt[fill[lines[x]]] = x - starts[s];
        postings[fill[lines[x]]++] = s;
      }
    }
    long total = 0;
    for (long d : degree) {
      total += d;
    }
    long[] buf = new long[(int) Math.max(16, Math.min(PASS_PAIRS, total))];
    int[] rowStart = new int[n + 1];
    HeapTopK top = new HeapTopK(CoPurchaseIndex.NEIGHBOURS);
    int lo = 0;
    while (lo < n) {
      int hi = lo;
      long used = 0;
      while (hi < n && (hi == lo || used + degree[hi] <= buf.length)) {
        used += degree[hi];
        hi++;
      }
      if (used > buf.length) {
        buf = new long[(int) used]; // one product with more pairs than a pass: its own pass
      }
      int pos = 0;
      for (int p = lo; p < hi; p++) {
        rowStart[p] = pos;
        for (int y = postingStart[p]; y < postingStart[p + 1]; y++) {
          int s = postings[y];
          int len = starts[s + 1] - starts[s];
          int at = postingAt[y];
          for (int x = starts[s]; x < starts[s + 1]; x++) {
            int q = lines[x];
            if (q != p) {
              float w = weighBySize ? PairWeight.of(len, at, x - starts[s], proximity) : 1f;
              buf[pos++] = ((long) q << 32) | (Float.floatToRawIntBits(w) & 0xffffffffL);
            }
          }
        }
      }
      rowStart[hi] = pos;
      int[] one = new int[3];
      for (int p = lo; p < hi; p++) {
        int from = rowStart[p];
        int to = rowStart[p + 1];
        if (from == to) {
          out[p] = Rows.EMPTY;
          continue;
        }
        Arrays.sort(buf, from, to);
        top.clear();
        int run = from;
        float w = 0;
        for (int x = from; x <= to; x++) {
          if (x == to || (int) (buf[x] >>> 32) != (int) (buf[run] >>> 32)) {
            int q = (int) (buf[run] >>> 32);
            int co = x - run;
            one[0] = q;
            one[1] = co;
            one[2] = Float.floatToRawIntBits(weighBySize ? w : co);
            top.offer(q, co, one[2], Rows.vote(one, 0, st, damp, shrink));
            run = x;
            w = 0;
          }
          if (x < to) {
            w += Float.intBitsToFloat((int) buf[x]);
          }
        }
        out[p] = top.toRow();
      }
      lo = hi;
    }
  }
}
