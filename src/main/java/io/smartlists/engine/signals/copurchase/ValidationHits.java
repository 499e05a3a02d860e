package io.smartlists.engine.signals.copurchase;

import static io.smartlists.engine.signals.copurchase.Rows.ORDER_COUNT;
import static io.smartlists.engine.signals.copurchase.Rows.STATS;

/**
 * Whether a hidden product is in the top {@code k} of {@link CoPurchaseReader#topK} or {@link
 * CoPurchaseReader#blend}, for several priors or EASE shares in one pass over the scratch's
 * candidates, without building the lists: the hidden product is in the top {@code k} exactly when
 * it is a candidate and fewer than {@code k} candidates rank above it (same scores, same
 * tie-break). The build's validation only needs the hit.
 *
 * <p>Perf: the calibration and the selection ranked 35 + 24 full top-10 lists per validation case
 * (JFR on a 22,000-order, 4,000-product file: {@code topK} and {@code blend} a quarter of the
 * build's samples); counting per grid value in one pass with an early exit costs a fraction.
 */
final class ValidationHits {

  private ValidationHits() {}

  /**
   * For each prior, whether {@code hidden} is in {@link CoPurchaseReader#topK}'s top {@code k}: bit
   * {@code p} of the result is set when it is at {@code priors[p]} (at most 31 priors).
   */
  static int priors(CoPurchaseIndex index, Scratch s, float[] priors, int k, int hidden) {
    int eh = s.entry(hidden);
    if (eh < 0 || !s.candidate(eh)) {
      return 0;
    }
    float[] st = index.stats;
    float max = Math.max(1, index.maxOrderCount);
    int np = priors.length;
    float[] hiddenScore = new float[np];
    int[] above = new int[np];
    float hs = s.score[eh];
    float hc = st[STATS * hidden + ORDER_COUNT];
    for (int p = 0; p < np; p++) {
      hiddenScore[p] = hs + priors[p] * hc / max;
    }
    int full = 0; // priors already at k above: no hit
    int entries = s.size;
    int[] ids = s.touched;
    float[] score = s.score;
    for (int x = 0; x < entries && full < np; x++) {
      if (x == eh || !s.candidate(x)) {
        continue;
      }
      int j = ids[x];
      float c = st[STATS * j + ORDER_COUNT];
      float sx = score[x];
      for (int p = 0; p < np; p++) {
        if (above[p] < k) {
          float sc = sx + priors[p] * c / max;
          if (sc > hiddenScore[p] || (sc == hiddenScore[p] && j < hidden)) {
            if (++above[p] == k) {
              full++;
            }
          }
        }
      }
    }
    return mask(above, k);
  }

  private static int mask(int[] above, int k) {
    int mask = 0;
    for (int x = 0; x < above.length; x++) {
      if (above[x] < k) {
        mask |= 1 << x;
      }
    }
    return mask;
  }

  /**
   * For each EASE share, whether {@code hidden} is in {@link CoPurchaseReader#blend}'s top {@code
   * k} (after {@link EaseHead#candidates}): bit {@code w} of the result is set when it is at {@code
   * shares[w]} (at most 31 shares).
   */
  static int shares(
      CoPurchaseIndex index,
      Scratch s,
      EaseHead ease,
      float prior,
      float[] shares,
      int k,
      int hidden) {
    float[] st = index.stats;
    float max = Math.max(1, index.maxOrderCount);
    int entries = s.size;
    int[] ids = s.touched;
    float[] score = s.score;
    float strongest = s.strongestCandidateScore();
    // the hidden product's place: a voted candidate, one of EASE's, or not a candidate at all
    int eh = s.entry(hidden);
    int hiddenEase = -1;
    if (eh >= 0) {
      if (!s.candidate(eh)) {
        return 0;
      }
    } else {
      for (int c = 0; c < s.easeCount; c++) {
        if (s.easeIds[c] == hidden) {
          hiddenEase = c;
          break;
        }
      }
      if (hiddenEase < 0) {
        return 0;
      }
    }
    int nw = shares.length;
    float[] voteShare = new float[nw];
    float[] easeScale = new float[nw];
    float[] hiddenScore = new float[nw];
    int[] above = new int[nw];
    float hiddenPrior = prior * st[STATS * hidden + ORDER_COUNT] / max;
    for (int w = 0; w < nw; w++) {
      voteShare[w] = Math.max(1 - shares[w], 0.001f);
      easeScale[w] =
          s.easeCount == 0 ? 0f : shares[w] * (strongest > 0 ? strongest : 1f) / s.easeScores[0];
      float sc =
          eh >= 0
              ? voteShare[w] * score[eh] + easeScale[w] * s.easeScore(ease, hidden)
              : easeScale[w] * s.easeScores[hiddenEase];
      hiddenScore[w] = sc + hiddenPrior;
    }
    int full = 0;
    for (int x = 0; x < entries + s.easeCount && full < nw; x++) {
      int j;
      float votes;
      float easeScore;
      boolean voted;
      if (x < entries) {
        if (x == eh || !s.candidate(x)) {
          continue;
        }
        j = ids[x];
        votes = score[x];
        easeScore = s.easeScore(ease, j);
        voted = true;
      } else {
        int c = x - entries;
        j = s.easeIds[c];
        if (j == hidden || s.entry(j) >= 0) {
          continue;
        }
        votes = 0;
        easeScore = s.easeScores[c];
        voted = false;
      }
      float pj = prior * st[STATS * j + ORDER_COUNT] / max;
      for (int w = 0; w < nw; w++) {
        if (above[w] < k) {
          float sc =
              voted ? voteShare[w] * votes + easeScale[w] * easeScore : easeScale[w] * easeScore;
          sc += pj;
          if (sc > hiddenScore[w] || (sc == hiddenScore[w] && j < hidden)) {
            if (++above[w] == k) {
              full++;
            }
          }
        }
      }
    }
    return mask(above, k);
  }
}
