package io.smartlists.engine.lists;

import io.smartlists.engine.model.ListType;
import io.smartlists.engine.model.Reason;
import io.smartlists.engine.signals.Signals;

/**
 * {@link ListType#BESTSELLERS_LAST_VIEWED_CATEGORY}: the bestsellers of the category page the
 * visitor viewed last (for a store that records no category views, the category of the product
 * viewed last).
 */
final class BestsellersLastViewedCategoryList implements SmartList {

  @Override
  public ListType type() {
    return ListType.BESTSELLERS_LAST_VIEWED_CATEGORY;
  }

  @Override
  public void candidates(Signals signals, ListContext context, CandidateSink sink) {
    int category =
        BrowsedCategories.last(
            signals, signals.browsing(context.visitorId(), context.customerId()));
    if (category < 0) {
      return;
    }
    String name = signals.categoryName(category);
    int window = signals.bestsellerWindowDays();
    Ranked.emit(
        signals.categoryBestsellers(category),
        sink,
        (rank, p) -> Reason.of("bestseller.last-viewed-category", rank, name, window));
  }
}
