package io.smartlists.engine.lists;

import io.smartlists.engine.model.ListType;
import io.smartlists.engine.model.Reason;
import io.smartlists.engine.signals.Signals;
import io.smartlists.engine.signals.copurchase.CoPurchaseIndex;
import io.smartlists.engine.signals.copurchase.Recommendations;

/**
 * {@link ListType#SMART_CROSS_SELLING}: the products that complete the context, from the
 * popularity-corrected co-purchase model ({@link CoPurchaseIndex}) blended with what customers with
 * similar purchase histories bought. Context = the page's products (viewed product, cart or order
 * lines), else the visitor's recent views, else the customer's purchase history; the customer's
 * history always adds its (weaker) votes.
 */
final class SmartCrossSellingList implements SmartList {

  /** Candidates fetched from the model: enough to survive the composer's exclusions and gate. */
  static final int CANDIDATES = 64;

  /** Recent views or past purchases used as the context when the page has none. */
  static final int FALLBACK_CONTEXT = 10;

  @Override
  public ListType type() {
    return ListType.SMART_CROSS_SELLING;
  }

  @Override
  public void candidates(Signals signals, ListContext context, CandidateSink sink) {
    String customerId = context.customerId();
    int[] history = signals.purchasedProducts(customerId);
    int[] basis = context.contextProducts();
    if (basis.length == 0) {
      basis = head(signals.recentProductViews(context.visitorId(), customerId), FALLBACK_CONTEXT);
    }
    if (basis.length == 0) {
      basis = head(history, FALLBACK_CONTEXT);
    }
    CoPurchaseIndex index = signals.coPurchase();
    Recommendations r = index.recommend(basis, history, CANDIDATES);
    for (int i = 0; i < r.size(); i++) {
      if (!sink.offer(r.product(i), reason(signals, index, r.anchor(i), r.product(i)))) {
        return;
      }
    }
  }

  /** The evidence is counted only for the candidates offered (most are never shown). */
  private static Reason reason(Signals signals, CoPurchaseIndex index, int anchor, int product) {
    if (anchor < 0) {
      int together = index.orderCount(product);
      return Reason.of(together == 1 ? "cross-sell.popular.one" : "cross-sell.popular", together);
    }
    String name = signals.productName(anchor);
    int together = index.coCount(anchor, product);
    if (together > 0) {
      return Reason.of(
          together == 1 ? "cross-sell.bought-with.one" : "cross-sell.bought-with", name, together);
    }
    int sameCustomers = index.sameCustomerCount(anchor, product);
    if (sameCustomers > 0) {
      return Reason.of(
          sameCustomers == 1 ? "cross-sell.same-customers.one" : "cross-sell.same-customers",
          name,
          sameCustomers);
    }
    return Reason.of("cross-sell.similar", name); // the text neighbourhood: little order history
  }

  private static int[] head(int[] a, int n) {
    return a.length <= n ? a : java.util.Arrays.copyOf(a, n);
  }
}
