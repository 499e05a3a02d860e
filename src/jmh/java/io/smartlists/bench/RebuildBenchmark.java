package io.smartlists.bench;

import io.smartlists.engine.SmartListsEngine;
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
 * SyntheticStore#catalogueScale()}, read through the host port in batches as in production.
 * The retained heap is measured separately by {@link RebuildFootprint}.
 *
 * <p>Run: {@code mvn -Pjmh test-compile exec:exec -Djmh.args="RebuildBenchmark -f 1 -wi 1 -i 3"}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.SECONDS)
public class RebuildBenchmark {

  SmartListsEngine engine;

  @Setup(Level.Trial)
  public void setUp() {
    engine = BenchEngines.cartEngine(SyntheticStore.catalogueScale());
  }

  @Benchmark
  public Object rebuildAllSignals() {
    engine.rebuild();
    return engine.signals();
  }
}
