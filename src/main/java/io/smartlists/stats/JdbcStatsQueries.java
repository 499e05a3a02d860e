package io.smartlists.stats;

import io.smartlists.host.OrderLine;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;

/**
 * {@link StatsQueries} over the hourly roll-ups and the raw tables, portable between H2 and
 * PostgreSQL (days are computed as {@code FLOOR(EXTRACT(EPOCH FROM AT) / 86400)}, so both group by
 * the same UTC day). Orders are the rows of {@code SL_STAT_ORDER} and {@code SL_STAT_ORDER_LINE},
 * which {@link StatOrders} keeps beside the event log's order events, netted by their cancellations
 * and returns, so attribution is the same on every node and after a restart.
 *
 * <p>Impressions, clicks, add-to-carts and exposures read {@code SL_STAT_HOURLY} and {@code
 * SL_STAT_HOURLY_EXPOSURE} for the hours the {@link StatsRollupJob} has rolled up (one span, {@code
 * SL_STAT_ROLLUP}) and the raw rows for the rest of the range (the current hour and the roll-up's
 * grace, or everything before the first roll-up), so the figures are the same before and after a
 * roll-up. Whole UTC days inside the rolled-up span are read from the daily roll-up ({@code
 * SL_STAT_DAILY}), the hours at the span's edges from the hourly one. A click counts once per
 * token, at its first recording; an add-to-cart once per click token, at its first add. The
 * attribution's clicks ({@link #clickDetails}) are few and always read raw. The holdout comparison
 * ({@link #holdout}) is grouped in the database, which returns one row per arm and one per
 * converting shopper.
 */
public final class JdbcStatsQueries implements StatsQueries {

  /** (day number or UTC day, placement, stage, list, count). */
  private static final RowMapper<Count> COUNT_ROW =
      (rs, i) ->
          new Count(
              LocalDate.ofEpochDay(rs.getLong(1)),
              new Attribution.SlotKey(rs.getString(2), rs.getString(3), rs.getString(4)),
              rs.getLong(5));

  private final JdbcTemplate jdbc;

