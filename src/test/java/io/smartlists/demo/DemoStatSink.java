package io.smartlists.demo;

import io.smartlists.eventlog.EventLogStatus;
import io.smartlists.stats.ShopperEventSink;
import io.smartlists.stats.StatTable;
import java.util.concurrent.atomic.AtomicLong;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The reference store's stand-in for the module's asynchronous statistics recorder: writes each row
 * at once (a demo on an embedded H2), but keeps {@link ShopperEventSink}'s contract where it
 * matters, never throwing and never waiting for an unreachable database: while the module's event
 * log reports the database away ({@link EventLogStatus#degraded()}) rows are dropped and counted,
 * and a failed write is dropped and counted too. Replace with the module's recorder once it is the
 * auto-configured sink.
 */
final class DemoStatSink implements ShopperEventSink {

  private static final Logger log = LoggerFactory.getLogger(DemoStatSink.class);

  private final ShopperEventSink delegate;
  private final @Nullable EventLogStatus status;
  private final AtomicLong dropped = new AtomicLong();

  DemoStatSink(ShopperEventSink delegate, @Nullable EventLogStatus status) {
    this.delegate = delegate;
    this.status = status;
  }

  @Override
  public <T> void record(StatTable<T> table, T row) {
    EventLogStatus s = status;
    if (s != null && s.degraded()) {
      dropped.incrementAndGet();
      return;
    }
    try {
      delegate.record(table, row);
    } catch (RuntimeException e) {
      long n = dropped.incrementAndGet();
      log.warn("Demo store dropped a statistics row ({} so far): {}", n, e.toString());
    }
  }

  /** Rows dropped since start. */
  long dropped() {
    return dropped.get();
  }
}
