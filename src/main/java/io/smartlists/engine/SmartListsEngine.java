package io.smartlists.engine;

import io.smartlists.engine.compose.Composer;
import io.smartlists.engine.lists.SmartListRegistry;
import io.smartlists.engine.model.Placement;
import io.smartlists.engine.model.SmartListsConfig;
import io.smartlists.engine.model.StageDecision;
import io.smartlists.engine.model.Widget;
import io.smartlists.engine.model.WidgetRequest;
import io.smartlists.engine.signals.Signals;
import io.smartlists.engine.signals.SignalsManager;
import io.smartlists.engine.stage.StageResolver;
import io.smartlists.host.CatalogPort;
import io.smartlists.host.CustomerInfo;
import io.smartlists.host.CustomerPort;
import io.smartlists.host.EligibilityPort;
import io.smartlists.host.OrderHistoryPort;
import io.smartlists.host.SmartListsEvent;
import java.time.Clock;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.function.Predicate;
import org.jspecify.annotations.Nullable;

/**
 * The engine's facade: composes widgets, learns from events, rebuilds its signals. Thread-safe;
 * {@link #compose} never throws and never waits for a rebuild.
 */
public final class SmartListsEngine {

  private final CustomerPort customers;
  private final ConfigSource config;
  private final EngineListener listener;
  private final Clock clock;
  private final SignalsManager signals;
  private final SmartListRegistry lists;
  private final Composer composer;

  /** Composes the warm-up widgets without reporting them to the listener (they are no traffic). */
  private final Composer warmUp;

  /** An engine with every shipped smart list. */
  public SmartListsEngine(
      CatalogPort catalog,
      OrderHistoryPort orders,
      CustomerPort customers,
      EligibilityPort eligibility,
      ConfigSource config,
      EngineSettings settings,
      EngineListener listener,
      Clock clock) {
    this(
        catalog,
        orders,
        customers,
        eligibility,
        config,
        settings,
        listener,
        clock,
        SmartListRegistry.defaults());
  }

  /** An engine with the lists of {@code lists} (the shipped ones plus a store's own). */
  public SmartListsEngine(
      CatalogPort catalog,
      OrderHistoryPort orders,
      CustomerPort customers,
      EligibilityPort eligibility,
      ConfigSource config,
      EngineSettings settings,
      EngineListener listener,
      Clock clock,
      SmartListRegistry lists) {
    this.customers = customers;
    this.config = config;
    this.listener = listener;
    this.clock = clock;
    this.lists = lists;
    this.signals =
        new SignalsManager(
            catalog,
            orders,
            () -> config.current().globalRules(),
            settings.rebuildBatchSize(),
            settings.browsingMaxEntries(),
            settings.browsingIdle(),
            clock);
    this.composer =
        new Composer(
            catalog,
            customers,
            eligibility,
            config::current,
            signals::current,
            lists::get,
            settings.timeBudget().toNanos(),
            listener);
    this.warmUp =
        new Composer(
            catalog,
            customers,
            eligibility,
            config::current,
            signals::current,
            lists::get,
            settings.timeBudget().toNanos(),
            EngineListener.NONE);
  }

  /** Composes the widget; on a failure or past the time budget returns an empty widget. */
  public Widget compose(WidgetRequest request) {
    return composer.compose(request);
  }

  /** Resolves the visitor's journey stage and why (for the admin preview). */
  public StageDecision resolveStage(String visitorId, @Nullable String customerId, Instant now) {
    CustomerInfo customer = customerId == null ? null : customers.customer(customerId);
    return StageResolver.resolve(
        signals.current(), visitorId, customer, config.current().stageRules(), now);
  }

  /** Applies one event from the event log to the signals. */
  public void apply(SmartListsEvent event) {
    signals.apply(event);
  }

  /**
   * Refreshes one product from {@code CatalogPort.product} without a rebuild (what a {@code
   * ProductChanged} event does): added, changed or gone, with the new arrivals and the bestsellers
   * of its categories and manufacturer following.
   *
   * @return false when only a rebuild can take the change (the product is filed in a category the
   *     signals do not know yet)
   */
  public boolean refreshProduct(String productId) {
    return signals.refreshProduct(productId);
  }

  /**
   * Forgets what this engine keeps in memory under the customer's id and these visitor ids (their
   * browsing, which purchase history is the customer's). Part of erasing a customer: {@code
   * SmartListsPrivacy} also deletes their rows from the module's tables and writes an erasure
   * notice to the event log, which every other node applies through {@link #forgetMatching}.
   */
  public void forget(@Nullable String customerId, Collection<String> visitorIds) {
    signals.forget(customerId, visitorIds);
  }

  /**
   * Forgets, like {@link #forget}, every customer and visitor whose id matches (an erasure notice
   * of the event log names them by salted hash; this scans the ids held in memory).
   */
  public void forgetMatching(Predicate<String> customerIds, Predicate<String> visitorIds) {
    signals.forgetMatching(customerIds, visitorIds);
  }

  /**
   * Rebuilds every signal from the host's catalogue ({@code CatalogPort.allProducts()}, {@code
   * categories()}) and its whole order history ({@code OrderHistoryPort.readBatchOrdersFromLastId},
   * in batches), then swaps the new signals in: widgets keep reading the previous ones meanwhile
   * and never wait. Orders applied from the event log while it runs are carried over. Reports the
   * products indexed and the orders read to the {@link EngineListener}. Then composes a few
   * throwaway widgets, so that the first shoppers after a start do not pay for a cold JIT: in the
   * reference store the first widget after start-up timed out at the 50 ms budget and rendered
   * empty.
   *
   * <p>Safe to call from any thread at any time (one rebuild runs at a time; a second caller waits,
   * then rebuilds again); it takes as long as reading the history (about 12 s for a million orders
   * in BENCHMARKS.md). A store calls it after loading orders in bulk, outside the module's
   * schedule.
   */
  public void rebuild() {
    long start = System.nanoTime();
    int orders = signals.rebuild();
    listener.rebuilt(signals.current().productCount(), orders, System.nanoTime() - start);
    warmUp();
  }

  private void warmUp() {
    Signals s = signals.current();
    if (s.productCount() == 0) {
      return;
    }
    List<String> context = List.of(s.productId(0));
    for (int round = 0; round < 20; round++) {
      for (Placement placement : Placement.values()) {
        warmUp.compose(
            new WidgetRequest(
                placement, "smartlists-warm-up", null, context, clock.instant(), false));
      }
    }
  }

  /**
   * What the last full build's model selection chose for the cross-selling list on this store's own
   * orders (family, blend, validation hit rate per candidate), for the admin.
   */
  public io.smartlists.engine.signals.copurchase.ModelSelection crossSellingModel() {
    return signals.current().coPurchase().selection();
  }

  /** The current signals (for the admin and tests). */
  public Signals signals() {
    return signals.current();
  }

  /** Visitors and customers whose recent browsing is held in memory (bounded). */
  public long browsingEntries() {
    return signals.browsingEntries();
  }

  /** When the current signals were built. */
  public Instant signalsBuiltAt() {
    return signals.builtAt();
  }

  /** The registered smart lists. */
  public SmartListRegistry lists() {
    return lists;
  }

  /** The configuration in force. */
  public SmartListsConfig config() {
    return config.current();
  }

  /** The clock the engine reads "now" from. */
  public Clock clock() {
    return clock;
  }
}
