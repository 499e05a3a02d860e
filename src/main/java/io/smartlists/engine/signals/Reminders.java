package io.smartlists.engine.signals;

/**
 * The order of {@code ORDER_PRODUCT_REMINDERS}, one piece of code for the list and for the build's
 * validation of it ({@link ReminderValidation}), so that what is validated is what is served.
 *
 * <p>A product that customers re-buy (it has a repurchase interval) scores the number of the
 * customer's orders that contained it plus {@code dueWeight × dueness}, where dueness is the time
 * since the customer last bought it over its interval, capped at 1 once it is due: 0.5 half-way
 * through the interval, 1 on the day and after. The weight is in the unit of the customer's own
 * orders ("being due counts as w more orders"); the build chooses it on the store's newest orders
 * ({@link ReminderSelection}). A weight of 0 ranks by the customer's own frequency alone (a "buy
 * again" list), a large one puts every due product first (most frequent first among them).
 *
 * <p>Products nobody re-buys (no interval) come after those, bought in most orders first (DESIGN:
 * "products nobody re-buys rank last"). Equal scores keep the given order: most recent first.
 */
public final class Reminders {

  private Reminders() {}

  /**
   * How due a re-order is, 0..1: {@code elapsedSeconds} over the interval, 1 once the interval has
   * passed (more overdue is not more due: the customer's frequency and recency then decide).
   */
  public static double dueness(long elapsedSeconds, int intervalDays) {
    return Math.min(
        1.0, Math.max(0L, elapsedSeconds) / (intervalDays * (double) SignalsSnapshot.DAY));
  }

  /**
   * The reminder order of {@code n} products given most recent first: the indexes {@code 0..n-1},
   * best first.
   *
   * @param orders per product, the customer's orders that contained it
   * @param lastBought per product, when the customer last bought it (epoch seconds)
   * @param intervalDays per product, its repurchase interval across customers, 0 when none
   * @param now the time of the request (epoch seconds)
   * @param dueWeight what being due is worth, in orders
   */
  public static int[] rank(
      int n, int[] orders, long[] lastBought, int[] intervalDays, long now, double dueWeight) {
    double[] score = new double[n];
    int[] order = new int[n];
    for (int i = 0; i < n; i++) {
      order[i] = i;
      score[i] =
          intervalDays[i] > 0
              ? orders[i] + dueWeight * dueness(now - lastBought[i], intervalDays[i])
              : orders[i];
    }
    IntSort.sort(
        order,
        n,
        (a, b) -> {
          boolean ra = intervalDays[a] > 0;
          boolean rb = intervalDays[b] > 0;
          return ra != rb ? (ra ? -1 : 1) : Double.compare(score[b], score[a]);
        });
    return order;
  }
}
