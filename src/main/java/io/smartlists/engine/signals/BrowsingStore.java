package io.smartlists.engine.signals;

import java.time.Duration;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.BinaryOperator;
import java.util.function.LongSupplier;
import java.util.function.Predicate;
import java.util.function.UnaryOperator;
import org.jspecify.annotations.Nullable;

/**
 * Recent browsing per anonymous visitor and per customer. A view by a signed-in customer is kept
 * under the customer (so it follows them across devices); an anonymous view under the visitor id;
 * {@link #login} moves the visitor's anonymous browsing to the customer. Lives in the manager, not
 * in a snapshot, so browsing survives rebuilds (product and category indexes are stable across
 * rebuilds).
 *
 * <p>Bounded whatever the traffic: visitors and customers are each kept in at most {@code
 * maxEntries} entries, least recently active evicted first, and an entry not viewed for {@code
 * idle} is forgotten. A client that never keeps its cookie is a new visitor on every request, so
 * without the bound each of its views would stay in memory until the idle time. Plain Java (the
 * engine imports no library beyond the JDK): each map is split into up to 16 segments, each a
 * {@link LinkedHashMap} in access order under its own lock, capped at {@code maxEntries /
 * segments}.
 */
final class BrowsingStore {

  private static final int SEGMENTS = 16;

  private final Bounded visitors;
  private final Bounded customers;

  /**
   * @param maxEntries the most visitors kept, and separately the most customers
   * @param idle an entry not written for this long is forgotten
   * @param nanoTime the clock of idleness ({@code System::nanoTime} in production)
   */
  BrowsingStore(long maxEntries, Duration idle, LongSupplier nanoTime) {
    this.visitors = new Bounded(maxEntries, idle, nanoTime);
    this.customers = new Bounded(maxEntries, idle, nanoTime);
  }

  void viewedProduct(String visitorId, @Nullable String customerId, int product, long time) {
    map(customerId)
        .update(
            key(visitorId, customerId),
            old -> (old == null ? Browsing.EMPTY : old).withProduct(product, time));
  }

  void viewedCategory(String visitorId, @Nullable String customerId, int category, long time) {
    map(customerId)
        .update(
            key(visitorId, customerId),
            old -> (old == null ? Browsing.EMPTY : old).withCategory(category, time));
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

  /** Forgets the customer's browsing and that of these visitor ids (erasure). */
  void forget(@Nullable String customerId, Iterable<String> visitorIds) {
    if (customerId != null) {
      customers.remove(customerId);
    }
    for (String v : visitorIds) {
      visitors.remove(v);
    }
  }

  /**
   * Forgets the browsing of every customer and visitor whose id matches (an erasure that names them
   * by hash: a scan of the keys).
   */
  void forgetMatching(Predicate<String> customerIds, Predicate<String> visitorIds) {
    customers.removeKeys(customerIds);
    visitors.removeKeys(visitorIds);
  }

  /** Forgets anonymous visitors idle since before {@code epochSecond} (event time). */
  int forgetVisitorsIdleSince(long epochSecond) {
    return visitors.removeIf(b -> b.lastViewEpochSecond() < epochSecond);
  }

  /** Visitors and customers with browsing in memory. */
  long size() {
    return visitors.size() + customers.size();
  }

  private Bounded map(@Nullable String customerId) {
    return customerId == null ? visitors : customers;
  }

  private static String key(String visitorId, @Nullable String customerId) {
    return customerId == null ? visitorId : customerId;
  }

  /** A value and when it was last written. */
  private record Entry(Browsing value, long writtenNanos) {}

  /** A size-capped, idle-expiring map from key to browsing, safe for concurrent use. */
  private static final class Bounded {

    private final Segment[] segments;
    private final long idleNanos;
    private final LongSupplier nanoTime;

    Bounded(long maxEntries, Duration idle, LongSupplier nanoTime) {
      long max = Math.max(1, maxEntries);
      int n = (int) Math.min(SEGMENTS, max);
      long cap = max / n;
      this.segments = new Segment[n];
      for (int i = 0; i < n; i++) {
        segments[i] = new Segment(cap);
      }
      this.idleNanos = Math.max(0, idle.toNanos());
      this.nanoTime = nanoTime;
    }

    private Segment segment(String key) {
      int h = key.hashCode();
      h ^= h >>> 16;
      return segments[Math.floorMod(h, segments.length)];
    }

    private boolean expired(Entry e, long now) {
      return now - e.writtenNanos() >= idleNanos;
    }

    @Nullable Browsing get(String key) {
      Segment s = segment(key);
      long now = nanoTime.getAsLong();
      synchronized (s) {
        Entry e = s.get(key);
        if (e == null) {
          return null;
        }
        if (expired(e, now)) {
          s.remove(key);
          return null;
        }
        return e.value();
      }
    }

    void update(String key, UnaryOperator<@Nullable Browsing> change) {
      Segment s = segment(key);
      long now = nanoTime.getAsLong();
      synchronized (s) {
        Entry e = s.get(key);
        Browsing old = e == null || expired(e, now) ? null : e.value();
        s.put(key, new Entry(change.apply(old), now));
        s.evictIdle(now, idleNanos);
      }
    }

    void merge(String key, Browsing value, BinaryOperator<Browsing> plus) {
      update(key, old -> old == null ? value : plus.apply(old, value));
    }

    @Nullable Browsing remove(String key) {
      Segment s = segment(key);
      long now = nanoTime.getAsLong();
      synchronized (s) {
        Entry e = s.remove(key);
        return e == null || expired(e, now) ? null : e.value();
      }
    }

    void removeKeys(Predicate<String> keys) {
      for (Segment s : segments) {
        synchronized (s) {
          s.keySet().removeIf(keys);
        }
      }
    }

    int removeIf(Predicate<Browsing> idle) {
      int removed = 0;
      for (Segment s : segments) {
        synchronized (s) {
          for (Iterator<Entry> it = s.values().iterator(); it.hasNext(); ) {
            if (idle.test(it.next().value())) {
              it.remove();
              removed++;
            }
          }
        }
      }
      return removed;
    }

    long size() {
      long now = nanoTime.getAsLong();
      long n = 0;
      for (Segment s : segments) {
        synchronized (s) {
          s.evictIdle(now, idleNanos);
          n += s.size();
        }
      }
      return n;
    }
  }

  /** One lock's share: access-ordered, the least recently used entry evicted past the cap. */
  private static final class Segment extends LinkedHashMap<String, Entry> {

    private static final long serialVersionUID = 1L;

    private final long cap;

    Segment(long cap) {
      super(16, 0.75f, true);
      this.cap = cap;
    }

    @Override
    protected boolean removeEldestEntry(Map.Entry<String, Entry> eldest) {
      return size() > cap;
    }

    /** Drops idle entries from the least recently used end (cheap: stops at the first live one). */
    void evictIdle(long now, long idleNanos) {
      for (Iterator<Entry> it = values().iterator(); it.hasNext(); ) {
        if (now - it.next().writtenNanos() >= idleNanos) {
          it.remove();
        } else {
          return;
        }
      }
    }
  }
}
