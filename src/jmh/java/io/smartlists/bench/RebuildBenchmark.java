package io.smartlists.bench;

import io.smartlists.engine.SmartListsEngine;
import io.smartlists.host.OrderRecord;
import java.util.List;
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
 * A full rebuild of every signal from the 1,000,000 orders of {@link
 * SyntheticStore#catalogueScale()}, read through the host port in batches as in production. The
 * retained heap is measured separately by {@link RebuildFootprint}.
 *
 * <p>Baseline in the same run: {@link #materialiseOrdersOnly} reads the same 1,000,000 orders
 * through {@code OrderHistoryPort} in the same batches and does nothing with them; what the rebuild
 * costs beyond it is the engine's own work.
 *
 * <p>Run: {@code mvn -Pjmh test-compile exec:exec -Djmh.args="RebuildBenchmark -f 1 -wi 1 -i 3"}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.SECONDS)
public class RebuildBenchmark {

  SmartListsEngine engine;
  SyntheticStore store;

  @Setup(Level.Trial)
  public void setUp() {
    store = SyntheticStore.catalogueScale();
    engine = BenchEngines.cartEngine(store);
  }

  @Benchmark
  public Object rebuildAllSignals() {
    engine.rebuild();
    return engine.signals();
  }

  /** Baseline: only materialise the orders through the host port, batch by batch. */
  @Benchmark
  public long materialiseOrdersOnly() {
    long lines = 0;
    String lastId = null;
    while (true) {
      List<OrderRecord> batch = store.readBatchOrdersFromLastId(lastId, BenchEngines.BATCH);
      if (batch.isEmpty()) {
        return lines;
      }
      for (OrderRecord o : batch) {
        lines += o.lines().size();
      }
      lastId = batch.get(batch.size() - 1).orderId();
    }
  }
}
