package io.smartlists.bench;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.smartlists.stats.Arm;
import io.smartlists.stats.JdbcStatsQueries;
import io.smartlists.stats.StatsFigures;
import io.smartlists.stats.StatsRollupJob;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.flywaydb.core.Flyway;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The admin's statistics over 10,000,000 raw impressions rolled up. Workload (embedded H2, the
 * module's migrations, generated in SQL in the set-up): 10,000,000 slot impressions spread evenly
 * over 90 days, 3 placements x 6 stages x 3 slot positions with one list per (placement, stage,
 * slot) like a configuration, 10 % of them in the holdout arm, {@code visitors} distinct visitors;
 * 1 click per 300 impressions. The set-up rolls all 2,160 hours up with {@link StatsRollupJob} (and
 * prints how long that took), then:
 *
 * <ul>
 *   <li>{@link #breakdown}: what the breakdown table and the chart count (impressions, clicks and
 *       add-to-carts per day and list x stage x placement) over the 90 days, from the roll-ups;
 *   <li>{@link #statisticsScreen}: the whole {@link StatsFigures#report} the admin screen shows,
 *       with the attribution (raw clicks) and the holdout comparison (one row per visitor and arm
 *       from the exposure roll-up).
 * </ul>
 *
 * <p>Each benchmark method repeats the (long) set-up. Run: {@code ./mvnw -Pjmh test-compile
 * exec:exec -Djmh.args="StatsQueryBenchmark -f 1 -wi 2 -i 5"}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class StatsQueryBenchmark {

  static final long IMPRESSIONS = 10_000_000;
  static final Instant START = Instant.parse("2026-08-01T00:00:00Z");
  static final Instant END = START.plus(Duration.ofDays(90));
  static final String[] PLACEMENTS = {"PRODUCT_PAGE", "CART", "ORDER_CONFIRMATION"};
  static final String[] STAGES = {
    "ACQUISITION", "CONVERSION", "SECOND_ORDER", "LOYALTY", "REACTIVATION", "B2B"
  };
  static final String[] LISTS = {
    "SMART_CROSS_SELLING", "BESTSELLERS_CATALOG", "BESTSELLERS_CATEGORIES",
    "NEW_ARRIVALS_CATALOG", "ORDER_PRODUCT_REMINDERS", "BESTSELLERS_VISITED_CATEGORY",
    "BESTSELLERS_MANUFACTURERS"
  };

  @Param({"100000"})
  long visitors;

  HikariDataSource dataSource;
  JdbcStatsQueries queries;
  StatsFigures figures;

  @Setup(Level.Trial)
  public void setUp() {
    HikariConfig config = new HikariConfig();
    config.setJdbcUrl("jdbc:h2:mem:query-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
    config.setMaximumPoolSize(2);
    dataSource = new HikariDataSource(config);
    Flyway.configure()
        .dataSource(dataSource)
        .locations("classpath:db/smartlists/eventlog", "classpath:db/smartlists/stats")
        .table("SL_SCHEMA_HISTORY")
        .load()
        .migrate();
    JdbcTemplate jdbc = new JdbcTemplate(dataSource);
    long started = System.nanoTime();
    long seconds = Duration.between(START, END).toSeconds();
    StringBuilder placement = caseOf("MOD(X, 3)", PLACEMENTS);
    StringBuilder stage = caseOf("MOD(X / 3, 6)", STAGES);
    // one list per (placement, stage, slot): a configuration
    StringBuilder list =
        caseOf("MOD(MOD(X, 3) * 5 + MOD(X / 3, 6) * 3 + MOD(X / 18, 3), 7)", LISTS);
    String at =
        "DATEADD('SECOND', X * "
            + seconds
            + " / "
            + IMPRESSIONS
            + ", TIMESTAMP WITH TIME ZONE '2026-08-01 00:00:00+00')";
    String visitor = "'v' || MOD(X * 7919, " + visitors + ")";
    for (long from = 1; from <= IMPRESSIONS; from += 1_000_000) {
      long to = Math.min(IMPRESSIONS, from + 999_999);
      jdbc.update(
          "INSERT INTO SL_STAT_IMPRESSION (AT, WIDGET_ID, PLACEMENT, STAGE, SLOT_POSITION,"
              + " LIST_TYPE, ARM, VISITOR_ID, ITEM_COUNT, PRODUCTS, FALLBACKS) SELECT "
              + at
              + ", 'w' || (X / 3), "
              + placement
              + ", "
              + stage
              + ", MOD(X / 18, 3), "
              + list
              + ", CASE WHEN MOD(X * 7919, 10) = 0 THEN 'HOLDOUT' ELSE 'EXPOSED' END, "
              + visitor
              + ", 4, '819330,819518,820012,820345', '0001' FROM SYSTEM_RANGE("
              + from
              + ", "
              + to
              + ")");
      jdbc.update(
          "INSERT INTO SL_STAT_CLICK (AT, TOKEN, WIDGET_ID, PLACEMENT, STAGE, SLOT_POSITION,"
              + " LIST_TYPE, ITEM_POSITION, PRODUCT_ID, VISITOR_ID) SELECT "
              + at
              + ", 't' || X, 'w' || (X / 3), "
              + placement
              + ", "
              + stage
              + ", MOD(X / 18, 3), "
              + list
              + ", 0, '819330', "
              + visitor
              + " FROM SYSTEM_RANGE("
              + from
              + ", "
              + to
              + ") WHERE MOD(X, 300) = 0 AND MOD(X * 7919, 10) <> 0");
    }
    long generated = System.nanoTime();
    StatsRollupJob job =
        new StatsRollupJob(
            dataSource,
            Duration.ofMinutes(2),
            Duration.ofDays(3650),
            "bench",
            Clock.fixed(END.plus(Duration.ofHours(2)), ZoneOffset.UTC));
    int hours = job.rollUp();
    long rolled = System.nanoTime();
    queries = new JdbcStatsQueries(jdbc);
    figures =
        new StatsFigures(queries, Duration.ofHours(24), 0.1, Clock.fixed(END, ZoneOffset.UTC));
    System.out.printf(
        "%n%,d impressions, %,d clicks generated in %d s; %d hours rolled up in %d s;"
            + " %d hourly rows, %d exposure rows%n",
        jdbc.queryForObject("SELECT COUNT(*) FROM SL_STAT_IMPRESSION", Long.class),
        jdbc.queryForObject("SELECT COUNT(*) FROM SL_STAT_CLICK", Long.class),
        TimeUnit.NANOSECONDS.toSeconds(generated - started),
        hours,
        TimeUnit.NANOSECONDS.toSeconds(rolled - generated),
        jdbc.queryForObject("SELECT COUNT(*) FROM SL_STAT_HOURLY", Long.class),
        jdbc.queryForObject("SELECT COUNT(*) FROM SL_STAT_HOURLY_EXPOSURE", Long.class));
  }

  private static StringBuilder caseOf(String index, String[] values) {
    StringBuilder sb = new StringBuilder("CASE ").append(index);
    for (int i = 0; i < values.length; i++) {
      sb.append(" WHEN ").append(i).append(" THEN '").append(values[i]).append('\'');
    }
    return sb.append(" END");
  }

  @TearDown(Level.Trial)
  public void tearDown() {
    dataSource.close();
  }

  @Benchmark
  public Object[] breakdown() {
    return new Object[] {
      queries.impressions(START, END, Arm.EXPOSED),
      queries.clicks(START, END),
      queries.cartAdds(START, END)
    };
  }

  @Benchmark
  public Object statisticsScreen() {
    return figures.report(
        LocalDate.ofInstant(START, ZoneOffset.UTC),
        LocalDate.ofInstant(END.minusSeconds(1), ZoneOffset.UTC));
  }
}
