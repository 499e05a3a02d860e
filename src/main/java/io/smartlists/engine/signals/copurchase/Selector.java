package io.smartlists.engine.signals.copurchase;

import static io.smartlists.engine.signals.copurchase.Rows.EMPTY;
import static io.smartlists.engine.signals.copurchase.Rows.ORDER_DAMP;

import java.util.Arrays;

/**
 * Chooses the model family a build serves ({@link Family}) and its parameters, on the validation
 * split of {@code Calibration}: an index built from the older 90 % of the most recent {@value
 * Calibration#CALIBRATION_ORDERS} orders completes the baskets of the newest 10 % (every product
 * hidden in turn, HR@10, weight 1/length, at most {@value Calibration#CALIBRATION_CASES} cases).
 * Only the store's own training orders are read.
 *
 * <p>The candidates, each over a small grid fixed in advance (not fitted to any data set):
 *
 * <ul>
 *   <li>popularity: the bestsellers alone;
 *   <li>the neighbourhood model at the weights {@code Calibration} chose;
 *   <li>asymmetric cosine, α ∈ {@link #ALPHAS} × the calibration's prior grid;
 *   <li>EASE over the {@value EaseHead#MAX_HEAD} head products at most, λ ∈ {@link #LAMBDAS},
 *       blended with the neighbourhood at the shares {@link #SHARES}.
 * </ul>
 *
 * <p>The rule: find the best setting of each family and the best family; then serve the simplest
 * family (in the order of {@link Family}) whose validation hit rate is within one standard error of
 * the best one's (the paired difference over validation orders; the "one standard error rule" of
 * Hastie, Tibshirani and Friedman, ESL §7.10): a family that costs more must win by more than the
 * validation's noise. EASE's λ is chosen on the older 90 % and scaled by the ratio of every order
 * to those for the final fit, since the Gram matrix grows with the number of orders.
 */
final class Selector {

  static final float[] ALPHAS = {0.6f, 0.8f, 1f};

  /** EASE's ridge on the validation split (as the evaluation's EASE reference grid). */
  static final float[] LAMBDAS = {50f, 200f, 500f};

  /** EASE's share of the blend with the neighbourhood (0 is the neighbourhood family). */
  static final float[] SHARES = {0.2f, 0.35f, 0.5f, 0.65f, 0.8f, 1f};

  static final int K = 10;

  private Selector() {}

  /** What {@link #choose} chose, to apply to the index built on every order ({@link #apply}). */
  record Choice(
      Calibration calibration,
      ModelSelection selection,
      float prior,
      float alpha,
      float validationLambda,
      float easeShare,
      int trialOrders,
      int headCap) {}

