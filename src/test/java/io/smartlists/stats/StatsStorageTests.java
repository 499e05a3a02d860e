package io.smartlists.stats;

import static org.assertj.core.api.Assertions.assertThat;

import io.smartlists.eventlog.SmartListsSchema;
import io.smartlists.stats.StatsRollups.ArmSample;
import io.smartlists.stats.StatsRollups.ArmTotals;
import io.smartlists.stats.StatsRollups.Figures;
import io.smartlists.stats.StatsRollups.Key;
import io.smartlists.stats.StatsRollups.KeyFigures;
import io.smartlists.stats.TestStatRows.AddToCart;
import io.smartlists.stats.TestStatRows.Attribution;
import io.smartlists.stats.TestStatRows.Click;
import io.smartlists.stats.TestStatRows.Impression;
import io.smartlists.stats.TestStatRows.Order;
import io.smartlists.stats.TestStatRows.Slot;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * The statistics storage on a real (H2) database with the module's migrations: raw events written
 * by the recorder, rolled up per closed hour once, read back per key, per arm, per day and per
 * visitor, and purged after the retention but never before they are rolled up.
 */
class StatsStorageTests {

  static final Instant H0 = Instant.parse("2026-11-23T08:00:00Z");
  static final Instant H1 = H0.plus(Duration.ofHours(1));
  static final Instant H2 = H1.plus(Duration.ofHours(1));

  DataSource db;
  ShopperEventRecorder recorder;

