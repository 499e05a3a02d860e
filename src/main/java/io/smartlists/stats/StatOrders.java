package io.smartlists.stats;

import io.smartlists.host.OrderCancelled;
import io.smartlists.host.OrderConfirmed;
import io.smartlists.host.OrderLine;
import io.smartlists.host.OrderRecord;
import io.smartlists.host.OrderReturned;
import io.smartlists.host.SmartListsEvent;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Savepoint;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import javax.sql.DataSource;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.datasource.DataSourceUtils;
import tools.jackson.databind.json.JsonMapper;

/**
 * Keeps each order's figures in {@code SL_STAT_ORDER} and {@code SL_STAT_ORDER_LINE} (migration
 * {@code stats/V3_3}) as the order stands now, so that the figures read orders without decoding the
 * event log's JSON. {@link #record} runs on the thread that publishes the order event to the log
 * (through {@link TrackingEventPublisher}), so it joins the store's transaction when there is one,
 * inside a savepoint: if this write fails, it is rolled back alone and logged, the store's order
 * and its event are not affected.
 *
 * <p>The same netting as {@code StandingOrders} does over the log, applied event by event and
 * idempotent: an {@link OrderConfirmed} inserts its order once per order id (a replay changes
 * nothing); an {@link OrderCancelled} marks it as no longer standing; an {@link OrderReturned}
 * deducts the returned units from the order's standing lines, in line order, once per distinct
 * return event (a return delivered twice with the same fields counts once), and an order with no
 * unit left is no longer standing. A cancellation or return of an order not (yet) recorded is
 * ignored, as {@code StandingOrders} ignores one whose confirmation it did not see.
 *
 * <p>Two differences from reading the log, both for events out of their natural order: an order
 * confirmed again after its cancellation stays cancelled here (the log would count it again), and a
 * cancellation or return is netted whatever its time (the figures read from the log only netted
 * those from the range's start on).
 */
public final class StatOrders {

  private static final Logger log = LoggerFactory.getLogger(StatOrders.class);

  private final DataSource dataSource;

  public StatOrders(DataSource dataSource) {
    this.dataSource = dataSource;
  }

  /**
   * Records an order event (others are ignored) on the connection of the current transaction, or in
   * a transaction of its own without one. Never throws.
   */
  public void record(SmartListsEvent event) {
    if (!(event instanceof OrderConfirmed
        || event instanceof OrderCancelled
        || event instanceof OrderReturned)) {
      return;
    }
    Connection con;
    try {
      con = DataSourceUtils.getConnection(dataSource);
    } catch (RuntimeException e) {
      log.warn("Smart Lists statistics could not record {}", event, e);
      return;
    }
    try {
      if (!DataSourceUtils.isConnectionTransactional(con, dataSource)) {
        boolean autoCommit = con.getAutoCommit();
        con.setAutoCommit(false);
        try {
          apply(con, event);
          con.commit();
        } catch (SQLException | RuntimeException e) {
          con.rollback();
          throw e;
        } finally {
          con.setAutoCommit(autoCommit);
        }
      } else {
        Savepoint savepoint = con.setSavepoint();
        try {
          apply(con, event);
          con.releaseSavepoint(savepoint);
        } catch (SQLException | RuntimeException e) {
          con.rollback(savepoint);
          throw e;
        }
      }
    } catch (SQLException | RuntimeException e) {
      log.warn("Smart Lists statistics could not record {}", event, e);
    } finally {
      DataSourceUtils.releaseConnection(con, dataSource);
    }
  }

  /** Applies one order event on {@code con} (in the caller's transaction). */
  static void apply(Connection con, SmartListsEvent event) throws SQLException {
    if (event instanceof OrderConfirmed c) {
      confirm(con, c);
    } else if (event instanceof OrderCancelled c) {
      try (PreparedStatement s =
          con.prepareStatement("UPDATE SL_STAT_ORDER SET STANDING = FALSE WHERE ORDER_ID = ?")) {
        s.setString(1, c.order().orderId());
        s.executeUpdate();
      }
    } else if (event instanceof OrderReturned r) {
      giveBack(con, r);
    }
  }

