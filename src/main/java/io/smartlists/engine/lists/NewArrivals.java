package io.smartlists.engine.lists;

import io.smartlists.engine.model.GlobalRules;
import io.smartlists.engine.model.Reason;
import io.smartlists.engine.signals.Signals;
import java.util.function.IntPredicate;

/**
 * The walk shared by the new-arrival lists: products by availability date, newest first, that are
 * already available and at most {@link GlobalRules#newArrivalMaxAgeDays()} old.
 */
final class NewArrivals {

  private NewArrivals() {}

  /** The reason for a product new since {@code days} days (0 = today). */
  @FunctionalInterface
  interface AgeReason {
    Reason at(long days, int product);
  }

  static void emit(
      Signals signals,
      ListContext context,
      IntPredicate accept,
      CandidateSink sink,
      AgeReason reason) {
    long now = context.now().getEpochSecond();
    long oldest = now - context.rules().newArrivalMaxAgeDays() * Ranked.DAY;
    for (int p : signals.newArrivals()) {
      long from = signals.availableFromEpochSecond(p);
      if (from > now) {
        continue; // announced, not available yet
      }
      if (from < oldest) {
        return; // newest first: everything after is older still
      }
      if (accept.test(p) && !sink.offer(p, reason.at(Ranked.daysBetween(from, now), p))) {
        return;
      }
    }
  }

  static Reason reason(String key, long days, Object... more) {
    Object[] args = new Object[more.length + 1];
    args[0] = days;
    System.arraycopy(more, 0, args, 1, more.length);
    return Reason.of(days == 0 ? key + ".today" : Ranked.counted(key, days), args);
  }
}