  public JdbcStatsQueries(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  /**
   * How a range splits: {@code rolled} is the part the roll-ups cover (whole hours), {@code raw}
   * the parts read from the raw rows; every part is {@code [from, to)}.
   */
  record Split(@Nullable Range rolled, List<Range> raw) {}

  /** {@code [from, to)}. */
  record Range(Instant from, Instant to) {}

  /** Splits {@code [from, to)} by the span of rolled-up hours. */
  Split split(Instant from, Instant to) {
    Instant[] span = new Instant[2];
    jdbc.query(
        "SELECT MIN(HOUR_START), MAX(HOUR_START) FROM SL_STAT_ROLLUP",
        rs -> {
          if (rs.getObject(1) != null) {
            span[0] = instant(rs, 1);
            span[1] = instant(rs, 2).plus(Duration.ofHours(1));
          }
        });
    @Nullable Instant first = span[0];
    @Nullable Instant end = span[1];
    if (first == null || end == null) {
      return new Split(null, List.of(new Range(from, to)));
    }
    Instant hourAfterFrom = from.truncatedTo(ChronoUnit.HOURS);
    if (hourAfterFrom.isBefore(from)) {
      hourAfterFrom = hourAfterFrom.plus(Duration.ofHours(1));
    }
    Instant a = max(hourAfterFrom, first);
    Instant b = min(to.truncatedTo(ChronoUnit.HOURS), end);
    if (!a.isBefore(b)) {
      return new Split(null, List.of(new Range(from, to)));
    }
    List<Range> raw = new ArrayList<>(2);
    if (from.isBefore(a)) {
      raw.add(new Range(from, a));
    }
    if (b.isBefore(to)) {
      raw.add(new Range(b, to));
    }
    return new Split(new Range(a, b), raw);
  }

  private static Instant max(Instant a, Instant b) {
    return a.isAfter(b) ? a : b;
  }

  private static Instant min(Instant a, Instant b) {
    return a.isBefore(b) ? a : b;
  }

  @Override
  public List<Count> impressions(Instant from, Instant to, Arm arm) {
    return counts("IMPRESSIONS", "COUNT(*)", "SL_STAT_IMPRESSION", "", from, to, arm);
  }

  @Override
  public List<Count> clicks(Instant from, Instant to) {
    return counts(
        "CLICKS",
        "COUNT(*)",
        "SL_STAT_CLICK",
        StatsRollupJob.firstOfToken("SL_STAT_CLICK", "TOKEN"),
        from,
        to,
        null);
  }

  @Override
  public List<Count> cartAdds(Instant from, Instant to) {
    return counts(
        "CART_ADDS",
        "COUNT(*)",
        "SL_STAT_CART_ADD",
        StatsRollupJob.firstOfToken("SL_STAT_CART_ADD", "CLICK_TOKEN"),
        from,
        to,
        null);
  }

  /**
   * Per UTC day and list × stage × placement: {@code SUM(rolledColumn)} of the roll-ups (of {@code
   * arm} when given) over the rolled-up hours, plus {@code aggregate} of {@code table}'s raw rows
   * over the rest.
   */
  private List<Count> counts(
      String rolledColumn,
      String aggregate,
      String table,
      String filter,
      Instant from,
      Instant to,
      @Nullable Arm arm) {
    Split split = split(from, to);
    Map<Count, Long> sums = new LinkedHashMap<>();
    Range rolled = split.rolled();
    if (rolled != null) {
      String hourly =
          "SELECT FLOOR(EXTRACT(EPOCH FROM HOUR_START) / 86400) AS D, PLACEMENT, STAGE, LIST_TYPE,"
              + " SUM("
              + rolledColumn
              + ") FROM SL_STAT_HOURLY WHERE HOUR_START >= ? AND HOUR_START < ?"
              + (arm == null ? "" : " AND ARM = ?")
              + " GROUP BY FLOOR(EXTRACT(EPOCH FROM HOUR_START) / 86400), PLACEMENT, STAGE,"
              + " LIST_TYPE";
      // whole UTC days inside the rolled-up span from the daily roll-up, the hours around them
      // from the hourly one
      long firstDay = Math.floorDiv(rolled.from().getEpochSecond() + 86_399, 86_400);
      long endDay = Math.floorDiv(rolled.to().getEpochSecond(), 86_400);
      List<Range> hours = new ArrayList<>(2);
      if (firstDay < endDay) {
        String daily =
            "SELECT EPOCH_DAY, PLACEMENT, STAGE, LIST_TYPE, SUM("
                + rolledColumn
                + ") FROM SL_STAT_DAILY WHERE EPOCH_DAY >= ? AND EPOCH_DAY < ?"
                + (arm == null ? "" : " AND ARM = ?")
                + " GROUP BY EPOCH_DAY, PLACEMENT, STAGE, LIST_TYPE";
        Object[] args =
            arm == null
                ? new Object[] {firstDay, endDay}
                : new Object[] {firstDay, endDay, arm.name()};
        for (Count c : jdbc.query(daily, COUNT_ROW, args)) {
          sums.merge(new Count(c.day(), c.slot(), 0), c.count(), Long::sum);
        }
        Instant dayStart = Instant.ofEpochSecond(firstDay * 86_400);
        Instant dayEnd = Instant.ofEpochSecond(endDay * 86_400);
        if (rolled.from().isBefore(dayStart)) {
          hours.add(new Range(rolled.from(), dayStart));
        }
        if (dayEnd.isBefore(rolled.to())) {
          hours.add(new Range(dayEnd, rolled.to()));
        }
      } else {
        hours.add(rolled);
      }
      for (Range part : hours) {
        for (Count c : query(hourly, part.from(), part.to(), arm)) {
          sums.merge(new Count(c.day(), c.slot(), 0), c.count(), Long::sum);
        }
      }
    }
    for (Range part : split.raw()) {
      String sql =
          "SELECT FLOOR(EXTRACT(EPOCH FROM AT) / 86400) AS D, PLACEMENT, STAGE, LIST_TYPE, "
              + aggregate
              + " FROM "
              + table
              + " R WHERE AT >= ? AND AT < ?"
              + filter
              + (arm == null ? "" : " AND ARM = ?")
              + " GROUP BY FLOOR(EXTRACT(EPOCH FROM AT) / 86400), PLACEMENT, STAGE, LIST_TYPE";
      for (Count c : query(sql, part.from(), part.to(), arm)) {
        sums.merge(new Count(c.day(), c.slot(), 0), c.count(), Long::sum);
      }
    }
    List<Count> out = new ArrayList<>(sums.size());
    for (Map.Entry<Count, Long> e : sums.entrySet()) {
      if (e.getValue() > 0) {
        out.add(new Count(e.getKey().day(), e.getKey().slot(), e.getValue()));
      }
    }
    return out;
  }

  private List<Count> query(String sql, Instant from, Instant to, @Nullable Arm arm) {
    Object[] args =
        arm == null
            ? new Object[] {Sql.utc(from), Sql.utc(to)}
            : new Object[] {Sql.utc(from), Sql.utc(to), arm.name()};
    return jdbc.query(sql, COUNT_ROW, args);
  }

  /**
   * Only the clicks attribution can use: those of a token that was recorded (once at least) by a
   * visitor or a customer who has a standing order in [from, to) (every order attributed to clicks
   * of this range is in it). Every recording of such a token in the range is read, so the first one
   * still wins. Without the filter, a 90-day range read every click of it.
   */
  @Override
  public List<Attribution.Click> clickDetails(Instant from, Instant to) {
    List<Attribution.Click> clicks = new ArrayList<>();
    java.util.Set<String> seen = new java.util.HashSet<>();
    jdbc.query(
        "SELECT AT, TOKEN, VISITOR_ID, CUSTOMER_ID, PRODUCT_ID, PLACEMENT, STAGE, LIST_TYPE,"
            + " SLOT_POSITION FROM SL_STAT_CLICK WHERE AT >= ? AND AT < ? AND TOKEN IN (SELECT"
            + " C.TOKEN FROM SL_STAT_CLICK C WHERE C.AT >= ? AND C.AT < ? AND (C.VISITOR_ID IN"
            + " (SELECT VISITOR_ID FROM SL_STAT_ORDER WHERE AT >= ? AND AT < ? AND STANDING = TRUE)"
            + " OR C.CUSTOMER_ID IN (SELECT CUSTOMER_ID FROM SL_STAT_ORDER WHERE AT >= ? AND AT < ?"
            + " AND STANDING = TRUE)))"
            + " ORDER BY AT, ID",
        rs -> {
          if (seen.add(rs.getString(2))) {
            clicks.add(
                new Attribution.Click(
                    instant(rs, 1),
                    rs.getString(2),
                    rs.getString(3),
                    rs.getString(4),
                    rs.getString(5),
                    new Attribution.SlotKey(rs.getString(6), rs.getString(7), rs.getString(8)),
                    rs.getInt(9)));
          }
        },
        Sql.utc(from),
        Sql.utc(to),
        Sql.utc(from),
        Sql.utc(to),
        Sql.utc(from),
        Sql.utc(to),
        Sql.utc(from),
        Sql.utc(to));
    return clicks;
  }

  /**
   * The standing orders confirmed in [from, to) whose visitor or customer has a click in
   * [clicksFrom, to), with their standing lines, from {@code SL_STAT_ORDER} (no JSON to decode).
   */
  @Override
  public List<Attribution.Order> orders(Instant from, Instant to, Instant clicksFrom) {
    record Head(String id, Instant at, String visitorId, @Nullable String customerId) {}
    Map<String, Head> heads = new LinkedHashMap<>();
    Map<String, List<OrderLine>> lines = new HashMap<>();
    jdbc.query(
        "SELECT O.ORDER_ID, O.AT, O.VISITOR_ID, O.CUSTOMER_ID, L.PRODUCT_ID, L.QUANTITY,"
            + " L.UNIT_PRICE FROM SL_STAT_ORDER O JOIN SL_STAT_ORDER_LINE L ON L.ORDER_ID ="
            + " O.ORDER_ID WHERE O.AT >= ? AND O.AT < ? AND O.STANDING = TRUE AND L.QUANTITY > 0"
            + " AND (EXISTS (SELECT 1 FROM SL_STAT_CLICK C WHERE C.VISITOR_ID = O.VISITOR_ID AND"
            + " C.AT >= ? AND C.AT < ?) OR EXISTS (SELECT 1 FROM SL_STAT_CLICK C WHERE"
            + " C.CUSTOMER_ID = O.CUSTOMER_ID AND C.AT >= ? AND C.AT < ?))"
            + " ORDER BY O.AT, O.ORDER_ID, L.LINE_NO",
        rs -> {
          String id = rs.getString(1);
          if (!heads.containsKey(id)) {
            heads.put(id, new Head(id, instant(rs, 2), rs.getString(3), rs.getString(4)));
          }
          lines
              .computeIfAbsent(id, k -> new ArrayList<>())
              .add(new OrderLine(rs.getString(5), rs.getInt(6), rs.getBigDecimal(7)));
        },
        Sql.utc(from),
        Sql.utc(to),
        Sql.utc(clicksFrom),
        Sql.utc(to),
        Sql.utc(clicksFrom),
        Sql.utc(to));
    List<Attribution.Order> orders = new ArrayList<>(heads.size());
    for (Head h : heads.values()) {
      orders.add(
          new Attribution.Order(
              h.id(),
              h.at(),
              h.visitorId(),
              h.customerId(),
              lines.getOrDefault(h.id(), List.of())));
    }
    return orders;
  }

  /** Which arm a shopper is compared in, from their first exposed and first held-out instant. */
  private static final String HELD_FIRST = "HA IS NOT NULL AND (EA IS NULL OR HA < EA)";

  /**
   * The holdout's {@link HoldoutAnalysis.Sample} in one statement. The range's exposures (the
   * exposure roll-up for the rolled-up hours, the raw impressions for the rest: the first instant
   * per visitor, customer and arm) and its standing orders go through one stream: a window over
   * each visitor gives the customer they signed in as, which makes each row's shopper; a window
   * over each shopper gives their first exposed and first held-out instant, so their arm and the
   * orders from their first impression on. The result is grouped by (arm, orders, revenue): one row
   * for each arm's shoppers without an order, one per distinct converter, with how many shoppers it
   * stands for. No join: H2 joins derived tables row by row.
   */
  @Override
  public HoldoutAnalysis.Sample holdout(Instant from, Instant to) {
    Split split = split(from, to);
    List<String> parts = new ArrayList<>(3);
    List<Object> args = new ArrayList<>();
    Range rolled = split.rolled();
    if (rolled != null) {
      parts.add(
          "SELECT VISITOR_ID, CUSTOMER_ID, ARM, FIRST_AT AS AT FROM SL_STAT_HOURLY_EXPOSURE"
              + " WHERE HOUR_START >= ? AND HOUR_START < ?");
      args.add(Sql.utc(rolled.from()));
      args.add(Sql.utc(rolled.to()));
    }
    for (Range part : split.raw()) {
      parts.add(
          "SELECT VISITOR_ID, CUSTOMER_ID, ARM, AT FROM SL_STAT_IMPRESSION WHERE AT >= ? AND AT"
              + " < ?");
      args.add(Sql.utc(part.from()));
      args.add(Sql.utc(part.to()));
    }
    args.add(Sql.utc(from));
    args.add(Sql.utc(to));
    String first = "CASE WHEN " + HELD_FIRST + " THEN HA ELSE EA END";
    String counts = "ARM = 'ORDER' AND AT >= " + first;
    String sql =
        "WITH E AS (SELECT VISITOR_ID, CUSTOMER_ID, ARM, MIN(AT) AS AT FROM ("
            + String.join(" UNION ALL ", parts)
            + ") X GROUP BY VISITOR_ID, CUSTOMER_ID, ARM),"
            // exposures and orders in one stream (ARM 'ORDER' marks an order)
            + " R AS (SELECT VISITOR_ID, CUSTOMER_ID, ARM, AT, CAST(NULL AS DECIMAL(38, 10)) AS"
            + " REVENUE FROM E UNION ALL SELECT VISITOR_ID, CUSTOMER_ID, 'ORDER' AS ARM, AT,"
            + " REVENUE FROM SL_STAT_ORDER WHERE AT >= ? AND AT < ? AND STANDING = TRUE),"
            // the customer each visitor signed in as on an impression (the smallest if several)
            + " V AS (SELECT VISITOR_ID, CUSTOMER_ID, ARM, AT, REVENUE, MIN(CASE WHEN ARM <>"
            + " 'ORDER' THEN CUSTOMER_ID END) OVER (PARTITION BY VISITOR_ID) AS JOINED FROM R),"
            // the shopper: the row's customer, else the visitor's, else the visitor
            + " U AS (SELECT COALESCE('c:' || COALESCE(CUSTOMER_ID, JOINED), 'v:' || VISITOR_ID)"
            + " AS UNIT_ID, ARM, AT, REVENUE FROM V),"
            + " W AS (SELECT UNIT_ID, ARM, AT, REVENUE, MIN(CASE WHEN ARM = 'EXPOSED' THEN AT"
            + " END) OVER (PARTITION BY UNIT_ID) AS EA, MIN(CASE WHEN ARM = 'HOLDOUT' THEN AT END)"
            + " OVER (PARTITION BY UNIT_ID) AS HA FROM U),"
            + " G AS (SELECT CASE WHEN "
            + HELD_FIRST
            + " THEN 'HOLDOUT' ELSE 'EXPOSED' END AS SHOPPER_ARM, SUM(CASE WHEN "
            + counts
            + " THEN 1 ELSE 0 END) AS ORDERS, SUM(CASE WHEN "
            + counts
            + " THEN REVENUE END) AS REVENUE FROM W WHERE EA IS NOT NULL OR HA IS NOT NULL GROUP"
            + " BY UNIT_ID, EA, HA)"
            + " SELECT SHOPPER_ARM, ORDERS, REVENUE, COUNT(*) FROM G GROUP BY SHOPPER_ARM,"
            + " ORDERS, REVENUE";
    long[] shoppers = new long[2];
    List<HoldoutAnalysis.Converter> converters = new ArrayList<>();
    jdbc.query(
        sql,
        rs -> {
          Arm arm = Arm.valueOf(rs.getString(1));
          long orders = rs.getLong(2);
          long n = rs.getLong(4);
          shoppers[arm == Arm.HOLDOUT ? 1 : 0] += n;
          java.math.BigDecimal revenue = rs.getBigDecimal(3);
          if (orders > 0) {
            double spent = revenue == null ? 0 : revenue.doubleValue();
            for (long k = 0; k < n; k++) {
              converters.add(new HoldoutAnalysis.Converter(arm, orders, spent));
            }
          }
        },
        args.toArray());
    return new HoldoutAnalysis.Sample(shoppers[0], shoppers[1], converters);
  }

  private static Instant instant(ResultSet rs, int column) throws SQLException {
    Object value = rs.getObject(column);
    if (value instanceof OffsetDateTime o) {
      return o.toInstant();
    }
    if (value instanceof Timestamp t) {
      return t.toInstant();
    }
    return rs.getObject(column, OffsetDateTime.class).toInstant();
  }
}
