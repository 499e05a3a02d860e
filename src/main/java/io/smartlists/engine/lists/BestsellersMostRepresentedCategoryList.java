package io.smartlists.engine.lists;

import io.smartlists.engine.model.ListType;
import io.smartlists.engine.model.Reason;
import io.smartlists.engine.signals.PurchaseHistory;
import io.smartlists.engine.signals.Signals;

/**
 * {@link ListType#BESTSELLERS_MOST_REPRESENTED_CATEGORY}: the bestsellers of the category most
 * present in the customer's own purchase history, counting units (each product counts in its most
 * specific categories); ties go to the category bought most recently. Without purchases, the
 * category most present in the visitor's browsing (category pages viewed, else the categories of
 * the products viewed).
 */
final class BestsellersMostRepresentedCategoryList implements SmartList {

  @Override
  public ListType type() {
    return ListType.BESTSELLERS_MOST_REPRESENTED_CATEGORY;
  }

  @Override
  public void candidates(Signals signals, ListContext context, CandidateSink sink) {
    Ranked.Tally tally = new Ranked.Tally();
    PurchaseHistory history = signals.purchases(context.customerId());
    for (int i = 0; i < history.size(); i++) {
      for (int c : signals.productCategories(history.product(i))) {
        tally.add(c, history.quantity(i));
      }
    }
    boolean bought = tally.size > 0;
    if (!bought) {
      BrowsedCategories.tally(
          signals, signals.browsing(context.visitorId(), context.customerId()), tally);
    }
    int top = tally.heaviest();
    if (top < 0) {
      return;
    }
    int category = tally.keys[top];
    String name = signals.categoryName(category);
    long weight = Math.round(tally.weights[top]);
    int window = signals.bestsellerWindowDays();
    String key = bought ? "bestseller.most-bought-category" : "bestseller.most-viewed-category";
    Ranked.emit(
        signals.categoryBestsellers(category),
        sink,
        (rank, p) -> Reason.of(Ranked.counted(key, weight), rank, name, window, weight));
  }
}
