package io.smartlists.bench;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.smartlists.eventlog.SmartListsSchema;
import io.smartlists.stats.StatsRollupJob;
import io.smartlists.stats.StatsRollups;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The admin's statistics queries over 10,000,000 raw impressions rolled up. Workload (embedded H2,
 * the module's migrations, generated in SQL in the set-up): 10,000,000 slot impressions spread
 * evenly over 90 days, 3 placements x 6 stages x 3 slot positions with one list per (placement,
 * stage, slot) like a configuration, 10 % of them in the holdout arm, 500,000 visitors; 1 click per
 * 30 impressions. The set-up rolls all 2,160 hours up with {@link StatsRollupJob} (and prints how
 * long that took), then each benchmark reads the roll-ups over the whole 90 days:
 *
 * <ul>
 *   <li>{@link #figuresPerKey}: the breakdown table (per placement, stage, list, slot, arm);
 *   <li>{@link #figuresPerDay}: the chart (per day and arm, with the distinct attributed orders);
 *   <li>{@link #armTotals}: the totals row;
 *   <li>{@link #statisticsScreen}: all three and the freshness, what the admin screen reads.
 * </ul>
 *
 * <p>Each benchmark method repeats the (long) set-up, so the recorded run selects {@code
 * statisticsScreen} only.
 *
 * <p>Run: {@code mvn -Pjmh test-compile exec:exec -Djmh.args="StatsQueryBenchmark.statisticsScreen
 * -f 1 -wi 3 -i 5"}.
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

  HikariDataSource dataSource;
  StatsRollups rollups;

  @Setup(Level.Trial)
  public void setUp() {
    HikariConfig config = new HikariConfig();
    config.setJdbcUrl("jdbc:h2:mem:query-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
    config.setMaximumPoolSize(2);
    dataSource = new HikariDataSource(config);
    new SmartListsSchema(dataSource).afterPropertiesSet();
    JdbcTemplate jdbc = new JdbcTemplate(dataSource);
    long started = System.nanoTime();
    long seconds = Duration.between(START, END).toSeconds();
    StringBuilder placement = caseOf("MOD(X, 3)", PLACEMENTS);
    StringBuilder stage = caseOf("MOD(X / 3, 6)", STAGES);
    // one list per (placement, stage, slot): a configuration
    StringBuilder list =
        caseOf("MOD(MOD(X, 3) * 5 + MOD(X / 3, 6) * 3 + MOD(X / 18, 3), 7)", LISTS);
    String slotColumns =
        "DATEADD('SECOND', X * "
            + seconds
            + " / "
            + IMPRESSIONS
            + ", TIMESTAMP WITH TIME ZONE '2026-08-01 00:00:00+00'), 'w' || (X / 3),"
            + " 'v' || MOD(X * 7919, 500000), 'v' || MOD(X * 7919, 500000),"
            + " CASE WHEN MOD(X * 7919, 10) = 0 THEN 'HOLDOUT' ELSE 'EXPOSED' END, "
            + placement
            + ", "
            + stage
            + ", MOD(X / 18, 3), "
            + list;
    for (long from = 1; from <= IMPRESSIONS; from += 1_000_000) {
      long to = Math.min(IMPRESSIONS, from + 999_999);
      jdbc.update(
          "INSERT INTO SL_STAT_IMPRESSION (OCCURRED_AT, WIDGET_ID, VISITOR_ID, ARM_KEY, ARM,"
              + " PLACEMENT, STAGE, SLOT_POSITION, LIST_TYPE, PRODUCTS) SELECT "
              + slotColumns
              + ", '819330,819518,820012,820345' FROM SYSTEM_RANGE("
              + from
              + ", "
              + to
              + ")");
      jdbc.update(
          "INSERT INTO SL_STAT_CLICK (OCCURRED_AT, WIDGET_ID, VISITOR_ID, ARM_KEY, ARM, PLACEMENT,"
              + " STAGE, SLOT_POSITION, LIST_TYPE, ITEM_POSITION, PRODUCT_ID) SELECT "
              + slotColumns
              + ", 0, '819330' FROM SYSTEM_RANGE("
              + from
              + ", "
              + to
              + ") WHERE MOD(X, 30) = 0");
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
    rollups = new StatsRollups(dataSource);
    System.out.printf(
        "%n%,d impressions generated in %d s; %d hours rolled up in %d s; %d roll-up rows%n",
        jdbc.queryForObject("SELECT COUNT(*) FROM SL_STAT_IMPRESSION", Long.class),
        TimeUnit.NANOSECONDS.toSeconds(generated - started),
        hours,
        TimeUnit.NANOSECONDS.toSeconds(rolled - generated),
        jdbc.queryForObject("SELECT COUNT(*) FROM SL_STAT_HOURLY", Long.class));
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
  public Object figuresPerKey() {
    return rollups.byKey(START, END);
  }

  @Benchmark
  public Object figuresPerDay() {
    return rollups.byDay(START, END, ZoneOffset.UTC);
  }

  @Benchmark
  public Object armTotals() {
    return rollups.arms(START, END);
  }

  @Benchmark
  public Object[] statisticsScreen() {
    return new Object[] {
      rollups.byKey(START, END),
      rollups.byDay(START, END, ZoneOffset.UTC),
      rollups.arms(START, END),
      rollups.rolledUpTo()
    };
  }
}
