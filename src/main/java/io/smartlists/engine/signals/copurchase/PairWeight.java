package io.smartlists.engine.signals.copurchase;

/**
 * The weight one line of an order adds to a same-order pair, shared by the build's pair counting
 * and the writer's incremental updates so that both weigh an order alike.
 */
final class PairWeight {

  private static final double[] HARMONIC = new double[4097];

  static {
    for (int n = 1; n < HARMONIC.length; n++) {
      HARMONIC[n] = HARMONIC[n - 1] + 1.0 / n;
    }
  }

  private PairWeight() {}

  /**
   * The weight the line at {@code other} of an order of {@code len} distinct products adds to the
   * pair (line {@code at}, line {@code other}) in line {@code at}'s row: {@code (1 - proximity) /
   * (len - 1)}, an equal share of the order (a 500-line wholesale order must not outvote 30
   * ordinary baskets), plus {@code proximity} shared in proportion to {@code 1 / distance} (lines
   * added one after the other while browsing are more closely related than two ends of a long
   * order). Each line's shares sum to 1 either way.
   */
  static float of(int len, int at, int other, float proximity) {
    double even = (1.0 - proximity) / (len - 1);
    if (proximity == 0) {
      return (float) even;
    }
    double norm = harmonic(at) + harmonic(len - 1 - at); // sum of 1/distance over the others
    return (float) (even + proximity / (Math.abs(other - at) * norm));
  }

  /** {@code 1 + 1/2 + ... + 1/n} (asymptotic beyond the table, error below 1e-14). */
  static double harmonic(int n) {
    return n < HARMONIC.length
        ? HARMONIC[n]
        : Math.log(n) + 0.5772156649015329 + 1.0 / (2 * n) - 1.0 / (12.0 * n * n);
  }
}
