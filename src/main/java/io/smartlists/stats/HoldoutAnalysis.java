package io.smartlists.stats;

import java.util.ArrayList;
import java.util.List;
import org.apache.commons.math3.distribution.NormalDistribution;
import org.apache.commons.math3.distribution.TDistribution;
import org.apache.commons.math3.stat.descriptive.StatisticalSummary;
import org.apache.commons.math3.stat.descriptive.StatisticalSummaryValues;
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
 *       {@link TTest#tTest(StatisticalSummary, StatisticalSummary)} over each arm's size, mean and
 *       variance; the interval uses its {@link TDistribution}.
 *   <li><b>Average order value</b>: revenue ÷ orders of each arm, a ratio of two sums over the same
 *       shoppers, so its variance comes from the delta method; the difference's interval is normal.
 *   <li><b>Conversion rate</b>: shoppers with an order ÷ shoppers.
 *   <li><b>Sample-ratio mismatch</b>: chi-square goodness of fit of the arms' shopper counts
 *       against the configured share; p below {@value #SRM_ALPHA} warns that assignment or
 *       recording is broken and no verdict should be read.
 *   <li><b>Verdict</b>: none ("not enough data yet") below {@value #MIN_SHOPPERS} shoppers or
 *       {@value #MIN_CONVERTERS} converting shoppers in either arm (Dynamic Yield's minimums).
 * </ul>
 *
 * <p>Everything is computed from a {@link Sample}: each arm's number of shoppers and the converting
 * shoppers alone (the others spend nothing), which the database gives without one row per shopper.
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

  /**
   * What the comparison needs of the shoppers, without one row per shopper: how many shoppers each
   * arm has, and the converting shoppers (at least one order) one by one. A shopper without an
   * order spends nothing, so the others are zeros the statistics count without reading them; the
   * cap (a percentile of the converters' revenue) needs the converters' values.
   */
  public record Sample(long exposedShoppers, long holdoutShoppers, List<Converter> converters) {

    public Sample {
      converters = List.copyOf(converters);
    }
  }

  /**
   * A converting shopper: their arm, orders (at least 1) and revenue after their first impression.
   */
  public record Converter(Arm arm, long orders, double revenue) {}

  /** Compares the arms of {@code shoppers} under the configured holdout {@code share}. */
  public static Report compare(List<Shopper> shoppers, double share) {
    long exposed = 0;
    long holdout = 0;
    List<Converter> converters = new ArrayList<>();
    for (Shopper s : shoppers) {
      if (s.arm() == Arm.HOLDOUT) {
        holdout++;
      } else {
        exposed++;
      }
      if (s.orders() > 0) {
        converters.add(new Converter(s.arm(), s.orders(), s.revenue()));
      }
    }
    return compare(new Sample(exposed, holdout, converters), share);
  }

  /** Compares the arms of {@code sample} under the configured holdout {@code share}. */
  public static Report compare(Sample sample, double share) {
    double cap = cap(sample.converters());
    Arm[] arms = {Arm.EXPOSED, Arm.HOLDOUT};
    ArmMoments[] m = new ArmMoments[2];
    for (int i = 0; i < 2; i++) {
      long n = arms[i] == Arm.HOLDOUT ? sample.holdoutShoppers() : sample.exposedShoppers();
      m[i] = ArmMoments.of(arms[i], n, sample.converters(), cap);
    }
    ArmFigures e = m[0].figures();
    ArmFigures h = m[1].figures();
    Difference rpv = null;
    if (m[0].n >= 2 && m[1].n >= 2) {
      rpv = welch(m[0].revenue(), m[1].revenue());
    }
    Difference aov = aov(m[0], m[1]);
    SampleRatio srm = sampleRatio(m[0].n, m[1].n, share);
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
   * One arm's sums over its shoppers, the non-converters as zeros: capped revenue r and orders o
   * per shopper, their means and centred sums of squares and products (each converter's deviation
   * summed, plus (n − converters) times the zero's), the two-pass form of the sample variances.
   */
  private record ArmMoments(
      Arm arm,
      long n,
      long converters,
      long orders,
      double revenueSum,
      double meanRevenue,
      double meanOrders,
      double ssRevenue,
      double ssOrders,
      double spRevenueOrders) {

    static ArmMoments of(Arm arm, long n, List<Converter> all, double cap) {
      long k = 0;
      long orders = 0;
      double sum = 0;
      for (Converter c : all) {
        if (c.arm() == arm) {
          k++;
          orders += c.orders();
          sum += Math.min(c.revenue(), cap);
        }
      }
      double mr = n == 0 ? 0 : sum / n;
      double mo = n == 0 ? 0 : (double) orders / n;
      double srr = 0;
      double soo = 0;
      double sro = 0;
      for (Converter c : all) {
        if (c.arm() == arm) {
          double dr = Math.min(c.revenue(), cap) - mr;
          double dO = c.orders() - mo;
          srr += dr * dr;
          soo += dO * dO;
          sro += dr * dO;
        }
      }
      long zeros = n - k;
      srr += zeros * mr * mr;
      soo += zeros * mo * mo;
      sro += zeros * mr * mo;
      return new ArmMoments(arm, n, k, orders, sum, mr, mo, srr, soo, sro);
    }

    ArmFigures figures() {
      return new ArmFigures(
          arm,
          n,
          converters,
          orders,
          revenueSum,
          n == 0 ? 0 : (double) converters / n,
          orders == 0 ? 0 : revenueSum / orders,
          n == 0 ? 0 : revenueSum / n);
    }

    StatisticalSummary revenue() {
      return new StatisticalSummaryValues(
          meanRevenue, n < 2 ? 0 : ssRevenue / (n - 1), n, Double.NaN, Double.NaN, revenueSum);
    }
  }

  /**
   * Welch's two-sample comparison of means, {@code a} − {@code b}: the p-value from commons-math3's
   * {@link TTest}, the 95 % interval from its {@link TDistribution} with Welch–Satterthwaite
   * degrees of freedom.
   */
  public static Difference welch(double[] a, double[] b) {
    return welch(summary(a), summary(b));
  }

  /** {@link #welch(double[], double[])} from each sample's size, mean and variance. */
  public static Difference welch(StatisticalSummary a, StatisticalSummary b) {
    double ma = a.getMean();
    double mb = b.getMean();
    double va = a.getVariance() / a.getN();
    double vb = b.getVariance() / b.getN();
    double se = Math.sqrt(va + vb);
    double diff = ma - mb;
    if (se == 0) {
      return relative(diff, diff, diff, diff == 0 ? 1 : 0, mb);
    }
    double df = (va + vb) * (va + vb) / (va * va / (a.getN() - 1) + vb * vb / (b.getN() - 1));
    double t = new TDistribution(df).inverseCumulativeProbability(0.975);
    double p = new TTest().tTest(a, b);
    return relative(diff, diff - t * se, diff + t * se, p, mb);
  }

  private static StatisticalSummary summary(double[] v) {
    double m = mean(v);
    double sum = 0;
    for (double x : v) {
      sum += x;
    }
    return new StatisticalSummaryValues(m, variance(v, m), v.length, Double.NaN, Double.NaN, sum);
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
  static double cap(List<Converter> converters) {
    if (converters.isEmpty()) {
      return 0;
    }
    double[] values = new double[converters.size()];
    for (int i = 0; i < values.length; i++) {
      values[i] = converters.get(i).revenue();
    }
    return new Percentile().evaluate(values, CAP_PERCENTILE);
  }

  /**
   * Average order value exposed − holdout: each arm's ratio of sums with its delta-method variance
   * (1/n)(s_rr/ō² − 2 r̄ s_ro/ō³ + r̄² s_oo/ō⁴), the difference's interval normal.
   */
  private static @Nullable Difference aov(ArmMoments exposed, ArmMoments holdout) {
    double[] e = ratioAndVariance(exposed);
    double[] h = ratioAndVariance(holdout);
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

  private static double @Nullable [] ratioAndVariance(ArmMoments m) {
    long n = m.n();
    if (n < 2) {
      return null;
    }
    double mr = m.meanRevenue();
    double mo = m.meanOrders();
    if (mo == 0) {
      return null;
    }
    double srr = m.ssRevenue() / (n - 1);
    double soo = m.ssOrders() / (n - 1);
    double sro = m.spRevenueOrders() / (n - 1);
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
