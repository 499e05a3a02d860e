package io.smartlists.autoconfigure;

import io.smartlists.engine.SmartListsEngine;
import java.time.Duration;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.scheduling.concurrent.ThreadPoolTaskScheduler;
import org.springframework.scheduling.support.CronTrigger;

/**
 * Rebuilds the engine's signals from the host's order history: once at start-up in the background
 * (start-up is not blocked; reads serve the previous or empty snapshot meanwhile), then on the
 * configured cron expression or fixed delay. Runs on a private one-thread scheduler, so a store
 * needs no {@code @EnableScheduling} and its own scheduler is untouched.
 */
final class SignalsMaintenance implements SmartLifecycle {

  private static final Logger log = LoggerFactory.getLogger(SignalsMaintenance.class);

  private final SmartListsEngine engine;
  private final SmartListsProperties.Rebuild settings;
  private @Nullable ThreadPoolTaskScheduler scheduler;

  SignalsMaintenance(SmartListsEngine engine, SmartListsProperties.Rebuild settings) {
    this.engine = engine;
    this.settings = settings;
  }

  @Override
  public synchronized void start() {
    ThreadPoolTaskScheduler s = new ThreadPoolTaskScheduler();
    s.setThreadNamePrefix("smartlists-rebuild-");
    s.setDaemon(true);
    s.setPoolSize(1);
    s.initialize();
    if (settings.isOnStartup()) {
      s.execute(this::rebuild);
    }
    Duration delay = settings.getFixedDelay();
    String cron = settings.getCron();
    if (delay != null && !delay.isZero() && !delay.isNegative()) {
      s.scheduleWithFixedDelay(this::rebuild, s.getClock().instant().plus(delay), delay);
    } else if (!cron.isBlank() && !"-".equals(cron.trim())) {
      s.schedule(this::rebuild, new CronTrigger(cron));
    }
    scheduler = s;
  }

  private void rebuild() {
    try {
      engine.rebuild();
    } catch (RuntimeException e) {
      log.error("Smart Lists could not rebuild its signals; serving the previous ones", e);
    }
  }

  @Override
  public synchronized void stop() {
    ThreadPoolTaskScheduler s = scheduler;
    if (s != null) {
      s.shutdown();
      scheduler = null;
    }
  }

  @Override
  public synchronized boolean isRunning() {
    return scheduler != null;
  }
}
