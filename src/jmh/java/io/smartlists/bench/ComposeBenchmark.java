package io.smartlists.bench;

import io.smartlists.engine.SmartListsEngine;
import io.smartlists.engine.model.Placement;
import io.smartlists.engine.model.Widget;
import io.smartlists.engine.model.WidgetRequest;
import java.util.ArrayList;
import java.util.List;
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
 * Composing a 3-slot cart widget (smart cross-selling + catalogue bestsellers + bestsellers of the
 * most represented product category; 4 cart lines; eligibility gate and exclusions applied) over
 * the {@link SyntheticStore#catalogueScale()} workload, single thread. Carts are 4 distinct
 * products of real generated orders, shoppers the customers who placed them (so "already bought"
 * exclusions run), cycled through 4,096 requests.
 *
 * <p>Baseline in the same run: {@link #composeBaselineBestsellersWidget} composes a 1-slot
 * catalogue-bestsellers widget (a precomputed array served through the same gate) for the same
 * requests; the ratio of the two medians is the cost of the 3-slot widget over the cheapest one.
 *
 * <p>Run: {@code mvn -Pjmh test-compile exec:exec -Djmh.args="ComposeBenchmark -f 1 -wi 3 -i 5"}
 * (see BENCHMARKS.md). {@code SampleTime} mode reports the median and the 99th percentile.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class ComposeBenchmark {

  SmartListsEngine engine;
  WidgetRequest[] requests;
  WidgetRequest[] baselineRequests;
  int next;
  int nextBaseline;

  @Setup(Level.Trial)
  public void setUp() {
    SyntheticStore store = SyntheticStore.catalogueScale();
    engine = BenchEngines.cartEngine(store);
    engine.rebuild();
    SplittableRandom rnd = new SplittableRandom(7);
    List<WidgetRequest> list = new ArrayList<>();
    while (list.size() < 4_096) {
      int o = rnd.nextInt(store.orderCount);
      List<String> cart = store.orderProductIds(o);
      if (cart.size() < 4) {
        continue;
      }
      list.add(
          new WidgetRequest(
              Placement.CART,
              "visitor-" + o,
              store.orderCustomerId(o),
              cart.subList(0, 4),
              SyntheticStore.NOW,
              false));
    }
    requests = list.toArray(new WidgetRequest[0]);
    baselineRequests = new WidgetRequest[requests.length];
    for (int i = 0; i < requests.length; i++) {
      WidgetRequest r = requests[i];
      baselineRequests[i] =
          new WidgetRequest(
              Placement.PRODUCT_PAGE,
              r.visitorId(),
              r.customerId(),
              r.contextProductIds(),
              r.now(),
              false);
    }
    Widget baseline = engine.compose(baselineRequests[0]);
    if (baseline.outcome() != Widget.Outcome.OK || baseline.slots().size() != 1) {
      throw new IllegalStateException("the baseline widget is not a 1-slot widget: " + baseline);
    }
    Widget probe = engine.compose(requests[0]);
    if (probe.outcome() != Widget.Outcome.OK || probe.slots().size() != 3) {
      throw new IllegalStateException("the benchmark widget is not a full 3-slot widget: " + probe);
    }
  }

  @Benchmark
  public Widget composeCartWidget() {
    WidgetRequest r = requests[next];
    next = (next + 1) & (requests.length - 1);
    return engine.compose(r);
  }

  /** Baseline: a 1-slot catalogue-bestsellers widget for the same shoppers and context. */
  @Benchmark
  public Widget composeBaselineBestsellersWidget() {
    WidgetRequest r = baselineRequests[nextBaseline];
    nextBaseline = (nextBaseline + 1) & (baselineRequests.length - 1);
    return engine.compose(r);
  }
}
