package io.smartlists.bench;

import io.smartlists.engine.SmartListsEngine;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;

/**
 * Measures the engine's retained heap after a full rebuild at catalogue scale: used heap after
 * repeated full GCs with the engine built, minus the same with only the generated store (the
 * "host", held in both measurements). Also prints the rebuild's wall time.
 *
 * <p>Run: {@code mvn -Pjmh test-compile exec:exec -Djmh.main=io.smartlists.bench.RebuildFootprint}
 * (see BENCHMARKS.md).
 */
public final class RebuildFootprint {

  private RebuildFootprint() {}

  public static void main(String[] args) {
    SyntheticStore store = SyntheticStore.catalogueScale();
    System.out.printf(
        "workload: %,d products, %,d categories, %,d orders, %,d lines, %,d customers%n",
        store.productCount,
        store.categories().size(),
        store.orderCount,
        store.lineCount(),
        store.customerCount);
    long before = usedAfterGc();
    SmartListsEngine engine = BenchEngines.cartEngine(store);
    long t0 = System.nanoTime();
    engine.rebuild();
    long t1 = System.nanoTime();
    long after = usedAfterGc();
    System.out.printf("rebuild: %.2f s%n", (t1 - t0) / 1e9);
    System.out.printf(
        "engine retained heap after rebuild: %,d MB (used heap after GC %,d MB -> %,d MB)%n",
        (after - before) >> 20, before >> 20, after >> 20);
    if (engine.signals() == null) {
      throw new IllegalStateException("no signals");
    }
  }

  static long usedAfterGc() {
    MemoryMXBean mx = ManagementFactory.getMemoryMXBean();
    long used = Long.MAX_VALUE;
    for (int i = 0; i < 4; i++) {
      System.gc();
      try {
        Thread.sleep(200);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      used = Math.min(used, mx.getHeapMemoryUsage().getUsed());
    }
    return used;
  }
}
