package io.smartlists.stats;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The holdout assignment: deterministic, sticky, on share, off at 0. */
class HoldoutTests {

  static final byte[] SALT = "store-salt-for-tests".getBytes(StandardCharsets.UTF_8);

  @Test
  void arm_overOneHundredThousandVisitors_isWithinHalfAPercentOfTheShare() {
    for (double share : new double[] {0.10, 0.25, 0.5}) {
      Holdout holdout = new Holdout(SALT, share);
      int held = 0;
      for (int i = 0; i < 100_000; i++) {
        if (holdout.arm(new UUID(i * 7919L, i).toString(), null) == Arm.HOLDOUT) {
          held++;
        }
      }
      assertThat(held / 100_000.0).as("share %s", share).isCloseTo(share, within(0.005));
    }
  }

  @Test
  void arm_overOneHundredThousandCustomerIds_isWithinHalfAPercentOfTheShare() {
    Holdout holdout = new Holdout(SALT, 0.10);
    int held = 0;
    for (int i = 0; i < 100_000; i++) {
      if (holdout.arm("any-visitor", Integer.toString(i)) == Arm.HOLDOUT) {
        held++;
      }
    }
    assertThat(held / 100_000.0).isCloseTo(0.10, within(0.005));
  }

  @Test
  void arm_isStableAcrossInstancesAndCalls() {
    Holdout a = new Holdout(SALT, 0.10);
    Holdout b = new Holdout(SALT.clone(), 0.10);
    for (int i = 0; i < 10_000; i++) {
      String visitor = new UUID(i, 31L * i).toString();
      assertThat(b.arm(visitor, null)).isEqualTo(a.arm(visitor, null));
      assertThat(a.arm(visitor, null)).isEqualTo(a.arm(visitor, null));
    }
  }

  @Test
  void arm_signedIn_followsTheCustomerWhateverTheDevice() {
    Holdout holdout = new Holdout(SALT, 0.5);
    for (int i = 0; i < 1000; i++) {
      String customer = "c" + i;
      assertThat(holdout.arm("device-a", customer)).isEqualTo(holdout.arm("device-b", customer));
    }
  }

  @Test
  void arm_raisingTheShare_onlyMovesShoppersIntoTheHoldout() {
    Holdout ten = new Holdout(SALT, 0.10);
    Holdout twenty = new Holdout(SALT, 0.20);
    for (int i = 0; i < 20_000; i++) {
      String visitor = new UUID(i, i).toString();
      if (ten.arm(visitor, null) == Arm.HOLDOUT) {
        assertThat(twenty.arm(visitor, null)).isEqualTo(Arm.HOLDOUT);
      }
    }
  }

  @Test
  void arm_shareZero_isAlwaysExposed() {
    Holdout off = new Holdout(SALT, 0);
    for (int i = 0; i < 10_000; i++) {
      assertThat(off.arm(new UUID(i, i).toString(), null)).isEqualTo(Arm.EXPOSED);
    }
  }

  @Test
  void arm_anotherSalt_reassigns() {
    Holdout a = new Holdout(SALT, 0.5);
    Holdout b = new Holdout("another-store".getBytes(StandardCharsets.UTF_8), 0.5);
    int differ = 0;
    for (int i = 0; i < 10_000; i++) {
      String v = new UUID(i, i).toString();
      if (a.arm(v, null) != b.arm(v, null)) {
        differ++;
      }
    }
    // independent assignments disagree about half the time
    assertThat(differ / 10_000.0).isCloseTo(0.5, within(0.03));
  }

  private static org.assertj.core.data.Offset<Double> within(double d) {
    return org.assertj.core.data.Offset.offset(d);
  }
}
