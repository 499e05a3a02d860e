package io.smartlists.stats;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * A product clicked from a widget whose quantity in the cart then rose: a row of {@code
 * SL_STAT_CART_ADD}. The figures count one add-to-cart per click token.
 *
 * @param at when the cart changed
 * @param click the click that brought the shopper to the product
 * @param quantity units added by this cart change
 */
public record CartAddRow(
    Instant at, ClickRow click, int quantity, String visitorId, @Nullable String customerId) {

  /** The insert into {@code SL_STAT_CART_ADD}. */
  public static final StatTable<CartAddRow> TABLE =
      new StatTable<>() {
        @Override
        public String insertSql() {
          return "INSERT INTO SL_STAT_CART_ADD (AT, CLICK_TOKEN, WIDGET_ID, PLACEMENT, STAGE,"
              + " SLOT_POSITION, LIST_TYPE, PRODUCT_ID, QUANTITY, VISITOR_ID, CUSTOMER_ID)"
              + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";
        }

        @Override
        public void bind(java.sql.PreparedStatement s, CartAddRow row)
            throws java.sql.SQLException {
          ClickToken c = row.click().click();
          Sql.time(s, 1, row.at());
          s.setString(2, row.click().token());
          s.setString(3, c.widgetId());
          s.setString(4, c.placement());
          s.setString(5, c.stage());
          s.setInt(6, c.slot());
          s.setString(7, c.list());
          s.setString(8, c.productId());
          s.setInt(9, row.quantity());
          s.setString(10, row.visitorId());
          Sql.nullableText(s, 11, row.customerId());
        }
      };
}
