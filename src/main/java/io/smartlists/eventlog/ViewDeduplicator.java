package io.smartlists.eventlog;

import io.smartlists.host.CategoryViewed;
import io.smartlists.host.ProductViewed;
import io.smartlists.host.SmartListsEvent;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.LongSupplier;

/**
 * One view, one count: a {@link ProductViewed} (or {@link CategoryViewed}) of the same visitor and
 * product (category) within the window of the last one recorded on this node is dropped. So a store
 * that publishes the view in its controller and also has {@code sl:track-view} in the template, or
 * a shopper who reloads the page, counts one view. The window is measured on this node's monotonic
 * clock when the event is published, not on the event's own time (a store's controller and the
 * module may read different clocks). Every request is served by one node, so per-node memory
 * suffices. Thread-safe; remembers the last {@value #MAX_ENTRIES} views.
 */
public final class ViewDeduplicator {

  static final int MAX_ENTRIES = 50_000;

  private final long windowNanos;
  private final LongSupplier nanoTime;
  private final Map<String, Long> recent =
      new LinkedHashMap<>(1024, 0.75f, false) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Long> eldest) {
          return size() > MAX_ENTRIES;
        }
      };

  public ViewDeduplicator(Duration window, LongSupplier nanoTime) {
    this.windowNanos = window.toNanos();
    this.nanoTime = nanoTime;
  }

  /** False when the event repeats a view recorded within the window; true for every other event. */
  boolean firstView(SmartListsEvent event) {
    String key;
    if (event instanceof ProductViewed v) {
      key = "p\u0000" + v.visitorId() + "\u0000" + v.productId();
    } else if (event instanceof CategoryViewed v) {
      key = "c\u0000" + v.visitorId() + "\u0000" + v.categoryId();
    } else {
      return true;
    }
    if (windowNanos <= 0) {
      return true;
    }
    long now = nanoTime.getAsLong();
    synchronized (recent) {
      Long last = recent.get(key);
      if (last != null && now - last < windowNanos) {
        return false;
      }
      recent.remove(key); // re-inserted last: the eldest entry is the least recently recorded
      recent.put(key, now);
      return true;
    }
  }
}
