package io.smartlists.stats;

import static org.assertj.core.api.Assertions.assertThat;

import io.smartlists.host.OrderCancelled;
import io.smartlists.host.OrderConfirmed;
import io.smartlists.host.OrderLine;
import io.smartlists.host.OrderRecord;
import io.smartlists.host.OrderReturned;
import io.smartlists.host.SmartListsEvent;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.UUID;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import tools.jackson.databind.json.JsonMapper;

/**
 * The holdout comparison and the attribution's orders computed the new way (the shoppers grouped in
 * SQL, the orders from {@code SL_STAT_ORDER}) equal the old way ({@link LegacyStats}: orders
 * decoded from the event log's JSON, one row per shopper and arm built in Java, the statistics over
 * one value per shopper) on a generated fixed dataset: 15,000 visitors over five days, a third of
 * them customers who browse anonymously and then signed in (on a second device for some), the
 * holdout assigned by customer when known else by visitor (so some shoppers change arm), part of
 * the range rolled up and the rest read raw, orders before and after a shopper's first impression,
 * orders of visitors never shown anything, an outlier order above the cap, cancellations, partial
 * and full returns and a return delivered twice. Every figure agrees to 1e-9 relative; the counts
 * exactly. H2 here, PostgreSQL in {@code HoldoutSqlEqualityPostgresTests}.
 */
class HoldoutSqlEqualityTests {

  static final Instant DAY1 = Instant.parse("2026-11-20T00:00:00Z");
  static final LocalDate FROM = LocalDate.of(2026, 11, 20);
  static final LocalDate TO = LocalDate.of(2026, 11, 22);
  static final int VISITORS = 15_000;
  static final double SHARE = 0.1;
  static final Duration WINDOW = Duration.ofHours(24);

  /** A fresh, empty database (H2 here; the PostgreSQL subclass overrides it). */
  DataSource newDatabase() {
    return new DriverManagerDataSource(
        "jdbc:h2:mem:holdout-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1", "sa", "");
  }

  static Flyway flyway(DataSource db, @Nullable String target) {
    var config =
        Flyway.configure()
            .dataSource(db)
            .locations("classpath:db/smartlists/eventlog", "classpath:db/smartlists/stats")
            .table("SL_SCHEMA_HISTORY");
    if (target != null) {
      config.target(target);
    }
    return config.load();
  }

  @Test
  void sqlPath_equalsTheJavaPath_onAFixedDataset() {
    DataSource db = newDatabase();
    flyway(db, null).migrate();
    JdbcTemplate jdbc = new JdbcTemplate(db);
    generate(jdbc, new StatOrders(db));
    rollUpPart(db);

    assertSameFigures(jdbc);
  }

  /**
   * Orders recorded before migration 3.3: its Java migration fills {@code SL_STAT_ORDER} from the
   * event log, and the figures agree with the old path.
   */
  @Test
  void backfilledOrders_giveTheSameFigures() {
    DataSource db = newDatabase();
    flyway(db, "3.2").migrate();
    JdbcTemplate jdbc = new JdbcTemplate(db);
    generate(jdbc, null);
    flyway(db, null).migrate();
    assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM SL_STAT_ORDER", Long.class))
        .isEqualTo(
            jdbc.queryForObject(
                "SELECT COUNT(*) FROM SL_EVENT WHERE TYPE = 'OrderConfirmed'", Long.class));
    assertThat(
            jdbc.queryForObject(
                "SELECT COUNT(*) FROM SL_STAT_ORDER WHERE STANDING = FALSE", Long.class))
        .as("cancelled or returned in full")
        .isPositive();
    rollUpPart(db);

    assertSameFigures(jdbc);
  }

  /** Rolls up the hours before the middle of the range's second day; the rest is read raw. */
  static void rollUpPart(DataSource db) {
    StatsRollupJob job =
        new StatsRollupJob(
            db, Duration.ofMinutes(2), Duration.ofDays(3650), "node", Clock.systemUTC());
    assertThat(job.rollUp(DAY1.plus(Duration.ofHours(36)))).isPositive();
  }

