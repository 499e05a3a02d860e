package io.smartlists.stats;

import java.util.ArrayList;
import java.util.List;
import org.apache.commons.math3.distribution.NormalDistribution;
import org.apache.commons.math3.distribution.TDistribution;
import org.apache.commons.math3.stat.descriptive.rank.Percentile;
import org.apache.commons.math3.stat.inference.ChiSquareTest;
import org.apache.commons.math3.stat.inference.TTest;
import org.jspecify.annotations.Nullable;

/**
 * The holdout comparison: what the exposed arm earns per shopper against the holdout, with 95 %
 * confidence intervals.
 *
 * <ul>
 *   <li><b>Revenue per visitor</b>: Welch's t-test (unequal variances, Welch–Satterthwaite degrees
 *       of freedom) on each shopper's revenue, capped at the {@value #CAP_PERCENTILE}th percentile
 *       of the converting shoppers' revenue of both arms together (winsorised, so one wholesale
 *       order cannot decide the verdict; the percentile is over converters because most shoppers
 *       spend nothing and a percentile over everyone would be 0). The p-value is commons-math3's
 *       {@link TTest#tTest(double[], double[])}; the interval uses its {@link TDistribution}.
 *   <li><b>Average order value</b>: revenue ÷ orders of each arm, a ratio of two sums over the same
 *       shoppers, so its variance comes from the delta method; the difference's interval is normal.
 *   <li><b>Conversion rate</b>: shoppers with an order ÷ shoppers.
 *   <li><b>Sample-ratio mismatch</b>: chi-square goodness of fit of the arms' shopper counts
 *       against the configured share; p below {@value #SRM_ALPHA} warns that assignment or
 *       recording is broken and no verdict should be read.
 *   <li><b>Verdict</b>: none ("not enough data yet") below {@value #MIN_SHOPPERS} shoppers or
 *       {@value #MIN_CONVERTERS} converting shoppers in either arm (Dynamic Yield's minimums).
 * </ul>
 */
public final class HoldoutAnalysis {

  /** Revenue per shopper is capped at this percentile of converting shoppers' revenue. */
  public static final double CAP_PERCENTILE = 99;

  /** Below this many shoppers in an arm there is no verdict. */
  public static final int MIN_SHOPPERS = 1000;

  /** Below this many converting shoppers in an arm there is no verdict. */
  public static final int MIN_CONVERTERS = 30;

  /** The sample-ratio-mismatch check warns below this p-value. */
  public static final double SRM_ALPHA = 0.001;

  private static final double Z_975 = new NormalDistribution().inverseCumulativeProbability(0.975);

  private HoldoutAnalysis() {}

  /** One shopper of the comparison: their arm, orders and revenue after their first impression. */
  public record Shopper(Arm arm, int orders, double revenue) {}

  /** One arm's figures (revenue per visitor after capping). */
  public record ArmFigures(
      Arm arm,
      long shoppers,
      long converters,
      long orders,
      double revenue,
      double conversionRate,
      double averageOrderValue,
      double revenuePerVisitor) {}

  /**
   * A difference exposed − holdout with its 95 % interval; {@code relative*} are the same divided
   * by the holdout's value (the interval scaled, the holdout's own noise left out).
   */
  public record Difference(
      double difference,
      double low,
      double high,
      double pValue,
      double relative,
      double relativeLow,
      double relativeHigh) {

    /** True when the interval excludes zero. */
    public boolean significant() {
      return low > 0 || high < 0;
    }
  }

  /** The sample-ratio check. */
  public record SampleRatio(double expectedShare, double observedShare, double pValue) {

    /** True when the split drifted from the configured share beyond chance. */
    public boolean mismatch() {
      return pValue < SRM_ALPHA;
    }
  }

