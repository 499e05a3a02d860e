package io.smartlists.stats;

import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * One slot of a composed widget as the shopper saw it ({@link Arm#EXPOSED}) or would have seen it
 * ({@link Arm#HOLDOUT}): a row of {@code SL_STAT_IMPRESSION}.
 *
 * @param at when the widget was composed
 * @param widgetId the random id of the widget (its slots share it; its click tokens carry it)
 * @param placement where it rendered, e.g. {@code PRODUCT_PAGE}
 * @param stage the resolved journey stage
 * @param slotPosition the slot's position in the widget, from 0
 * @param list the slot's list type
 * @param arm the shopper's holdout arm
 * @param visitorId the visitor cookie
 * @param customerId the signed-in customer, or null
 * @param products the product ids shown, in their positions
 * @param fallbacks for each position, whether the item came from the fallback chain
 */
public record ImpressionRow(
    Instant at,
    String widgetId,
    String placement,
    String stage,
    int slotPosition,
    String list,
    Arm arm,
    String visitorId,
    @Nullable String customerId,
    List<String> products,
    List<Boolean> fallbacks) {

  public ImpressionRow {
    products = List.copyOf(products);
    fallbacks = List.copyOf(fallbacks);
    if (products.size() != fallbacks.size()) {
      throw new IllegalArgumentException("one fallback mark per product");
    }
  }

  /** The insert into {@code SL_STAT_IMPRESSION}. */
  public static final StatTable<ImpressionRow> TABLE =
      new StatTable<>() {
        @Override
        public String insertSql() {
          return "INSERT INTO SL_STAT_IMPRESSION (AT, WIDGET_ID, PLACEMENT, STAGE, SLOT_POSITION,"
              + " LIST_TYPE, ARM, VISITOR_ID, CUSTOMER_ID, ITEM_COUNT, PRODUCTS, FALLBACKS)"
              + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";
        }

        @Override
        public void bind(java.sql.PreparedStatement s, ImpressionRow row)
            throws java.sql.SQLException {
          Sql.time(s, 1, row.at());
          s.setString(2, row.widgetId());
          s.setString(3, row.placement());
          s.setString(4, row.stage());
          s.setInt(5, row.slotPosition());
          s.setString(6, row.list());
          s.setString(7, row.arm().name());
          s.setString(8, row.visitorId());
          Sql.nullableText(s, 9, row.customerId());
          s.setInt(10, row.products().size());
          s.setString(11, encodeProducts(row.products()));
          s.setString(12, encodeFallbacks(row.fallbacks()));
        }
      };

  /** Product ids as stored: each URL-encoded, comma-separated. */
  static String encodeProducts(List<String> ids) {
    StringBuilder b = new StringBuilder(ids.size() * 8);
    for (int i = 0; i < ids.size(); i++) {
      if (i > 0) {
        b.append(',');
      }
      b.append(URLEncoder.encode(ids.get(i), StandardCharsets.UTF_8));
    }
    return b.toString();
  }

  /** The inverse of {@link #encodeProducts}. */
  static List<String> decodeProducts(String stored) {
    List<String> ids = new ArrayList<>();
    if (stored.isEmpty()) {
      return ids;
    }
    for (String part : stored.split(",", -1)) {
      ids.add(URLDecoder.decode(part, StandardCharsets.UTF_8));
    }
    return ids;
  }

  static String encodeFallbacks(List<Boolean> marks) {
    char[] c = new char[marks.size()];
    for (int i = 0; i < c.length; i++) {
      c[i] = marks.get(i) ? '1' : '0';
    }
    return new String(c);
  }
}
