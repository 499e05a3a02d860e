package io.smartlists.bench;

import io.smartlists.stats.Arm;
import io.smartlists.stats.ImpressionRow;
import io.smartlists.stats.ShopperEventRecorder;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * What recording a widget's impression adds to the widget path: building the rows of a 3-slot
 * widget (one per slot: widget id, visitor, arm, placement, stage, slot, list, product ids) and
 * handing them to the {@link ShopperEventRecorder}, whose writer thread runs meanwhile and drains
 * the queue into a database that accepts every batch at once (a JDBC proxy), so the queue neither
 * fills nor drops and the figure is the enqueue, contention with the writer included.
 *
 * <p>{@link #recordOneSlot} is one row; {@link #baselineBuildRowsOnly} builds the same 3 rows and
 * enqueues nothing. Run: {@code ./mvnw -Pjmh test-compile exec:exec
 * -Djmh.args="RecordImpressionBenchmark -f 1 -wi 3 -i 5"}. {@code SampleTime} reports the median
 * (p50) and the 99th percentile.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class RecordImpressionBenchmark {

  ShopperEventRecorder recorder;
  String[] visitors;
  int next;

  @Setup(Level.Trial)
  public void setUp() {
    recorder =
        new ShopperEventRecorder(
            acceptingDatabase(), 1_000_000, 1000, Duration.ofMillis(10), Duration.ofSeconds(10));
    recorder.start();
    visitors = new String[4096];
    for (int i = 0; i < visitors.length; i++) {
      visitors[i] = UUID.randomUUID().toString();
    }
  }

  @TearDown(Level.Trial)
  public void tearDown() {
    recorder.stop();
    if (recorder.dropped() > 0) {
      System.out.println(
          "dropped " + recorder.dropped() + " (queue full: the figure is not the enqueue)");
    }
  }

  private static final List<String> PRODUCTS = List.of("819330", "819518", "820012", "820345");
  private static final List<Boolean> FALLBACKS = List.of(false, false, false, true);

  private ImpressionRow row(String widget, String visitor, int slot) {
    return new ImpressionRow(
        Instant.now(),
        widget,
        "PRODUCT_PAGE",
        "CONVERSION",
        slot,
        slot == 0 ? "SMART_CROSS_SELLING" : "BESTSELLERS_CATALOG",
        Arm.EXPOSED,
        visitor,
        null,
        PRODUCTS,
        FALLBACKS);
  }

  @Benchmark
  public void recordWidgetImpression() {
    String visitor = visitors[next++ & 4095];
    String widget = UUID.randomUUID().toString();
    for (int slot = 0; slot < 3; slot++) {
      recorder.record(ImpressionRow.TABLE, row(widget, visitor, slot));
    }
  }

  @Benchmark
  public void recordOneSlot() {
    recorder.record(ImpressionRow.TABLE, row("w", visitors[next++ & 4095], 0));
  }

  @Benchmark
  public Object baselineBuildRowsOnly() {
    String visitor = visitors[next++ & 4095];
    String widget = UUID.randomUUID().toString();
    Object last = null;
    for (int slot = 0; slot < 3; slot++) {
      last = row(widget, visitor, slot);
    }
    return last;
  }

  /** A data source whose statements accept every batch instantly. */
  static DataSource acceptingDatabase() {
    ClassLoader loader = RecordImpressionBenchmark.class.getClassLoader();
    PreparedStatement statement =
        (PreparedStatement)
            Proxy.newProxyInstance(
                loader,
                new Class<?>[] {PreparedStatement.class},
                (p, m, a) -> m.getName().equals("executeBatch") ? new int[0] : defaultValue(m));
    Connection connection =
        (Connection)
            Proxy.newProxyInstance(
                loader,
                new Class<?>[] {Connection.class},
                (p, m, a) -> m.getName().equals("prepareStatement") ? statement : defaultValue(m));
    return (DataSource)
        Proxy.newProxyInstance(
            loader,
            new Class<?>[] {DataSource.class},
            (p, m, a) -> m.getName().equals("getConnection") ? connection : defaultValue(m));
  }

  private static Object defaultValue(java.lang.reflect.Method m) {
    Class<?> t = m.getReturnType();
    if (t == boolean.class) {
      return m.getName().equals("getAutoCommit");
    }
    if (t == int.class) {
      return 0;
    }
    return null;
  }
}
