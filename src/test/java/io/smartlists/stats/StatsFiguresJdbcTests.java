package io.smartlists.stats;

import static org.assertj.core.api.Assertions.assertThat;

import io.smartlists.engine.model.JourneyStage;
import io.smartlists.engine.model.ListType;
import io.smartlists.engine.model.Placement;
import io.smartlists.engine.model.Reason;
import io.smartlists.engine.model.SlotConfig;
import io.smartlists.engine.model.StageDecision;
import io.smartlists.engine.model.Widget;
import io.smartlists.host.CartChanged;
import io.smartlists.host.OrderConfirmed;
import io.smartlists.host.OrderLine;
import io.smartlists.host.OrderRecord;
import io.smartlists.host.ProductInfo;
import io.smartlists.testing.SynchronousStatSink;
import java.math.BigDecimal;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import tools.jackson.databind.json.JsonMapper;

/**
 * The whole statistics path on a real (H2) database with the module's migrations: widgets shown
 * through {@link WidgetTracking}, links followed through {@link ClickTracking}, carts and orders as
 * the host publishes them, and the figures {@link StatsFigures} reads back with {@link
 * JdbcStatsQueries}. Rows go through a synchronous test sink.
 */
class StatsFiguresJdbcTests {

  static final Instant T0 = Instant.parse("2026-11-20T10:00:00Z");

  DataSource db;
  JdbcTemplate jdbc;
  AtomicReference<Instant> now = new AtomicReference<>(T0);
  Clock clock;
  ClickSigner signer;
  WidgetTracking widgets;
  CartAddTracker cartAdds;
  ClickTracking clicks;
  StatsFigures figures;

  /**
   * A fresh, empty database for one test (H2 here; {@code StatsFiguresPostgresTests} overrides it).
   */
  DataSource newDatabase() {
    return new DriverManagerDataSource(
        "jdbc:h2:mem:stats-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1", "sa", "");
  }

  @BeforeEach
  void database() {
    db = newDatabase();
    // the event log's tables (attribution reads OrderConfirmed there) and the statistics' own
    Flyway.configure()
        .dataSource(db)
        .locations("classpath:db/smartlists/eventlog", "classpath:db/smartlists/stats")
        .table("SL_SCHEMA_HISTORY")
        .load()
        .migrate();
    jdbc = new JdbcTemplate(db);
    clock =
        new Clock() {
          @Override
          public ZoneOffset getZone() {
            return ZoneOffset.UTC;
          }

          @Override
          public Clock withZone(java.time.ZoneId zone) {
            return this;
          }

          @Override
          public Instant instant() {
            return now.get();
          }
        };
    StoreSecrets secrets = new StoreSecrets(jdbc);
    ShopperEventSink sink = new SynchronousStatSink(db);
    signer = new ClickSigner(secrets.get(StoreSecrets.CLICK_TOKEN));
    cartAdds = new CartAddTracker(sink, Duration.ofHours(24));
    clicks = new ClickTracking(sink, signer, cartAdds, Duration.ofHours(24), clock);
    widgets =
        new WidgetTracking(
            sink, signer, new Holdout(secrets.get(StoreSecrets.HOLDOUT_SALT), 0), clock);
    figures = new StatsFigures(new JdbcStatsQueries(jdbc), Duration.ofHours(24), 0.1, clock);
  }

  static ProductInfo product(String id, String price) {
    return new ProductInfo(
        id,
        "Product " + id,
        List.of(),
        null,
        null,
        new BigDecimal(price),
        null,
        "/product/" + id,
        null);
  }

  static Widget widget() {
    return new Widget(
        Placement.PRODUCT_PAGE,
        new StageDecision(JourneyStage.CONVERSION, Reason.of("stage.conversion", 3, 2)),
        List.of(
            new Widget.Slot(
                0,
                SlotConfig.of(ListType.SMART_CROSS_SELLING),
                List.of(
                    new Widget.Item(
                        product("p1", "4.00"),
                        ListType.SMART_CROSS_SELLING,
                        Reason.of("manual", 1)),
                    new Widget.Item(
                        product("p2", "9.00"),
                        ListType.SMART_CROSS_SELLING,
                        Reason.of("manual", 2)))),
            new Widget.Slot(
                1,
                SlotConfig.of(ListType.BESTSELLERS_CATALOG),
                List.of(
                    new Widget.Item(
                        product("p3", "2.00"),
                        ListType.BESTSELLERS_CATALOG,
                        Reason.of("manual", 3).asFallback())))),
        Widget.Outcome.OK,
        List.of(),
        1);
  }

