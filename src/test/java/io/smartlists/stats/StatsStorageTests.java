package io.smartlists.stats;

import static org.assertj.core.api.Assertions.assertThat;

import io.smartlists.host.OrderConfirmed;
import io.smartlists.host.OrderLine;
import io.smartlists.host.OrderRecord;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import tools.jackson.databind.json.JsonMapper;

/**
 * The statistics storage on a real (H2) database with the module's migrations: raw events written
 * by the recorder, rolled up per closed hour once, the figures the same before and after the
 * roll-up (roll-ups for the rolled-up hours, raw rows for the rest), and raw rows purged after the
 * retention but never before their hour is rolled up.
 */
class StatsStorageTests {

  static final Instant H0 = Instant.parse("2026-11-23T08:00:00Z");
  static final Instant H1 = H0.plus(Duration.ofHours(1));
  static final Instant H2 = H1.plus(Duration.ofHours(1));
  static final LocalDate DAY = LocalDate.of(2026, 11, 23);
  static final String CROSS = "SMART_CROSS_SELLING";
  static final String BEST = "BESTSELLERS_CATALOG";

  DataSource db;
  JdbcTemplate jdbc;
  ShopperEventRecorder recorder;
  JdbcStatsQueries queries;

  @BeforeEach
  void database() {
    db = newDatabase();
    Flyway.configure()
        .dataSource(db)
        .locations("classpath:db/smartlists/eventlog", "classpath:db/smartlists/stats")
        .table("SL_SCHEMA_HISTORY")
        .load()
        .migrate();
    jdbc = new JdbcTemplate(db);
    recorder =
        new ShopperEventRecorder(db, 10_000, 1000, Duration.ofHours(1), Duration.ofSeconds(5));
    queries = new JdbcStatsQueries(jdbc);
  }

  @AfterEach
  void stop() {
    recorder.stop();
  }

  /** A fresh, empty database for one test (H2 here; the PostgreSQL subclass overrides it). */
  DataSource newDatabase() {
    return new DriverManagerDataSource(
        "jdbc:h2:mem:stats-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1", "sa", "");
  }

  StatsRollupJob job(Duration retention) {
    return new StatsRollupJob(
        db, Duration.ofMinutes(2), retention, "node-" + UUID.randomUUID(), Clock.systemUTC());
  }

  void impression(
      Instant at,
      String widget,
      String visitor,
      @Nullable String customer,
      Arm arm,
      int slot,
      String list,
      String... products) {
    List<Boolean> fallbacks = new ArrayList<>();
    for (int i = 0; i < products.length; i++) {
      fallbacks.add(i % 2 == 1);
    }
    recorder.record(
        ImpressionRow.TABLE,
        new ImpressionRow(
            at,
            widget,
            "PRODUCT_PAGE",
            "ACQUISITION",
            slot,
            list,
            arm,
            visitor,
            customer,
            List.of(products),
            fallbacks));
  }

  ClickRow click(
      Instant at, String token, String widget, String visitor, int slot, String list, String p) {
    ClickRow row =
        new ClickRow(
            at,
            token,
            new ClickToken(
                widget, "PRODUCT_PAGE", "ACQUISITION", list, slot, 0, p, at.getEpochSecond()),
            visitor,
            null);
    recorder.record(ClickRow.TABLE, row);
    return row;
  }

  void order(String id, String visitor, Instant at, OrderLine... lines) {
    OrderConfirmed event =
        new OrderConfirmed(visitor, new OrderRecord(id, null, at, List.of(lines)), at);
    jdbc.update(
        "INSERT INTO SL_EVENT (TYPE, VISITOR_ID, CUSTOMER_ID, PAYLOAD, OCCURRED_AT) VALUES (?, ?,"
            + " ?, ?, ?)",
        "OrderConfirmed",
        visitor,
        null,
        JsonMapper.builder().build().writeValueAsString(event),
        OffsetDateTime.ofInstant(at, ZoneOffset.UTC));
    new StatOrders(db).record(event);
  }

