package io.smartlists.stats;

import static java.util.Objects.requireNonNull;

import io.smartlists.engine.EngineListener;
import io.smartlists.engine.model.Placement;
import io.smartlists.engine.model.Widget;
import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Logs what the engine swallows so that pages never fail: a composition that threw is logged with
 * its stack trace at most once a minute per placement (the others are counted and reported with the
 * next one), so a broken host port cannot flood the log on every page. Everything is passed on to
 * the delegate (the Micrometer meters, or a store's own listener).
 */
public final class LoggingEngineListener implements EngineListener {

  private static final Logger log = LoggerFactory.getLogger("io.smartlists.engine");
  private static final long QUIET_NANOS = TimeUnit.MINUTES.toNanos(1);

  private final EngineListener delegate;
  private final Map<Placement, AtomicLong> lastLogged = new EnumMap<>(Placement.class);
  private final Map<Placement, AtomicLong> suppressed = new EnumMap<>(Placement.class);

  public LoggingEngineListener(EngineListener delegate) {
    this.delegate = delegate;
    for (Placement p : Placement.values()) {
      lastLogged.put(p, new AtomicLong(System.nanoTime() - QUIET_NANOS));
      suppressed.put(p, new AtomicLong());
    }
  }

  @Override
  public void composed(Placement placement, Widget.Outcome outcome, long nanos) {
    if (outcome == Widget.Outcome.TIMEOUT && log.isDebugEnabled()) {
      log.debug(
          "Smart Lists widget {} ran out of its time budget after {} µs", placement, nanos / 1000);
    }
    delegate.composed(placement, outcome, nanos);
  }

  @Override
  public void failed(Placement placement, Throwable error) {
    try {
      AtomicLong last = requireNonNull(lastLogged.get(placement)); // one per placement
      long now = System.nanoTime();
      long previous = last.get();
      if (now - previous >= QUIET_NANOS && last.compareAndSet(previous, now)) {
        long others = requireNonNull(suppressed.get(placement)).getAndSet(0);
        log.warn(
            "Smart Lists widget {} failed and rendered empty ({} more failures since the last report)",
            placement,
            others,
            error);
      } else {
        requireNonNull(suppressed.get(placement)).incrementAndGet();
      }
    } catch (RuntimeException ignored) {
      // a listener must never throw into the widget path
    }
    delegate.failed(placement, error);
  }

  @Override
  public void rebuilt(int products, int orders, long nanos) {
    log.info(
        "Smart Lists signals rebuilt in {} ms ({} products, {} orders read)",
        TimeUnit.NANOSECONDS.toMillis(nanos),
        products,
        orders);
    delegate.rebuilt(products, orders, nanos);
  }
}
