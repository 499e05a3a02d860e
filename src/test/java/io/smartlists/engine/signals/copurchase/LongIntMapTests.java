package io.smartlists.engine.signals.copurchase;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class LongIntMapTests {

  @Test
  void increment_countsLikeAHashMapThroughRehashes() {
    LongIntMap map = new LongIntMap();
    Map<Long, Integer> expected = new HashMap<>();
    SplittableRandom rnd = new SplittableRandom(5);
    for (int i = 0; i < 20_000; i++) {
      long key = ((long) rnd.nextInt(300) << 32) | rnd.nextInt(300);
      int count = map.increment(key);
      assertThat(count).isEqualTo(expected.merge(key, 1, Integer::sum));
    }
  }

  @Test
  void increment_keyZero_isAKeyLikeAnyOther() {
    LongIntMap map = new LongIntMap();
    assertThat(map.increment(0L)).isEqualTo(1);
    assertThat(map.increment(0L)).isEqualTo(2);
    assertThat(map.increment(1L)).isEqualTo(1);
  }
}
