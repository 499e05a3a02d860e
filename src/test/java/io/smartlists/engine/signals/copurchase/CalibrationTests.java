package io.smartlists.engine.signals.copurchase;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class CalibrationTests {

  @Test
  void of_tooFewOrders_keepsTheTuningsWeights() {
    CoPurchaseBuilder b = CoPurchaseIndex.builder(4);
    for (int o = 0; o < 50; o++) {
      b.addOrder(new int[] {0, 1}, -1, o);
    }
    assertThat(Calibration.of(b))
        .isEqualTo(
            new Calibration(
                Tuning.DEFAULT.proximity(), Tuning.DEFAULT.textWeight(), Tuning.DEFAULT.prior()));
  }

  @Test
  void of_baskets_withoutAssociation_choosesALargerPrior() {
    // products drawn by popularity alone: association carries nothing, so popularity should win
    CoPurchaseBuilder b = CoPurchaseIndex.builder(200);
    SplittableRandom rnd = new SplittableRandom(1);
    for (int o = 0; o < 3_000; o++) {
      int[] basket = new int[3];
      for (int i = 0; i < basket.length; i++) {
        basket[i] = (int) Math.floor(Math.pow(rnd.nextDouble(), 3) * 200); // skewed popularity
      }
      b.addOrder(basket, -1, o);
    }
    Calibration c = Calibration.of(b);
    assertThat(c.prior()).isGreaterThan(Tuning.DEFAULT.prior());
    assertThat(c.proximity()).isIn(0f, 0.5f, 1f);
  }

  @Test
  void best_tiesKeepTheFirstEntry() {
    assertThat(Calibration.best(new float[][] {{1f, 2f}, {2f, 0f}})).containsExactly(0, 1);
  }
}
