package io.smartlists.engine.lists;

import io.smartlists.engine.model.ListType;
import io.smartlists.engine.model.Reason;
import io.smartlists.engine.signals.PurchaseHistory;
import io.smartlists.engine.signals.Signals;

/**
 * {@link ListType#ORDER_PRODUCT_REMINDERS}: the products this customer bought before, most due
 * first. A product is due in proportion to the time since the customer last bought it over its
 * typical repurchase interval across all customers ({@link Signals#repurchaseIntervalDays}): 41
 * days after a purchase of something re-ordered every 35 days is 1.17, more due than 20 days after
 * something re-ordered every 10 (2.0 is more due still).
 *
 * <p>Then the customer's other past products, those they bought in most orders first (ties: bought
 * more recently), as a "buy again" list does: products without a repurchase interval across
 * customers used to be left out ("reminding of a one-off purchase annoys"), which on a sample of
 * receipt lines, where few repurchases are seen, left the list below the plain "most frequent"
 * reference (EVALUATION.md, next order: complete journey HR@10 0.045 against 0.060). What is due
 * still comes first, and a product comes after every due one, so the due order is unchanged.
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
    int[] products = new int[size];
    long[] since = new long[size];
    int[] interval = new int[size];
    double[] due = new double[size];
    int n = 0;
    for (int i = 0; i < size; i++) {
      int p = history.product(i);
      int days = signals.repurchaseIntervalDays(p);
      if (days <= 0) {
        continue;
      }
      long elapsed = Ranked.daysBetween(history.lastBoughtEpochSecond(i), now);
      // Insertion by dueness (histories hold tens of products); stable, so ties stay most recent
      // first.
      double d =
          (double) Math.max(0, now - history.lastBoughtEpochSecond(i))
              / (days * (double) Ranked.DAY);
      int j = n - 1;
      while (j >= 0 && due[j] < d) {
        products[j + 1] = products[j];
        since[j + 1] = since[j];
        interval[j + 1] = interval[j];
        due[j + 1] = due[j];
        j--;
      }
      products[j + 1] = p;
      since[j + 1] = elapsed;
      interval[j + 1] = days;
      due[j + 1] = d;
      n++;
    }
    for (int i = 0; i < n; i++) {
      if (!sink.offer(
          products[i],
          Reason.of(
              since[i] == 0 ? "reminder.today" : Ranked.counted("reminder", since[i]),
              since[i],
              interval[i]))) {
        return;
      }
    }
    // the rest of the history, most orders first, ties most recent first (the history's order)
    int rest = 0;
    int[] others = new int[size - n];
    int[] orders = new int[size - n];
    for (int i = 0; i < size; i++) {
      if (signals.repurchaseIntervalDays(history.product(i)) > 0) {
        continue; // offered above
      }
      int count = history.orderCountOf(i);
      int j = rest - 1;
      while (j >= 0 && orders[j] < count) { // stable: ties keep the most recent first
        others[j + 1] = others[j];
        orders[j + 1] = orders[j];
        j--;
      }
      others[j + 1] = i;
      orders[j + 1] = count;
      rest++;
    }
    for (int x = 0; x < rest; x++) {
      int i = others[x];
      long elapsed = Ranked.daysBetween(history.lastBoughtEpochSecond(i), now);
      if (!sink.offer(
          history.product(i),
          Reason.of(Ranked.counted("reminder.bought", orders[x]), orders[x], elapsed))) {
        return;
      }
    }
  }
}