  @BeforeEach
  void database() {
    db = newDatabase();
    new SmartListsSchema(db).afterPropertiesSet();
    recorder =
        new ShopperEventRecorder(db, 10_000, 1000, Duration.ofHours(1), Duration.ofSeconds(5));
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

  static Slot slot(
      String widget, String visitor, String customer, String arm, int pos, String list) {
    return new Slot(widget, visitor, customer, arm, "PRODUCT_PAGE", "ACQUISITION", pos, list);
  }

  static final String CROSS = "SMART_CROSS_SELLING";
  static final String BEST = "BESTSELLERS_CATALOG";

  /** Three visitors over two hours, and one impression in the hour after. */
  void traffic() {
    Slot w1s0 = slot("w1", "v1", null, "EXPOSED", 0, CROSS);
    Slot w1s1 = slot("w1", "v1", null, "EXPOSED", 1, BEST);
    at(H0, 10, TestStatRows.IMPRESSIONS, new Impression(null, w1s0, "p7,p8,p9", null));
    at(H0, 10, TestStatRows.IMPRESSIONS, new Impression(null, w1s1, "p9,p10", "1"));
    at(H0, 11, TestStatRows.CLICKS, new Click(null, w1s1, 0, "p9"));
    at(H0, 12, TestStatRows.CLICKS, new Click(null, w1s0, 0, "p7"));
    at(H0, 13, TestStatRows.ADD_TO_CARTS, new AddToCart(null, w1s0, "p7", 2));
    at(H0, 20, TestStatRows.ORDERS, new Order(null, "o1", "v1", null, "EXPOSED", dec("30.00")));
    at(H0, 20, TestStatRows.ATTRIBUTIONS, new Attribution(null, "o1", "p7", w1s0, 2, dec("19.80")));
    at(H0, 20, TestStatRows.ATTRIBUTIONS, new Attribution(null, "o1", "p9", w1s1, 1, dec("5.00")));

    Slot w2s0 = slot("w2", "v2", null, "HOLDOUT", 0, CROSS);
    Slot w2s1 = slot("w2", "v2", null, "HOLDOUT", 1, BEST);
    at(H0, 30, TestStatRows.IMPRESSIONS, new Impression(null, w2s0, "p1,p2", null));
    at(H0, 30, TestStatRows.IMPRESSIONS, new Impression(null, w2s1, "p3", null));
    at(H1, 5, TestStatRows.ORDERS, new Order(null, "o2", "v2", null, "HOLDOUT", dec("12.00")));

    Slot w3s0 = slot("w3", "v3", "c3", "EXPOSED", 0, CROSS);
    at(H1, 1, TestStatRows.IMPRESSIONS, new Impression(null, w3s0, "p7", null));

    Slot w4s0 = slot("w4", "v4", null, "EXPOSED", 0, CROSS);
    at(H2, 30, TestStatRows.IMPRESSIONS, new Impression(null, w4s0, "p7", null));
    recorder.flush();
  }

  /** Records {@code row} with its time set to {@code minutes} past {@code hour}. */
  @SuppressWarnings("unchecked")
  <T extends Record> void at(Instant hour, int minutes, StatTable<T> table, T row) {
    Instant t = hour.plus(Duration.ofMinutes(minutes));
    Object timed;
    if (row instanceof Impression r) {
      timed = new Impression(t, r.slot(), r.products(), r.fallbacks());
    } else if (row instanceof Click r) {
      timed = new Click(t, r.slot(), r.itemPosition(), r.productId());
    } else if (row instanceof AddToCart r) {
      timed = new AddToCart(t, r.slot(), r.productId(), r.quantity());
    } else if (row instanceof Order r) {
      timed = new Order(t, r.orderId(), r.visitorId(), r.customerId(), r.arm(), r.revenue());
    } else if (row instanceof Attribution r) {
      timed = new Attribution(t, r.orderId(), r.productId(), r.slot(), r.quantity(), r.revenue());
    } else {
      throw new IllegalArgumentException(row.toString());
    }
    recorder.record(table, (T) timed);
  }

  static BigDecimal dec(String s) {
    return new BigDecimal(s);
  }

  long count(String sql) {
    Long n = new JdbcTemplate(db).queryForObject(sql, Long.class);
    return n == null ? 0 : n;
  }

  @Test
  void rollUp_closedHoursOnce_figuresPerKeyArmDayAndVisitor() {
    traffic();
    StatsRollupJob job = job(Duration.ofDays(90));
    Instant now = H2.plus(Duration.ofMinutes(61)); // 11:01: 10:00-11:00 closes at 11:02

    assertThat(job.rollUp(now)).isEqualTo(2);
    assertThat(job.rollUp(now)).isZero();
    assertThat(job(Duration.ofDays(90)).rollUp(now)).isZero(); // another node: nothing left
    assertThat(count("SELECT COUNT(*) FROM SL_STAT_ROLLUP")).isEqualTo(2);

    StatsRollups rollups = new StatsRollups(db);
    assertThat(rollups.rolledUpTo()).isEqualTo(H2);
    Instant from = H0.minus(Duration.ofDays(1));
    Instant to = H0.plus(Duration.ofDays(1));
    List<KeyFigures> byKey = rollups.byKey(from, to);
    assertThat(byKey)
        .containsExactly(
            new KeyFigures(
                new Key("PRODUCT_PAGE", "ACQUISITION", BEST, 1, "EXPOSED"),
                new Figures(1, 1, 0, 1, dec("5.0000"))),
            new KeyFigures(
                new Key("PRODUCT_PAGE", "ACQUISITION", BEST, 1, "HOLDOUT"),
                new Figures(1, 0, 0, 0, dec("0.0000"))),
            new KeyFigures(
                new Key("PRODUCT_PAGE", "ACQUISITION", CROSS, 0, "EXPOSED"),
                new Figures(2, 1, 1, 1, dec("19.8000"))),
            new KeyFigures(
                new Key("PRODUCT_PAGE", "ACQUISITION", CROSS, 0, "HOLDOUT"),
                new Figures(1, 0, 0, 0, dec("0.0000"))));

    // o1 is attributed to two slots but is one attributed order of the exposed arm
    Map<String, ArmTotals> arms = rollups.arms(from, to);
    assertThat(arms.get("EXPOSED"))
        .isEqualTo(new ArmTotals(2, 1, dec("30.0000"), 1, dec("24.8000")));
    assertThat(arms.get("HOLDOUT"))
        .isEqualTo(new ArmTotals(1, 1, dec("12.0000"), 0, dec("0.0000")));

    Map<String, ArmSample> visitors = rollups.visitors(from, to);
    ArmSample exposed = visitors.get("EXPOSED");
    assertThat(exposed.visitors()).isEqualTo(2); // v1 and c3 (v4's hour is not rolled up)
    assertThat(exposed.converted()).isEqualTo(1);
    double[] revenue = exposed.revenue().clone();
    Arrays.sort(revenue);
    assertThat(revenue).containsExactly(0.0, 30.0);
    assertThat(visitors.get("HOLDOUT").orders()).containsExactly(1);
    assertThat(visitors.get("HOLDOUT").revenue()).containsExactly(12.0);

    List<StatsRollups.Day> days = rollups.byDay(from, to, ZoneOffset.UTC);
    assertThat(days).hasSize(1);
    assertThat(days.get(0).day()).isEqualTo(LocalDate.parse("2026-11-23"));
    assertThat(days.get(0).figures().get("EXPOSED"))
        .isEqualTo(new Figures(3, 2, 1, 2, dec("24.8000")));
    assertThat(days.get(0).arms().get("EXPOSED").attributedOrders()).isEqualTo(1);

    // the next hour once it has closed
    assertThat(job.rollUp(H2.plus(Duration.ofMinutes(62)))).isEqualTo(1);
    assertThat(rollups.arms(from, to).get("EXPOSED").widgets()).isEqualTo(3);
  }

  @Test
  void rollUp_withoutRawEvents_doesNothing() {
    assertThat(job(Duration.ofDays(90)).rollUp(H2)).isZero();
    assertThat(new StatsRollups(db).rolledUpTo()).isNull();
    assertThat(new StatsRollups(db).byKey(H0, H2)).isEmpty();
  }

  @Test
  void purge_deletesRawEventsPastRetention_neverAnHourNotRolledUp() {
    traffic();
    StatsRollupJob job = job(Duration.ofDays(1));
    job.rollUp(H2.plus(Duration.ofMinutes(61))); // 08:00 and 09:00 rolled up, 10:00 not

    long raw = count("SELECT COUNT(*) FROM SL_STAT_IMPRESSION");
    // a day and an hour after 08:00: only the 08:00 hour is past the retention
    long deleted = job.purge(H1.plus(Duration.ofDays(1)));
    assertThat(count("SELECT COUNT(*) FROM SL_STAT_IMPRESSION")).isEqualTo(raw - 4);
    assertThat(count("SELECT COUNT(*) FROM SL_STAT_ORDER")).isEqualTo(1); // o2, at 09:05
    assertThat(deleted).isEqualTo(4 + 2 + 1 + 1 + 2);

    // long after: everything rolled up goes, the 10:00 hour stays until it is rolled up
    job.purge(H0.plus(Duration.ofDays(30)));
    assertThat(count("SELECT COUNT(*) FROM SL_STAT_IMPRESSION")).isEqualTo(1);
    // the roll-ups are kept
    assertThat(new StatsRollups(db).arms(H0, H2).get("HOLDOUT").orders()).isEqualTo(1);
  }
}
