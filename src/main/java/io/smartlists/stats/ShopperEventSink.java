package io.smartlists.stats;

/**
 * Where request threads hand high-volume shopper events (views, impressions, clicks, add-to-carts).
 * Implementations only enqueue: no JDBC, no lock held across I/O, never blocking and never
 * throwing; a writer thread inserts them in batches. Orders do not come here: they go through the
 * event log in the host's transaction.
 */
public interface ShopperEventSink {

  /** Enqueues one row for {@code table}; drops it (and counts the drop) when the queue is full. */
  <T> void record(StatTable<T> table, T row);

  /** Records nothing. */
  ShopperEventSink NONE =
      new ShopperEventSink() {
        @Override
        public <T> void record(StatTable<T> table, T row) {}
      };
}