  /** The plain-language verdict. */
  public enum Verdict {
    /** Holdout off (share 0). */
    OFF,
    /** Below the minimum sample. */
    NOT_ENOUGH_DATA,
    /** The arms drifted from the configured split. */
    SAMPLE_RATIO_MISMATCH,
    /** Revenue per visitor higher with the widgets, beyond chance. */
    UPLIFT,
    /** Revenue per visitor lower with the widgets, beyond chance. */
    DOWNLIFT,
    /** No difference beyond chance yet. */
    NO_DIFFERENCE
  }

  /** The whole comparison. */
  public record Report(
      double share,
      double cap,
      ArmFigures exposed,
      ArmFigures holdout,
      @Nullable Difference revenuePerVisitor,
      @Nullable Difference averageOrderValue,
      @Nullable SampleRatio sampleRatio,
      Verdict verdict) {}

  /** Compares the arms of {@code shoppers} under the configured holdout {@code share}. */
  public static Report compare(List<Shopper> shoppers, double share) {
    double cap = cap(shoppers);
    List<Shopper> exposed = new ArrayList<>();
    List<Shopper> holdout = new ArrayList<>();
    for (Shopper s : shoppers) {
      (s.arm() == Arm.HOLDOUT ? holdout : exposed).add(s);
    }
    ArmFigures e = figures(Arm.EXPOSED, exposed, cap);
    ArmFigures h = figures(Arm.HOLDOUT, holdout, cap);
    Difference rpv = null;
    if (exposed.size() >= 2 && holdout.size() >= 2) {
      rpv = welch(capped(exposed, cap), capped(holdout, cap));
    }
    Difference aov = aov(exposed, holdout, cap);
    SampleRatio srm = sampleRatio(exposed.size(), holdout.size(), share);
    Verdict verdict;
    if (share <= 0) {
      verdict = Verdict.OFF;
    } else if (srm != null && srm.mismatch()) {
      verdict = Verdict.SAMPLE_RATIO_MISMATCH;
    } else if (rpv == null
        || e.shoppers() < MIN_SHOPPERS
        || h.shoppers() < MIN_SHOPPERS
        || e.converters() < MIN_CONVERTERS
        || h.converters() < MIN_CONVERTERS) {
      verdict = Verdict.NOT_ENOUGH_DATA;
    } else if (rpv.low() > 0) {
      verdict = Verdict.UPLIFT;
    } else if (rpv.high() < 0) {
      verdict = Verdict.DOWNLIFT;
    } else {
      verdict = Verdict.NO_DIFFERENCE;
    }
    return new Report(share, cap, e, h, rpv, aov, srm, verdict);
  }

  /**
   * Welch's two-sample comparison of means, {@code a} − {@code b}: the p-value from commons-math3's
   * {@link TTest}, the 95 % interval from its {@link TDistribution} with Welch–Satterthwaite
   * degrees of freedom.
   */
  public static Difference welch(double[] a, double[] b) {
    double ma = mean(a);
    double mb = mean(b);
    double va = variance(a, ma) / a.length;
    double vb = variance(b, mb) / b.length;
    double se = Math.sqrt(va + vb);
    double diff = ma - mb;
    if (se == 0) {
      return relative(diff, diff, diff, diff == 0 ? 1 : 0, mb);
    }
    double df = (va + vb) * (va + vb) / (va * va / (a.length - 1) + vb * vb / (b.length - 1));
    double t = new TDistribution(df).inverseCumulativeProbability(0.975);
    double p = new TTest().tTest(a, b);
    return relative(diff, diff - t * se, diff + t * se, p, mb);
  }

  /** The sample-ratio check, or null when the holdout is off or an expected count is below 5. */
  public static @Nullable SampleRatio sampleRatio(long exposed, long holdout, double share) {
    long n = exposed + holdout;
    double expectedHoldout = n * share;
    double expectedExposed = n * (1 - share);
    if (share <= 0 || share >= 1 || expectedHoldout < 5 || expectedExposed < 5) {
      return null;
    }
    double p =
        new ChiSquareTest()
            .chiSquareTest(
                new double[] {expectedExposed, expectedHoldout}, new long[] {exposed, holdout});
    return new SampleRatio(share, (double) holdout / n, p);
  }

