package io.smartlists.engine.signals.copurchase;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The build's model selection on synthetic stores where the right family is known. */
class SelectorTests {

  /** Orders drawn by popularity alone from a tiny catalogue: association carries nothing. */
  static CoPurchaseBuilder tinyCatalogueWithoutAssociation(long seed, int orders) {
    CoPurchaseBuilder b = CoPurchaseIndex.builder(25);
    SplittableRandom rnd = new SplittableRandom(seed);
    for (int o = 0; o < orders; o++) {
      int[] basket = new int[2 + rnd.nextInt(3)];
      for (int i = 0; i < basket.length; i++) {
        basket[i] = (int) Math.floor(Math.pow(rnd.nextDouble(), 2.5) * 25); // skewed popularity
      }
      b.addOrder(basket, -1, o);
    }
    return b;
  }

  /**
   * Long orders over a larger catalogue: each order takes 4 to 6 products of one of 60 themes of 8
   * products, plus each of 20 staples independently with probability 0.3 (bought with everything,
   * predicting nothing). A model that weighs the whole basket at once (EASE) learns that the
   * staples explain nothing; the neighbourhood gives every context product an equal voice.
   */
  static int[][] themesAndStaples(long seed, int orders) {
    SplittableRandom rnd = new SplittableRandom(seed);
    int[][] out = new int[orders][];
    for (int o = 0; o < orders; o++) {
      int theme = rnd.nextInt(60);
      int[] basket = new int[40];
      int len = 0;
      int take = 4 + rnd.nextInt(3);
      int[] slots = {0, 1, 2, 3, 4, 5, 6, 7};
      for (int i = 0; i < take; i++) {
        int pick = i + rnd.nextInt(8 - i);
        int t = slots[pick];
        slots[pick] = slots[i];
        slots[i] = t;
        basket[len++] = 20 + theme * 8 + t;
      }
      for (int s = 0; s < 20; s++) {
        if (rnd.nextDouble() < 0.3) {
          basket[len++] = s;
        }
      }
      out[o] = java.util.Arrays.copyOf(basket, len);
    }
    return out;
  }

  @Test
  void tinyCatalogue_withoutAssociation_servesPopularity() {
    CoPurchaseIndex index = tinyCatalogueWithoutAssociation(3, 4_000).build();
    ModelSelection s = index.selection();
    assertThat(s.family()).as(s.summary()).isEqualTo(Family.POPULARITY);
    assertThat(s.validationOrders())
        .isBetween(300, 400); // the newest tenth, one-product orders out
    // served: the bestsellers, the cart left out, no anchor
    Recommendations r = index.recommend(new int[] {0}, new int[0], 5);
    assertThat(r.size()).isEqualTo(5);
    for (int x = 0; x < r.size(); x++) {
      assertThat(r.product(x)).isNotZero();
      assertThat(r.anchor(x)).isEqualTo(-1);
      if (x > 0) {
        assertThat(index.orderCount(r.product(x)))
            .isLessThanOrEqualTo(index.orderCount(r.product(x - 1)));
      }
    }
  }

  @Test
  void longOrders_withStaples_serveTheEaseBlend_andItWinsOnFreshOrders() {
    int[][] history = themesAndStaples(7, 6_000);
    CoPurchaseBuilder b = CoPurchaseIndex.builder(500);
    for (int o = 0; o < history.length; o++) {
      b.addOrder(history[o], -1, o);
    }
    CoPurchaseIndex index = b.build();
    ModelSelection s = index.selection();
    assertThat(s.family()).as(s.summary()).isEqualTo(Family.EASE_HEAD_BLEND);
    assertThat(s.headProducts()).isEqualTo(500);
    assertThat(s.easeHr()).isGreaterThan(s.neighbourhoodHr());
    assertThat(s.summary()).contains("EASE share", "head products");

    // the right family: on fresh orders of the same store, what was served beats the neighbourhood
    int[][] fresh = themesAndStaples(8, 800);
    float served = hitRate(index, fresh);
    Scoring blend = index.scoring;
    index.scoring = Scoring.NEIGHBOURHOOD;
    float neighbourhood = hitRate(index, fresh);
    index.scoring = blend;
    assertThat(served).isGreaterThan(neighbourhood);
  }

  @Test
  void theWriter_keepsServingTheChosenFamily() {
    int[][] history = themesAndStaples(7, 6_000);
    CoPurchaseBuilder b = CoPurchaseIndex.builder(500);
    for (int o = 0; o < history.length; o++) {
      b.addOrder(history[o], -1, o);
    }
    CoPurchaseIndex index = b.build();
    index.addOrder(new int[] {20, 21, 600}, 3, 10_000); // a new product beyond the head
    Recommendations r = index.recommend(new int[] {20, 600}, new int[0], 10);
    assertThat(r.size()).isEqualTo(10);
    assertThat(index.selection().family()).isEqualTo(Family.EASE_HEAD_BLEND);
    int fromTheme = 0;
    for (int x = 0; x < r.size(); x++) {
      if (r.product(x) >= 20 && r.product(x) < 28) {
        fromTheme++;
        assertThat(r.anchor(x)).isIn(20, 600);
      }
    }
    assertThat(fromTheme).isGreaterThanOrEqualTo(5); // the theme's 7 other products lead
  }

