package io.smartlists.engine.signals;

import java.util.List;
import java.util.Locale;

/**
 * What a build chose for {@code ORDER_PRODUCT_REMINDERS} on the store's own orders, and why: the
 * weight of dueness against the customer's own frequency ({@link Reminders}) with the best hit rate
 * on the newest orders. {@link #summary()} is one line for logs, the admin and the evaluation.
 *
 * <p>The validation ({@link ReminderValidation}) is the next-order protocol on the newest 10 % of
 * the most recent orders (up to 50 % in a store with few returning customers): histories and
 * repurchase intervals from the orders before them, each customer who ordered on both sides a case,
 * their last order after the cut the target, the list asked at its time; HR@10 per weight of {@link
 * #WEIGHTS}, the best kept (ties: the first).
 *
 * @param dueWeight the weight served
 * @param validationOrders orders after the cut (0: too few orders to validate, the default is
 *     served)
 * @param cases customers whose target order was asked for (fewer than {@value
 *     ReminderValidation#MIN_CASES}: not validated, the default is served)
 * @param hitRates validation HR@10 per weight of {@link #WEIGHTS}, in that order (empty when not
 *     validated)
 * @param reciprocalRanks validation MRR@10 per weight, likewise
 */
public record ReminderSelection(
    double dueWeight,
    int validationOrders,
    int cases,
    List<Double> hitRates,
    List<Double> reciprocalRanks) {

  /**
   * The dueness weights tried, the default first so that ties keep it: 0 ranks by the customer's
   * frequency alone, 0.5 lets dueness break its ties, 16 puts what is due first.
   */
  public static final List<Double> WEIGHTS = List.of(1.0, 0.0, 0.5, 2.0, 4.0, 16.0);

  /** Served when the store has too few orders to validate. */
  public static final ReminderSelection DEFAULT =
      new ReminderSelection(WEIGHTS.get(0), 0, 0, List.of(), List.of());

  public ReminderSelection {
    hitRates = List.copyOf(hitRates);
    reciprocalRanks = List.copyOf(reciprocalRanks);
  }

  /** One line: the weight served and the validation figures behind the choice. */
  public String summary() {
    if (validationOrders == 0) {
      return "due weight " + num(dueWeight) + " (too few orders to validate: default)";
    }
    if (hitRates.isEmpty()) {
      return String.format(
          Locale.ROOT,
          "due weight %s (too few customers to validate: %d in the newest %d training orders"
              + " had ordered before: default)",
          num(dueWeight),
          cases,
          validationOrders);
    }
    StringBuilder s =
        new StringBuilder(
            String.format(
                Locale.ROOT,
                "due weight %s; validation HR@10/MRR@10 on the newest %d training orders"
                    + " (%d customers):",
                num(dueWeight),
                validationOrders,
                cases));
    for (int w = 0; w < hitRates.size(); w++) {
      s.append(w == 0 ? " " : ", ")
          .append(
              String.format(
                  Locale.ROOT,
                  "%s %.4f/%.4f",
                  num(WEIGHTS.get(w)),
                  hitRates.get(w),
                  reciprocalRanks.get(w)));
    }
    return s.toString();
  }

  private static String num(double v) {
    return v == Math.rint(v) ? Long.toString((long) v) : Double.toString(v);
  }
}
