package io.smartlists.stats;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * An accepted click on a recommended product: a row of {@code SL_STAT_CLICK}.
 *
 * @param at when the shopper clicked
 * @param token the click token's signature (the figures count distinct tokens)
 * @param click the signed fields: widget, placement, stage, list, slot, position, product
 * @param visitorId the visitor cookie of the click
 * @param customerId the signed-in customer at the click, or null
 */
public record ClickRow(
    Instant at, String token, ClickToken click, String visitorId, @Nullable String customerId) {

  /** The insert into {@code SL_STAT_CLICK}. */
  public static final StatTable<ClickRow> TABLE =
      new StatTable<>() {
        @Override
        public String insertSql() {
          return "INSERT INTO SL_STAT_CLICK (AT, TOKEN, WIDGET_ID, PLACEMENT, STAGE, SLOT_POSITION,"
              + " LIST_TYPE, ITEM_POSITION, PRODUCT_ID, VISITOR_ID, CUSTOMER_ID)"
              + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";
        }

        @Override
        public void bind(java.sql.PreparedStatement s, ClickRow row) throws java.sql.SQLException {
          ClickToken c = row.click();
          Sql.time(s, 1, row.at());
          s.setString(2, row.token());
          s.setString(3, c.widgetId());
          s.setString(4, c.placement());
          s.setString(5, c.stage());
          s.setInt(6, c.slot());
          s.setString(7, c.list());
          s.setInt(8, c.position());
          s.setString(9, c.productId());
          s.setString(10, row.visitorId());
          Sql.nullableText(s, 11, row.customerId());
        }
      };
}
