package io.smartlists.engine.signals.copurchase;

import static io.smartlists.engine.signals.copurchase.Rows.EMPTY;
import static io.smartlists.engine.signals.copurchase.Rows.ORDER_DAMP;

import org.jspecify.annotations.Nullable;

/**
 * The weights a build chose for the three terms that depend most on the shop's data: the line
 * proximity of same-order pairs, the text neighbourhood and the popularity prior.
 *
 * <p>{@link #of} builds an index from the older 90 % of the most recent {@value
 * #CALIBRATION_ORDERS} orders and lets it complete the baskets of the newest 10 % (every product
 * hidden in turn, HR@10); the best of a small fixed grid is kept. Where association carries little
 * signal (tiny or broken-up baskets) a large prior wins, so the list falls back towards popularity
 * instead of below it; where the order of the lines carries none (a till's scan order) the
 * proximity stays 0.
 */
record Calibration(float proximity, float textWeight, float prior) {

  /** Orders the calibration looks at (the most recent ones). */
  static final int CALIBRATION_ORDERS = 100_000;

  /** Validation cases at most (an order of n products gives n cases). */
  static final int CALIBRATION_CASES = 30_000;

  /** The grid, defaults first so that ties keep them. */
  static final float[] PRIORS = {0.1f, 0.03f, 0.3f, 1f, 3f, 10f, 100f};

  static final float[] TEXT_WEIGHTS = {3f, 1f, 0f};

  /**
   * Line proximity shares: 0, the order as a set, first so that it stays where the order of the
   * lines carries nothing (a till's scan order, a sample of lines).
   */
  static final float[] PROXIMITIES = {0f, 0.5f, 1f};

  /**
   * The validation split a calibration used: the index {@code trial} built from the older orders
   * {@code sub} (its same-order rows at the last proximity tried, its text weight the last tried),
   * the orders oldest first {@code byTime}, the validation orders from {@code cut} on.
   */
  record Trial(CoPurchaseBuilder sub, CoPurchaseIndex index, int[] byTime, int cut) {}

  /** A calibration and, unless there were too few orders to validate, its trial. */
  record Result(Calibration chosen, @Nullable Trial trial) {}

  /** The calibrated weights of these orders, or the tuning's when there are too few to validate. */
  static Calibration of(CoPurchaseBuilder b) {
    return calibrate(b).chosen();
  }

  /** As {@link #of}, with the trial it validated on. */
  static Result calibrate(CoPurchaseBuilder b) {
    Tuning tuning = b.tuning;
    int[] byTime = CoPurchaseBuilder.sortByTime(b.orderCount, b.times);
    int m = Math.min(byTime.length, CALIBRATION_ORDERS);
    int validate = m / 10;
    if (validate < 20) {
      return new Result(
          new Calibration(tuning.proximity(), tuning.textWeight(), tuning.prior()), null);
    }
    int from = byTime.length - m;
    int cut = byTime.length - validate;
    CoPurchaseBuilder sub = new CoPurchaseBuilder(b.productCount, tuning);
    sub.texts.putAll(b.texts);
    for (int x = from; x < cut; x++) {
      int o = byTime[x];
      sub.addOrder(b.order(o), b.customers[o], b.times[o]);
    }
    CoPurchaseIndex trial = sub.assemble(PROXIMITIES[0]);
    // first the text weight and the prior with the order as a set, then the proximity with
    // that text weight (perf: every (proximity, text weight) pair costs a vote per case; the
    // two hardly interact: the text votes come from other rows)
    float[][] hits = new float[TEXT_WEIGHTS.length][PRIORS.length];
    validate(b, trial, byTime, cut, TEXT_WEIGHTS, hits);
    int[] best = best(hits);
    float text = TEXT_WEIGHTS[best[0]];
    float[] bestHits = hits[best[0]];
    int bestProximity = 0;
    int bestPrior = best[1];
    for (int px = 1; px < PROXIMITIES.length; px++) { // only the same-order rows depend on it
      PairCounter.rows(
          trial.productCount,
          sub.starts,
          sub.lines,
          sub.orderCount,
          true,
          PROXIMITIES[px],
          trial.stats,
          ORDER_DAMP,
          tuning.shrink(),
          trial.orderRows);
      float[][] proximityHits = new float[1][PRIORS.length];
      validate(b, trial, byTime, cut, new float[] {text}, proximityHits);
      int[] p = best(proximityHits);
      if (proximityHits[0][p[1]] > bestHits[bestPrior]) {
        bestHits = proximityHits[0];
        bestProximity = px;
        bestPrior = p[1];
      }
    }
    return new Result(
        new Calibration(PROXIMITIES[bestProximity], text, PRIORS[bestPrior]),
        new Trial(sub, trial, byTime, cut));
  }

  /**
   * Completes the validation orders (from {@code cut} in {@code byTime}, every product hidden in
   * turn, weight 1/len) with the trial index for each text weight and prior, adding the HR@10 sums
   * to {@code hits[text weight][prior]}.
   */
  private static void validate(
      CoPurchaseBuilder b,
      CoPurchaseIndex trial,
      int[] byTime,
      int cut,
      float[] textWeights,
      float[][] hits) {
    int k = 10;
    int cases = 0;
    for (int x = cut; x < byTime.length && cases < CALIBRATION_CASES; x++) {
      int o = byTime[x];
      int len = b.starts[o + 1] - b.starts[o];
      if (len < 2) {
        continue;
      }
      int[] order = b.order(o);
      int[] context = new int[len - 1];
      for (int h = 0; h < len; h++) {
        int hidden = order[h];
        System.arraycopy(order, 0, context, 0, h);
        System.arraycopy(order, h + 1, context, h, len - h - 1);
        for (int tw = 0; tw < textWeights.length; tw++) {
          trial.textWeight = textWeights[tw];
          // what trial.recommend(context, EMPTY, k) ranks for each prior, votes once
          Scratch votes = CoPurchaseReader.votes(trial, context, EMPTY);
          int mask = ValidationHits.priors(trial, votes, PRIORS, k, hidden);
          for (int pw = 0; pw < PRIORS.length; pw++) {
            if ((mask & (1 << pw)) != 0) {
              hits[tw][pw] += 1f / len;
            }
          }
        }
        cases++;
      }
    }
  }

  /** {row, column} of the largest entry, the first one on ties (the defaults come first). */
  static int[] best(float[][] hits) {
    int[] best = {0, 0};
    for (int r = 0; r < hits.length; r++) {
      for (int c = 0; c < hits[r].length; c++) {
        if (hits[r][c] > hits[best[0]][best[1]]) {
          best[0] = r;
          best[1] = c;
        }
      }
    }
    return best;
  }
}
