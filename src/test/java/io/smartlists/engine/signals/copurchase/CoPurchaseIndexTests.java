package io.smartlists.engine.signals.copurchase;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** The co-purchase model on tiny histories where the right answer is known. */
class CoPurchaseIndexTests {

  // products of a small outdoor shop
  static final int BREAD = 0; // in every order: the bestseller
  static final int BOOTS = 1;
  static final int LACES = 2;
  static final int TENT = 3;
  static final int STOVE = 4;
  static final int PEGS = 5;
  static final int SOCKS = 6;
  static final int LAMP = 7;

  record Top(
      int[] products, float[] scores, int[] anchors, int[] together, int[] customers, int size) {
    int first() {
      return products[0];
    }

    int[] list() {
      return Arrays.copyOf(products, size);
    }
  }

  static Top top(CoPurchaseIndex index, int[] context, int[] history, int k) {
    Recommendations r = index.recommend(context, history, k);
    int n = r.size();
    int[] p = new int[k];
    float[] s = new float[k];
    int[] a = new int[k];
    int[] t = new int[k];
    int[] c = new int[k];
    for (int i = 0; i < n; i++) {
      p[i] = r.product(i);
      s[i] = r.score(i);
      a[i] = r.anchor(i);
      t[i] = r.togetherCount(i);
      c[i] = r.sameCustomerCount(i);
    }
    return new Top(p, s, a, t, c, n);
  }

  /** Bread in all 20 orders; boots with laces in 5 of 6 boots orders; tents with pegs. */
  static CoPurchaseBuilder shop() {
    CoPurchaseBuilder b = CoPurchaseIndex.builder(8);
    long t = 1_700_000_000L;
    for (int i = 0; i < 5; i++) {
      b.addOrder(new int[] {BREAD, BOOTS, LACES}, -1, t++);
    }
    b.addOrder(new int[] {BREAD, BOOTS}, -1, t++);
    for (int i = 0; i < 4; i++) {
      b.addOrder(new int[] {BREAD, TENT, PEGS}, -1, t++);
    }
    for (int i = 0; i < 10; i++) {
      b.addOrder(new int[] {BREAD, i % 2 == 0 ? SOCKS : LAMP}, -1, t++);
    }
    return b;
  }

  @Test
  void recommend_bestsellerIsNotBoughtWithEverything() {
    CoPurchaseIndex index = shop().build();
    // raw counts say bread (6 orders with boots) beats laces (5): the model corrects for
    // bread being in every order
    Top top = top(index, new int[] {BOOTS}, new int[0], 3);
    assertThat(index.coCount(BOOTS, BREAD)).isEqualTo(6);
    assertThat(index.coCount(BOOTS, LACES)).isEqualTo(5);
    assertThat(top.first()).isEqualTo(LACES);
    assertThat(top.anchors()[0]).isEqualTo(BOOTS);
    assertThat(top.together()[0]).isEqualTo(5);
  }

  @Test
  void recommend_excludesTheContext() {
    CoPurchaseIndex index = shop().build();
    Top top = top(index, new int[] {TENT, PEGS}, new int[0], 8);
    assertThat(top.list()).doesNotContain(TENT, PEGS).contains(BREAD);
  }

  @Test
  void recommend_withoutEvidenceRanksBestsellers() {
    CoPurchaseIndex index = shop().build();
    Top top = top(index, new int[0], new int[0], 3);
    assertThat(top.first()).isEqualTo(BREAD);
    assertThat(top.anchors()[0]).isEqualTo(-1);
    assertThat(top.together()[0]).isEqualTo(20); // for a popularity reason: in 20 orders
  }

  @Test
  void addOrder_newEvidenceChangesTheRanking() {
    CoPurchaseIndex index = shop().build();
    assertThat(top(index, new int[] {TENT}, new int[0], 1).first()).isEqualTo(PEGS);
    long t = 1_800_000_000L;
    for (int i = 0; i < 8; i++) {
      index.addOrder(new int[] {TENT, STOVE}, -1, t++);
    }
    Top after = top(index, new int[] {TENT}, new int[0], 2);
    assertThat(after.first()).isEqualTo(STOVE);
    assertThat(after.together()[0]).isEqualTo(8);
    assertThat(index.orderCount(TENT)).isEqualTo(12);
  }

