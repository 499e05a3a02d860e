package io.smartlists.engine.signals.copurchase;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ScratchTests {

  @Test
  void exclude_moreProductsThanTheInitialEntries_growsAndExcludesEveryOne_issue10() {
    Scratch s = new Scratch();
    s.begin(5_000);
    for (int p = 0; p < 1_000; p++) {
      s.exclude(p); // the 257th used to write into the array newEntry had just replaced
    }
    for (int p = 0; p < 1_000; p++) {
      assertThat(s.isExcluded(p)).as("product %d", p).isTrue();
    }
    s.add(5, 1f, 2_000); // a vote for an excluded product is ignored
    s.add(2_500, 0.5f, 2_000);
    assertThat(s.isExcluded(2_500)).isFalse();
    assertThat(s.anchor(2_500)).isEqualTo(2_000);
  }

  @Test
  void add_keepsTheStrongestContributionAsAnchor() {
    Scratch s = new Scratch();
    s.begin(10);
    s.add(3, 0.2f, 7);
    s.add(3, 0.5f, 8);
    s.add(3, 0.1f, 9);
    assertThat(s.anchor(3)).isEqualTo(8);
    assertThat(s.score[0]).isEqualTo(0.2f + 0.5f + 0.1f);
  }

  @Test
  void begin_forgetsTheLastRequestWithoutClearing() {
    Scratch s = new Scratch();
    s.begin(10);
    s.exclude(1);
    s.add(2, 1f, 1);
    s.begin(10);
    assertThat(s.isExcluded(1)).isFalse();
    assertThat(s.size).isZero();
    s.touch(2);
    assertThat(s.anchor(2)).isEqualTo(-1); // a fresh entry, not the last request's
  }
}
