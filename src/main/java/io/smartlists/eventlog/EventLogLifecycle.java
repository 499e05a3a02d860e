package io.smartlists.eventlog;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

/**
 * Starts the tailer once the context is up: from the current last event id, then every poll
 * interval and on demand after each local commit, on one daemon thread of its own (the store's
 * scheduler is neither needed nor touched).
 */
final class EventLogLifecycle implements SmartLifecycle {

  private static final Logger log = LoggerFactory.getLogger(EventLogLifecycle.class);

  private final EventLogTailer tailer;
  private final Duration pollInterval;
  private @Nullable ScheduledExecutorService executor;

  EventLogLifecycle(EventLogTailer tailer, Duration pollInterval) {
    this.tailer = tailer;
    this.pollInterval = pollInterval;
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
    long millis = Math.max(1, pollInterval.toMillis());
    ex.scheduleWithFixedDelay(
        () -> {
          try {
            tailer.poll();
          } catch (RuntimeException e) {
            log.warn("Smart Lists event log poll failed", e);
          }
        },
        millis,
        millis,
        TimeUnit.MILLISECONDS);
    executor = ex;
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
