package io.smartlists.engine.lists;

import io.smartlists.engine.model.ListType;
import io.smartlists.engine.model.Reason;
import io.smartlists.engine.signals.Signals;

/**
 * {@link ListType#BESTSELLERS_CATEGORIES}: the bestsellers of the merchant's categories (each
 * including its descendants) as one ranking; unknown category ids are ignored.
 */
final class BestsellersCategoriesList implements SmartList {

  @Override
  public ListType type() {
    return ListType.BESTSELLERS_CATEGORIES;
  }

  @Override
  public void candidates(Signals signals, ListContext context, CandidateSink sink) {
    Ranked.Tally tally = new Ranked.Tally();
    for (int c : context.chosenCategories(signals)) {
      tally.add(c, 1);
    }
    int window = signals.bestsellerWindowDays();
    Ranked.mergeCategories(
        signals,
        tally,
        sink,
        (source, rank, p) ->
            Reason.of(
                "bestseller.category", rank, signals.categoryName(tally.keys[source]), window));
  }
}