  /** The calibration and the family of these orders. */
  static Choice choose(CoPurchaseBuilder b) {
    Calibration.Result r = Calibration.calibrate(b);
    Calibration c = r.chosen();
    Calibration.Trial t = r.trial();
    if (t == null) {
      return new Choice(
          c, ModelSelection.unvalidated(c.prior()), c.prior(), 0, 0, 0, 0, EaseHead.MAX_HEAD);
    }
    CoPurchaseBuilder sub = t.sub();
    CoPurchaseIndex trial = t.index();
    trial.textWeight = c.textWeight();
    if (c.proximity() != Calibration.PROXIMITIES[Calibration.PROXIMITIES.length - 1]) {
      PairCounter.rows( // the calibration left the rows at the last proximity it tried
          trial.productCount,
          sub.starts,
          sub.lines,
          sub.orderCount,
          true,
          c.proximity(),
          trial.stats,
          ORDER_DAMP,
          b.tuning.shrink(),
          trial.orderRows);
    }
    int n = trial.productCount;
    int[] head = EaseHead.chooseHead(trial.orderCount, EaseHead.MAX_HEAD);
    EaseHead[] eases = new EaseHead[head.length >= 2 ? LAMBDAS.length : 0];
    if (eases.length > 0) {
      float[] gram = EaseHead.gram(head, n, sub.starts, sub.lines, sub.orderCount);
      for (int l = 0; l < eases.length; l++) {
        eases[l] = EaseHead.fit(head, n, gram, LAMBDAS[l]);
      }
    }
    float[] priors = Calibration.PRIORS;
    int asymmetricFrom = 2;
    int easeFrom = asymmetricFrom + ALPHAS.length * priors.length;
    int configs = easeFrom + eases.length * SHARES.length;
    int orders = validationOrders(b, t);
    float[][] hits = new float[configs][orders];
    int cases = validate(b, t, c, eases, hits, false);

    int bestAsymmetric = best(hits, asymmetricFrom, easeFrom);
    int bestEase = eases.length == 0 ? -1 : best(hits, easeFrom, configs);
    int[] familyBest = {0, 1, bestAsymmetric, bestEase};
    int overall = overall(hits, familyBest);
    // A larger head, only where the EASE blend is already the best family and the catalogue has
    // more products in its orders than the head holds: at the best λ and every share, kept when it
    // beats the smaller head by more than one standard error (it costs eight times the inverse).
    int headCap = EaseHead.MAX_HEAD;
    int largeHead = 0;
    float largeHeadHr = 0;
    int largeShare = -1;
    if (overall == Family.EASE_HEAD_BLEND.ordinal()) {
      int[] large = EaseHead.chooseHead(trial.orderCount, EaseHead.LARGE_HEAD);
      if (large.length > head.length) {
        float[] gram = EaseHead.gram(large, n, sub.starts, sub.lines, sub.orderCount);
        EaseHead big = EaseHead.fit(large, n, gram, LAMBDAS[(bestEase - easeFrom) / SHARES.length]);
        float[][] bigHits = new float[SHARES.length][orders];
        validate(b, t, c, new EaseHead[] {big}, bigHits, true);
        int bestBig = best(bigHits, 0, SHARES.length);
        largeHead = large.length;
        largeHeadHr = sum(bigHits[bestBig]) / Math.max(1, orders);
        if (!withinOneStandardError(hits[bestEase], bigHits[bestBig])) {
          headCap = EaseHead.LARGE_HEAD;
          largeShare = bestBig;
          hits[bestEase] = bigHits[bestBig]; // the family's best is now the larger head's
        }
      }
    }
    int chosen = overall;
    for (int f = 0; f < overall; f++) { // the simplest within one standard error of the best
      if (familyBest[f] >= 0
          && withinOneStandardError(hits[familyBest[f]], hits[familyBest[overall]])) {
        chosen = f;
        break;
      }
    }
    Family family = Family.values()[chosen];
    float prior = c.prior();
    float alpha = 0;
    float lambda = 0;
    float share = 0;
    if (family == Family.POPULARITY) {
      prior = 1f;
    } else if (family == Family.ASYMMETRIC_COSINE) {
      int a = bestAsymmetric - asymmetricFrom;
      alpha = ALPHAS[a / priors.length];
      prior = priors[a % priors.length];
    } else if (family == Family.EASE_HEAD_BLEND) {
      int e = bestEase - easeFrom;
      lambda = LAMBDAS[e / SHARES.length];
      share = largeShare >= 0 ? SHARES[largeShare] : SHARES[e % SHARES.length];
    }
    float per = 1f / Math.max(1, orders);
    ModelSelection selection =
        new ModelSelection(
            family,
            prior,
            alpha,
            lambda,
            share,
            family == Family.EASE_HEAD_BLEND ? head.length : 0,
            orders,
            cases,
            sum(hits[0]) * per,
            sum(hits[1]) * per,
            sum(hits[bestAsymmetric]) * per,
            bestEase < 0 ? 0f : sum(hits[bestEase]) * per,
            largeHead,
            largeHeadHr);
    return new Choice(c, selection, prior, alpha, lambda, share, sub.orderCount, headCap);
  }

  /**
   * Serves the choice on the index built from every order of {@code b}: the prior and the scoring,
   * EASE refitted on every order over the index's head with the validation λ scaled by the ratio of
   * orders; the index's {@link CoPurchaseIndex#selection()} then says what was served.
   */
  static void apply(Choice choice, CoPurchaseBuilder b, CoPurchaseIndex index) {
    ModelSelection s = choice.selection();
    index.prior = choice.prior();
    switch (s.family()) {
      case POPULARITY -> index.scoring = Scoring.popularity();
      case ASYMMETRIC_COSINE -> index.scoring = Scoring.asymmetric(choice.alpha());
      case EASE_HEAD_BLEND -> {
        int[] head = EaseHead.chooseHead(index.orderCount, choice.headCap());
        float lambda =
            choice.validationLambda() * b.orderCount / (float) Math.max(1, choice.trialOrders());
        float[] gram = EaseHead.gram(head, index.productCount, b.starts, b.lines, b.orderCount);
        index.scoring =
            Scoring.easeBlend(
                EaseHead.fit(head, index.productCount, gram, lambda), choice.easeShare());
        s =
            new ModelSelection(
                s.family(),
                s.prior(),
                s.alpha(),
                lambda,
                s.easeShare(),
                head.length,
                s.validationOrders(),
                s.validationCases(),
                s.popularityHr(),
                s.neighbourhoodHr(),
                s.asymmetricHr(),
                s.easeHr(),
                s.largeHead(),
                s.largeHeadHr());
      }
      case NEIGHBOURHOOD -> index.scoring = Scoring.NEIGHBOURHOOD;
    }
    index.selection = s;
  }

  /** The family whose best setting has the most validation hits (the simpler one on ties). */
  private static int overall(float[][] hits, int[] familyBest) {
    int overall = 0;
    for (int f = 1; f < familyBest.length; f++) {
      if (familyBest[f] >= 0 && sum(hits[familyBest[f]]) > sum(hits[familyBest[overall]])) {
        overall = f;
      }
    }
    return overall;
  }

