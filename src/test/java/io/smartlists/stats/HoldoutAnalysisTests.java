package io.smartlists.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.offset;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.apache.commons.math3.distribution.TDistribution;
import org.apache.commons.math3.stat.descriptive.SummaryStatistics;
import org.apache.commons.math3.stat.inference.TTest;
import org.junit.jupiter.api.Test;

/** The holdout comparison's statistics against commons-math3 and cases with a known answer. */
class HoldoutAnalysisTests {

  /** A fixed sample: revenue per visitor of two arms (most visitors buy nothing). */
  static final double[] EXPOSED = {
    0, 0, 12.5, 0, 40, 0, 0, 25, 0, 18, 0, 0, 33, 0, 9.5, 0, 0, 0, 52, 0
  };

  static final double[] HOLDOUT = {0, 0, 0, 10, 0, 0, 21, 0, 0, 0, 0, 14, 0, 0, 0, 0};

  @Test
  void welch_onAFixedSample_equalsCommonsMath() {
    HoldoutAnalysis.Difference d = HoldoutAnalysis.welch(EXPOSED, HOLDOUT);

    SummaryStatistics a = stats(EXPOSED);
    SummaryStatistics b = stats(HOLDOUT);
    double va = a.getVariance() / a.getN();
    double vb = b.getVariance() / b.getN();
    double df = (va + vb) * (va + vb) / (va * va / (a.getN() - 1) + vb * vb / (b.getN() - 1));
    double half = new TDistribution(df).inverseCumulativeProbability(0.975) * Math.sqrt(va + vb);
    double diff = a.getMean() - b.getMean();

    assertThat(d.difference()).isCloseTo(diff, offset(1e-12));
    assertThat(d.low()).isCloseTo(diff - half, offset(1e-9));
    assertThat(d.high()).isCloseTo(diff + half, offset(1e-9));
    assertThat(d.pValue()).isCloseTo(new TTest().tTest(EXPOSED, HOLDOUT), offset(1e-12));
    // the interval and the test agree: the interval contains 0 exactly when p >= 0.05
    assertThat(d.significant()).isEqualTo(d.pValue() < 0.05);
    assertThat(d.relative()).isCloseTo(diff / b.getMean(), offset(1e-12));
  }

  @Test
  void welch_clearDifference_isSignificant() {
    SplittableRandom r = new SplittableRandom(42);
    double[] a = new double[2000];
    double[] b = new double[2000];
    for (int i = 0; i < a.length; i++) {
      a[i] = 12 + r.nextGaussian();
      b[i] = 10 + r.nextGaussian();
    }
    HoldoutAnalysis.Difference d = HoldoutAnalysis.welch(a, b);

    assertThat(d.low()).isGreaterThan(1.8);
    assertThat(d.high()).isLessThan(2.2);
    assertThat(d.pValue()).isLessThan(1e-10);
  }

  @Test
  void sampleRatio_skewedSplit_fires() {
    // 10 % configured, 12 % observed over 10,000 shoppers
    HoldoutAnalysis.SampleRatio srm = HoldoutAnalysis.sampleRatio(8800, 1200, 0.10);

    assertThat(srm).isNotNull();
    assertThat(srm.mismatch()).isTrue();
    assertThat(srm.observedShare()).isCloseTo(0.12, offset(1e-9));
  }

  @Test
  void sampleRatio_splitOnShare_doesNotFire() {
    HoldoutAnalysis.SampleRatio srm = HoldoutAnalysis.sampleRatio(9010, 990, 0.10);

    assertThat(srm).isNotNull();
    assertThat(srm.mismatch()).isFalse();
  }

  @Test
  void compare_skewedSplit_verdictIsSampleRatioMismatch() {
    List<HoldoutAnalysis.Shopper> shoppers = new ArrayList<>();
    for (int i = 0; i < 5000; i++) {
      shoppers.add(
          new HoldoutAnalysis.Shopper(Arm.EXPOSED, i % 10 == 0 ? 1 : 0, i % 10 == 0 ? 50 : 0));
      shoppers.add(
          new HoldoutAnalysis.Shopper(Arm.HOLDOUT, i % 10 == 0 ? 1 : 0, i % 10 == 0 ? 50 : 0));
    }

    assertThat(HoldoutAnalysis.compare(shoppers, 0.10).verdict())
        .isEqualTo(HoldoutAnalysis.Verdict.SAMPLE_RATIO_MISMATCH);
  }

  @Test
  void compare_belowTheMinimumSample_isNotEnoughData() {
    List<HoldoutAnalysis.Shopper> shoppers = new ArrayList<>();
    for (int i = 0; i < 900; i++) {
      shoppers.add(
          new HoldoutAnalysis.Shopper(Arm.EXPOSED, i % 5 == 0 ? 1 : 0, i % 5 == 0 ? 80 : 0));
    }
    for (int i = 0; i < 100; i++) {
      shoppers.add(
          new HoldoutAnalysis.Shopper(Arm.HOLDOUT, i % 5 == 0 ? 1 : 0, i % 5 == 0 ? 40 : 0));
    }

    HoldoutAnalysis.Report report = HoldoutAnalysis.compare(shoppers, 0.10);

    assertThat(report.verdict()).isEqualTo(HoldoutAnalysis.Verdict.NOT_ENOUGH_DATA);
    assertThat(report.exposed().shoppers()).isEqualTo(900);
    assertThat(report.exposed().conversionRate()).isCloseTo(0.2, offset(1e-9));
    assertThat(report.holdout().averageOrderValue()).isCloseTo(40, offset(1e-9));
    assertThat(report.revenuePerVisitor()).isNotNull();
  }

  @Test
  void compare_enoughShoppersAndARealUplift_saysUplift() {
    SplittableRandom r = new SplittableRandom(7);
    List<HoldoutAnalysis.Shopper> shoppers = new ArrayList<>();
    for (int i = 0; i < 20_000; i++) {
      boolean held = i % 10 == 0;
      boolean buys = r.nextDouble() < (held ? 0.05 : 0.06);
      double basket = buys ? (held ? 40 : 48) + 10 * r.nextDouble() : 0;
      shoppers.add(
          new HoldoutAnalysis.Shopper(held ? Arm.HOLDOUT : Arm.EXPOSED, buys ? 1 : 0, basket));
    }

    HoldoutAnalysis.Report report = HoldoutAnalysis.compare(shoppers, 0.10);

    assertThat(report.verdict()).isEqualTo(HoldoutAnalysis.Verdict.UPLIFT);
    assertThat(report.averageOrderValue()).isNotNull();
    assertThat(report.averageOrderValue().low()).isGreaterThan(0);
  }

  @Test
  void compare_capsOutliersAtThePercentileOfConverters() {
    List<HoldoutAnalysis.Shopper> shoppers = new ArrayList<>();
    for (int i = 0; i < 200; i++) {
      shoppers.add(new HoldoutAnalysis.Shopper(Arm.EXPOSED, 1, 10 + i % 10));
      shoppers.add(new HoldoutAnalysis.Shopper(Arm.HOLDOUT, 1, 10 + i % 10));
    }
    shoppers.add(new HoldoutAnalysis.Shopper(Arm.EXPOSED, 1, 100_000));

    HoldoutAnalysis.Report report = HoldoutAnalysis.compare(shoppers, 0.5);

    assertThat(report.cap()).isLessThanOrEqualTo(19);
    assertThat(report.exposed().revenuePerVisitor()).isLessThan(20);
  }

  private static SummaryStatistics stats(double[] values) {
    SummaryStatistics s = new SummaryStatistics();
    for (double v : values) {
      s.addValue(v);
    }
    return s;
  }
}
