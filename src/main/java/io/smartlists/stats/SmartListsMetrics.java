package io.smartlists.stats;

import static java.util.Objects.requireNonNull;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.smartlists.engine.EngineListener;
import io.smartlists.engine.model.ListType;
import io.smartlists.engine.model.Placement;
import io.smartlists.engine.model.Widget;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Micrometer meters of the engine and the storefront:
 *
 * <ul>
 *   <li>{@code smartlists.widget.compose} — timer per {@code placement} and {@code outcome} (OK,
 *       TIMEOUT, ERROR);
 *   <li>{@code smartlists.widget.failures} — counter per {@code placement} and {@code outcome} of
 *       widgets that rendered empty because the engine failed or ran out of time;
 *   <li>{@code smartlists.signals.rebuild} — timer of full rebuilds, {@code
 *       smartlists.signals.orders} the orders of the last one (gauge-like counter of orders read);
 *   <li>{@code smartlists.widget.empty} — counter per {@code placement} and {@code cause} ({@code
 *       timeout}, {@code error}, {@code no-candidates}, {@code rejected}) of every widget the
 *       storefront rendered empty;
 *   <li>{@code smartlists.widget.impressions} and {@code smartlists.clicks} — counters per {@code
 *       placement} and {@code list}.
 * </ul>
 *
 * All meters of the widget path are created up front (placements × outcomes, placements × lists),
 * so recording is an array lookup, not a registry lookup.
 */
public final class SmartListsMetrics implements EngineListener, StatsRecorder {

  private final Map<Placement, Map<Widget.Outcome, Timer>> compose = new EnumMap<>(Placement.class);
  private final Map<Placement, Map<Widget.Outcome, Counter>> failures =
      new EnumMap<>(Placement.class);
  private final Map<Placement, Map<ListType, Counter>> impressions = new EnumMap<>(Placement.class);
  private final Map<Placement, Map<ListType, Counter>> clicks = new EnumMap<>(Placement.class);
  private final MeterRegistry registry;
  private final Map<String, Counter> empty = new ConcurrentHashMap<>();
  private final Timer rebuild;
  private final AtomicInteger indexedProducts = new AtomicInteger();

  public SmartListsMetrics(MeterRegistry registry) {
    this.registry = registry;
    for (Placement p : Placement.values()) {
      for (String cause : List.of("timeout", "error", "no-candidates", "rejected")) {
        emptyCounter(p, cause);
      }
    }
    for (Placement p : Placement.values()) {
      Map<Widget.Outcome, Timer> timers = new EnumMap<>(Widget.Outcome.class);
      Map<Widget.Outcome, Counter> failed = new EnumMap<>(Widget.Outcome.class);
      for (Widget.Outcome o : Widget.Outcome.values()) {
        timers.put(
            o,
            Timer.builder("smartlists.widget.compose")
                .description("Time to compose a widget")
                .tag("placement", p.name())
                .tag("outcome", o.name())
                .register(registry));
        if (o != Widget.Outcome.OK) {
          failed.put(
              o,
              Counter.builder("smartlists.widget.failures")
                  .description("Widgets rendered empty because the engine failed or timed out")
                  .tag("placement", p.name())
                  .tag("outcome", o.name())
                  .register(registry));
        }
      }
      compose.put(p, timers);
      failures.put(p, failed);
      Map<ListType, Counter> shown = new EnumMap<>(ListType.class);
      Map<ListType, Counter> clicked = new EnumMap<>(ListType.class);
      for (ListType l : ListType.values()) {
        shown.put(
            l,
            Counter.builder("smartlists.widget.impressions")
                .description("Slots rendered")
                .tag("placement", p.name())
                .tag("list", l.name())
                .register(registry));
        clicked.put(
            l,
            Counter.builder("smartlists.clicks")
                .description("Recommended products clicked")
                .tag("placement", p.name())
                .tag("list", l.name())
                .register(registry));
      }
      impressions.put(p, shown);
      clicks.put(p, clicked);
    }
    rebuild =
        Timer.builder("smartlists.signals.rebuild")
            .description("Full rebuilds of the signals from the order history")
            .register(registry);
    Gauge.builder("smartlists.signals.products", indexedProducts, AtomicInteger::get)
        .description("Products indexed by the last full rebuild of the signals")
        .register(registry);
  }

  @Override
  public void composed(Placement placement, Widget.Outcome outcome, long nanos) {
    // every map holds every placement, outcome and list (filled in the constructor)
    requireNonNull(requireNonNull(compose.get(placement)).get(outcome))
        .record(nanos, TimeUnit.NANOSECONDS);
    Counter failed = requireNonNull(failures.get(placement)).get(outcome);
    if (failed != null) {
      failed.increment();
    }
  }

  @Override
  public void failed(Placement placement, Throwable error) {
    // counted by composed(.., ERROR, ..); the engine logs the exception
  }

  @Override
  public void rebuilt(int products, long nanos) {
    rebuild.record(nanos, TimeUnit.NANOSECONDS);
    indexedProducts.set(products);
  }

  @Override
  public void impression(Widget widget) {
    Map<ListType, Counter> byList = requireNonNull(impressions.get(widget.placement()));
    for (Widget.Slot slot : widget.slots()) {
      requireNonNull(byList.get(slot.config().type())).increment();
    }
  }

  @Override
  public void empty(Placement placement, String cause) {
    emptyCounter(placement, cause).increment();
  }

  private Counter emptyCounter(Placement placement, String cause) {
    return empty.computeIfAbsent(
        placement.name() + '/' + cause,
        k ->
            Counter.builder("smartlists.widget.empty")
                .description("Widgets the storefront rendered empty, by cause")
                .tag("placement", placement.name())
                .tag("cause", cause)
                .register(registry));
  }

  @Override
  public void click(Placement placement, ListType list, int slotPosition, String productId) {
    requireNonNull(requireNonNull(clicks.get(placement)).get(list)).increment();
  }
}