  /** Three visitors over two hours (one in the holdout), and traffic in the hour after. */
  void traffic() {
    impression(H0.plusSeconds(10), "w1", "v1", null, Arm.EXPOSED, 0, CROSS, "p7", "p8", "p9");
    impression(H0.plusSeconds(10), "w1", "v1", null, Arm.EXPOSED, 1, BEST, "p9", "p10");
    ClickRow c1 = click(H0.plusSeconds(20), "t1", "w1", "v1", 1, BEST, "p9");
    // the same token recorded again (another node) in the next hour: one click, in H0
    click(H1.plusSeconds(5), "t1", "w1", "v1", 1, BEST, "p9");
    recorder.record(
        CartAddRow.TABLE, new CartAddRow(H0.plusSeconds(30), c1, 1, "v1", (String) null));
    recorder.record(
        CartAddRow.TABLE, new CartAddRow(H1.plusSeconds(40), c1, 2, "v1", (String) null));
    impression(H0.plus(Duration.ofMinutes(59)), "w2", "v2", "c2", Arm.EXPOSED, 0, CROSS, "p1");
    impression(H1.plusSeconds(1), "w3", "v2", "c2", Arm.EXPOSED, 0, CROSS, "p1", "p2");
    impression(H1.plusSeconds(2), "w4", "v3", null, Arm.HOLDOUT, 0, CROSS, "p1");
    click(H1.plusSeconds(30), "t2", "w3", "v2", 0, CROSS, "p2");
    impression(H2.plusSeconds(3), "w5", "v1", null, Arm.EXPOSED, 0, CROSS, "p4");
    click(H2.plusSeconds(4), "t3", "w5", "v1", 0, CROSS, "p4");
    recorder.flush();
    order("o1", "v1", H0.plusSeconds(50), new OrderLine("p9", 2, new BigDecimal("3.50")));
    order("o2", "v2", H2.plusSeconds(50), new OrderLine("p2", 1, new BigDecimal("10.00")));
  }

  /** Everything the figures read for the day, in a comparable form. */
  record Snapshot(
      List<StatsQueries.Count> exposed,
      List<StatsQueries.Count> holdout,
      List<StatsQueries.Count> clicks,
      List<StatsQueries.Count> cartAdds,
      List<LegacyStats.Exposure> exposures,
      HoldoutAnalysis.Sample shoppers,
      StatsFigures.Row total,
      List<StatsFigures.Row> rows) {}

  Snapshot snapshot() {
    Instant from = DAY.atStartOfDay(ZoneOffset.UTC).toInstant();
    Instant to = from.plus(Duration.ofDays(1));
    Comparator<StatsQueries.Count> byKey =
        Comparator.comparing((StatsQueries.Count c) -> c.day())
            .thenComparing(c -> c.slot().list())
            .thenComparing(c -> c.slot().stage());
    StatsFigures figures =
        new StatsFigures(queries, Duration.ofHours(24), 0.1, Clock.fixed(H2, ZoneOffset.UTC));
    StatsFigures.Report report = figures.report(DAY, DAY);
    return new Snapshot(
        sorted(queries.impressions(from, to, Arm.EXPOSED), byKey),
        sorted(queries.impressions(from, to, Arm.HOLDOUT), byKey),
        sorted(queries.clicks(from, to), byKey),
        sorted(queries.cartAdds(from, to), byKey),
        sorted(
            new LegacyStats(jdbc, 0.1).exposures(from, to),
            Comparator.comparing(LegacyStats.Exposure::visitorId)
                .thenComparing(e -> e.arm().name())),
        sorted(queries.holdout(from, to)),
        report.total(),
        report.rows());
  }

  static HoldoutAnalysis.Sample sorted(HoldoutAnalysis.Sample sample) {
    return new HoldoutAnalysis.Sample(
        sample.exposedShoppers(),
        sample.holdoutShoppers(),
        sorted(
            sample.converters(),
            Comparator.comparing((HoldoutAnalysis.Converter c) -> c.arm())
                .thenComparing(c -> c.orders())
                .thenComparing(c -> c.revenue())));
  }

