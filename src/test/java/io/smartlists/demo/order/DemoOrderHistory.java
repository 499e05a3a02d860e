package io.smartlists.demo.order;

import io.smartlists.demo.data.DemoDataLoader;
import io.smartlists.host.OrderHistoryPort;
import io.smartlists.host.OrderLine;
import io.smartlists.host.OrderRecord;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The store's order history for the module: in batches by order id for rebuilds ({@code
 * OrderDao.readBatchOrdersFromLastID}), and per customer for the store itself. Only SUBMITTED
 * orders; read with plain SQL because a rebuild walks every order.
 */
@Component
public final class DemoOrderHistory implements OrderHistoryPort {

  private static final String SELECT =
      "SELECT o.ID, o.CUSTOMER_ID, o.PLACED_AT, i.PRODUCT_ID, i.QUANTITY, i.UNIT_PRICE"
          + " FROM STORE_ORDER o JOIN STORE_ORDER_ITEM i ON i.ORDER_ID = o.ID";

  private final JdbcTemplate jdbc;

  DemoOrderHistory(DemoDataLoader data, JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  /** Every submitted order of the customer, oldest first (the store's own use and its tests). */
  public List<OrderRecord> findOrdersForCustomer(String customerId) {
    return read(
        SELECT
            + " WHERE o.STATUS = 'SUBMITTED' AND o.CUSTOMER_ID = ? ORDER BY o.PLACED_AT, o.ID, i.LINE_NO",
        customerId);
  }

  @Override
  public List<OrderRecord> readBatchOrdersFromLastId(@Nullable String lastOrderId, int batchSize) {
    long after = lastOrderId == null ? Long.MIN_VALUE : Long.parseLong(lastOrderId);
    return read(
        SELECT
            + " WHERE o.ID IN (SELECT ID FROM STORE_ORDER WHERE STATUS = 'SUBMITTED' AND ID > ?"
            + " ORDER BY ID LIMIT ?) ORDER BY o.ID, i.LINE_NO",
        after,
        Math.max(1, batchSize));
  }

  private List<OrderRecord> read(String sql, Object... args) {
    Map<Long, Object[]> heads = new LinkedHashMap<>();
    Map<Long, List<OrderLine>> lines = new LinkedHashMap<>();
    jdbc.query(
        sql,
        rs -> {
          long id = rs.getLong(1);
          heads.computeIfAbsent(id, k -> new Object[] {readString(rs, 2), readTimestamp(rs, 3)});
          lines
              .computeIfAbsent(id, k -> new ArrayList<>())
              .add(new OrderLine(rs.getString(4), rs.getInt(5), rs.getBigDecimal(6)));
        },
        args);
    List<OrderRecord> orders = new ArrayList<>(heads.size());
    for (Map.Entry<Long, Object[]> head : heads.entrySet()) {
      Object[] h = head.getValue();
      orders.add(
          new OrderRecord(
              Long.toString(head.getKey()),
              (String) h[0],
              ((OffsetDateTime) h[1]).toInstant(),
              lines.get(head.getKey())));
    }
    return orders;
  }

  private static @Nullable String readString(java.sql.ResultSet rs, int column) {
    try {
      return rs.getString(column);
    } catch (java.sql.SQLException e) {
      throw new IllegalStateException(e);
    }
  }

  private static OffsetDateTime readTimestamp(java.sql.ResultSet rs, int column) {
    try {
      return rs.getObject(column, OffsetDateTime.class);
    } catch (java.sql.SQLException e) {
      throw new IllegalStateException(e);
    }
  }
}