  void assertSameFigures(JdbcTemplate jdbc) {
    Instant start = FROM.atStartOfDay(ZoneOffset.UTC).toInstant();
    Instant end = TO.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant();
    JdbcStatsQueries queries = new JdbcStatsQueries(jdbc);
    LegacyStats legacy = new LegacyStats(jdbc, SHARE);

    HoldoutAnalysis.Report expected = legacy.holdout(start, end);
    HoldoutAnalysis.Sample sample = queries.holdout(start, end);
    HoldoutAnalysis.Report actual = HoldoutAnalysis.compare(sample, SHARE);

    // the dataset exercises the whole comparison: a verdict, not "not enough data"
    assertThat(expected.verdict())
        .isIn(
            HoldoutAnalysis.Verdict.UPLIFT,
            HoldoutAnalysis.Verdict.DOWNLIFT,
            HoldoutAnalysis.Verdict.NO_DIFFERENCE);
    assertThat(expected.holdout().shoppers()).isGreaterThan(1000);
    assertThat(expected.cap()).as("the outlier's 15,000.00 is capped").isLessThan(15_000);
    assertThat(sample.converters().size())
        .as("one row per converting shopper, not per shopper")
        .isEqualTo(expected.exposed().converters() + expected.holdout().converters());
    assertThat(actual.verdict()).isEqualTo(expected.verdict());
    close("cap", actual.cap(), expected.cap());
    arm(actual.exposed(), expected.exposed());
    arm(actual.holdout(), expected.holdout());
    difference("revenue per visitor", actual.revenuePerVisitor(), expected.revenuePerVisitor());
    difference("average order value", actual.averageOrderValue(), expected.averageOrderValue());
    HoldoutAnalysis.SampleRatio srm = actual.sampleRatio();
    HoldoutAnalysis.SampleRatio srmExpected = expected.sampleRatio();
    assertThat(srm).isNotNull();
    assertThat(srmExpected).isNotNull();
    close("srm share", srm.observedShare(), srmExpected.observedShare());
    close("srm p", srm.pValue(), srmExpected.pValue());

    // attribution: the same lines from the new orders as from the decoded ones
    List<Attribution.Click> clicks = queries.clickDetails(start.minus(WINDOW), end);
    Map<String, BigDecimal> before =
        attributed(Attribution.attribute(legacy.orders(start, end), clicks, WINDOW));
    Map<String, BigDecimal> after =
        attributed(
            Attribution.attribute(queries.orders(start, end, start.minus(WINDOW)), clicks, WINDOW));
    assertThat(before).hasSizeGreaterThan(100);
    assertThat(after.keySet()).isEqualTo(before.keySet());
    for (Map.Entry<String, BigDecimal> e : before.entrySet()) {
      assertThat(after.get(e.getKey())).as(e.getKey()).isEqualByComparingTo(e.getValue());
    }
    StatsFigures.Report report =
        new StatsFigures(queries, WINDOW, SHARE, Clock.fixed(end, ZoneOffset.UTC)).report(FROM, TO);
    assertThat(report.total().attributedRevenue())
        .isEqualByComparingTo(before.values().stream().reduce(BigDecimal.ZERO, BigDecimal::add));
    assertThat(report.holdout().verdict()).isEqualTo(expected.verdict());
  }

  static Map<String, BigDecimal> attributed(List<Attribution.AttributedLine> lines) {
    Map<String, BigDecimal> out = new HashMap<>();
    for (Attribution.AttributedLine l : lines) {
      out.merge(
          l.order().orderId() + "/" + l.line().productId() + "/" + l.click().token(),
          l.revenue(),
          BigDecimal::add);
    }
    return out;
  }

  static void arm(HoldoutAnalysis.ArmFigures actual, HoldoutAnalysis.ArmFigures expected) {
    assertThat(actual.arm()).isEqualTo(expected.arm());
    assertThat(actual.shoppers()).as("shoppers").isEqualTo(expected.shoppers());
    assertThat(actual.converters()).as("converters").isEqualTo(expected.converters());
    assertThat(actual.orders()).as("orders").isEqualTo(expected.orders());
    close("revenue", actual.revenue(), expected.revenue());
    close("conversion", actual.conversionRate(), expected.conversionRate());
    close("aov", actual.averageOrderValue(), expected.averageOrderValue());
    close("rpv", actual.revenuePerVisitor(), expected.revenuePerVisitor());
  }

  static void difference(
      String what,
      HoldoutAnalysis.@Nullable Difference actual,
      HoldoutAnalysis.@Nullable Difference expected) {
    assertThat(expected).as(what).isNotNull();
    assertThat(actual).as(what).isNotNull();
    close(what + " difference", actual.difference(), expected.difference());
    close(what + " low", actual.low(), expected.low());
    close(what + " high", actual.high(), expected.high());
    close(what + " p", actual.pValue(), expected.pValue());
    close(what + " relative", actual.relative(), expected.relative());
    close(what + " relative low", actual.relativeLow(), expected.relativeLow());
    close(what + " relative high", actual.relativeHigh(), expected.relativeHigh());
  }