  @Test
  void apply_asymmetricCosine_servesItsVotes() {
    int[][] history = themesAndStaples(7, 3_000);
    CoPurchaseBuilder b = CoPurchaseIndex.builder(500);
    for (int o = 0; o < history.length; o++) {
      b.addOrder(history[o], -1, o);
    }
    CoPurchaseIndex index = b.build();
    ModelSelection asym =
        new ModelSelection(Family.ASYMMETRIC_COSINE, 0.1f, 1f, 0, 0, 0, 10, 40, 0, 0, 0, 0, 0, 0);
    Selector.apply(
        new Selector.Choice(
            new Calibration(0f, 3f, 0.1f), asym, 0.1f, 1f, 0, 0, 0, EaseHead.MAX_HEAD),
        b,
        index);
    assertThat(index.selection()).isEqualTo(asym);
    assertThat(index.priorWeight()).isEqualTo(0.1f);
    // α = 1: a context product votes p(j | i) = co(i, j) / count(i) for each kept neighbour
    Recommendations r = index.recommend(new int[] {20}, new int[0], 3);
    int j = r.product(0);
    float expected =
        index.coCount(20, j) / (float) index.orderCount(20)
            + 0.1f * index.orderCount(j) / maxCount(index);
    assertThat(r.score(0)).isCloseTo(expected, within(1e-4f));
    assertThat(r.anchor(0)).isEqualTo(20);

    Selector.apply(
        new Selector.Choice(
            new Calibration(0f, 3f, 0.1f),
            ModelSelection.unvalidated(0.1f),
            0.1f,
            0,
            0,
            0,
            0,
            EaseHead.MAX_HEAD),
        b,
        index);
    assertThat(index.scoring).isSameAs(Scoring.NEIGHBOURHOOD);
  }

  private static int maxCount(CoPurchaseIndex index) {
    int max = 0;
    for (int p = 0; p < index.productCount(); p++) {
      max = Math.max(max, index.orderCount(p));
    }
    return max;
  }

  @Test
  void withinOneStandardError_pairsTheOrders() {
    float[] best = {1, 1, 1, 1, 0};
    assertThat(Selector.withinOneStandardError(best, best)).isTrue();
    assertThat(Selector.withinOneStandardError(new float[] {0, 0, 0, 0, 0}, best)).isFalse();
    // one order in five differs: the mean difference 0.2 is within its standard error 0.2
    assertThat(Selector.withinOneStandardError(new float[] {1, 1, 1, 0, 0}, best)).isTrue();
    assertThat(Selector.withinOneStandardError(new float[] {0}, new float[] {1})).isTrue();
    assertThat(Selector.best(new float[][] {{1}, {3}, {3}}, 0, 3)).isEqualTo(1);
  }

  @Test
  void easeHead_twoProducts_matchesTheClosedForm() {
    // G = [[a, c], [c, b]]: B(0,1) = c / (b + λ)... with P = (G + λI)⁻¹, B(i,j) = -P(i,j)/P(j,j)
    float a = 10;
    float bb = 6;
    float c = 4;
    float lambda = 2;
    EaseHead e = EaseHead.fit(new int[] {3, 1}, 5, new float[] {a, c, c, bb}, lambda);
    assertThat(e.size()).isEqualTo(2);
    assertThat(e.weights[0]).isZero();
    assertThat(e.weights[1]).isCloseTo(c / (a + lambda), within(1e-5f));
    assertThat(e.weights[2]).isCloseTo(c / (bb + lambda), within(1e-5f));
    assertThat(e.weights[3]).isZero();
    assertThat(e.headOf).containsExactly(-1, 1, -1, 0, -1);
    // the Gram matrix of three orders over head {3, 1}
    float[] g =
        EaseHead.gram(new int[] {3, 1}, 5, new int[] {0, 2, 3, 5}, new int[] {3, 1, 3, 1, 4}, 3);
    assertThat(g).containsExactly(2f, 1f, 1f, 2f); // {3,1}, {3}, {1,4}
  }

  @Test
  void scoring_asymmetricDamping_tableAndBeyond() {
    Scoring s = Scoring.asymmetric(0.8f);
    assertThat(s.contextDamp(0)).isZero();
    assertThat(s.contextDamp(100)).isCloseTo((float) Math.pow(100, -0.8), within(1e-6f));
    assertThat(s.candidateDamp(1_000_000))
        .isCloseTo((float) Math.pow(1_000_000, -0.2), within(1e-6f));
    assertThat(Scoring.popularity().family).isEqualTo(Family.POPULARITY);
  }

  @Test
  void summary_saysWhatWasChosen() {
    assertThat(ModelSelection.unvalidated(0.1f).summary()).contains("too few orders");
    ModelSelection asym =
        new ModelSelection(
            Family.ASYMMETRIC_COSINE, 0.3f, 0.8f, 0, 0, 0, 100, 400, .1f, .2f, .3f, 0, 0, 0);
    assertThat(asym.summary()).contains("ASYMMETRIC_COSINE, α 0.8, prior 0.3", "400 cases");
    assertThat(asym.summary()).doesNotContain("head tried");
    ModelSelection large =
        new ModelSelection(
            Family.EASE_HEAD_BLEND,
            0.1f,
            0,
            60f,
            0.35f,
            3000,
            100,
            400,
            .1f,
            .2f,
            .3f,
            .4f,
            3000,
            .4f);
    assertThat(large.summary()).contains("over 3000 head products", "3000-product head tried");
  }

  private static float hitRate(CoPurchaseIndex index, int[][] orders) {
    int hits = 0;
    int cases = 0;
    for (int[] order : orders) {
      for (int h = 0; h < order.length; h++) {
        int[] context = new int[order.length - 1];
        System.arraycopy(order, 0, context, 0, h);
        System.arraycopy(order, h + 1, context, h, order.length - h - 1);
        Recommendations r = index.recommend(context, new int[0], 10);
        for (int x = 0; x < r.size(); x++) {
          if (r.product(x) == order[h]) {
            hits++;
            break;
          }
        }
        cases++;
      }
    }
    return hits / (float) cases;
  }
}
