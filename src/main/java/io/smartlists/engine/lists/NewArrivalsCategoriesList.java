package io.smartlists.engine.lists;

import io.smartlists.engine.model.ListType;
import io.smartlists.engine.signals.Signals;

/**
 * {@link ListType#NEW_ARRIVALS_CATEGORIES}: the newest products filed in the merchant's categories
 * or their descendants.
 */
final class NewArrivalsCategoriesList implements SmartList {

  @Override
  public ListType type() {
    return ListType.NEW_ARRIVALS_CATEGORIES;
  }

  @Override
  public void candidates(Signals signals, ListContext context, CandidateSink sink) {
    int[] categories = new int[context.slot().categories().size()];
    int n = 0;
    for (String id : context.slot().categories()) {
      int c = signals.categoryIndex(id);
      if (c >= 0) {
        categories[n++] = c;
      }
    }
    if (n == 0) {
      return;
    }
    int count = n;
    NewArrivals.emit(
        signals,
        context,
        p -> matching(signals, p, categories, count) >= 0,
        sink,
        (days, p) ->
            NewArrivals.reason(
                "new-arrival.category",
                days,
                signals.categoryName(categories[matching(signals, p, categories, count)])));
  }

  private static int matching(Signals signals, int product, int[] categories, int n) {
    for (int i = 0; i < n; i++) {
      if (signals.isInCategory(product, categories[i])) {
        return i;
      }
    }
    return -1;
  }
}
