package io.smartlists.engine.lists;

import io.smartlists.engine.model.ListType;
import io.smartlists.engine.model.Reason;
import io.smartlists.engine.signals.Signals;

/**
 * {@link ListType#BESTSELLERS_MOST_REPRESENTED_PRODUCT_CATEGORY}: the bestsellers of the category
 * most present among the products this page is about (cart or order lines, the viewed product),
 * each product counting in its most specific categories; ties go to the first line's category.
 */
final class BestsellersMostRepresentedProductCategoryList implements SmartList {

  @Override
  public ListType type() {
    return ListType.BESTSELLERS_MOST_REPRESENTED_PRODUCT_CATEGORY;
  }

  @Override
  public void candidates(Signals signals, ListContext context, CandidateSink sink) {
    Ranked.Tally tally = new Ranked.Tally();
    for (int p : context.contextProducts()) {
      for (int c : signals.productCategories(p)) {
        tally.add(c, 1);
      }
    }
    int top = tally.heaviest();
    if (top < 0) {
      return;
    }
    int category = tally.keys[top];
    String name = signals.categoryName(category);
    long count = Math.round(tally.weights[top]);
    int window = signals.bestsellerWindowDays();
    // the key once per request, not once per offered candidate (most are dropped by the gate)
    String key = Ranked.counted("bestseller.context-category", count);
    Ranked.emit(
        signals.categoryBestsellers(category),
        sink,
        (rank, p) -> Reason.of(key, rank, name, window, count));
  }
}
