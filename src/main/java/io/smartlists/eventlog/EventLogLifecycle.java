package io.smartlists.eventlog;

import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

/**
 * Starts the tailer once the context is up: replays the recent browsing events (so this node knows
 * what visitors did before it started), then tails from the event id that was last at start-up,
 * every poll interval and on demand after each local commit; purges events past the retention
 * hourly, and browsing events (views, carts, sign-ins) already past the replay window. All on one
 * daemon thread of its own (the store's scheduler is neither needed nor touched). Times are
 * compared with the database's {@code CREATED_AT}, so {@code clock} is the wall clock, not a
 * store's shifted one.
 */
public final class EventLogLifecycle implements SmartLifecycle {

  private static final Logger log = LoggerFactory.getLogger(EventLogLifecycle.class);

  private final EventLogTailer tailer;
  private final Duration pollInterval;
  private final Duration replayWindow;
  private final Duration retention;
  private final Clock clock;
  private @Nullable ScheduledExecutorService executor;

  private final DatabaseOutage outage = new DatabaseOutage(log, "Smart Lists event log tailer");

  /** A lifecycle for {@code tailer} with the poll interval, replay window and retention given. */
  public EventLogLifecycle(EventLogTailer tailer, EventLogSettings settings, Clock clock) {
    this.tailer = tailer;
    this.pollInterval = settings.pollInterval();
    this.replayWindow = settings.replayWindow();
    this.retention = settings.retention();
    this.clock = clock;
  }

  @Override
  public synchronized void start() {
    tailer.start();
    ScheduledExecutorService ex =
        Executors.newSingleThreadScheduledExecutor(
            r -> {
              Thread t = new Thread(r, "smartlists-event-log");
              t.setDaemon(true);
              return t;
            });
    tailer.executor(ex);
    if (!replayWindow.isZero() && !replayWindow.isNegative()) {
      // first task of the tailer thread: polls only start after it
      ex.execute(
          () -> {
            try {
              int n = tailer.replay(clock.instant().minus(replayWindow));
              log.info("Smart Lists replayed {} browsing events of the last {}", n, replayWindow);
            } catch (RuntimeException e) {
              log.warn("Smart Lists could not replay recent browsing events", e);
            }
          });
    }
    boolean keepAll = retention.isZero() || retention.isNegative();
    boolean replays = !replayWindow.isZero() && !replayWindow.isNegative();
    if (!keepAll || replays) {
      ex.scheduleWithFixedDelay(
          () -> {
            try {
              if (!keepAll) {
                int n = tailer.purge(clock.instant().minus(retention));
                if (n > 0) {
                  log.info("Smart Lists deleted {} events older than {}", n, retention);
                }
              }
              if (replays && (keepAll || replayWindow.compareTo(retention) < 0)) {
                int n = tailer.purgeBrowsing(clock.instant().minus(replayWindow));
                if (n > 0) {
                  log.info("Smart Lists deleted {} browsing events older than {}", n, replayWindow);
                }
              }
            } catch (RuntimeException e) {
              // during an outage the tailer's poll reported it already: DEBUG then
              outage.failed(e, "purging old events again in an hour");
            }
          },
          1,
          60,
          TimeUnit.MINUTES);
    }
    long millis = Math.max(1, pollInterval.toMillis());
    ex.scheduleWithFixedDelay(
        () -> {
          try {
            tailer.poll();
            outage.recovered();
          } catch (RuntimeException e) {
            // one WARN per outage with the cause's message, not a stack trace per poll
            outage.failed(e, "serving widgets from memory, polling again every " + pollInterval);
          }
        },
        millis,
        millis,
        TimeUnit.MILLISECONDS);
    executor = ex;
  }

  /**
   * Before the web server (Boot starts it in phase {@code DEFAULT_PHASE - 2048}): an event
   * published by the first requests must be above the id the tailer starts from, not lost below it.
   */
  @Override
  public int getPhase() {
    return SmartLifecycle.DEFAULT_PHASE - 4096;
  }

  @Override
  public synchronized void stop() {
    ScheduledExecutorService ex = executor;
    if (ex != null) {
      tailer.executor(null);
      ex.shutdownNow();
      executor = null;
    }
  }

  @Override
  public synchronized boolean isRunning() {
    return executor != null;
  }
}
