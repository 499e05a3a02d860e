package io.smartlists.engine.signals;

import static org.assertj.core.api.Assertions.assertThat;

import io.smartlists.engine.EngineTestData;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The order of {@code ORDER_PRODUCT_REMINDERS} ({@link Reminders}) and the build's choice of its
 * dueness weight ({@link ReminderValidation}) on hand-made histories where the right answer is
 * known.
 */
class RemindersTests {

  private static final long DAY = 86_400L;
  private static final long NOW = 1_000 * DAY;

  @Test
  void dueness_growsToOneOverTheIntervalThenStays() {
    assertThat(Reminders.dueness(15 * DAY, 30)).isEqualTo(0.5);
    assertThat(Reminders.dueness(30 * DAY, 30)).isEqualTo(1.0);
    assertThat(Reminders.dueness(300 * DAY, 30)).isEqualTo(1.0);
    assertThat(Reminders.dueness(-DAY, 30)).isEqualTo(0.0); // bought "after" now: not due
  }

  /**
   * Given most recent first: staple (5 orders, 3 days into a 30-day interval: 0.1 due), a one-off
   * (1 order, 40 days into a 20-day interval: due), bulbs (nobody re-buys them, 2 orders), a gift
   * (1 order, nobody re-buys it).
   */
  private static int[] rank(double weight) {
    return Reminders.rank(
        4,
        new int[] {5, 1, 2, 1},
        new long[] {NOW - 3 * DAY, NOW - 40 * DAY, NOW - 50 * DAY, NOW - 60 * DAY},
        new int[] {30, 20, 0, 0},
        NOW,
        weight);
  }

  @Test
  void rank_frequencyFirstUnlessBeingDueWeighsMoreThanTheDifference() {
    // weight 0 or 1: 5 + 0.1w against 1 + w: the staple first
    assertThat(rank(0)).containsExactly(0, 1, 2, 3);
    assertThat(rank(1)).containsExactly(0, 1, 2, 3);
    // weight 16: 6.6 against 17: what is due first
    assertThat(rank(16)).containsExactly(1, 0, 2, 3);
    // what nobody re-buys comes last whatever the weight, most orders first though older
    assertThat(Reminders.rank(2, new int[] {1, 2}, new long[] {NOW, NOW - DAY}, new int[2], NOW, 1))
        .containsExactly(1, 0);
  }

  @Test
  void rank_equalScoresKeepTheMostRecentFirst() {
    int[] same = {3, 3, 3};
    long[] last = {NOW - DAY, NOW - 2 * DAY, NOW - 3 * DAY};
    assertThat(Reminders.rank(3, same, last, new int[] {1, 1, 1}, NOW, 2)) // all due
        .containsExactly(0, 1, 2);
    assertThat(Reminders.rank(0, new int[0], new long[0], new int[0], NOW, 1)).isEmpty();
  }

  /**
   * 25 customers, each with 10 "fillers" bought in 2 orders 100 and 90 days ago (re-bought every 10
   * days: long due) and a "staple" bought in 3 orders 62, 32 and 2 days ago (every 30 days: hardly
   * due), and a last order 1 day ago (the newest tenth of the store's orders: the validation
   * period) of the staple only; 80 guest orders long ago make up the 250 orders. Frequency names
   * the staple (3 orders against 2), dueness the fillers: a weight up to 1 finds the staple in the
   * top 10, from 2 on the ten due fillers push it out.
   */
  @Test
  void validation_choosesAWeightThatKeepsTheFrequentProductWhenThatIsWhatCustomersReorder() {
    EngineTestData data = store("staple");
    for (int c = 0; c < 25; c++) {
      String id = "c" + c;
      data.order(id, 100, fillers());
      data.order(id, 90, fillers());
      data.order(id, 62, "staple");
      data.order(id, 32, "staple");
      data.order(id, 2, "staple");
      data.order(id, 1, "staple");
    }
    ReminderSelection s = data.signals().current().reminderSelection();

    assertThat(s.hitRates()).containsExactly(1.0, 1.0, 1.0, 0.0, 0.0, 0.0);
    assertThat(s.dueWeight()).isEqualTo(1.0); // the first of the best: the default
    assertThat(s.summary())
        .isEqualTo(
            "due weight 1; validation HR@10/MRR@10 on the newest 25 training orders (25"
                + " customers): 1 1.0000/1.0000, 0 1.0000/1.0000, 0.5 1.0000/1.0000,"
                + " 2 0.0000/0.0000, 4 0.0000/0.0000, 16 0.0000/0.0000");
  }

