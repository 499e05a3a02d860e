package io.smartlists.bench;

import io.smartlists.host.OrderCancelled;
import io.smartlists.host.OrderConfirmed;
import io.smartlists.host.OrderLine;
import io.smartlists.host.OrderRecord;
import io.smartlists.host.SmartListsEvent;
import io.smartlists.stats.JdbcStatsQueries;
import io.smartlists.stats.StatOrders;
import io.smartlists.stats.StatsFigures;
import io.smartlists.stats.StatsRollupJob;
import java.math.BigDecimal;
import java.sql.ResultSetMetaData;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.jspecify.annotations.Nullable;
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
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.PreparedStatementCreator;
import org.springframework.jdbc.core.PreparedStatementSetter;
import org.springframework.jdbc.core.ResultSetExtractor;
import org.springframework.jdbc.core.SqlProvider;
import tools.jackson.databind.json.JsonMapper;

/**
 * The admin's Statistics screen over {@code impressions} raw slot impressions (10,000,000 for the
 * issue's target) rolled up: the whole {@link StatsFigures#report} the screen's controller calls
 * for the last {@code days} days (7, 30 or 90, today included), through {@link JdbcStatsQueries}:
 * the hourly roll-ups for the rolled-up hours plus the raw tail (the current hour and the one in
 * its grace), the attribution's raw clicks, the orders from {@code SL_STAT_ORDER}, and the holdout
 * comparison grouped in the database from the exposure roll-up and those orders.
 *
 * <p>Set-up (repeated for each parameter set; prints how long each step took): the module's
 * migrations, then the rows are generated inside the database in bulk ({@code INSERT ... SELECT}
 * from {@code SYSTEM_RANGE} on H2, {@code generate_series} on PostgreSQL). Workload over the 90
 * days before "now" (a Tuesday 14:20 UTC): {@code impressions / 24} shopper sessions spread evenly,
 * each 8 widgets of 3 slots a minute apart; 0.6 visitors per session (so visitors come back), 30 %
 * of visitors signed in on two sessions out of three, 10 % of visitors in the holdout arm; the
 * session's stage (35/25/15/13/8/4 % from acquisition to B2B); placements 70 % product page, 20 %
 * cart, 10 % order confirmation; one list per (placement, stage, slot) like a configuration; a
 * click on 1 % of exposed slot impressions, 2 % of the click tokens recorded again (another node or
 * a replay), an add-to-cart for 20 % of clicks; one {@code ProductViewed} in {@code SL_EVENT} per
 * product-page widget; orders written as the event log writes them: 8 % of clicks are bought 15
 * minutes later with one other product, 3 % of sessions order without a click, 3 % of orders are
 * cancelled the next day; then {@link StatOrders#backfill} keeps their figures in {@code
 * SL_STAT_ORDER} as the publisher would have. Then {@code ANALYZE}, then the module's own {@link
 * StatsRollupJob} rolls every closed hour up as a node would, and one report runs with the plan of
 * each of its statements printed ({@code EXPLAIN ANALYZE}) and timed.
 *
 * <p>{@code db=h2}: embedded in-memory H2; {@code db=postgres}: a fresh schema in {@code
 * SMARTLISTS_TEST_POSTGRES_URL} ({@code source <(.ci/postgres.sh start)}), dropped afterwards. Run
 * (see BENCHMARKS.md): {@code ./mvnw -q -Pjmh -Dsl.build.dir=target-jmh test-compile exec:exec
 * -Djmh.args="StatsQueryBenchmark -f 1 -wi 3 -w 2s -i 5 -r 2s"}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class StatsQueryBenchmark {

  /** "Now" for the roll-up and the screen: the data ends here. */
  static final Instant NOW = Instant.parse("2026-11-24T14:20:00Z");

  static final Instant START = NOW.minus(Duration.ofDays(90));
  static final int SLOTS_PER_SESSION = 24;
  static final String[] PLACEMENTS = {"PRODUCT_PAGE", "CART", "ORDER_CONFIRMATION"};
  static final String[] STAGES = {
    "ACQUISITION", "CONVERSION", "SECOND_ORDER", "LOYALTY", "REACTIVATION", "B2B"
  };
  static final String[] LISTS = {
    "SMART_CROSS_SELLING", "BESTSELLERS_CATALOG", "BESTSELLERS_CATEGORIES",
    "NEW_ARRIVALS_CATALOG", "ORDER_PRODUCT_REMINDERS", "BESTSELLERS_VISITED_CATEGORY",
    "BESTSELLERS_MANUFACTURERS"
  };

  @Param({"h2", "postgres"})
  String db;

  @Param({"10000000"})
  long impressions;

  @Param({"7", "30", "90"})
  int days;

  BenchDatabase database;
  StatsFigures figures;
  LocalDate from;
  LocalDate to;

  @Setup(Level.Trial)
  public void setUp() {
    database = BenchDatabase.open(db, 4);
    JdbcTemplate jdbc = database.jdbc;
    long t0 = System.nanoTime();
    generate(jdbc);
    long t1 = System.nanoTime();
    jdbc.execute("ANALYZE");
    long t2 = System.nanoTime();
    StatsRollupJob job =
        new StatsRollupJob(
            database.dataSource,
            Duration.ofMinutes(2),
            Duration.ofDays(3650),
            "bench",
            Clock.fixed(NOW, ZoneOffset.UTC));
    int hours = job.rollUp();
    long t3 = System.nanoTime();
    // what autovacuum does on PostgreSQL after a while: statistics and the visibility map
    jdbc.execute(database.postgres() ? "VACUUM ANALYZE" : "ANALYZE");
    System.out.printf(
        "%n[%s] %,d impressions, %,d clicks, %,d add-to-carts, %,d SL_EVENT rows (%,d orders,"
            + " %,d in SL_STAT_ORDER)"
            + " generated in %.1f s, analysed in %.1f s; %,d hours rolled up by StatsRollupJob in"
            + " %.1f s: %,d hourly rows, %,d exposure rows%n",
        db,
        count(jdbc, "SL_STAT_IMPRESSION"),
        count(jdbc, "SL_STAT_CLICK"),
        count(jdbc, "SL_STAT_CART_ADD"),
        count(jdbc, "SL_EVENT"),
        jdbc.queryForObject(
            "SELECT COUNT(*) FROM SL_EVENT WHERE TYPE = 'OrderConfirmed'", Long.class),
        count(jdbc, "SL_STAT_ORDER"),
        seconds(t1 - t0),
        seconds(t2 - t1),
        hours,
        seconds(t3 - t2),
        count(jdbc, "SL_STAT_HOURLY"),
        count(jdbc, "SL_STAT_HOURLY_EXPOSURE"));
    to = LocalDate.ofInstant(NOW, ZoneOffset.UTC);
    from = to.minusDays(days - 1L);
    Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);
    ExplainingJdbcTemplate explaining = new ExplainingJdbcTemplate(database.dataSource);
    StatsFigures timed =
        new StatsFigures(new JdbcStatsQueries(explaining), Duration.ofHours(24), 0.1, clock);
    StatsFigures.Report once = timed.report(from, to);
    once = timed.report(from, to);
    explaining.clear(); // the plans and times of the third, warmer run
    long t = System.nanoTime();
    once = timed.report(from, to);
    long total = System.nanoTime() - t;
    System.out.printf(
        "[%s] %d days, third run: %.1f ms, of which %.1f ms in its statements (rows read"
            + " included)%n",
        db, days, total / 1e6, explaining.nanos() / 1e6);
    explaining.explain(database.postgres());
    System.out.printf(
        "[%s] %d days: %,d impressions, %,d clicks, %,d attributed orders in %d rows; holdout %s%n",
        db,
        days,
        once.total().impressions(),
        once.total().clicks(),
        once.total().attributedOrders(),
        once.rows().size(),
        once.holdout());
    figures =
        new StatsFigures(new JdbcStatsQueries(database.jdbc), Duration.ofHours(24), 0.1, clock);
  }

  @TearDown(Level.Trial)
  public void tearDown() {
    database.close();
  }

  /** What the Statistics screen (and its CSV export) computes for the last {@code days} days. */
  @Benchmark
  public StatsFigures.Report statisticsScreen() {
    return figures.report(from, to);
  }

  private static long count(JdbcTemplate jdbc, String table) {
    Long n = jdbc.queryForObject("SELECT COUNT(*) FROM " + table, Long.class);
    return n == null ? 0 : n;
  }

  private static double seconds(long nanos) {
    return nanos / 1e9;
  }

  // --- generation -----------------------------------------------------------------------------

  private String range(long from, long to) {
    return database.postgres()
        ? "generate_series(CAST(" + from + " AS BIGINT), CAST(" + to + " AS BIGINT)) AS K(X)"
        : "SYSTEM_RANGE(" + from + ", " + to + ") K";
  }

  private String plusSeconds(String timestamp, String seconds) {
    return database.postgres()
        ? "(" + timestamp + " + (" + seconds + ") * INTERVAL '1 second')"
        : "DATEADD('SECOND', " + seconds + ", " + timestamp + ")";
  }

  /**
   * A pseudo-random number in [0, modulus) from an integer expression (Fibonacci hashing, then the
   * middle bits), so that the generated attributes do not line up with each other's residues.
   */
  private static String hash(String expr, int salt, long modulus) {
    return "MOD(((" + expr + ") * 2654435761 + " + salt * 40503L + ") / 65536, " + modulus + ")";
  }

  private static String caseOf(String index, String[] values) {
    StringBuilder sb = new StringBuilder("CASE ").append(index);
    for (int i = 0; i < values.length; i++) {
      sb.append(" WHEN ").append(i).append(" THEN '").append(values[i]).append('\'');
    }
    return sb.append(" END").toString();
  }

  private void generate(JdbcTemplate jdbc) {
    long sessions = Math.max(1, impressions / SLOTS_PER_SESSION);
    long visitors = Math.max(1, sessions * 3 / 5);
    long span = Duration.ofDays(90).minus(Duration.ofMinutes(40)).toSeconds();
    String start =
        "CAST('"
            + OffsetDateTime.ofInstant(START, ZoneOffset.UTC)
            + "' AS TIMESTAMP WITH TIME ZONE)";
    jdbc.execute(
        "CREATE TABLE BENCH_SESSION (S BIGINT PRIMARY KEY, START_AT TIMESTAMP WITH TIME ZONE NOT"
            + " NULL, VN BIGINT NOT NULL, SI INT NOT NULL, ARM VARCHAR(10) NOT NULL, VISITOR_ID"
            + " VARCHAR(64) NOT NULL, CUSTOMER_ID VARCHAR(100))");
    // stage buckets 35/25/15/13/8/4 %
    String bucket = hash("Q.S", 5, 100);
    String stageIndex =
        "CASE WHEN "
            + bucket
            + " < 35 THEN 0 WHEN "
            + bucket
            + " < 60 THEN 1 WHEN "
            + bucket
            + " < 75 THEN 2 WHEN "
            + bucket
            + " < 88 THEN 3 WHEN "
            + bucket
            + " < 96 THEN 4 ELSE 5 END";
    jdbc.update(
        "INSERT INTO BENCH_SESSION (S, START_AT, VN, SI, ARM, VISITOR_ID, CUSTOMER_ID) SELECT Q.S, "
            + plusSeconds(start, "Q.S * " + span + " / " + sessions + " + MOD(Q.S * 7919, 600)")
            + ", Q.VN, "
            + stageIndex
            + ", CASE WHEN "
            + hash("Q.VN", 2, 10)
            + " = 0 THEN 'HOLDOUT' ELSE 'EXPOSED' END, 'v' ||"
            + " Q.VN, CASE WHEN "
            + hash("Q.VN", 3, 10)
            + " < 3 AND "
            + hash("Q.S", 4, 3)
            + " <> 0 THEN 'c' || Q.VN END FROM"
            + " (SELECT K.X AS S, "
            + hash("K.X", 1, visitors)
            + " AS VN FROM "
            + range(0, sessions - 1)
            + ") Q");
    String w = "(K.X / 3)";
    String slot = "MOD(K.X, 3)";
    String p = hash("B.S * 8 + " + w, 6, 10);
    String placementIndex = "CASE WHEN " + p + " < 7 THEN 0 WHEN " + p + " < 9 THEN 1 ELSE 2 END";
    String list = caseOf("MOD((" + placementIndex + ") * 5 + B.SI * 3 + " + slot + ", 7)", LISTS);
    long chunk = 50_000;
    for (long a = 0; a < sessions; a += chunk) {
      long b = Math.min(sessions, a + chunk) - 1;
      jdbc.update(
          "INSERT INTO SL_STAT_IMPRESSION (AT, WIDGET_ID, PLACEMENT, STAGE, SLOT_POSITION,"
              + " LIST_TYPE, ARM, VISITOR_ID, CUSTOMER_ID, ITEM_COUNT, PRODUCTS, FALLBACKS) SELECT "
              + plusSeconds("B.START_AT", w + " * 60 + MOD(B.S, 40)")
              + ", 'w' || B.S || '-' || "
              + w
              + ", "
              + caseOf(placementIndex, PLACEMENTS)
              + ", "
              + caseOf("B.SI", STAGES)
              + ", "
              + slot
              + ", "
              + list
              + ", B.ARM, B.VISITOR_ID, B.CUSTOMER_ID, 4, 'p' || MOD(B.S * 31 + K.X, 5000) ||"
              + " ',p' || MOD(B.S * 37 + K.X, 5000) || ',p' || MOD(B.S * 41 + K.X, 5000) || ',p'"
              + " || MOD(B.S * 43 + K.X, 5000), '0001' FROM BENCH_SESSION B, "
              + range(0, SLOTS_PER_SESSION - 1)
              + " WHERE B.S BETWEEN "
              + a
              + " AND "
              + b
              + " ORDER BY B.S, K.X");
    }
    String clickColumns =
        "AT, TOKEN, WIDGET_ID, PLACEMENT, STAGE, SLOT_POSITION, LIST_TYPE, ITEM_POSITION,"
            + " PRODUCT_ID, VISITOR_ID, CUSTOMER_ID";
    jdbc.update(
        "INSERT INTO SL_STAT_CLICK ("
            + clickColumns
            + ") SELECT "
            + plusSeconds("AT", "25")
            + ", 't' || ID, WIDGET_ID, PLACEMENT, STAGE, SLOT_POSITION, LIST_TYPE, MOD(ID, 4), 'p'"
            + " || MOD(ID * 31, 5000), VISITOR_ID, CUSTOMER_ID FROM SL_STAT_IMPRESSION WHERE ARM ="
            + " 'EXPOSED' AND "
            + hash("ID", 7, 100)
            + " = 0 ORDER BY ID");
    jdbc.update(
        "INSERT INTO SL_STAT_CLICK ("
            + clickColumns
            + ") SELECT "
            + plusSeconds("AT", "90")
            + ", TOKEN, WIDGET_ID, PLACEMENT, STAGE, SLOT_POSITION, LIST_TYPE, ITEM_POSITION,"
            + " PRODUCT_ID, VISITOR_ID, CUSTOMER_ID FROM SL_STAT_CLICK WHERE "
            + hash("ID", 8, 50)
            + " = 0"
            + " ORDER BY ID");
    jdbc.update(
        "INSERT INTO SL_STAT_CART_ADD (AT, CLICK_TOKEN, WIDGET_ID, PLACEMENT, STAGE, SLOT_POSITION,"
            + " LIST_TYPE, PRODUCT_ID, QUANTITY, VISITOR_ID, CUSTOMER_ID) SELECT "
            + plusSeconds("AT", "40")
            + ", TOKEN, WIDGET_ID, PLACEMENT, STAGE, SLOT_POSITION, LIST_TYPE, PRODUCT_ID, 1,"
            + " VISITOR_ID, CUSTOMER_ID FROM SL_STAT_CLICK WHERE "
            + hash("ID", 9, 5)
            + " = 0 ORDER BY ID");
    jdbc.update(
        "INSERT INTO SL_EVENT (TYPE, VISITOR_ID, CUSTOMER_ID, PAYLOAD, OCCURRED_AT, ORIGIN) SELECT"
            + " 'ProductViewed', VISITOR_ID, CUSTOMER_ID, '{\"visitorId\":\"' || VISITOR_ID ||"
            + " '\",\"productId\":\"p' || MOD(ID, 5000) || '\"}', AT, 'bench' FROM"
            + " SL_STAT_IMPRESSION WHERE SLOT_POSITION = 0 AND PLACEMENT = 'PRODUCT_PAGE' ORDER BY"
            + " ID");
    writeOrders(jdbc);
    // the orders' figures, as the publisher keeps them beside each order event (and as migration
    // V3_3_1 fills them from an existing log): StatOrders over the log's order events in id order
    jdbc.execute(
        (java.sql.Connection con) -> {
          boolean autoCommit = con.getAutoCommit();
          con.setAutoCommit(false);
          try {
            StatOrders.backfill(con);
            con.commit();
          } finally {
            con.setAutoCommit(autoCommit);
          }
          return null;
        });
    jdbc.execute("DROP TABLE BENCH_SESSION");
  }

  /** Orders as {@code JdbcEventPublisher} writes them (the event record as JSON). */
  private void writeOrders(JdbcTemplate jdbc) {
    List<OrderConfirmed> orders = new ArrayList<>();
    int[] n = {0};
    jdbc.query(
        "SELECT AT, VISITOR_ID, CUSTOMER_ID, PRODUCT_ID FROM SL_STAT_CLICK WHERE "
            + hash("ID", 10, 100)
            + " < 8 ORDER BY ID",
        rs -> {
          Instant at = rs.getObject(1, OffsetDateTime.class).toInstant().plusSeconds(900);
          order(orders, n[0]++, rs.getString(2), rs.getString(3), at, rs.getString(4));
        });
    jdbc.query(
        "SELECT START_AT, VISITOR_ID, CUSTOMER_ID FROM BENCH_SESSION WHERE "
            + hash("S", 11, 100)
            + " < 3 ORDER BY S",
        rs -> {
          Instant at = rs.getObject(1, OffsetDateTime.class).toInstant().plusSeconds(600);
          order(orders, n[0]++, rs.getString(2), rs.getString(3), at, null);
        });
    orders.sort((a, b) -> a.at().compareTo(b.at()));
    List<SmartListsEvent> events = new ArrayList<>(orders);
    for (int i = 0; i < orders.size(); i += 33) {
      OrderConfirmed o = orders.get(i);
      Instant at = o.at().plus(Duration.ofDays(1));
      if (at.isBefore(NOW)) {
        events.add(new OrderCancelled(o.visitorId(), o.order(), at));
      }
    }
    JsonMapper json = JsonMapper.builder().build();
    List<Object[]> rows = new ArrayList<>(events.size());
    for (SmartListsEvent e : events) {
      OrderRecord order = e instanceof OrderConfirmed c ? c.order() : ((OrderCancelled) e).order();
      Instant at = e instanceof OrderConfirmed c ? c.at() : ((OrderCancelled) e).at();
      String visitor =
          e instanceof OrderConfirmed c ? c.visitorId() : ((OrderCancelled) e).visitorId();
      rows.add(
          new Object[] {
            e.getClass().getSimpleName(),
            visitor,
            order.customerId(),
            json.writeValueAsString(e),
            OffsetDateTime.ofInstant(at, ZoneOffset.UTC)
          });
    }
    jdbc.batchUpdate(
        "INSERT INTO SL_EVENT (TYPE, VISITOR_ID, CUSTOMER_ID, PAYLOAD, OCCURRED_AT) VALUES (?, ?,"
            + " ?, ?, ?)",
        rows);
  }

  private static void order(
      List<OrderConfirmed> orders,
      int i,
      String visitor,
      @Nullable String customer,
      Instant at,
      @Nullable String clicked) {
    if (!at.isBefore(NOW)) {
      return;
    }
    List<OrderLine> lines = new ArrayList<>(3);
    if (clicked != null) {
      lines.add(new OrderLine(clicked, 1, price(i * 7)));
    }
    lines.add(new OrderLine("p" + (i * 131 % 5000), 1 + i % 2, price(i)));
    if (clicked == null && i % 3 == 0) {
      lines.add(new OrderLine("p" + (i * 137 % 5000), 1, price(i * 3)));
    }
    OrderRecord order = new OrderRecord("o" + i, customer, at, lines);
    orders.add(new OrderConfirmed(visitor, order, at));
  }

  private static BigDecimal price(int i) {
    return BigDecimal.valueOf(500 + (i * 7919L % 7500), 2);
  }

  // --- plans ----------------------------------------------------------------------------------

  /**
   * Runs like a {@link JdbcTemplate} and keeps each prepared query with its parameters, so that
   * {@link #explain} prints the plan of exactly the statements {@link JdbcStatsQueries} ran.
   */
  static final class ExplainingJdbcTemplate extends JdbcTemplate {

    private record Ran(String sql, @Nullable PreparedStatementSetter args, long nanos) {}

    private final List<Ran> ran = new ArrayList<>();

    ExplainingJdbcTemplate(DataSource dataSource) {
      super(dataSource);
    }

    @Override
    public <T> T query(
        PreparedStatementCreator psc,
        @Nullable PreparedStatementSetter pss,
        ResultSetExtractor<T> rse)
        throws DataAccessException {
      long t = System.nanoTime();
      T result = super.query(psc, pss, rse);
      if (psc instanceof SqlProvider p && p.getSql() != null) {
        ran.add(new Ran(p.getSql(), pss, System.nanoTime() - t));
      }
      return result;
    }

    void clear() {
      ran.clear();
    }

    long nanos() {
      long sum = 0;
      for (Ran r : ran) {
        sum += r.nanos();
      }
      return sum;
    }

    void explain(boolean postgres) {
      List<Ran> statements = List.copyOf(ran);
      ran.clear();
      for (Ran r : statements) {
        System.out.printf(
            "%n-- %.1f ms (third run, rows read included): %s%n", r.nanos() / 1e6, r.sql());
        String prefix = postgres ? "EXPLAIN (ANALYZE, BUFFERS) " : "EXPLAIN ANALYZE ";
        super.query(
            con -> con.prepareStatement(prefix + r.sql()),
            r.args(),
            rs -> {
              ResultSetMetaData meta = rs.getMetaData();
              while (rs.next()) {
                for (int i = 1; i <= meta.getColumnCount(); i++) {
                  System.out.println(rs.getString(i));
                }
              }
              return null;
            });
      }
    }
  }
}