  private static void confirm(Connection con, OrderConfirmed event) throws SQLException {
    OrderRecord order = event.order();
    BigDecimal revenue = BigDecimal.ZERO;
    for (OrderLine l : order.lines()) {
      revenue = revenue.add(Attribution.revenue(l));
    }
    int inserted;
    try (PreparedStatement s =
        con.prepareStatement(
            "INSERT INTO SL_STAT_ORDER (ORDER_ID, AT, VISITOR_ID, CUSTOMER_ID, REVENUE, STANDING)"
                + " SELECT ?, ?, ?, ?, ?, ? FROM (VALUES (1)) AS ONE (X) WHERE NOT EXISTS"
                + " (SELECT 1 FROM SL_STAT_ORDER WHERE ORDER_ID = ?)")) {
      s.setString(1, order.orderId());
      Sql.time(s, 2, event.at());
      s.setString(3, event.visitorId());
      Sql.nullableText(s, 4, order.customerId());
      s.setBigDecimal(5, revenue);
      s.setBoolean(6, true);
      s.setString(7, order.orderId());
      inserted = s.executeUpdate();
    }
    if (inserted == 0 || order.lines().isEmpty()) {
      return;
    }
    try (PreparedStatement s =
        con.prepareStatement(
            "INSERT INTO SL_STAT_ORDER_LINE (ORDER_ID, LINE_NO, PRODUCT_ID, QUANTITY, UNIT_PRICE)"
                + " VALUES (?, ?, ?, ?, ?)")) {
      int no = 0;
      for (OrderLine l : order.lines()) {
        s.setString(1, order.orderId());
        s.setInt(2, no++);
        s.setString(3, l.productId());
        s.setInt(4, l.quantity());
        s.setBigDecimal(5, l.unitPrice());
        s.addBatch();
      }
      s.executeBatch();
    }
  }

  private record Line(int no, String productId, int quantity, BigDecimal unitPrice) {}

  private static void giveBack(Connection con, OrderReturned event) throws SQLException {
    String orderId = event.order().orderId();
    try (PreparedStatement s =
        con.prepareStatement(
            "INSERT INTO SL_STAT_ORDER_RETURN (ORDER_ID, RETURN_KEY) SELECT ORDER_ID, ? FROM"
                + " SL_STAT_ORDER O WHERE O.ORDER_ID = ? AND O.STANDING = TRUE AND NOT EXISTS"
                + " (SELECT 1 FROM SL_STAT_ORDER_RETURN R WHERE R.ORDER_ID = O.ORDER_ID AND"
                + " R.RETURN_KEY = ?)")) {
      String key = returnKey(event);
      s.setString(1, key);
      s.setString(2, orderId);
      s.setString(3, key);
      if (s.executeUpdate() == 0) {
        return; // applied already, or the order is not standing (or not recorded)
      }
    }
    List<Line> lines = new ArrayList<>();
    try (PreparedStatement s =
        con.prepareStatement(
            "SELECT LINE_NO, PRODUCT_ID, QUANTITY, UNIT_PRICE FROM SL_STAT_ORDER_LINE WHERE"
                + " ORDER_ID = ? AND QUANTITY > 0 ORDER BY LINE_NO FOR UPDATE")) {
      s.setString(1, orderId);
      try (ResultSet rs = s.executeQuery()) {
        while (rs.next()) {
          lines.add(new Line(rs.getInt(1), rs.getString(2), rs.getInt(3), rs.getBigDecimal(4)));
        }
      }
    }
    // StandingOrders.deduct: each product's returned units leave its lines in order
    Map<String, Integer> back = new LinkedHashMap<>();
    for (OrderLine r : event.returnedLines()) {
      back.merge(r.productId(), r.quantity(), Integer::sum);
    }
    BigDecimal revenue = BigDecimal.ZERO;
    boolean left = false;
    try (PreparedStatement s =
        con.prepareStatement(
            "UPDATE SL_STAT_ORDER_LINE SET QUANTITY = ? WHERE ORDER_ID = ? AND LINE_NO = ?")) {
      boolean changed = false;
      for (Line l : lines) {
        int give = Math.min(l.quantity(), back.getOrDefault(l.productId(), 0));
        if (give > 0) {
          back.merge(l.productId(), -give, Integer::sum);
          s.setInt(1, l.quantity() - give);
          s.setString(2, orderId);
          s.setInt(3, l.no());
          s.addBatch();
          changed = true;
        }
        int stays = l.quantity() - give;
        if (stays > 0) {
          left = true;
          revenue = revenue.add(l.unitPrice().multiply(BigDecimal.valueOf(stays)));
        }
      }
      if (!changed) {
        return;
      }
      s.executeBatch();
    }
    try (PreparedStatement s =
        con.prepareStatement(
            "UPDATE SL_STAT_ORDER SET REVENUE = ?, STANDING = ? WHERE ORDER_ID = ?")) {
      s.setBigDecimal(1, revenue);
      s.setBoolean(2, left);
      s.setString(3, orderId);
      s.executeUpdate();
    }
  }