  static <T> List<T> sorted(List<T> list, Comparator<T> order) {
    List<T> copy = new ArrayList<>(list);
    copy.sort(order);
    return copy;
  }

  long count(String sql) {
    Long n = jdbc.queryForObject(sql, Long.class);
    return n == null ? 0 : n;
  }

  @Test
  void rollUp_closedHoursOnce_andTheFiguresAreTheSameBeforeAndAfter() {
    traffic();
    Snapshot before = snapshot();
    assertThat(before.total().impressions()).isEqualTo(5);
    assertThat(before.total().clicks()).as("t1 twice counts once").isEqualTo(3);
    assertThat(before.total().cartAdds()).as("one add per click token").isEqualTo(1);
    assertThat(before.total().attributedOrders()).isEqualTo(2);
    assertThat(before.total().attributedRevenue()).isEqualByComparingTo("17.00");
    assertThat(before.holdout()).extracting(StatsQueries.Count::count).containsExactly(1L);
    assertThat(before.exposures()).hasSize(3);
    // v1 and v2 (customer c2) exposed, v3 held out; v1's o1 and c2's o2 after their impressions
    assertThat(before.shoppers().exposedShoppers()).isEqualTo(2);
    assertThat(before.shoppers().holdoutShoppers()).isEqualTo(1);
    assertThat(before.shoppers().converters())
        .containsExactly(
            new HoldoutAnalysis.Converter(Arm.EXPOSED, 1, 7.0),
            new HoldoutAnalysis.Converter(Arm.EXPOSED, 1, 10.0));

    StatsRollupJob job = job(Duration.ofDays(90));
    // H2 is still open at H2 + 30 min: H0 and H1 are rolled up, H2 is read raw
    assertThat(job.rollUp(H2.plus(Duration.ofMinutes(30)))).isEqualTo(2);
    assertThat(job.rollUp(H2.plus(Duration.ofMinutes(30)))).as("again: nothing new").isZero();
    assertThat(job(Duration.ofDays(90)).rollUp(H2.plus(Duration.ofMinutes(30))))
        .as("another node")
        .isZero();
    assertThat(count("SELECT COUNT(*) FROM SL_STAT_ROLLUP")).isEqualTo(2);
    assertThat(count("SELECT SUM(IMPRESSIONS) FROM SL_STAT_HOURLY")).isEqualTo(5);
    assertThat(count("SELECT SUM(CLICKS) FROM SL_STAT_HOURLY")).isEqualTo(2);
    assertThat(count("SELECT SUM(CLICKS) FROM SL_STAT_HOURLY WHERE ARM = 'EXPOSED'")).isEqualTo(2);
    assertThat(count("SELECT SUM(CART_ADDS) FROM SL_STAT_HOURLY")).isEqualTo(1);
    assertThat(count("SELECT COUNT(*) FROM SL_STAT_HOURLY_EXPOSURE")).isEqualTo(4);

    assertThat(snapshot()).isEqualTo(before);

    // the grace: H2 ends, but its events are only rolled up 2 minutes later
    assertThat(job.rollUp(H2.plus(Duration.ofMinutes(61)))).isZero();
    assertThat(job.rollUp(H2.plus(Duration.ofMinutes(62)))).isEqualTo(1);
    assertThat(snapshot()).isEqualTo(before);
  }

