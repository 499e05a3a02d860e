package io.smartlists.engine.signals.copurchase;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

class TextNeighboursTests {

  @Test
  void rows_productsSharingRareWordsAreClosest() {
    Map<Integer, String> texts =
        Map.of(
            0, "Leather hiking boots Shoes",
            1, "Waxed leather boots Shoes",
            2, "Cotton socks Shoes",
            3, "Enamel mug Kitchen");
    int[][] out = new int[4][];
    java.util.Arrays.fill(out, Rows.EMPTY);

    TextNeighbours.rows(4, texts, out);

    assertThat(out[0][0]).isEqualTo(1); // leather + boots beat the shared category word alone
    assertThat(out[3]).isEmpty(); // shares no word with any other product
    float cos = Float.intBitsToFloat(out[0][2]);
    assertThat(cos).isBetween(0f, 1f);
  }

  @Test
  void rows_withoutTexts_leaveTheRowsEmpty() {
    int[][] out = {Rows.EMPTY, Rows.EMPTY};
    TextNeighbours.rows(2, Map.of(), out);
    assertThat(out[0]).isEmpty();
    assertThat(out[1]).isEmpty();
  }
}
