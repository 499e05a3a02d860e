package io.smartlists.engine.lists;

import io.smartlists.engine.model.ListType;
import io.smartlists.engine.model.Reason;
import io.smartlists.engine.signals.Browsing;
import io.smartlists.engine.signals.Signals;

/**
 * {@link ListType#BESTSELLERS_CURRENT_OR_LAST_VIEWED_PRODUCT_CATEGORY}: the bestsellers of the most
 * specific category of the product on the page (the first context product), else of the product the
 * visitor viewed last.
 */
final class BestsellersCurrentOrLastViewedProductCategoryList implements SmartList {

  @Override
  public ListType type() {
    return ListType.BESTSELLERS_CURRENT_OR_LAST_VIEWED_PRODUCT_CATEGORY;
  }

  @Override
  public void candidates(Signals signals, ListContext context, CandidateSink sink) {
    int product = -1;
    int category = -1;
    String key = "bestseller.current-product-category";
    for (int p : context.contextProducts()) {
      category = Ranked.primaryCategory(signals, p);
      if (category >= 0) {
        product = p;
        break;
      }
    }
    if (category < 0) {
      key = "bestseller.last-viewed-product-category";
      Browsing browsing = signals.browsing(context.visitorId(), context.customerId());
      for (int i = 0; i < browsing.productViewCount() && category < 0; i++) {
        product = browsing.productView(i);
        category = Ranked.primaryCategory(signals, product);
      }
    }
    if (category < 0) {
      return;
    }
    String name = signals.categoryName(category);
    String productName = signals.productName(product);
    int window = signals.bestsellerWindowDays();
    String k = key;
    Ranked.emit(
        signals.categoryBestsellers(category),
        sink,
        (rank, p) -> Reason.of(k, rank, name, window, productName));
  }
}