  @Test
  void rollUp_twoNodesAtOnce_eachHourOnce() throws Exception {
    traffic();
    Snapshot before = snapshot();
    Instant now = H2.plus(Duration.ofHours(3));
    CountDownLatch go = new CountDownLatch(1);
    List<Callable<Integer>> nodes = new ArrayList<>();
    for (int i = 0; i < 2; i++) {
      StatsRollupJob job = job(Duration.ofDays(90));
      nodes.add(
          () -> {
            go.await();
            int hours = 0;
            // a node that lost an hour stops its run; the next run carries on
            for (int run = 0; run < 10; run++) {
              hours += job.rollUp(now);
            }
            return hours;
          });
    }
    ExecutorService pool = Executors.newFixedThreadPool(2);
    try {
      List<Future<Integer>> done = new ArrayList<>();
      for (Callable<Integer> n : nodes) {
        done.add(pool.submit(n));
      }
      go.countDown();
      int total = 0;
      for (Future<Integer> f : done) {
        total += f.get();
      }
      // H0 .. H2 + 1 h (closed by H2 + 3 h): 4 hours, each rolled up by exactly one node
      assertThat(total).isEqualTo(4);
    } finally {
      pool.shutdownNow();
    }
    assertThat(count("SELECT COUNT(*) FROM SL_STAT_ROLLUP")).isEqualTo(4);
    assertThat(count("SELECT COUNT(DISTINCT HOUR_START) FROM SL_STAT_ROLLUP")).isEqualTo(4);
    assertThat(snapshot()).isEqualTo(before);
  }

  @Test
  void purge_deletesRawRowsPastTheRetention_neverAnHourNotRolledUp() {
    traffic();
    Snapshot before = snapshot();
    StatsRollupJob job = job(Duration.ofDays(30));
    Instant later = H0.plus(Duration.ofDays(30)).plus(Duration.ofMinutes(90));

    // nothing rolled up yet: nothing purged, however old
    assertThat(job.purge(later)).isZero();
    assertThat(count("SELECT COUNT(*) FROM SL_STAT_IMPRESSION")).isEqualTo(6);

    // H0 rolled up, and 30 days + 90 minutes later H0 (only) is past the retention
    assertThat(job.rollUp(H1.plus(Duration.ofMinutes(30)))).isEqualTo(1);
    assertThat(job.purge(later)).isEqualTo(3 + 1 + 1); // H0's impressions, click, add-to-cart
    assertThat(
            jdbc.queryForObject(
                "SELECT COUNT(*) FROM SL_STAT_IMPRESSION WHERE AT < ?", Long.class, Sql.utc(H1)))
        .isZero();
    assertThat(count("SELECT COUNT(*) FROM SL_STAT_IMPRESSION")).isEqualTo(3);

    // the counts still come from H0's roll-up; attribution needs the raw clicks (purged with H0)
    Snapshot after = snapshot();
    assertThat(after.exposed()).isEqualTo(before.exposed());
    assertThat(after.holdout()).isEqualTo(before.holdout());
    assertThat(after.exposures()).isEqualTo(before.exposures());
    assertThat(after.shoppers()).isEqualTo(before.shoppers());
    assertThat(after.total().impressions()).isEqualTo(5);
  }

