package io.smartlists.stats;

import io.smartlists.eventlog.StandingOrders;
import io.smartlists.host.OrderCancelled;
import io.smartlists.host.OrderConfirmed;
import io.smartlists.host.OrderRecord;
import io.smartlists.host.OrderReturned;
import io.smartlists.host.SmartListsEvent;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.RowMapper;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@link StatsQueries} over the hourly roll-ups and the raw tables, portable between H2 and
 * PostgreSQL (days are computed as {@code FLOOR(EXTRACT(EPOCH FROM AT) / 86400)}, so both group by
 * the same UTC day). Orders are the {@code OrderConfirmed} rows of {@code SL_EVENT} netted by their
 * cancellations and returns, decoded here, so attribution is the same on every node and after a
 * restart.
 *
 * <p>Impressions, clicks, add-to-carts and exposures read {@code SL_STAT_HOURLY} and {@code
 * SL_STAT_HOURLY_EXPOSURE} for the hours the {@link StatsRollupJob} has rolled up (one span, {@code
 * SL_STAT_ROLLUP}) and the raw rows for the rest of the range (the current hour and the roll-up's
 * grace, or everything before the first roll-up), so the figures are the same before and after a
 * roll-up. Whole UTC days inside the rolled-up span are read from the daily roll-up ({@code
 * SL_STAT_DAILY}), the hours at the span's edges from the hourly one. A click counts once per
 * token, at its first recording; an add-to-cart once per click token, at its first add. The
 * attribution's clicks ({@link #clickDetails}) are few and always read raw.
 */
public final class JdbcStatsQueries implements StatsQueries {

  private static final Logger log = LoggerFactory.getLogger(JdbcStatsQueries.class);

  /** (day number or UTC day, placement, stage, list, count). */
  private static final RowMapper<Count> COUNT_ROW =
      (rs, i) ->
          new Count(
              LocalDate.ofEpochDay(rs.getLong(1)),
              new Attribution.SlotKey(rs.getString(2), rs.getString(3), rs.getString(4)),
              rs.getLong(5));

