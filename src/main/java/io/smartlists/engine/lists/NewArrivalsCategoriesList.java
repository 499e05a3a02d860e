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
    int[] categories = context.chosenCategories(signals);
    if (categories.length == 0) {
      return;
    }
    NewArrivals.emit(
        signals,
        context,
        p -> matching(signals, p, categories) >= 0,
        sink,
        (days, p) ->
            NewArrivals.reason(
                "new-arrival.category",
                days,
                signals.categoryName(categories[matching(signals, p, categories)])));
  }

  private static int matching(Signals signals, int product, int[] categories) {
    for (int i = 0; i < categories.length; i++) {
      if (signals.isInCategory(product, categories[i])) {
        return i;
      }
    }
    return -1;
  }
}
