package io.smartlists.engine.lists;

import io.smartlists.engine.model.ListType;
import io.smartlists.engine.model.Reason;
import io.smartlists.engine.signals.Signals;

/**
 * {@link ListType#BESTSELLERS_VISITED_CATEGORY}: the bestsellers of the categories the visitor
 * browsed recently, merged by bestseller score weighted by the category's views (see {@link
 * BrowsedCategories}).
 */
final class BestsellersVisitedCategoryList implements SmartList {

  @Override
  public ListType type() {
    return ListType.BESTSELLERS_VISITED_CATEGORY;
  }

  @Override
  public void candidates(Signals signals, ListContext context, CandidateSink sink) {
    Ranked.Tally tally = new Ranked.Tally();
    BrowsedCategories.tally(
        signals, signals.browsing(context.visitorId(), context.customerId()), tally);
    int window = signals.bestsellerWindowDays();
    Ranked.mergeCategories(
        signals,
        tally,
        sink,
        (source, rank, p) ->
            Reason.of(
                Ranked.counted("bestseller.visited-category", Math.round(tally.weights[source])),
                rank,
                signals.categoryName(tally.keys[source]),
                window,
                Math.round(tally.weights[source])));
  }
}
