package io.smartlists.bench;

import io.smartlists.stats.Arm;
import io.smartlists.stats.ImpressionRow;
import io.smartlists.stats.ShopperEventRecorder;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * The statistics writer's sustained rate: 100,000 queued impressions (3-slot widgets of 4,096
 * visitors, the impression table with its index) written by {@link ShopperEventRecorder#flush()} in
 * batches of {@code batchSize} (one JDBC batch and one transaction each, as the writer thread
 * does), through a HikariCP pool like a store's. {@code db} as in {@link BenchDatabase}: {@code h2}
 * embedded in memory, {@code postgres} a fresh schema in {@code SMARTLISTS_TEST_POSTGRES_URL}
 * ({@code source <(.ci/postgres.sh start)}), {@code postgres-rewrite} the same with the driver's
 * {@code reWriteBatchedInserts=true} (multi-row {@code INSERT ... VALUES (...), (...)}). The table
 * is emptied after each iteration. The score is time per event; events/s = 1 / score.
 *
 * <p>Run (BENCHMARKS.md): {@code ./mvnw -q -Pjmh -Dsl.build.dir=target-jmh exec:exec
 * -Djmh.args="StatsWriterBenchmark -f 1 -wi 3 -w 2s -i 5 -r 2s -p batchSize=1000,5000"}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class StatsWriterBenchmark {

  static final int EVENTS = 100_000;

  @Param({"h2", "postgres", "postgres-rewrite"})
  String db;

  /** Events per JDBC batch and transaction ({@code smartlists.stats.batch-size}, default 1,000). */
  @Param({"1000"})
  int batchSize;

  BenchDatabase database;
  ShopperEventRecorder recorder;
  ImpressionRow[] rows;

  @Setup(Level.Trial)
  public void setUp() {
    database = BenchDatabase.open(db, 4);
    recorder =
        new ShopperEventRecorder(
            database.dataSource, EVENTS, batchSize, Duration.ofHours(1), Duration.ofSeconds(10));
    rows = new ImpressionRow[EVENTS];
    List<String> products = List.of("819330", "819518", "820012", "820345");
    List<Boolean> fallbacks = List.of(false, false, false, true);
    String[] visitors = new String[4096];
    for (int i = 0; i < visitors.length; i++) {
      visitors[i] = UUID.randomUUID().toString();
    }
    Instant start = Instant.parse("2026-11-20T00:00:00Z");
    String widget = "";
    for (int i = 0; i < EVENTS; i++) {
      if (i % 3 == 0) {
        widget = UUID.randomUUID().toString();
      }
      rows[i] =
          new ImpressionRow(
              start.plusMillis(i * 10L),
              widget,
              "PRODUCT_PAGE",
              "CONVERSION",
              i % 3,
              i % 3 == 0 ? "SMART_CROSS_SELLING" : "BESTSELLERS_CATALOG",
              i % 30 < 3 ? Arm.HOLDOUT : Arm.EXPOSED,
              visitors[(i / 3) & 4095],
              null,
              products,
              fallbacks);
    }
  }

  @Setup(Level.Invocation)
  public void enqueue() {
    for (ImpressionRow row : rows) {
      recorder.record(ImpressionRow.TABLE, row);
    }
  }

  @Benchmark
  @OperationsPerInvocation(EVENTS)
  public int writeQueuedImpressions() {
    int n = recorder.flush();
    if (n != EVENTS || recorder.failed() > 0) {
      throw new IllegalStateException(n + " written, " + recorder.failed() + " failed");
    }
    return n;
  }

  /** Empties the table between iterations, so every iteration writes into the same size. */
  @TearDown(Level.Iteration)
  public void truncate() {
    database.jdbc.execute("TRUNCATE TABLE SL_STAT_IMPRESSION");
  }

  @TearDown(Level.Trial)
  public void tearDown() {
    database.close();
  }
}
