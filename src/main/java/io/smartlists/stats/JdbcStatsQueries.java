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
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@link StatsQueries} over the raw tables, portable between H2 and PostgreSQL (days are computed
 * as {@code FLOOR(EXTRACT(EPOCH FROM AT) / 86400)}, so both group by the same UTC day). Orders are
 * the {@code OrderConfirmed} rows of {@code SL_EVENT} netted by their cancellations and returns,
 * decoded here, so attribution is the same on every node and after a restart.
 */
public final class JdbcStatsQueries implements StatsQueries {

  private static final Logger log = LoggerFactory.getLogger(JdbcStatsQueries.class);

  private final JdbcTemplate jdbc;
  private final JsonMapper json = JsonMapper.builder().build();

  public JdbcStatsQueries(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  @Override
  public List<Count> impressions(Instant from, Instant to, Arm arm) {
    return counts("COUNT(*)", "SL_STAT_IMPRESSION", " AND ARM = ?", from, to, arm.name());
  }

  @Override
  public List<Count> clicks(Instant from, Instant to) {
    return counts("COUNT(DISTINCT TOKEN)", "SL_STAT_CLICK", "", from, to);
  }

  @Override
  public List<Count> cartAdds(Instant from, Instant to) {
    return counts("COUNT(DISTINCT CLICK_TOKEN)", "SL_STAT_CART_ADD", "", from, to);
  }

  /** {@code aggregate} per UTC day and list × stage × placement of {@code table}'s rows. */
  private List<Count> counts(
      String aggregate, String table, String filter, Instant from, Instant to, Object... extra) {
    String sql =
        "SELECT FLOOR(EXTRACT(EPOCH FROM AT) / 86400) AS D, PLACEMENT, STAGE, LIST_TYPE, "
            + aggregate
            + " FROM "
            + table
            + " WHERE AT >= ? AND AT < ?"
            + filter
            + " GROUP BY FLOOR(EXTRACT(EPOCH FROM AT) / 86400), PLACEMENT, STAGE, LIST_TYPE";
    Object[] args = new Object[2 + extra.length];
    args[0] = Sql.utc(from);
    args[1] = Sql.utc(to);
    System.arraycopy(extra, 0, args, 2, extra.length);
    return jdbc.query(
        sql,
        (rs, i) ->
            new Count(
                LocalDate.ofEpochDay(rs.getLong(1)),
                new Attribution.SlotKey(rs.getString(2), rs.getString(3), rs.getString(4)),
                rs.getLong(5)),
        args);
  }

  @Override
  public List<Attribution.Click> clickDetails(Instant from, Instant to) {
    List<Attribution.Click> clicks = new ArrayList<>();
    java.util.Set<String> seen = new java.util.HashSet<>();
    jdbc.query(
        "SELECT AT, TOKEN, VISITOR_ID, CUSTOMER_ID, PRODUCT_ID, PLACEMENT, STAGE, LIST_TYPE,"
            + " SLOT_POSITION FROM SL_STAT_CLICK WHERE AT >= ? AND AT < ? ORDER BY AT, ID",
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
    return jdbc.query(
        "SELECT VISITOR_ID, CUSTOMER_ID, ARM, MIN(AT) FROM SL_STAT_IMPRESSION"
            + " WHERE AT >= ? AND AT < ? GROUP BY VISITOR_ID, CUSTOMER_ID, ARM",
        (rs, i) ->
            new Exposure(
                rs.getString(1), rs.getString(2), Arm.valueOf(rs.getString(3)), instant(rs, 4)),
        Sql.utc(from),
        Sql.utc(to));
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
