package io.smartlists.engine.signals.copurchase;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

class PairCounterTests {

  @Test
  void rows_countEachPairOnceAndKeepTheStrongestFirst() {
    // orders: {0,1,2} x3, {0,1} x2, {0,3}
    int[][] orders = {{0, 1, 2}, {0, 1, 2}, {0, 1, 2}, {0, 1}, {0, 1}, {0, 3}};
    int[] starts = new int[orders.length + 1];
    int[] lines = new int[20];
    int n = 0;
    for (int o = 0; o < orders.length; o++) {
      starts[o] = n;
      for (int p : orders[o]) {
        lines[n++] = p;
      }
    }
    starts[orders.length] = n;
    float[] st = new float[Rows.STATS * 4];
    Arrays.fill(st, 1f); // no damping: the vote is the weight shrunk by the count
    int[][] out = new int[4][];

    PairCounter.rows(4, starts, lines, orders.length, false, 0f, st, Rows.ORDER_DAMP, 2f, out);

    assertThat(neighbours(out[0])).containsExactly(1, 2, 3);
    assertThat(Rows.count(out, 0, 1)).isEqualTo(5);
    assertThat(Rows.count(out, 0, 2)).isEqualTo(3);
    assertThat(Rows.count(out, 0, 3)).isEqualTo(1);
    assertThat(Rows.count(out, 3, 0)).isEqualTo(1);
    assertThat(Rows.count(out, 2, 3)).isZero();
  }

  @Test
  void rows_weighBySize_sharesOneUnitPerLineAmongTheOthers() {
    int[] starts = {0, 4};
    int[] lines = {0, 1, 2, 3};
    float[] st = new float[Rows.STATS * 4];
    Arrays.fill(st, 1f);
    int[][] out = new int[4][];

    PairCounter.rows(4, starts, lines, 1, true, 0f, st, Rows.ORDER_DAMP, 2f, out);

    for (int x = 0; x < out[0].length; x += 3) {
      assertThat(Float.intBitsToFloat(out[0][x + 2])).isEqualTo(1f / 3);
    }
  }

  private static int[] neighbours(int[] row) {
    int[] ids = new int[row.length / 3];
    for (int x = 0; x < ids.length; x++) {
      ids[x] = row[3 * x];
    }
    return ids;
  }
}