  private static Difference relative(double diff, double low, double high, double p, double base) {
    if (base == 0) {
      return new Difference(diff, low, high, p, Double.NaN, Double.NaN, Double.NaN);
    }
    return new Difference(diff, low, high, p, diff / base, low / base, high / base);
  }

  /** The cap: the percentile of converting shoppers' revenue, both arms together. */
  static double cap(List<Shopper> shoppers) {
    List<Double> spent = new ArrayList<>();
    for (Shopper s : shoppers) {
      if (s.orders() > 0) {
        spent.add(s.revenue());
      }
    }
    if (spent.isEmpty()) {
      return 0;
    }
    double[] values = new double[spent.size()];
    for (int i = 0; i < values.length; i++) {
      values[i] = spent.get(i);
    }
    return new Percentile().evaluate(values, CAP_PERCENTILE);
  }

  private static double[] capped(List<Shopper> shoppers, double cap) {
    double[] v = new double[shoppers.size()];
    for (int i = 0; i < v.length; i++) {
      v[i] = Math.min(shoppers.get(i).revenue(), cap);
    }
    return v;
  }

  private static ArmFigures figures(Arm arm, List<Shopper> shoppers, double cap) {
    long converters = 0;
    long orders = 0;
    double revenue = 0;
    for (Shopper s : shoppers) {
      if (s.orders() > 0) {
        converters++;
      }
      orders += s.orders();
      revenue += Math.min(s.revenue(), cap);
    }
    long n = shoppers.size();
    return new ArmFigures(
        arm,
        n,
        converters,
        orders,
        revenue,
        n == 0 ? 0 : (double) converters / n,
        orders == 0 ? 0 : revenue / orders,
        n == 0 ? 0 : revenue / n);
  }

  /**
   * Average order value exposed − holdout: each arm's ratio of sums with its delta-method variance
   * (1/n)(s_rr/ō² − 2 r̄ s_ro/ō³ + r̄² s_oo/ō⁴), the difference's interval normal.
   */
  static @Nullable Difference aov(List<Shopper> exposed, List<Shopper> holdout, double cap) {
    double[] e = ratioAndVariance(exposed, cap);
    double[] h = ratioAndVariance(holdout, cap);
    if (e == null || h == null) {
      return null;
    }
    double diff = e[0] - h[0];
    double se = Math.sqrt(e[1] + h[1]);
    double p =
        se == 0
            ? (diff == 0 ? 1 : 0)
            : 2 * (1 - new NormalDistribution().cumulativeProbability(Math.abs(diff) / se));
    return relative(diff, diff - Z_975 * se, diff + Z_975 * se, p, h[0]);
  }

  private static double @Nullable [] ratioAndVariance(List<Shopper> shoppers, double cap) {
    int n = shoppers.size();
    if (n < 2) {
      return null;
    }
    double[] r = capped(shoppers, cap);
    double[] o = new double[n];
    for (int i = 0; i < n; i++) {
      o[i] = shoppers.get(i).orders();
    }
    double mr = mean(r);
    double mo = mean(o);
    if (mo == 0) {
      return null;
    }
    double srr = variance(r, mr);
    double soo = variance(o, mo);
    double sro = 0;
    for (int i = 0; i < n; i++) {
      sro += (r[i] - mr) * (o[i] - mo);
    }
    sro /= n - 1;
    double var =
        (srr / (mo * mo) - 2 * mr * sro / (mo * mo * mo) + mr * mr * soo / (mo * mo * mo * mo)) / n;
    return new double[] {mr / mo, Math.max(var, 0)};
  }

  private static double mean(double[] v) {
    double s = 0;
    for (double x : v) {
      s += x;
    }
    return s / v.length;
  }

  private static double variance(double[] v, double mean) {
    double s = 0;
    for (double x : v) {
      s += (x - mean) * (x - mean);
    }
    return s / (v.length - 1);
  }
}
