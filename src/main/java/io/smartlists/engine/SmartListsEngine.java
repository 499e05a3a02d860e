package io.smartlists.engine;

import io.smartlists.host.CatalogPort;
import io.smartlists.host.CustomerPort;
import io.smartlists.host.EligibilityPort;
import io.smartlists.host.OrderHistoryPort;
import io.smartlists.host.SmartListsEvent;
import java.time.Clock;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * The engine's facade: composes widgets, learns from events, rebuilds its signals. Thread-safe;
 * {@link #compose} never throws and never waits for a rebuild.
 *
 * <p>(Being wired up: composition and stage resolution land with issue #3.)
 */
public final class SmartListsEngine {

  private final CatalogPort catalog;
  private final OrderHistoryPort orders;
  private final CustomerPort customers;
  private final EligibilityPort eligibility;
  private final ConfigSource config;
  private final EngineSettings settings;
  private final EngineListener listener;
  private final Clock clock;

  public SmartListsEngine(
      CatalogPort catalog,
      OrderHistoryPort orders,
      CustomerPort customers,
      EligibilityPort eligibility,
      ConfigSource config,
      EngineSettings settings,
      EngineListener listener,
      Clock clock) {
    this.catalog = catalog;
    this.orders = orders;
    this.customers = customers;
    this.eligibility = eligibility;
    this.config = config;
    this.settings = settings;
    this.listener = listener;
    this.clock = clock;
  }

  /** Composes the widget; on a failure or past the time budget returns an empty widget. */
  public Widget compose(WidgetRequest request) {
    return Widget.empty(request.placement(), Widget.Outcome.OK, config.current().version());
  }

  /** Resolves the visitor's journey stage and why. */
  public StageDecision resolveStage(String visitorId, @Nullable String customerId, Instant now) {
    throw new UnsupportedOperationException("lands with issue #3");
  }

  /** Applies one event from the event log to the signals. */
  public void apply(SmartListsEvent event) {}

  /** Rebuilds every signal from the host's order history, then swaps it in. */
  public void rebuild() {}

  /** The current signals (for the admin and tests). */
  public @Nullable Signals signals() {
    return null;
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
