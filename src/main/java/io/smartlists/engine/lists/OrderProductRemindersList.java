package io.smartlists.engine.lists;

import io.smartlists.engine.model.ListType;
import io.smartlists.engine.model.Reason;
import io.smartlists.engine.signals.PurchaseHistory;
import io.smartlists.engine.signals.Reminders;
import io.smartlists.engine.signals.Signals;

/**
 * {@link ListType#ORDER_PRODUCT_REMINDERS}: the products this customer bought before, in the order
 * of {@link Reminders#rank}: those customers re-buy by the customer's own frequency (orders that
 * contained it) plus the weight of being due, dueness being the time since the customer last bought
 * it over its typical repurchase interval across all customers ({@link
 * Signals#repurchaseIntervalDays}), capped at 1 once due. The weight is chosen by each full build
 * on the store's newest orders ({@link Signals#reminderSelection}).
 *
 * <p>The customer's other past products (nobody re-buys them) follow, bought in most orders first
 * (ties: bought more recently), as a "buy again" list does: leaving them out ("reminding of a
 * one-off purchase annoys") left the list below the plain "most frequent" reference on a sample of
 * receipt lines, where few repurchases are seen (EVALUATION.md, next order). Ranking what is due
 * first whatever the customer's own frequency also did there (HR@10 0.054 against 0.060): a product
 * bought once by this customer pushed the ones they buy every week out of the top 10.
 */
final class OrderProductRemindersList implements SmartList {

  @Override
  public ListType type() {
    return ListType.ORDER_PRODUCT_REMINDERS;
  }

  @Override
  public void candidates(Signals signals, ListContext context, CandidateSink sink) {
    PurchaseHistory history = signals.purchases(context.customerId());
    int size = history.size();
    if (size == 0) {
      return;
    }
    long now = context.now().getEpochSecond();
    int[] orders = new int[size];
    long[] last = new long[size];
    int[] interval = new int[size];
    for (int i = 0; i < size; i++) {
      orders[i] = history.orderCountOf(i);
      last[i] = history.lastBoughtEpochSecond(i);
      interval[i] = signals.repurchaseIntervalDays(history.product(i));
    }
    int[] ranked =
        Reminders.rank(size, orders, last, interval, now, signals.reminderSelection().dueWeight());
    for (int i : ranked) {
      long elapsed = Ranked.daysBetween(last[i], now);
      Reason reason =
          interval[i] > 0
              ? Reason.of(
                  elapsed == 0 ? "reminder.today" : Ranked.counted("reminder", elapsed),
                  elapsed,
                  interval[i])
              : Reason.of(Ranked.counted("reminder.bought", orders[i]), orders[i], elapsed);
      if (!sink.offer(history.product(i), reason)) {
        return;
      }
    }
  }
}
