package io.smartlists.bench;

import io.smartlists.engine.SmartListsEngine;
import io.smartlists.host.OrderConfirmed;
import io.smartlists.host.OrderLine;
import io.smartlists.host.OrderRecord;
import java.util.HashMap;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * Applying one {@code OrderConfirmed} event (a generated order of ~4 lines, new order id, placed
 * now) to the signals of the {@link SyntheticStore#catalogueScale()} workload: bestseller ranks,
 * co-purchase rows, the customer's history and repurchase intervals.
 *
 * <p>Baseline in the same run: {@link #applyBaselineNaiveSalesCounter} applies the same events to a
 * {@code HashMap<String, Integer>} of units sold per product id (pre-filled with every product),
 * the least any order-driven signal can cost.
 *
 * <p>Run: {@code mvn -Pjmh test-compile exec:exec -Djmh.args="ApplyOrderBenchmark -f 1 -wi 3 -i
 * 5"}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class ApplyOrderBenchmark {

  SmartListsEngine engine;
  OrderConfirmed[] events;
  int next;
  Map<String, Integer> naiveSales;
  int nextBaseline;

  @Setup(Level.Trial)
  public void setUp() {
    SyntheticStore store = SyntheticStore.catalogueScale();
    engine = BenchEngines.cartEngine(store);
    engine.rebuild();
    SplittableRandom rnd = new SplittableRandom(11);
    events = new OrderConfirmed[1 << 16];
    for (int i = 0; i < events.length; i++) {
      OrderRecord o = store.order(rnd.nextInt(store.orderCount));
      OrderRecord fresh =
          new OrderRecord("N" + i, o.customerId(), SyntheticStore.NOW.plusSeconds(i), o.lines());
      events[i] = new OrderConfirmed("visitor-" + i, fresh, fresh.placedAt());
    }
  }

  @Setup(Level.Trial)
  public void setUpBaseline() {
    naiveSales = new HashMap<>();
    for (OrderConfirmed e : events) {
      for (OrderLine l : e.order().lines()) {
        naiveSales.merge(l.productId(), 0, Integer::sum);
      }
    }
  }

  /** Baseline: the same events counted into a naive {@code HashMap<String, Integer>}. */
  @Benchmark
  public Object applyBaselineNaiveSalesCounter() {
    OrderConfirmed e = events[nextBaseline];
    nextBaseline = (nextBaseline + 1) & (events.length - 1);
    for (OrderLine l : e.order().lines()) {
      naiveSales.merge(l.productId(), l.quantity(), Integer::sum);
    }
    return naiveSales;
  }

  @Benchmark
  public void applyOrderConfirmed() {
    engine.apply(events[next]);
    next = (next + 1) & (events.length - 1);
  }
}
