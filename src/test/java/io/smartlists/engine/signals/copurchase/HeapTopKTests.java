package io.smartlists.engine.signals.copurchase;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

class HeapTopKTests {

  @Test
  void toRow_keepsTheStrongestAndWritesThemStrongestFirst() {
    // rows are kept strongest first, so the history can vote with a row's first entries only
    HeapTopK top = new HeapTopK(64);
    java.util.SplittableRandom rnd = new java.util.SplittableRandom(3);
    float[] score = new float[200];
    for (int id = 0; id < score.length; id++) {
      score[id] = rnd.nextInt(1000) / 10f; // ties included
      top.offer(id, id, 0, score[id]);
    }
    int[] row = top.toRow();
    Integer[] expected = new Integer[score.length];
    for (int id = 0; id < score.length; id++) {
      expected[id] = id;
    }
    // strongest first; equal scores keep the smaller id first (the heap's tie rule)
    Arrays.sort(
        expected,
        (a, b) -> score[a] != score[b] ? Float.compare(score[b], score[a]) : Integer.compare(a, b));
    assertThat(row).hasSize(3 * 64);
    for (int x = 0; x < 64; x++) {
      assertThat(row[3 * x]).as("entry %d", x).isEqualTo(expected[x]);
      assertThat(row[3 * x + 1]).isEqualTo(expected[x]); // the count travels with its id
    }
  }

  @Test
  void toRow_fewerThanK_keepsThemAll() {
    HeapTopK top = new HeapTopK(4);
    top.offer(7, 1, 0, 0.5f);
    top.offer(3, 2, 0, 0.9f);
    assertThat(top.toRow()).containsExactly(3, 2, 0, 7, 1, 0);
  }
}