  /**
   * The same store with the roles swapped: 10 "regulars" bought in 3 orders 62, 32 and 2 days ago
   * (every 30 days: hardly due) and a "refill" in 2 orders 50 and 40 days ago (every 10 days: long
   * due); the last order is the refill. Only a weight of 2 or more brings it into the top 10; the
   * build serves 2, and the list then shows the refill first.
   */
  @Test
  void validation_choosesAWeightThatPutsTheDueProductFirstWhenThatIsWhatCustomersReorder() {
    EngineTestData data = store("refill");
    for (int c = 0; c < 25; c++) {
      String id = "c" + c;
      data.order(id, 62, fillers());
      data.order(id, 32, fillers());
      data.order(id, 2, fillers());
      data.order(id, 50, "refill");
      data.order(id, 40, "refill");
      data.order(id, 1, "refill");
    }
    Signals signals = data.signals().current();
    ReminderSelection s = signals.reminderSelection();

    assertThat(s.hitRates()).containsExactly(0.0, 0.0, 0.0, 1.0, 1.0, 1.0);
    assertThat(s.dueWeight()).isEqualTo(2.0);
    assertThat(s.validationOrders()).isEqualTo(25);
    assertThat(s.cases()).isEqualTo(25);
  }

  /**
   * As above with 3 regulars instead of 10: every weight finds the refill in the top 10 (HR@10 1),
   * at rank 4 up to a weight of 1 and at rank 1 from 2 on: the better MRR@10 decides, 2.
   */
  @Test
  void validation_equalHitRatesAreDecidedByTheReciprocalRank() {
    EngineTestData data = store("refill");
    String[] regulars = {"f0", "f1", "f2"};
    for (int c = 0; c < 25; c++) {
      String id = "c" + c;
      data.order(id, 62, regulars);
      data.order(id, 32, regulars);
      data.order(id, 2, regulars);
      data.order(id, 50, "refill");
      data.order(id, 40, "refill");
      data.order(id, 1, "refill");
    }
    ReminderSelection s = data.signals().current().reminderSelection();

    assertThat(s.hitRates()).containsExactly(1.0, 1.0, 1.0, 1.0, 1.0, 1.0);
    assertThat(s.reciprocalRanks()).containsExactly(0.25, 0.25, 0.25, 1.0, 1.0, 1.0);
    assertThat(s.dueWeight()).isEqualTo(2.0);
  }

  @Test
  void validation_tooFewOrdersServeTheDefault() {
    EngineTestData data = store("staple");
    data.order("c", 10, "staple");
    data.order("c", 1, "staple");

    ReminderSelection s = data.signals().current().reminderSelection();

    assertThat(s).isEqualTo(ReminderSelection.DEFAULT);
    assertThat(s.summary()).isEqualTo("due weight 1 (too few orders to validate: default)");
  }

  @Test
  void validation_tooFewCustomersWithAHistoryServeTheDefault() {
    EngineTestData data = store("staple"); // 80 guest orders 300 days ago
    for (int g = 0; g < 130; g++) {
      data.order(null, 20, "pad");
    }
    for (int c = 0; c < 5; c++) { // 5 cases in the newest 21 of 220 orders: too few
      data.order("c" + c, 30, "staple");
      data.order("c" + c, 1, "staple");
    }

    ReminderSelection s = data.signals().current().reminderSelection();

    assertThat(s.dueWeight()).isEqualTo(1.0);
    assertThat(s.hitRates()).isEmpty();
    assertThat(s.summary())
        .isEqualTo(
            "due weight 1 (too few customers to validate: 5 in the newest 135 training orders had"
                + " ordered before: default)");
  }

  private static EngineTestData store(String product) {
    EngineTestData data = EngineTestData.create();
    data.category("shop", "Shop", null);
    data.products("shop", product, "pad");
    data.products("shop", fillers());
    for (int g = 0; g < 80; g++) {
      data.order(null, 300, "pad");
    }
    return data;
  }

  private static String[] fillers() {
    List<String> out = new ArrayList<>();
    for (int f = 0; f < 10; f++) {
      out.add("f" + f);
    }
    return out.toArray(new String[0]);
  }
}