  private final JdbcTemplate jdbc;
  private final JsonMapper json = JsonMapper.builder().build();

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
   * visitor or a customer who has an {@code OrderConfirmed} in [from, to) (every order attributed
   * to clicks of this range is in it). Every recording of such a token in the range is read, so the
   * first one still wins. Without the filter, a 90-day range read every click of it.
   */
  @Override
  public List<Attribution.Click> clickDetails(Instant from, Instant to) {
    List<Attribution.Click> clicks = new ArrayList<>();
    java.util.Set<String> seen = new java.util.HashSet<>();
    jdbc.query(
        "SELECT AT, TOKEN, VISITOR_ID, CUSTOMER_ID, PRODUCT_ID, PLACEMENT, STAGE, LIST_TYPE,"
            + " SLOT_POSITION FROM SL_STAT_CLICK WHERE AT >= ? AND AT < ? AND TOKEN IN (SELECT"
            + " C.TOKEN FROM SL_STAT_CLICK C WHERE C.AT >= ? AND C.AT < ? AND (C.VISITOR_ID IN"
            + " (SELECT VISITOR_ID FROM SL_EVENT WHERE TYPE = 'OrderConfirmed' AND OCCURRED_AT >= ?"
            + " AND OCCURRED_AT < ?) OR C.CUSTOMER_ID IN (SELECT CUSTOMER_ID FROM SL_EVENT WHERE"
            + " TYPE = 'OrderConfirmed' AND OCCURRED_AT >= ? AND OCCURRED_AT < ?)))"
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
   * The orders confirmed in [from, to) as they stand now: the {@code OrderConfirmed} rows of the
   * range, netted by every later {@code OrderCancelled} and {@code OrderReturned} of the same
   * orders ({@link StandingOrders}): a cancelled order, or one returned in full, is no longer an
   * order; returned units leave its lines.
   */
  @Override
  public List<Attribution.Order> orders(Instant from, Instant to) {
    Map<String, OrderConfirmed> confirmed = new LinkedHashMap<>();
    List<SmartListsEvent> events = new ArrayList<>();
    jdbc.query(
        "SELECT PAYLOAD FROM SL_EVENT WHERE TYPE = 'OrderConfirmed' AND OCCURRED_AT >= ?"
            + " AND OCCURRED_AT < ? ORDER BY ID",
        rs -> {
          OrderConfirmed e = read(rs.getString(1), OrderConfirmed.class);
          if (e != null && confirmed.putIfAbsent(e.order().orderId(), e) == null) {
            events.add(e);
          }
        },
        Sql.utc(from),
        Sql.utc(to));
    if (confirmed.isEmpty()) {
      return List.of();
    }
    jdbc.query(
        "SELECT TYPE, PAYLOAD FROM SL_EVENT WHERE TYPE IN ('OrderCancelled', 'OrderReturned')"
            + " AND OCCURRED_AT >= ? ORDER BY ID",
        rs -> {
          SmartListsEvent e =
              "OrderCancelled".equals(rs.getString(1))
                  ? read(rs.getString(2), OrderCancelled.class)
                  : read(rs.getString(2), OrderReturned.class);
          if (e != null && confirmed.containsKey(orderId(e))) {
            events.add(e);
          }
        },
        Sql.utc(from));
    List<Attribution.Order> orders = new ArrayList<>();
    for (OrderRecord order : StandingOrders.of(events)) {
      OrderConfirmed e = confirmed.get(order.orderId());
      if (e != null) {
        orders.add(
            new Attribution.Order(
                order.orderId(), e.at(), e.visitorId(), order.customerId(), order.lines()));
      }
    }
    return orders;
  }

  private static String orderId(SmartListsEvent e) {
    if (e instanceof OrderCancelled c) {
      return c.order().orderId();
    }
    return e instanceof OrderReturned r ? r.order().orderId() : "";
  }

  private <T> @Nullable T read(String payload, Class<T> type) {
    try {
      return json.readValue(payload, type);
    } catch (RuntimeException bad) {
      log.warn("Smart Lists statistics skip an unreadable {} event", type.getSimpleName(), bad);
      return null;
    }
  }

  @Override
  public List<Exposure> exposures(Instant from, Instant to) {
    Split split = split(from, to);
    Map<List<@Nullable String>, Exposure> first = new HashMap<>();
    RowCallbackHandler keepFirst =
        rs -> {
          Exposure e =
              new Exposure(
                  rs.getString(1), rs.getString(2), Arm.valueOf(rs.getString(3)), instant(rs, 4));
          first.merge(
              Arrays.asList(e.visitorId(), e.customerId(), e.arm().name()),
              e,
              (a, b) -> a.first().isAfter(b.first()) ? b : a);
        };
    Range rolled = split.rolled();
    if (rolled != null) {
      jdbc.query(
          "SELECT VISITOR_ID, CUSTOMER_ID, ARM, MIN(FIRST_AT) FROM SL_STAT_HOURLY_EXPOSURE"
              + " WHERE HOUR_START >= ? AND HOUR_START < ? GROUP BY VISITOR_ID, CUSTOMER_ID, ARM",
          keepFirst,
          Sql.utc(rolled.from()),
          Sql.utc(rolled.to()));
    }
    for (Range part : split.raw()) {
      jdbc.query(
          "SELECT VISITOR_ID, CUSTOMER_ID, ARM, MIN(AT) FROM SL_STAT_IMPRESSION"
              + " WHERE AT >= ? AND AT < ? GROUP BY VISITOR_ID, CUSTOMER_ID, ARM",
          keepFirst,
          Sql.utc(part.from()),
          Sql.utc(part.to()));
    }
    return new ArrayList<>(first.values());
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
