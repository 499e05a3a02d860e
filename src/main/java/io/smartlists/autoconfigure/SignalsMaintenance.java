package io.smartlists.autoconfigure;

import io.smartlists.engine.SmartListsEngine;
import io.smartlists.eventlog.ErasureNotice;
import io.smartlists.host.ProductChanged;
import io.smartlists.host.SmartListsEvent;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.context.SmartLifecycle;
import org.springframework.scheduling.concurrent.ThreadPoolTaskScheduler;
import org.springframework.scheduling.support.CronTrigger;

/**
 * Rebuilds the engine's signals from the host's catalogue and order history:
 *
 * <ul>
 *   <li>once when the application is ready ({@link ApplicationReadyEvent}: after the store's {@code
 *       ApplicationRunner}s and {@code CommandLineRunner}s, so data they load at start-up is read),
 *       in the background; reads serve the previous or empty signals meanwhile;
 *   <li>on the configured cron expression or fixed delay;
 *   <li>{@code catalogChangeDelay} after a {@link ProductChanged} event that the engine cannot
 *       apply on its own (a product filed in a category it does not know yet; further changes
 *       meanwhile join the same rebuild). Any other {@link ProductChanged} refreshes that product
 *       at once ({@link SmartListsEngine#refreshProduct}), without a rebuild.
 * </ul>
 *
 * Runs on a private one-thread scheduler, so a store needs no {@code @EnableScheduling} and its own
 * scheduler is untouched. It is also the event log's sink: every event goes to the engine, and
 * catalogue changes schedule the refresh on every node.
 */
final class SignalsMaintenance
    implements SmartLifecycle,
        ApplicationListener<ApplicationReadyEvent>,
        Consumer<SmartListsEvent> {

  private static final Logger log = LoggerFactory.getLogger(SignalsMaintenance.class);

  private final SmartListsEngine engine;
  private final SmartListsProperties.Rebuild settings;
  private final AtomicBoolean catalogRefreshPending = new AtomicBoolean();
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
    Duration delay = settings.getFixedDelay();
    String cron = settings.getCron();
    if (delay != null && !delay.isZero() && !delay.isNegative()) {
      s.scheduleWithFixedDelay(this::rebuild, s.getClock().instant().plus(delay), delay);
    } else if (!cron.isBlank() && !"-".equals(cron.trim())) {
      s.schedule(this::rebuild, new CronTrigger(cron));
    }
    scheduler = s;
  }

  /** The start-up rebuild, once the store's runners have loaded whatever they load. */
  @Override
  public void onApplicationEvent(ApplicationReadyEvent event) {
    if (event.getApplicationContext().getParent() != null) {
      return; // a child context's readiness says nothing about the store's data
    }
    ThreadPoolTaskScheduler s = currentScheduler();
    if (settings.isOnStartup() && s != null) {
      s.execute(this::rebuild);
    }
  }

  /**
   * Applies an event of the event log; a catalogue change refreshes the product, or schedules a
   * rebuild when only a rebuild can take it.
   */
  @Override
  public void accept(SmartListsEvent event) {
    if (event instanceof ProductChanged c) {
      if (!engine.refreshProduct(c.productId())) {
        catalogChanged();
      }
    } else {
      engine.apply(event);
    }
  }

  /** Forgets the shopper of an erasure notice the event log brought (on every node). */
  void erased(ErasureNotice notice) {
    engine.forgetMatching(notice::erasesCustomer, notice::erasesVisitor);
  }

  /**
   * Schedules a rebuild {@code catalogChangeDelay} from now unless one is already pending; no-op
   * when the delay is zero or before {@link #start()}.
   */
  void catalogChanged() {
    Duration delay = settings.getCatalogChangeDelay();
    ThreadPoolTaskScheduler s = currentScheduler();
    if (s == null || delay.isZero() || delay.isNegative()) {
      return;
    }
    if (catalogRefreshPending.compareAndSet(false, true)) {
      s.schedule(
          () -> {
            catalogRefreshPending.set(false);
            rebuild();
          },
          s.getClock().instant().plus(delay));
    }
  }

  private void rebuild() {
    try {
      engine.rebuild();
    } catch (RuntimeException e) {
      log.error("Smart Lists could not rebuild its signals; serving the previous ones", e);
    }
  }

  private synchronized @Nullable ThreadPoolTaskScheduler currentScheduler() {
    return scheduler;
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