  /**
   * Over several days the counts of the days wholly inside the rolled-up span come from the daily
   * roll-up, the hours at its edges from the hourly one and the rest raw, and add up to the same
   * figures as the raw rows alone.
   */
  @Test
  void rollUp_overDays_dailyRollUpForWholeDays_sameFigures() {
    Instant day1 = DAY.atStartOfDay(ZoneOffset.UTC).toInstant();
    Instant day2 = day1.plus(Duration.ofDays(1));
    Instant day3 = day2.plus(Duration.ofDays(1));
    impression(day1.plus(Duration.ofHours(10)), "w1", "v1", null, Arm.EXPOSED, 0, CROSS, "p1");
    impression(day1.plus(Duration.ofHours(10)), "w1", "v1", null, Arm.EXPOSED, 1, BEST, "p2");
    ClickRow c1 = click(day1.plus(Duration.ofHours(11)), "t1", "w1", "v1", 1, BEST, "p2");
    recorder.record(
        CartAddRow.TABLE,
        new CartAddRow(day1.plus(Duration.ofHours(23)), c1, 1, "v1", (String) null));
    impression(day2.plus(Duration.ofHours(5)), "w2", "v2", "c2", Arm.EXPOSED, 0, CROSS, "p1");
    impression(day2.plusSeconds(83_000), "w3", "v3", null, Arm.HOLDOUT, 0, CROSS, "p1");
    click(day2.plus(Duration.ofHours(5)), "t2", "w2", "v2", 0, CROSS, "p1");
    click(day2.plus(Duration.ofHours(6)), "t1", "w1", "v1", 1, BEST, "p2"); // t1 again: once
    impression(day3.plus(Duration.ofMinutes(30)), "w4", "v1", null, Arm.EXPOSED, 0, CROSS, "p3");
    click(day3.plus(Duration.ofMinutes(31)), "t3", "w4", "v1", 0, CROSS, "p3");
    impression(day3.plus(Duration.ofMinutes(150)), "w5", "v2", "c2", Arm.EXPOSED, 0, BEST, "p4");
    recorder.flush();
    Instant from = day1;
    Instant to = day3.plus(Duration.ofDays(1));
    List<List<StatsQueries.Count>> before =
        List.of(
            queries.impressions(from, to, Arm.EXPOSED),
            queries.impressions(from, to, Arm.HOLDOUT),
            queries.clicks(from, to),
            queries.cartAdds(from, to),
            queries.impressions(day2, day3, Arm.EXPOSED));

    // at day 3, 02:30 the hours up to day 3, 02:00 are rolled up: day 1 from 10:00 (its first
    // event) is partial, day 2 is whole, day 3 has two hours rolled and the rest raw
    assertThat(job(Duration.ofDays(90)).rollUp(day3.plus(Duration.ofMinutes(150))))
        .isEqualTo(14 + 24 + 2);
    assertThat(count("SELECT COUNT(DISTINCT EPOCH_DAY) FROM SL_STAT_DAILY")).isEqualTo(2);
    assertThat(
            count(
                "SELECT SUM(IMPRESSIONS) FROM SL_STAT_DAILY WHERE EPOCH_DAY = "
                    + DAY.plusDays(1).toEpochDay()))
        .isEqualTo(2);
    assertThat(
            count(
                "SELECT SUM(CLICKS) FROM SL_STAT_DAILY WHERE EPOCH_DAY = "
                    + DAY.plusDays(1).toEpochDay()))
        .as("t1 counts in day 1, where it was first recorded")
        .isEqualTo(1);
    // the day rows must be what is read for day 2: change them and the figures follow
    jdbc.update(
        "UPDATE SL_STAT_DAILY SET IMPRESSIONS = IMPRESSIONS + 100 WHERE EPOCH_DAY = ? AND ARM ="
            + " 'EXPOSED'",
        DAY.plusDays(1).toEpochDay());
    assertThat(queries.impressions(day2, day3, Arm.EXPOSED))
        .extracting(StatsQueries.Count::count)
        .containsExactly(101L);
    jdbc.update(
        "UPDATE SL_STAT_DAILY SET IMPRESSIONS = IMPRESSIONS - 100 WHERE EPOCH_DAY = ? AND ARM ="
            + " 'EXPOSED'",
        DAY.plusDays(1).toEpochDay());
    List<List<StatsQueries.Count>> after =
        List.of(
            queries.impressions(from, to, Arm.EXPOSED),
            queries.impressions(from, to, Arm.HOLDOUT),
            queries.clicks(from, to),
            queries.cartAdds(from, to),
            queries.impressions(day2, day3, Arm.EXPOSED));
    Comparator<StatsQueries.Count> byKey =
        Comparator.comparing((StatsQueries.Count c) -> c.day()).thenComparing(c -> c.slot().list());
    for (int i = 0; i < before.size(); i++) {
      assertThat(sorted(after.get(i), byKey)).isEqualTo(sorted(before.get(i), byKey));
    }
    assertThat(before.get(0)).extracting(StatsQueries.Count::count).containsOnly(1L);
    assertThat(before.get(0)).hasSize(5);
    assertThat(before.get(2)).extracting(StatsQueries.Count::count).containsOnly(1L).hasSize(3);
  }
}
