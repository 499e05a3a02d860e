package io.smartlists.stats;

import java.math.BigDecimal;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import org.jspecify.annotations.Nullable;

/**
 * Rows of the raw statistics tables as the storage tests, the two-node test and the benchmarks
 * write them: plain {@link StatTable}s over the columns of {@code V4__statistics.sql}. The
 * storefront's own row types (impressions, clicks, add-to-carts, attribution) fill the same
 * columns.
 */
public final class TestStatRows {

  private TestStatRows() {}

  /** What every slot-level row shares. */
  public record Slot(
      String widgetId,
      String visitorId,
      @Nullable String customerId,
      String arm,
      String placement,
      String stage,
      int slotPosition,
      String list) {

    String armKey() {
      return customerId != null ? customerId : visitorId;
    }
  }

  public record Impression(Instant at, Slot slot, String products, @Nullable String fallbacks) {}

  public record Click(Instant at, Slot slot, int itemPosition, String productId) {}

  public record AddToCart(Instant at, Slot slot, String productId, int quantity) {}

  public record Order(
      Instant at,
      String orderId,
      String visitorId,
      @Nullable String customerId,
      String arm,
      BigDecimal revenue) {}

  public record Attribution(
      Instant at, String orderId, String productId, Slot slot, int quantity, BigDecimal revenue) {}

  private static final String SLOT_COLUMNS =
      "OCCURRED_AT, WIDGET_ID, VISITOR_ID, CUSTOMER_ID, ARM_KEY, ARM, PLACEMENT, STAGE,"
          + " SLOT_POSITION, LIST_TYPE";

  private static int bindSlot(PreparedStatement ps, Instant at, Slot s) throws SQLException {
    ps.setObject(1, OffsetDateTime.ofInstant(at, ZoneOffset.UTC));
    ps.setString(2, s.widgetId());
    ps.setString(3, s.visitorId());
    ps.setString(4, s.customerId());
    ps.setString(5, s.armKey());
    ps.setString(6, s.arm());
    ps.setString(7, s.placement());
    ps.setString(8, s.stage());
    ps.setInt(9, s.slotPosition());
    ps.setString(10, s.list());
    return 11;
  }

  public static final StatTable<Impression> IMPRESSIONS =
      new StatTable<>() {
        @Override
        public String insertSql() {
          return "INSERT INTO SL_STAT_IMPRESSION ("
              + SLOT_COLUMNS
              + ", PRODUCTS, FALLBACKS) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";
        }

        @Override
        public void bind(PreparedStatement ps, Impression row) throws SQLException {
          int i = bindSlot(ps, row.at(), row.slot());
          ps.setString(i, row.products());
          ps.setString(i + 1, row.fallbacks());
        }
      };

  public static final StatTable<Click> CLICKS =
      new StatTable<>() {
        @Override
        public String insertSql() {
          return "INSERT INTO SL_STAT_CLICK ("
              + SLOT_COLUMNS
              + ", ITEM_POSITION, PRODUCT_ID) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";
        }

        @Override
        public void bind(PreparedStatement ps, Click row) throws SQLException {
          int i = bindSlot(ps, row.at(), row.slot());
          ps.setInt(i, row.itemPosition());
          ps.setString(i + 1, row.productId());
        }
      };

  public static final StatTable<AddToCart> ADD_TO_CARTS =
      new StatTable<>() {
        @Override
        public String insertSql() {
          return "INSERT INTO SL_STAT_ADD_TO_CART ("
              + SLOT_COLUMNS
              + ", PRODUCT_ID, QUANTITY) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";
        }

        @Override
        public void bind(PreparedStatement ps, AddToCart row) throws SQLException {
          int i = bindSlot(ps, row.at(), row.slot());
          ps.setString(i, row.productId());
          ps.setInt(i + 1, row.quantity());
        }
      };

  public static final StatTable<Order> ORDERS =
      new StatTable<>() {
        @Override
        public String insertSql() {
          return "INSERT INTO SL_STAT_ORDER (ORDER_ID, OCCURRED_AT, VISITOR_ID, CUSTOMER_ID,"
              + " ARM_KEY, ARM, REVENUE) VALUES (?, ?, ?, ?, ?, ?, ?)";
        }

        @Override
        public void bind(PreparedStatement ps, Order row) throws SQLException {
          ps.setString(1, row.orderId());
          ps.setObject(2, OffsetDateTime.ofInstant(row.at(), ZoneOffset.UTC));
          ps.setString(3, row.visitorId());
          ps.setString(4, row.customerId());
          ps.setString(5, row.customerId() != null ? row.customerId() : row.visitorId());
          ps.setString(6, row.arm());
          ps.setBigDecimal(7, row.revenue());
        }
      };

  public static final StatTable<Attribution> ATTRIBUTIONS =
      new StatTable<>() {
        @Override
        public String insertSql() {
          return "INSERT INTO SL_STAT_ATTRIBUTION (ORDER_ID, PRODUCT_ID, OCCURRED_AT, ARM_KEY, ARM,"
              + " PLACEMENT, STAGE, SLOT_POSITION, LIST_TYPE, QUANTITY, REVENUE)"
              + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";
        }

        @Override
        public void bind(PreparedStatement ps, Attribution row) throws SQLException {
          Slot s = row.slot();
          ps.setString(1, row.orderId());
          ps.setString(2, row.productId());
          ps.setObject(3, OffsetDateTime.ofInstant(row.at(), ZoneOffset.UTC));
          ps.setString(4, s.armKey());
          ps.setString(5, s.arm());
          ps.setString(6, s.placement());
          ps.setString(7, s.stage());
          ps.setInt(8, s.slotPosition());
          ps.setString(9, s.list());
          ps.setInt(10, row.quantity());
          ps.setBigDecimal(11, row.revenue());
        }
      };
}