  @Test
  void addOrder_productBeyondTheBuiltCatalogue() {
    CoPurchaseIndex index = shop().build();
    int newProduct = 40;
    for (int i = 0; i < 3; i++) {
      index.addOrder(new int[] {BOOTS, newProduct}, -1, 1_800_000_000L + i);
    }
    assertThat(index.productCount()).isGreaterThanOrEqualTo(41);
    assertThat(top(index, new int[] {newProduct}, new int[0], 1).first()).isEqualTo(BOOTS);
  }

  @Test
  void recommend_customersWithSimilarHistories() {
    // customers who bought socks later bought a lamp, in separate orders: no same-order pair
    CoPurchaseBuilder b = CoPurchaseIndex.builder(8);
    long t = 1_750_000_000L;
    for (int i = 0; i < 6; i++) {
      b.addOrder(new int[] {BREAD, TENT}, -1, t++);
    }
    for (int c = 0; c < 4; c++) {
      b.addOrder(new int[] {SOCKS}, c, t++);
      b.addOrder(new int[] {LAMP}, c, t++);
    }
    CoPurchaseIndex index = b.build();
    Top top = top(index, new int[] {SOCKS}, new int[0], 2);
    assertThat(index.coCount(SOCKS, LAMP)).isZero();
    assertThat(top.first()).isEqualTo(LAMP);
    assertThat(top.customers()[0]).isEqualTo(4);
    assertThat(top.anchors()[0]).isEqualTo(SOCKS);
    assertThat(top.products()[1]).isIn(BREAD, TENT); // the bestsellers come after
  }

  @Test
  void recommend_historyVotesThroughSameCustomerNeighbours() {
    CoPurchaseBuilder b = shop();
    long t = 1_750_000_000L;
    for (int c = 0; c < 4; c++) {
      b.addOrder(new int[] {SOCKS}, c, t++);
      b.addOrder(new int[] {LAMP}, c, t++);
    }
    CoPurchaseIndex index = b.build();
    // no page context: a customer who bought socks is shown the lamp before bread
    assertThat(top(index, new int[0], new int[] {SOCKS}, 1).first()).isEqualTo(LAMP);
  }

  @Test
  void recommend_similarNamesStandInForMissingOrderHistory() {
    CoPurchaseBuilder b = shop();
    b.productText(BOOTS, "Leather hiking boots, brown");
    b.productText(SOCKS, "Merino hiking socks");
    b.productText(LAMP, "Camping lamp");
    b.productText(STOVE, "Camping stove");
    CoPurchaseIndex index = b.build();
    // the stove was never sold; its name is all we know
    Top top = top(index, new int[] {STOVE}, new int[0], 1);
    assertThat(top.first()).isEqualTo(LAMP);
    assertThat(top.anchors()[0]).isEqualTo(STOVE);
    assertThat(top.together()[0]).isZero();
  }

  @Test
  void neighbours_strongestFirst() {
    CoPurchaseIndex index = shop().build();
    assertThat(index.neighbours(BOOTS)).startsWith(LACES).contains(BREAD);
    assertThat(index.neighbours(99)).isEmpty();
  }

  @Test
  void build_atScaleRecommendsOutsideTheContext() {
    // 20,000 products, 100,000 orders of 4 lines, 20,000 customers: a tenth of the benchmark
    java.util.Random rnd = new java.util.Random(7);
    CoPurchaseBuilder b = CoPurchaseIndex.builder(20_000);
    for (int o = 0; o < 100_000; o++) {
      int[] lines = new int[4];
      for (int l = 0; l < 4; l++) {
        lines[l] = (int) Math.min(19_999, Math.abs(rnd.nextGaussian()) * 4_000);
      }
      b.addOrder(lines, rnd.nextInt(20_000), 1_700_000_000L + o);
    }
    CoPurchaseIndex index = b.build(); // its time and memory: the JMH benchmarks (BENCHMARKS.md)
    Top top = top(index, new int[] {10, 20, 30, 40}, new int[] {50, 60}, 10);
    assertThat(top.size()).isEqualTo(10);
    assertThat(top.list()).doesNotContain(10, 20, 30, 40);
  }

