package io.smartlists.stats;

import io.smartlists.eventlog.DatabaseOutage;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

/**
 * Runs the {@link StatsRollupJob} on a daemon thread of its own: the roll-up every {@code
 * rollupInterval} (first one a minute after start), the purge of raw events hourly. Every node runs
 * it; the job makes sure each hour is rolled up once.
 */
public final class StatsMaintenance implements SmartLifecycle {

  private static final Logger log = LoggerFactory.getLogger(StatsMaintenance.class);

  private final DatabaseOutage rollupOutage =
      new DatabaseOutage(log, "Smart Lists statistics roll-up");
  private final StatsRollupJob job;
  private final Duration rollupInterval;
  private @Nullable ScheduledExecutorService executor;

  public StatsMaintenance(StatsRollupJob job, Duration rollupInterval) {
    this.job = job;
    this.rollupInterval = rollupInterval;
  }

  @Override
  public synchronized void start() {
    ScheduledExecutorService ex =
        Executors.newSingleThreadScheduledExecutor(
            r -> {
              Thread t = new Thread(r, "smartlists-stats-rollup");
              t.setDaemon(true);
              return t;
            });
    long every = Math.max(1, rollupInterval.toSeconds());
    ex.scheduleWithFixedDelay(
        () -> {
          try {
            int hours = job.rollUp();
            rollupOutage.recovered();
            if (hours > 0) {
              log.info("Smart Lists rolled up {} hours of statistics", hours);
            }
          } catch (RuntimeException e) {
            rollupOutage.failed(e, "rolling up again in " + rollupInterval);
          }
        },
        Math.min(60, every),
        every,
        TimeUnit.SECONDS);
    ex.scheduleWithFixedDelay(
        () -> {
          try {
            long rows = job.purge();
            if (rows > 0) {
              log.info("Smart Lists deleted {} raw statistics rows past the retention", rows);
            }
          } catch (RuntimeException e) {
            rollupOutage.failed(e, "purging again in an hour");
          }
        },
        10,
        60,
        TimeUnit.MINUTES);
    executor = ex;
  }

  @Override
  public synchronized void stop() {
    ScheduledExecutorService ex = executor;
    if (ex != null) {
      ex.shutdownNow();
      executor = null;
    }
  }

  @Override
  public synchronized boolean isRunning() {
    return executor != null;
  }
}