  static void close(String what, double actual, double expected) {
    if (Double.isNaN(expected)) {
      assertThat(actual).as(what).isNaN();
      return;
    }
    double tolerance = 1e-9 * Math.max(Math.abs(actual), Math.abs(expected));
    assertThat(Math.abs(actual - expected))
        .as("%s: %s against %s", what, actual, expected)
        .isLessThanOrEqualTo(tolerance);
  }

  // --- the dataset ----------------------------------------------------------------------------

  static boolean held(String key) {
    // as Holdout assigns: a stable hash of the customer when known, else of the visitor
    return Math.floorMod(key.hashCode() * 0x9E3779B1, 10) == 0;
  }

  record Session(String visitor, @Nullable String customer, Instant at, boolean held) {}

  /**
   * Writes the dataset: impressions and clicks as the recorder writes them, order events to the
   * event log as the publisher does and, when {@code orders} is given, to the order figures as
   * {@link TrackingEventPublisher} does.
   */
  static void generate(JdbcTemplate jdbc, @Nullable StatOrders orders) {
    SplittableRandom random = new SplittableRandom(20261120L);
    Instant base = DAY1.minus(Duration.ofDays(1));
    List<Session> sessions = new ArrayList<>();
    int index = 0;
    for (int i = 0; i < VISITORS; i++) {
      String visitor = "v" + i;
      String customer = i % 10 < 3 ? "c" + i : null;
      int count = 1 + random.nextInt(3);
      for (int s = 0; s < count; s++) {
        // the first session anonymous, the later ones signed in
        String signedIn = s == 0 ? null : customer;
        sessions.add(session(visitor, signedIn, base, random, index++));
      }
      if (customer != null && i % 7 == 0) {
        sessions.add(session("w" + i, customer, base, random, index++));
      }
    }
    List<Object[]> impressions = new ArrayList<>();
    List<Object[]> clicks = new ArrayList<>();
    List<OrderConfirmed> confirmed = new ArrayList<>();
    Map<String, Instant> firstSeen = new HashMap<>();
    for (Session s : sessions) {
      firstSeen.merge(s.visitor(), s.at(), (a, b) -> a.isBefore(b) ? a : b);
    }
    int orderNo = 0;
    for (Session s : sessions) {
      for (int w = 0; w < 2; w++) {
        Instant at = s.at().plusSeconds(60L * w);
        for (int slot = 0; slot < 2; slot++) {
          impressions.add(
              new Object[] {
                Sql.utc(at),
                "w" + s.visitor() + "-" + s.at().toEpochMilli() + "-" + w,
                "PRODUCT_PAGE",
                "CONVERSION",
                slot,
                slot == 0 ? "SMART_CROSS_SELLING" : "BESTSELLERS_CATALOG",
                s.held() ? "HOLDOUT" : "EXPOSED",
                s.visitor(),
                s.customer(),
                2,
                "p1,p2",
                "00"
              });
        }
      }
      if (random.nextInt(100) >= 16) {
        continue;
      }
      // this session buys (holdout shoppers a little less)
      if (s.held() && random.nextInt(100) < 15) {
        continue;
      }
      List<OrderLine> lines = new ArrayList<>();
      Instant orderAt = s.at().plusSeconds(300 + random.nextInt(36_000));
      if (!s.held() && random.nextInt(100) < 45) {
        String product = "p" + random.nextInt(500);
        Instant clickAt = s.at().plusSeconds(20);
        clicks.add(
            new Object[] {
              Sql.utc(clickAt),
              "t" + orderNo,
              "w" + s.visitor() + "-" + s.at().toEpochMilli() + "-0",
              "PRODUCT_PAGE",
              "CONVERSION",
              0,
              "SMART_CROSS_SELLING",
              0,
              product,
              s.visitor(),
              s.customer()
            });
        lines.add(new OrderLine(product, 1 + random.nextInt(2), price(random)));
      }
      lines.add(new OrderLine("p" + random.nextInt(500), 1 + random.nextInt(3), price(random)));
      if (random.nextInt(3) == 0) {
        lines.add(new OrderLine("p" + random.nextInt(500), 1, price(random)));
      }
      if (random.nextInt(100) < 5) {
        // before the shopper's first impression: not counted for the holdout
        orderAt = firstSeen.get(s.visitor()).minus(Duration.ofHours(1));
      }
      String customer = s.customer() != null && random.nextInt(100) < 70 ? s.customer() : null;
      String id = "o" + orderNo++;
      confirmed.add(
          new OrderConfirmed(s.visitor(), new OrderRecord(id, customer, orderAt, lines), orderAt));
    }
    // orders of visitors never shown a widget, and one outlier far above the cap
    for (int j = 0; j < 300; j++) {
      Instant at = DAY1.plusSeconds(random.nextInt(3 * 86_400));
      confirmed.add(
          new OrderConfirmed(
              "x" + j,
              new OrderRecord(
                  "o" + orderNo++, null, at, List.of(new OrderLine("p" + j, 1, price(random)))),
              at));
    }
    Session rich = sessions.get(sessions.size() / 2);
    Instant richAt = rich.at().plusSeconds(600);
    confirmed.add(
        new OrderConfirmed(
            rich.visitor(),
            new OrderRecord(
                "o" + orderNo++,
                rich.customer(),
                richAt,
                List.of(new OrderLine("p7", 3, new BigDecimal("5000.00")))),
            richAt));
    confirmed.sort(Comparator.comparing(OrderConfirmed::at));
    List<SmartListsEvent> events = new ArrayList<>(confirmed);
    List<SmartListsEvent> later = new ArrayList<>();
    for (int k = 0; k < confirmed.size(); k++) {
      OrderConfirmed c = confirmed.get(k);
      Instant at = c.at().plus(Duration.ofHours(20));
      int r = k % 50;
      if (r == 0 || r == 1) {
        later.add(new OrderCancelled("", c.order(), at));
      } else if (r == 2 || r == 3) {
        OrderLine first = c.order().lines().get(0);
        later.add(
            new OrderReturned(
                c.visitorId(),
                c.order(),
                List.of(new OrderLine(first.productId(), 1, first.unitPrice())),
                at));
      } else if (r == 4) {
        OrderReturned twice =
            new OrderReturned(
                "", c.order(), List.of(c.order().lines().get(c.order().lines().size() - 1)), at);
        later.add(twice);
        later.add(twice);
      } else if (r == 5) {
        later.add(new OrderReturned("", c.order(), c.order().lines(), at));
      }
    }
    later.sort(Comparator.comparing(SmartListsEvent::at));
    events.addAll(later);

    jdbc.batchUpdate(
        "INSERT INTO SL_STAT_IMPRESSION (AT, WIDGET_ID, PLACEMENT, STAGE, SLOT_POSITION,"
            + " LIST_TYPE, ARM, VISITOR_ID, CUSTOMER_ID, ITEM_COUNT, PRODUCTS, FALLBACKS) VALUES"
            + " (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        impressions);
    jdbc.batchUpdate(
        "INSERT INTO SL_STAT_CLICK (AT, TOKEN, WIDGET_ID, PLACEMENT, STAGE, SLOT_POSITION,"
            + " LIST_TYPE, ITEM_POSITION, PRODUCT_ID, VISITOR_ID, CUSTOMER_ID) VALUES (?, ?, ?,"
            + " ?, ?, ?, ?, ?, ?, ?, ?)",
        clicks);
    JsonMapper json = JsonMapper.builder().build();
    List<Object[]> rows = new ArrayList<>();
    for (SmartListsEvent e : events) {
      rows.add(
          new Object[] {
            e.getClass().getSimpleName(),
            e.visitorId(),
            e instanceof OrderConfirmed c ? c.order().customerId() : null,
            json.writeValueAsString(e),
            Sql.utc(e.at())
          });
    }
    jdbc.batchUpdate(
        "INSERT INTO SL_EVENT (TYPE, VISITOR_ID, CUSTOMER_ID, PAYLOAD, OCCURRED_AT) VALUES (?, ?,"
            + " ?, ?, ?)",
        rows);
    if (orders != null) {
      for (SmartListsEvent e : events) {
        orders.record(e);
      }
    }
  }

  static Session session(
      String visitor, @Nullable String customer, Instant base, SplittableRandom random, int index) {
    // five days from the day before the range; a distinct microsecond per session, so that no
    // shopper has two arms' impressions at the same instant
    Instant at =
        base.plusSeconds(random.nextInt(5 * 86_400)).plusNanos(1000L * (index % 1_000_000));
    return new Session(visitor, customer, at, held(customer != null ? customer : visitor));
  }

  static BigDecimal price(SplittableRandom random) {
    return BigDecimal.valueOf(199 + random.nextInt(15_000), 2);
  }
}