  @Test
  void distinct_keepsTheFirstLineOfEachProductInOrder() {
    java.util.SplittableRandom rnd = new java.util.SplittableRandom(11);
    for (int len : new int[] {0, 1, 5, 64, 65, 3_000}) { // the scan and the sort paths
      int[] lines = new int[len];
      java.util.LinkedHashSet<Integer> expected = new java.util.LinkedHashSet<>();
      for (int x = 0; x < len; x++) {
        lines[x] = rnd.nextInt(-2, len / 2 + 2); // duplicates and negatives (unknown products)
        if (lines[x] >= 0) {
          expected.add(lines[x]);
        }
      }
      assertThat(Rows.distinct(lines))
          .as("len %d", len)
          .containsExactly(expected.stream().mapToInt(Integer::intValue).toArray());
    }
  }

  @Test
  void pairWeight_evenSharesPlusNearerLinesWithProximity() {
    for (float proximity : new float[] {0f, 0.5f, 1f}) {
      for (int len : new int[] {2, 3, 7, 40, 5_000}) {
        for (int at : new int[] {0, len / 2, len - 1}) {
          double sum = 0;
          for (int other = 0; other < len; other++) {
            if (other != at) {
              sum += PairWeight.of(len, at, other, proximity);
            }
          }
          // each line gives away exactly one unit of weight, whatever the order's size
          assertThat(sum)
              .as("len %d at %d proximity %s", len, at, proximity)
              .isCloseTo(1.0, org.assertj.core.api.Assertions.within(1e-4));
        }
      }
    }
    assertThat(PairWeight.of(5, 0, 4, 0f)).isEqualTo(0.25f);
    assertThat(PairWeight.of(5, 0, 1, 0f)).isEqualTo(0.25f);
    // with proximity the next line weighs more than the far end, in both directions
    assertThat(PairWeight.of(5, 2, 1, 0.5f))
        .isEqualTo(PairWeight.of(5, 2, 3, 0.5f))
        .isGreaterThan(PairWeight.of(5, 2, 0, 0.5f));
    assertThat(PairWeight.of(5, 0, 1, 1f)).isGreaterThan(PairWeight.of(5, 0, 4, 1f) * 3.9f);
  }

  /** Boots, laces, tent, pegs: always bought together, always added to the cart in that order. */
  static void sameFourInTheSameOrder(CoPurchaseBuilder b) {
    for (int i = 0; i < 5; i++) {
      b.addOrder(new int[] {BOOTS, LACES, TENT, PEGS}, -1, 1_700_000_000L + i);
    }
  }

  @Test
  void build_proximityRanksTheNextLineFirst() {
    Tuning near = withProximity(0.5f);
    CoPurchaseBuilder b = CoPurchaseIndex.builder(8, near);
    sameFourInTheSameOrder(b);
    CoPurchaseIndex index = b.build(); // too few orders to calibrate: the tuning's 0.5 stays
    assertThat(index.proximity()).isEqualTo(0.5f);
    assertThat(index.neighbours(BOOTS)).containsExactly(LACES, TENT, PEGS);
    assertThat(index.neighbours(PEGS)).containsExactly(TENT, LACES, BOOTS);

    // as a set, the order ties every pair (equal weights: smaller id first)
    CoPurchaseBuilder plain = CoPurchaseIndex.builder(8, withProximity(0f));
    sameFourInTheSameOrder(plain);
    assertThat(plain.build().neighbours(PEGS)).containsExactly(BOOTS, LACES, TENT);
  }

  @Test
  void addOrder_weighsLinesAsTheBuildDoes() {
    CoPurchaseIndex built = CoPurchaseIndex.builder(8, withProximity(0.5f)).build();
    for (int i = 0; i < 5; i++) {
      built.addOrder(new int[] {BOOTS, LACES, TENT, PEGS}, -1, 1_700_000_000L + i);
    }
    assertThat(built.neighbours(BOOTS)).containsExactly(LACES, TENT, PEGS);
    assertThat(built.neighbours(PEGS)).containsExactly(TENT, LACES, BOOTS);
  }

  static Tuning withProximity(float proximity) {
    Tuning d = Tuning.DEFAULT;
    return new Tuning(
        d.beta(),
        d.shrink(),
        d.customerBeta(),
        d.customerShrink(),
        d.contextCustomerWeight(),
        d.textWeight(),
        d.textFade(),
        d.historyWeight(),
        d.historyDecay(),
        d.historyLimit(),
        d.historyNeighbours(),
        d.prior(),
        d.evidence(),
        d.textEvidence(),
        proximity);
  }
}