  /** A hash of every field of the return event: equal events (a redelivery) have equal keys. */
  static String returnKey(OrderReturned r) {
    StringBuilder sb = new StringBuilder();
    sb.append(r.visitorId()).append('\u0000').append(r.at()).append('\u0000');
    OrderRecord o = r.order();
    sb.append(o.orderId())
        .append('\u0000')
        .append(o.customerId())
        .append('\u0000')
        .append(o.placedAt())
        .append('\u0000');
    lines(sb, o.lines());
    sb.append('\u0001');
    lines(sb, r.returnedLines());
    try {
      return HexFormat.of()
          .formatHex(
              MessageDigest.getInstance("SHA-256")
                  .digest(sb.toString().getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  private static void lines(StringBuilder sb, List<OrderLine> lines) {
    for (OrderLine l : lines) {
      // BigDecimal.toString keeps the scale, as OrderLine.equals compares it
      sb.append(l.productId())
          .append('\u0000')
          .append(l.quantity())
          .append('\u0000')
          .append(l.unitPrice())
          .append('\u0000');
    }
  }

  /**
   * Fills the tables from the order events already in {@code SL_EVENT} (when that table exists), in
   * the log's id order, through the same netting as {@link #record}: what migration {@code V3_3_1}
   * runs once. Unreadable payloads are skipped, as the figures skipped them.
   *
   * @return the order events applied
   */
  public static int backfill(Connection con) throws SQLException {
    if (!hasEventLog(con)) {
      return 0;
    }
    JsonMapper json = JsonMapper.builder().build();
    List<SmartListsEvent> events = new ArrayList<>();
    try (PreparedStatement s =
            con.prepareStatement(
                "SELECT TYPE, PAYLOAD FROM SL_EVENT WHERE TYPE IN ('OrderConfirmed',"
                    + " 'OrderCancelled', 'OrderReturned') ORDER BY ID");
        ResultSet rs = s.executeQuery()) {
      while (rs.next()) {
        SmartListsEvent e = read(json, rs.getString(1), rs.getString(2));
        if (e != null) {
          events.add(e);
        }
      }
    }
    for (SmartListsEvent e : events) {
      apply(con, e);
    }
    return events.size();
  }

  private static @Nullable SmartListsEvent read(JsonMapper json, String type, String payload) {
    try {
      return switch (type) {
        case "OrderConfirmed" -> json.readValue(payload, OrderConfirmed.class);
        case "OrderCancelled" -> json.readValue(payload, OrderCancelled.class);
        default -> json.readValue(payload, OrderReturned.class);
      };
    } catch (RuntimeException bad) {
      log.warn("Smart Lists statistics skip an unreadable {} event", type, bad);
      return null;
    }
  }

  private static boolean hasEventLog(Connection con) throws SQLException {
    DatabaseMetaData meta = con.getMetaData();
    String schema = con.getSchema();
    for (String name : new String[] {"SL_EVENT", "sl_event"}) {
      try (ResultSet rs =
          meta.getTables(con.getCatalog(), schema, name, new String[] {"TABLE", "BASE TABLE"})) {
        while (rs.next()) {
          if ("SL_EVENT".equals(rs.getString("TABLE_NAME").toUpperCase(Locale.ROOT))) {
            return true;
          }
        }
      }
    }
    return false;
  }
}
