package io.smartlists.engine.signals.copurchase;

import org.jspecify.annotations.Nullable;

/**
 * How the read path scores, as the build's selection chose (immutable; the index publishes a new
 * one at each build): the family, asymmetric cosine's damping tables and the EASE head with its
 * share of the blend.
 */
final class Scoring {

  /** Counts below this read their damping from a table; larger ones compute it. */
  private static final int TABLE = 1 << 14;

  static final Scoring NEIGHBOURHOOD = new Scoring(Family.NEIGHBOURHOOD, 0f, null, 0f);

  final Family family;
  final float alpha;
  final @Nullable EaseHead ease;
  final float easeShare;
  private final float[] contextDamp;
  private final float[] candidateDamp;

  private Scoring(Family family, float alpha, @Nullable EaseHead ease, float easeShare) {
    this.family = family;
    this.alpha = alpha;
    this.ease = ease;
    this.easeShare = easeShare;
    boolean asymmetric = family == Family.ASYMMETRIC_COSINE;
    this.contextDamp = asymmetric ? table(alpha) : Rows.EMPTY_FLOATS;
    this.candidateDamp = asymmetric ? table(1 - alpha) : Rows.EMPTY_FLOATS;
  }

  static Scoring popularity() {
    return new Scoring(Family.POPULARITY, 0f, null, 0f);
  }

  static Scoring asymmetric(float alpha) {
    return new Scoring(Family.ASYMMETRIC_COSINE, alpha, null, 0f);
  }

  static Scoring easeBlend(EaseHead ease, float share) {
    return new Scoring(Family.EASE_HEAD_BLEND, 0f, ease, share);
  }

  /** {@code count^-α} of a context product (asymmetric cosine). */
  float contextDamp(int count) {
    return damp(contextDamp, count, alpha);
  }

  /** {@code count^-(1-α)} of a candidate (asymmetric cosine). */
  float candidateDamp(int count) {
    return damp(candidateDamp, count, 1 - alpha);
  }

  private static float damp(float[] table, int count, float exponent) {
    if (count <= 0) {
      return 0f;
    }
    return count < table.length ? table[count] : (float) Math.pow(count, -exponent);
  }

  private static float[] table(float exponent) {
    float[] t = new float[TABLE];
    for (int c = 1; c < TABLE; c++) {
      t[c] = (float) Math.pow(c, -exponent);
    }
    return t;
  }
}