  /** Validation orders the case budget reaches (orders of one product are skipped). */
  private static int validationOrders(CoPurchaseBuilder b, Calibration.Trial t) {
    int[] byTime = t.byTime();
    int orders = 0;
    int cases = 0;
    for (int x = t.cut(); x < byTime.length && cases < Calibration.CALIBRATION_CASES; x++) {
      int o = byTime[x];
      int len = b.starts[o + 1] - b.starts[o];
      if (len >= 2) {
        orders++;
        cases += len;
      }
    }
    return orders;
  }

  /**
   * Completes the validation orders (as {@code Calibration}) with every configuration, adding each
   * hit's 1/length to {@code hits[configuration][validation order]}; returns the cases.
   */
  private static int validate(
      CoPurchaseBuilder b,
      Calibration.Trial t,
      Calibration c,
      EaseHead[] eases,
      float[][] hits,
      boolean easeOnly) {
    CoPurchaseIndex trial = t.index();
    int[] byTime = t.byTime();
    float[] priors = Calibration.PRIORS;
    Scoring popularity = Scoring.popularity();
    Scoring[] asymmetric = new Scoring[ALPHAS.length];
    for (int a = 0; a < ALPHAS.length; a++) {
      asymmetric[a] = Scoring.asymmetric(ALPHAS[a]);
    }
    double[][] orderSums = new double[eases.length][eases.length == 0 ? 0 : eases[0].size()];
    float[] prior = {c.prior()};
    float[] one = {1f};
    int cases = 0;
    int oi = 0;
    for (int x = t.cut(); x < byTime.length && cases < Calibration.CALIBRATION_CASES; x++) {
      int o = byTime[x];
      int len = b.starts[o + 1] - b.starts[o];
      if (len < 2) {
        continue;
      }
      int[] order = b.order(o);
      int[] context = new int[len - 1];
      float w = 1f / len;
      for (int l = 0; l < eases.length; l++) {
        Arrays.fill(orderSums[l], 0d);
        eases[l].sum(order, orderSums[l]);
      }
      for (int h = 0; h < len; h++) {
        int hidden = order[h];
        System.arraycopy(order, 0, context, 0, h);
        System.arraycopy(order, h + 1, context, h, len - h - 1);
        Scratch s = CoPurchaseReader.votes(trial, Scoring.NEIGHBOURHOOD, context, EMPTY);
        if (!easeOnly) {
          add(hits, 1, oi, w, ValidationHits.priors(trial, s, prior, K, hidden));
        }
        for (int l = 0; l < eases.length; l++) {
          eases[l].candidatesWithout(s, context, orderSums[l], hidden);
          int cfg = (easeOnly ? 0 : 2 + ALPHAS.length * priors.length) + l * SHARES.length;
          add(
              hits,
              cfg,
              oi,
              w,
              ValidationHits.shares(trial, s, eases[l], c.prior(), SHARES, K, hidden));
        }
        if (easeOnly) {
          cases++;
          continue;
        }
        s = CoPurchaseReader.votes(trial, popularity, context, EMPTY);
        add(hits, 0, oi, w, ValidationHits.priors(trial, s, one, K, hidden));
        for (int a = 0; a < ALPHAS.length; a++) {
          s = CoPurchaseReader.votes(trial, asymmetric[a], context, EMPTY);
          add(
              hits,
              2 + a * priors.length,
              oi,
              w,
              ValidationHits.priors(trial, s, priors, K, hidden));
        }
        cases++;
      }
      oi++;
    }
    return cases;
  }

  /** Adds {@code w} to {@code hits[from + b][order]} for each bit {@code b} of {@code mask}. */
  private static void add(float[][] hits, int from, int order, float w, int mask) {
    for (int m = mask; m != 0; m &= m - 1) {
      hits[from + Integer.numberOfTrailingZeros(m)][order] += w;
    }
  }

  /** The configuration in {@code [from, to)} with the most hits, the first on ties. */
  static int best(float[][] hits, int from, int to) {
    int best = from;
    for (int x = from + 1; x < to; x++) {
      if (sum(hits[x]) > sum(hits[best])) {
        best = x;
      }
    }
    return best;
  }

  static float sum(float[] a) {
    double s = 0;
    for (float v : a) {
      s += v;
    }
    return (float) s;
  }

  /**
   * True when {@code candidate}'s mean is within one standard error of {@code best}'s, over the
   * paired per-order differences.
   */
  static boolean withinOneStandardError(float[] candidate, float[] best) {
    int n = candidate.length;
    if (n < 2) {
      return true;
    }
    double mean = 0;
    for (int o = 0; o < n; o++) {
      mean += best[o] - candidate[o];
    }
    mean /= n;
    double ss = 0;
    for (int o = 0; o < n; o++) {
      double d = best[o] - candidate[o] - mean;
      ss += d * d;
    }
    double se = Math.sqrt(ss / (n - 1) / n);
    return mean <= se;
  }
}
