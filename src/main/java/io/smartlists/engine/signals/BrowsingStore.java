package io.smartlists.engine.signals;

import java.util.Iterator;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.jspecify.annotations.Nullable;

/**
 * Recent browsing per anonymous visitor and per customer. A view by a signed-in customer is kept
 * under the customer (so it follows them across devices); an anonymous view under the visitor id;
 * {@link #login} moves the visitor's anonymous browsing to the customer. Lives in the manager, not
 * in a snapshot, so browsing survives rebuilds (product and category indexes are stable across
 * rebuilds).
 */
final class BrowsingStore {

  private final ConcurrentHashMap<String, Browsing> visitors = new ConcurrentHashMap<>();
  private final ConcurrentHashMap<String, Browsing> customers = new ConcurrentHashMap<>();

  void viewedProduct(String visitorId, @Nullable String customerId, int product, long time) {
    map(customerId)
        .compute(
            key(visitorId, customerId),
            (k, old) -> (old == null ? Browsing.EMPTY : old).withProduct(product, time));
  }

  void viewedCategory(String visitorId, @Nullable String customerId, int category, long time) {
    map(customerId)
        .compute(
            key(visitorId, customerId),
            (k, old) -> (old == null ? Browsing.EMPTY : old).withCategory(category, time));
  }

  /** The visitor signed in: their anonymous browsing now counts for the customer. */
  void login(String visitorId, String customerId) {
    Browsing anonymous = visitors.remove(visitorId);
    if (anonymous != null) {
      customers.merge(customerId, anonymous, Browsing::plus);
    }
  }

  /** The customer's browsing plus whatever the visitor id browsed anonymously since. */
  Browsing get(String visitorId, @Nullable String customerId) {
    Browsing v = visitors.get(visitorId);
    if (customerId == null) {
      return v == null ? Browsing.EMPTY : v;
    }
    Browsing c = customers.get(customerId);
    if (c == null) {
      return v == null ? Browsing.EMPTY : v;
    }
    return v == null ? c : c.plus(v);
  }

  /** Forgets anonymous visitors idle since before {@code epochSecond}. */
  int forgetVisitorsIdleSince(long epochSecond) {
    int removed = 0;
    for (Iterator<Map.Entry<String, Browsing>> it = visitors.entrySet().iterator();
        it.hasNext(); ) {
      if (it.next().getValue().lastViewEpochSecond() < epochSecond) {
        it.remove();
        removed++;
      }
    }
    return removed;
  }

  private ConcurrentHashMap<String, Browsing> map(@Nullable String customerId) {
    return customerId == null ? visitors : customers;
  }

  private static String key(String visitorId, @Nullable String customerId) {
    return customerId == null ? visitorId : customerId;
  }
}
