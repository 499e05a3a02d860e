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
 * something re-ordered every 10 (2.0 is more due still). Products nobody re-buys are left out:
 * reminding of a one-off purchase annoys.
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
  }
}
