package io.smartlists.engine.signals.copurchase;

import static io.smartlists.engine.signals.copurchase.Rows.CUSTOMER_DAMP;
import static io.smartlists.engine.signals.copurchase.Rows.ORDER_COUNT;
import static io.smartlists.engine.signals.copurchase.Rows.ORDER_DAMP;
import static io.smartlists.engine.signals.copurchase.Rows.STATS;

/**
 * The read path: lock-free scoring of a context and a history against an index's rows, in the
 * calling thread's {@link Scratch}. The class comment of {@link CoPurchaseIndex} gives the model.
 */
final class CoPurchaseReader {

  private CoPurchaseReader() {}

  /**
   * The top {@code k} products for this context and history, context excluded, written to the out
   * arrays with the product that contributed most to each.
   *
   * @return how many products were written (at most {@code k})
   */
  static int recommend(
      CoPurchaseIndex index,
      int[] context,
      int[] history,
      int k,
      int[] outProducts,
      float[] outScores,
      int[] outAnchor) {
    if (index.version < 0) { // volatile read (acquire): the writer's last publish is visible
      throw new IllegalStateException("unpublished index");
    }
    if (k <= 0) {
      return 0;
    }
    Scratch s = votes(index, context, history);
    int written = topK(index, s, index.prior, k, outProducts, outScores);
    for (int r = 0; r < written; r++) {
      outAnchor[r] = s.anchor(outProducts[r]);
    }
    return written;
  }

  /**
   * Every vote for this context and history except the popularity prior, accumulated in this
   * thread's scratch: the part of {@link #recommend} that does not depend on the prior, so the
   * build's calibration runs it once per text weight rather than once per (text weight, prior)
   * (perf: the calibration's 21 full recommendations per validation case; see docs/bench).
   */
  static Scratch votes(CoPurchaseIndex index, int[] context, int[] history) {
    int[] cnt = index.orderCount;
    float[] st = index.stats;
    int[][] oRows = index.orderRows;
    int[][] cRows = index.customerRows;
    int[][] tRows = index.textRows;
    int n =
        Math.min(
            Math.min(cnt.length, st.length / STATS),
            Math.min(oRows.length, Math.min(cRows.length, tRows.length)));
    Scratch s = index.scratch.get();
    s.begin(n);
    Tuning t = index.tuning;
    for (int p : context) {
      if (p >= 0 && p < n) {
        s.exclude(p);
      }
    }
    for (int c = 0; c < context.length; c++) {
      int i = context[c];
      if (i < 0 || i >= n || s.seen(i, c, context)) {
        continue;
      }
      float confidence = cnt[i] == 0 ? 0f : cnt[i] / (cnt[i] + t.evidence());
      addVotes(
          s,
          Rows.row(oRows, i),
          CoPurchaseIndex.NEIGHBOURS,
          st,
          ORDER_DAMP,
          t.shrink(),
          confidence,
          i,
          n);
      addVotes(
          s,
          Rows.row(cRows, i),
          CoPurchaseIndex.NEIGHBOURS,
          st,
          CUSTOMER_DAMP,
          t.customerShrink(),
          t.contextCustomerWeight() * confidence,
          i,
          n);
      float textWeight = index.textWeight * t.textFade() / (t.textFade() + cnt[i]);
      addTextVotes(s, Rows.row(tRows, i), textWeight, i, n, st, t.textEvidence());
    }
    float w = t.historyWeight();
    int used = 0;
    for (int h = 0; h < history.length && used < t.historyLimit(); h++) {
      int i = history[h];
      if (i < 0 || i >= n || s.isExcluded(i)) {
        continue;
      }
      used++;
      addVotes(
          s,
          Rows.row(cRows, i),
          t.historyNeighbours(),
          st,
          CUSTOMER_DAMP,
          t.customerShrink(),
          w,
          i,
          n);
      w *= t.historyDecay();
    }
    // the bestsellers join the candidates (for the popularity prior, added by topK)
    for (int p : index.popular) {
      if (p < n) {
        s.touch(p); // no-op for an excluded or already voted product
      }
    }
    return s;
  }

  /**
   * The top {@code k} of the scratch's candidates once the popularity prior of this weight is added
   * to each score (the scratch itself is left as it is, so several priors can be ranked).
   */
  static int topK(
      CoPurchaseIndex index, Scratch s, float prior, int k, int[] outProducts, float[] outScores) {
    float[] st = index.stats;
    float max = Math.max(1, index.maxOrderCount);
    int entries = s.size;
    int[] ids = s.touched;
    float[] score = s.score;
    int written = 0;
    for (int x = 0; x < entries; x++) {
      if (!s.candidate(x)) {
        continue;
      }
      int j = ids[x];
      float sc = score[x] + prior * st[STATS * j + ORDER_COUNT] / max; // prior, top k in one pass
      if (written == k && !better(sc, j, outScores[k - 1], outProducts[k - 1])) {
        continue;
      }
      int pos = written < k ? written++ : k - 1;
      while (pos > 0 && better(sc, j, outScores[pos - 1], outProducts[pos - 1])) {
        outProducts[pos] = outProducts[pos - 1];
        outScores[pos] = outScores[pos - 1];
        pos--;
      }
      outProducts[pos] = j;
      outScores[pos] = sc;
    }
    return written;
  }

  private static boolean better(float score, int product, float otherScore, int other) {
    return score > otherScore || (score == otherScore && product < other);
  }

  /**
   * The votes of the first {@code entries} neighbours of a row, scaled so the best has {@code
   * weight}.
   */
  private static void addVotes(
      Scratch s,
      int[] row,
      int entries,
      float[] st,
      int damp,
      float shrink,
      float weight,
      int from,
      int n) {
    int end = Math.min(row.length, 3 * entries);
    if (end == 0 || weight <= 0) {
      return;
    }
    // Each vote is computed once and kept for the second pass (perf: the first JFR profile of the
    // 3-slot cart widget, docs/bench, had addVotes at 32 % self time computing every vote twice).
    float[] votes = s.votes(end / 3);
    float best = 0;
    for (int x = 0, v = 0; x < end; x += 3, v++) {
      if (row[x] < n) {
        float vote = Rows.vote(row, x, st, damp, shrink);
        votes[v] = vote;
        best = Math.max(best, vote);
      }
    }
    if (best <= 0) {
      return;
    }
    float scale = weight / best;
    for (int x = 0, v = 0; x < end; x += 3, v++) {
      int j = row[x];
      if (j < n) {
        s.add(j, votes[v] * scale, from); // excluded products are skipped by add
      }
    }
  }

  private static void addTextVotes(
      Scratch s, int[] row, float weight, int from, int n, float[] st, float evidence) {
    if (row.length == 0 || weight <= 0) {
      return;
    }
    for (int x = 0; x < row.length; x += 3) {
      int j = row[x];
      if (j < n && !s.isExcluded(j)) { // before the vote: the counts are only read for candidates
        float count = st[STATS * j + ORDER_COUNT];
        float sold = evidence > 0 ? count / (count + evidence) : 1f;
        s.add(j, Float.intBitsToFloat(row[x + 2]) * weight * sold, from);
      }
    }
  }
}
