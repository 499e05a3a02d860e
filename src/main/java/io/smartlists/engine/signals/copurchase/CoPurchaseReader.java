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
    Scoring scoring = index.scoring;
    Scratch s = votes(index, scoring, context, history);
    EaseHead ease = scoring.ease;
    if (ease != null && scoring.easeShare > 0) {
      ease.candidates(s, context);
      return blend(
          index, s, ease, index.prior, scoring.easeShare, k, outProducts, outScores, outAnchor);
    }
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
    return votes(index, index.scoring, context, history);
  }

  /**
   * As {@link #votes(CoPurchaseIndex, int[], int[])} for this family: popularity casts no vote (the
   * bestsellers are the only candidates), asymmetric cosine replaces the same-order votes; the EASE
   * blend's votes are the neighbourhood's (EASE is added by {@link #blend}).
   */
  static Scratch votes(CoPurchaseIndex index, Scoring scoring, int[] context, int[] history) {
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
    if (scoring.family == Family.POPULARITY) {
      for (int p : index.popular) {
        if (p < n) {
          s.touch(p);
        }
      }
      return s;
    }
    boolean asymmetric = scoring.family == Family.ASYMMETRIC_COSINE;
    for (int c = 0; c < context.length; c++) {
      int i = context[c];
      if (i < 0 || i >= n || s.seen(i, c, context)) {
        continue;
      }
      float confidence = cnt[i] == 0 ? 0f : cnt[i] / (cnt[i] + t.evidence());
      if (asymmetric) {
        addAsymmetricVotes(s, Rows.row(oRows, i), scoring, cnt, i, n);
      } else {
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
      }
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

  /**
   * The top {@code k} of the EASE blend, after {@link EaseHead#candidates} filled the scratch's
   * EASE buffers: {@code max(1 - w, 0.001) · votes + w · ease · S / E + prior · count / max count},
   * with {@code S} the strongest vote and {@code E} the strongest EASE score of this request (so
   * both parts weigh on one scale, and at {@code w = 1} the votes only order what EASE leaves
   * equal). Candidates are the scratch's and EASE's best; products outside the head get only their
   * votes.
   */
  static int blend(
      CoPurchaseIndex index,
      Scratch s,
      EaseHead ease,
      float prior,
      float w,
      int k,
      int[] outProducts,
      float[] outScores,
      int[] outAnchor) {
    float[] st = index.stats;
    float max = Math.max(1, index.maxOrderCount);
    int entries = s.size;
    int[] ids = s.touched;
    float[] score = s.score;
    float strongest = s.strongestCandidateScore();
    float voteShare = Math.max(1 - w, 0.001f);
    float easeScale =
        s.easeCount == 0 ? 0f : w * (strongest > 0 ? strongest : 1f) / s.easeScores[0];
    int written = 0;
    for (int x = 0; x < entries + s.easeCount; x++) {
      int j;
      float sc;
      int anchor;
      if (x < entries) {
        if (!s.candidate(x)) {
          continue;
        }
        j = ids[x];
        sc = voteShare * score[x] + easeScale * s.easeScore(ease, j);
        anchor = s.anchor[x];
      } else {
        int c = x - entries;
        j = s.easeIds[c];
        if (s.entry(j) >= 0) {
          continue; // voted for (or excluded): scored above
        }
        sc = easeScale * s.easeScores[c];
        anchor = s.easeAnchors[c];
      }
      sc += prior * st[STATS * j + ORDER_COUNT] / max;
      if (written == k && !better(sc, j, outScores[k - 1], outProducts[k - 1])) {
        continue;
      }
      int pos = written < k ? written++ : k - 1;
      while (pos > 0 && better(sc, j, outScores[pos - 1], outProducts[pos - 1])) {
        outProducts[pos] = outProducts[pos - 1];
        outScores[pos] = outScores[pos - 1];
        outAnchor[pos] = outAnchor[pos - 1];
        pos--;
      }
      outProducts[pos] = j;
      outScores[pos] = sc;
      outAnchor[pos] = anchor;
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

  /**
   * Asymmetric cosine's votes of one context product's same-order row: {@code co(i,j) · count(i)^-α
   * · count(j)^-(1-α)} (at most 1, since {@code co} is at most either count), not rescaled, so a
   * context product weighs by its evidence.
   */
  private static void addAsymmetricVotes(
      Scratch s, int[] row, Scoring scoring, int[] cnt, int from, int n) {
    float weight = scoring.contextDamp(cnt[from]);
    if (row.length == 0 || weight <= 0) {
      return;
    }
    for (int x = 0; x < row.length; x += 3) {
      int j = row[x];
      if (j < n && j < cnt.length) {
        s.add(j, row[x + 1] * weight * scoring.candidateDamp(cnt[j]), from);
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