  static Map<String, String> params(String query) {
    Map<String, String> params = new HashMap<>();
    for (String pair : URI.create("http://x/?" + query).getRawQuery().split("&")) {
      int eq = pair.indexOf('=');
      params.put(
          pair.substring(0, eq),
          java.net.URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
    }
    return params;
  }

  void order(String id, String visitor, String customer, Instant at, OrderLine... lines) {
    OrderConfirmed event =
        new OrderConfirmed(visitor, new OrderRecord(id, customer, at, List.of(lines)), at);
    jdbc.update(
        "INSERT INTO SL_EVENT (TYPE, VISITOR_ID, CUSTOMER_ID, PAYLOAD, OCCURRED_AT) VALUES (?, ?, ?, ?, ?)",
        "OrderConfirmed",
        visitor,
        customer,
        JsonMapper.builder().build().writeValueAsString(event),
        OffsetDateTime.ofInstant(at, ZoneOffset.UTC));
    // what TrackingEventPublisher does after the event log's insert
    new StatOrders(db).record(event);
  }

  @Test
  void impressionClickCartOrder_areCountedOnTheirListStagePlacementRow() {
    WidgetTracking.Shown shown = widgets.shown(widget(), "v1", null);
    widgets.shown(widget(), "v2", null);
    now.set(T0.plusSeconds(30));
    ClickRow click =
        clicks.click(params(shown.clickQuery(0, 0, "SMART_CROSS_SELLING", "p1")), "v1", null);
    assertThat(click).isNotNull();
    now.set(T0.plusSeconds(60));
    cartAdds.cartChanged(
        new CartChanged(
            "v1", null, List.of(new OrderLine("p1", 2, new BigDecimal("4.00"))), now.get()));
    order(
        "o1",
        "v1",
        null,
        T0.plusSeconds(120),
        new OrderLine("p1", 2, new BigDecimal("4.00")),
        new OrderLine("p9", 1, new BigDecimal("50.00")));

    StatsFigures.Report report =
        figures.report(LocalDate.of(2026, 11, 20), LocalDate.of(2026, 11, 20));

    StatsFigures.Row cross = report.row("PRODUCT_PAGE", "CONVERSION", "SMART_CROSS_SELLING");
    assertThat(cross).isNotNull();
    assertThat(cross.impressions()).isEqualTo(2);
    assertThat(cross.clicks()).isEqualTo(1);
    assertThat(cross.ctr()).isEqualTo(0.5);
    assertThat(cross.cartAdds()).isEqualTo(1);
    assertThat(cross.attributedOrders()).isEqualTo(1);
    assertThat(cross.attributedRevenue()).isEqualByComparingTo("8.00");
    assertThat(cross.revenuePerThousand()).isEqualByComparingTo("4000.00");
    StatsFigures.Row best = report.row("PRODUCT_PAGE", "CONVERSION", "BESTSELLERS_CATALOG");
    assertThat(best.impressions()).isEqualTo(2);
    assertThat(best.clicks()).isZero();
    assertThat(best.attributedRevenue()).isEqualByComparingTo("0");
    assertThat(report.total().impressions()).isEqualTo(4);
    assertThat(report.total().attributedOrders()).isEqualTo(1);
    assertThat(report.total().attributedRevenue()).isEqualByComparingTo("8.00");
    assertThat(report.days()).hasSize(1);
    assertThat(report.days().get(0).clicks()).isEqualTo(1);
    // the impression rows carry the slots' products, positions and fallback marks
    assertThat(
            jdbc.queryForList(
                "SELECT PRODUCTS || '/' || FALLBACKS FROM SL_STAT_IMPRESSION WHERE VISITOR_ID = 'v1'"
                    + " ORDER BY SLOT_POSITION",
                String.class))
        .containsExactly("p1,p2/00", "p3/1");
    // the holdout comparison sees both visitors, one of whom bought 58.00
    assertThat(report.holdout().exposed().shoppers()).isEqualTo(2);
    assertThat(report.holdout().exposed().converters()).isEqualTo(1);
    assertThat(report.holdout().verdict()).isEqualTo(HoldoutAnalysis.Verdict.NOT_ENOUGH_DATA);
  }

  void event(String type, io.smartlists.host.SmartListsEvent event, Instant at) {
    jdbc.update(
        "INSERT INTO SL_EVENT (TYPE, VISITOR_ID, CUSTOMER_ID, PAYLOAD, OCCURRED_AT) VALUES (?, ?, ?, ?, ?)",
        type,
        event.visitorId(),
        null,
        JsonMapper.builder().build().writeValueAsString(event),
        OffsetDateTime.ofInstant(at, ZoneOffset.UTC));
    // what TrackingEventPublisher does after the event log's insert
    new StatOrders(db).record(event);
  }

  @Test
  void returnedAttributedLine_leavesAttributedRevenue_andACancelledOrderIsNoAttributedOrder() {
    WidgetTracking.Shown shown = widgets.shown(widget(), "v1", null);
    WidgetTracking.Shown other = widgets.shown(widget(), "v2", null);
    now.set(T0.plusSeconds(30));
    clicks.click(params(shown.clickQuery(0, 0, "SMART_CROSS_SELLING", "p1")), "v1", null);
    clicks.click(params(shown.clickQuery(0, 1, "SMART_CROSS_SELLING", "p2")), "v1", null);
    clicks.click(params(other.clickQuery(0, 0, "SMART_CROSS_SELLING", "p1")), "v2", null);
    OrderLine p1 = new OrderLine("p1", 3, new BigDecimal("4.00"));
    OrderLine p2 = new OrderLine("p2", 1, new BigDecimal("9.00"));
    Instant ordered = T0.plusSeconds(120);
    order("o1", "v1", null, ordered, p1, p2);
    order("o2", "v2", null, ordered, new OrderLine("p1", 1, new BigDecimal("4.00")));
    LocalDate day = LocalDate.of(2026, 11, 20);
    StatsFigures.Row before = figures.report(day, day).total();
    assertThat(before.attributedOrders()).isEqualTo(2);
    assertThat(before.attributedRevenue()).isEqualByComparingTo("25.00"); // 12 + 9 + 4

    OrderRecord o1 = new OrderRecord("o1", null, ordered, List.of(p1, p2));
    io.smartlists.host.OrderReturned back =
        new io.smartlists.host.OrderReturned(
            "", o1, List.of(new OrderLine("p2", 1, new BigDecimal("9.00"))), T0.plusSeconds(600));
    event("OrderReturned", back, T0.plus(Duration.ofDays(2))); // returned days later
    event("OrderReturned", back, T0.plus(Duration.ofDays(2))); // delivered twice: counts once
    event(
        "OrderReturned",
        new io.smartlists.host.OrderReturned(
            "", o1, List.of(new OrderLine("p1", 1, new BigDecimal("4.00"))), T0.plusSeconds(700)),
        T0.plusSeconds(700));
    event(
        "OrderCancelled",
        new io.smartlists.host.OrderCancelled(
            "",
            new OrderRecord("o2", null, ordered, List.of(new OrderLine("p1", 1, BigDecimal.ONE))),
            T0),
        T0.plusSeconds(300));

    StatsFigures.Report report = figures.report(day, day);
    StatsFigures.Row cross = report.row("PRODUCT_PAGE", "CONVERSION", "SMART_CROSS_SELLING");
    assertThat(cross.attributedOrders()).isEqualTo(1); // o2 was cancelled
    assertThat(cross.attributedRevenue()).isEqualByComparingTo("8.00"); // 2 of p1 stand in o1
    assertThat(report.total().attributedOrders()).isEqualTo(1);
    assertThat(report.total().attributedRevenue()).isEqualByComparingTo("8.00");
    assertThat(report.holdout().exposed().converters()).isEqualTo(1); // v2 no longer bought
  }

  @Test
  void forgedOrReplayedToken_countsNothing() {
    WidgetTracking.Shown shown = widgets.shown(widget(), "v1", null);
    String query = shown.clickQuery(0, 1, "SMART_CROSS_SELLING", "p2");
    Map<String, String> forged = params(query);
    forged.put("p", "p9");
    Map<String, String> otherSecret =
        params(
            new WidgetTracking(
                    ShopperEventSink.NONE,
                    new ClickSigner("not-the-stores-secret".getBytes(StandardCharsets.UTF_8)),
                    new Holdout(new byte[1], 0),
                    clock)
                .shown(widget(), "v1", null)
                .clickQuery(0, 1, "SMART_CROSS_SELLING", "p2"));

    assertThat(clicks.click(forged, "v1", null)).isNull();
    assertThat(clicks.click(otherSecret, "v1", null)).isNull();
    assertThat(clicks.click(params(query), "v1", null)).isNotNull();
    assertThat(clicks.click(params(query), "v1", null)).as("replayed").isNull();
    order("o1", "v1", null, T0.plusSeconds(60), new OrderLine("p9", 1, new BigDecimal("3.00")));

    StatsFigures.Report report =
        figures.report(LocalDate.of(2026, 11, 20), LocalDate.of(2026, 11, 20));

    assertThat(report.total().clicks()).isEqualTo(1);
    assertThat(report.total().attributedOrders()).isZero();
    assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM SL_STAT_CLICK", Long.class)).isEqualTo(1);
  }

  @Test
  void expiredToken_countsNothing() {
    WidgetTracking.Shown shown = widgets.shown(widget(), "v1", null);
    String query = shown.clickQuery(0, 0, "SMART_CROSS_SELLING", "p1");
    now.set(T0.plus(Duration.ofHours(25)));

    assertThat(clicks.click(params(query), "v1", null)).isNull();
  }

  @Test
  void cartAdd_ofAProductAlreadyInTheCart_isNotAnAddFromTheWidget() {
    cartAdds.cartChanged(
        new CartChanged("v1", null, List.of(new OrderLine("p1", 1, BigDecimal.ONE)), T0));
    WidgetTracking.Shown shown = widgets.shown(widget(), "v1", null);
    now.set(T0.plusSeconds(10));
    clicks.click(params(shown.clickQuery(0, 0, "SMART_CROSS_SELLING", "p1")), "v1", null);
    // another line changes, p1 stays at 1
    cartAdds.cartChanged(
        new CartChanged(
            "v1",
            null,
            List.of(new OrderLine("p1", 1, BigDecimal.ONE), new OrderLine("p5", 1, BigDecimal.ONE)),
            now.get()));
    assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM SL_STAT_CART_ADD", Long.class)).isZero();
    // now p1 rises to 3: one add-to-cart of 2 units for that click
    cartAdds.cartChanged(
        new CartChanged(
            "v1", null, List.of(new OrderLine("p1", 3, BigDecimal.ONE)), now.get().plusSeconds(5)));
    assertThat(jdbc.queryForList("SELECT QUANTITY FROM SL_STAT_CART_ADD", Integer.class))
        .containsExactly(2);
  }

  @Test
  void holdoutShopper_isRecordedInTheHoldoutArm_andShownNothing() {
    WidgetTracking everyoneHeld =
        new WidgetTracking(
            new SynchronousStatSink(db), signer, new Holdout(new byte[16], 1.0), clock);

    WidgetTracking.Shown shown = everyoneHeld.shown(widget(), "v7", null);

    assertThat(shown.withheld()).isTrue();
    assertThat(jdbc.queryForList("SELECT DISTINCT ARM FROM SL_STAT_IMPRESSION", String.class))
        .containsExactly("HOLDOUT");
    StatsFigures.Report report =
        figures.report(LocalDate.of(2026, 11, 20), LocalDate.of(2026, 11, 20));
    assertThat(report.total().impressions()).as("exposed impressions").isZero();
    assertThat(report.holdout().holdout().shoppers()).isEqualTo(1);
  }

  @Test
  void storeSecret_isGeneratedOnceAndKept() {
    StoreSecrets secrets = new StoreSecrets(jdbc);
    byte[] first = secrets.get("x");

    assertThat(first).hasSize(32);
    assertThat(new StoreSecrets(jdbc).get("x")).isEqualTo(first);
    assertThat(secrets.get("y")).isNotEqualTo(first);
  }
}
