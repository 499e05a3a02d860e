package io.smartlists.engine;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Ticker;
import java.time.Duration;
import java.util.Iterator;
import java.util.Map;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.Executor;
import org.jspecify.annotations.Nullable;

/**
 * Recent browsing per anonymous visitor and per customer. A view by a signed-in customer is kept
 * under the customer (so it follows them across devices); an anonymous view under the visitor id;
 * {@link #login} moves the visitor's anonymous browsing to the customer. Lives in the manager, not
 * in a snapshot, so browsing survives rebuilds (product and category indexes are stable across
 * rebuilds).
 *
 * <p>Bounded whatever the traffic: visitors and customers are each kept in a Caffeine cache of at
 * most {@code maxEntries} entries (least recently active evicted first) that forgets an entry not
 * viewed for {@code idle}. A client that never keeps its cookie is a new visitor on every request,
 * so without the bound each of its views would stay in memory until the idle time.
 */
final class BrowsingStore {

  private final Cache<String, Browsing> visitorCache;
  private final Cache<String, Browsing> customerCache;
  private final ConcurrentMap<String, Browsing> visitors;
  private final ConcurrentMap<String, Browsing> customers;

  BrowsingStore(long maxEntries, Duration idle, Ticker ticker, Executor maintenance) {
    this.visitorCache = cache(maxEntries, idle, ticker, maintenance);
    this.customerCache = cache(maxEntries, idle, ticker, maintenance);
    this.visitors = visitorCache.asMap();
    this.customers = customerCache.asMap();
  }

  BrowsingStore(EngineSettings settings) {
    this(
        settings.browsingMaxEntries(),
        settings.browsingIdle(),
        Ticker.systemTicker(),
        Runnable::run);
  }

  private static Cache<String, Browsing> cache(
      long maxEntries, Duration idle, Ticker ticker, Executor maintenance) {
    return Caffeine.newBuilder()
        .maximumSize(Math.max(0, maxEntries))
        .expireAfterWrite(idle.isNegative() ? Duration.ZERO : idle)
        .ticker(ticker)
        .executor(maintenance)
        .build();
  }

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

  /** Visitors and customers with browsing in memory (after pending evictions). */
  long size() {
    visitorCache.cleanUp();
    customerCache.cleanUp();
    return visitorCache.estimatedSize() + customerCache.estimatedSize();
  }

  private ConcurrentMap<String, Browsing> map(@Nullable String customerId) {
    return customerId == null ? visitors : customers;
  }

  private static String key(String visitorId, @Nullable String customerId) {
    return customerId == null ? visitorId : customerId;
  }
}
