package io.smartlists.demo.data;

import io.smartlists.eval.OrderCsv;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Loads {@code classpath:demo-data/*.csv} into the store's tables once, at start-up, before any
 * port is used (the ports depend on this bean, so the module's first signal rebuild sees the whole
 * history).
 *
 * <p>The data set is the year 2017 of "The Complete Journey"; every instant is shifted by a whole
 * number of days so that the history ends {@value #DAYS_BEFORE_TODAY} days before the store's
 * {@link Clock}'s today: lapsed customers and new arrivals then make sense on any date. A product's
 * availability date is its first sale, shifted the same way.
 */
@Component
public final class DemoDataLoader implements InitializingBean {

  /** The last order of the history is this many days before today. */
  static final int DAYS_BEFORE_TODAY = 3;

  private static final Logger log = LoggerFactory.getLogger(DemoDataLoader.class);

  private final JdbcTemplate jdbc;
  private final Clock clock;
  private Duration shift = Duration.ZERO;
  private Instant historyEnd = Instant.EPOCH;

  DemoDataLoader(JdbcTemplate jdbc, ObjectProvider<Clock> clock) {
    this.jdbc = jdbc;
    this.clock = clock.getIfAvailable(Clock::systemUTC);
  }

  /** How far the shipped history was moved forward. */
  public Duration shift() {
    return shift;
  }

  /** When the last shipped order was placed (shifted). */
  public Instant historyEnd() {
    return historyEnd;
  }

  /** The store's clock. */
  public Clock clock() {
    return clock;
  }

  @Override
  public void afterPropertiesSet() {
    Integer existing = jdbc.queryForObject("SELECT COUNT(*) FROM STORE_PRODUCT", Integer.class);
    if (existing != null && existing > 0) {
      // already loaded (a persistent database): the dates were shifted when it was loaded
      java.time.OffsetDateTime last =
          jdbc.queryForObject(
              "SELECT MAX(PLACED_AT) FROM STORE_ORDER", java.time.OffsetDateTime.class);
      historyEnd = last == null ? Instant.EPOCH : last.toInstant();
      return;
    }
    long started = System.nanoTime();
    List<OrderCsv.Row> lines = readOrders();
    Instant end = Instant.EPOCH;
    Map<String, Instant> firstSale = new HashMap<>();
    for (OrderCsv.Row row : lines) {
      Instant at = placedAt(row);
      if (at.isAfter(end)) {
        end = at;
      }
      firstSale.merge(row.productId(), at, (a, b) -> a.isBefore(b) ? a : b);
    }
    LocalDate lastDay = end.atZone(ZoneOffset.UTC).toLocalDate();
    LocalDate targetDay = LocalDate.now(clock).minusDays(DAYS_BEFORE_TODAY);
    shift = Duration.ofDays(ChronoUnit.DAYS.between(lastDay, targetDay));
    historyEnd = end.plus(shift);

    List<Map<String, String>> products = Csv.read("demo-data/products.csv");
    Map<String, String[]> categories = new LinkedHashMap<>();
    for (Map<String, String> p : products) {
      String department = p.get("department");
      String departmentId = slug(department);
      categories.putIfAbsent(departmentId, new String[] {departmentId, department, null});
      String categoryId = departmentId + "-" + slug(p.get("category"));
      categories.putIfAbsent(
          categoryId, new String[] {categoryId, p.get("category"), departmentId});
    }
    List<Object[]> rows = new ArrayList<>();
    for (String[] c : categories.values()) {
      rows.add(new Object[] {c[0], c[1], c[2]});
    }
    jdbc.batchUpdate("INSERT INTO STORE_CATEGORY (ID, NAME, PARENT_ID) VALUES (?, ?, ?)", rows);

    rows.clear();
    for (Map<String, String> p : products) {
      Instant first = firstSale.get(p.get("product_id"));
      rows.add(
          new Object[] {
            p.get("product_id"),
            p.get("name"),
            slug(p.get("department")) + "-" + slug(p.get("category")),
            emptyToNull(p.get("manufacturer")),
            emptyToNull(p.get("brand")),
            emptyToNull(p.get("package_size")),
            new BigDecimal(p.get("price")),
            Integer.parseInt(p.get("stock")),
            true,
            Boolean.parseBoolean(p.get("visible")),
            Boolean.parseBoolean(p.get("b2b_only")),
            first == null ? null : first.plus(shift).atOffset(ZoneOffset.UTC)
          });
    }
    jdbc.batchUpdate(
        "INSERT INTO STORE_PRODUCT (ID, NAME, CATEGORY_ID, MANUFACTURER, BRAND, PACKAGE_SIZE, PRICE,"
            + " STOCK, ACTIVE, VISIBLE, B2B_ONLY, AVAILABLE_FROM) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        rows);

    rows.clear();
    for (Map<String, String> c : Csv.read("demo-data/customers.csv")) {
      rows.add(
          new Object[] {
            c.get("customer_id"),
            c.get("display_name"),
            c.get("customer_group"),
            emptyToNull(c.get("persona"))
          });
    }
    jdbc.batchUpdate(
        "INSERT INTO STORE_CUSTOMER (ID, DISPLAY_NAME, CUSTOMER_GROUP, PERSONA) VALUES (?, ?, ?, ?)",
        rows);

    List<Object[]> orders = new ArrayList<>();
    List<Object[]> items = new ArrayList<>();
    long maxOrderId = 0;
    for (OrderCsv.Order order : OrderCsv.orders(lines)) {
      long id = Long.parseLong(order.orderId());
      maxOrderId = Math.max(maxOrderId, id);
      orders.add(
          new Object[] {
            id,
            order.customerId(),
            placedAt(order.lines().get(0)).plus(shift).atOffset(ZoneOffset.UTC),
            "SUBMITTED"
          });
      int lineNo = 0;
      for (OrderCsv.Row row : order.lines()) {
        items.add(
            new Object[] {
              id,
              ++lineNo,
              row.productId(),
              row.quantity(),
              row.unitPrice() == null ? BigDecimal.ZERO : row.unitPrice()
            });
      }
    }
    jdbc.batchUpdate(
        "INSERT INTO STORE_ORDER (ID, CUSTOMER_ID, PLACED_AT, STATUS) VALUES (?, ?, ?, ?)", orders);
    jdbc.batchUpdate(
        "INSERT INTO STORE_ORDER_ITEM (ORDER_ID, LINE_NO, PRODUCT_ID, QUANTITY, UNIT_PRICE)"
            + " VALUES (?, ?, ?, ?, ?)",
        items);
    jdbc.execute("ALTER SEQUENCE STORE_ORDER_SEQ RESTART WITH " + (maxOrderId + 1));
    log.info(
        "Demo store loaded {} categories, {} products, {} customers, {} orders ({} lines),"
            + " history shifted by {} days to end {}, in {} ms",
        categories.size(),
        products.size(),
        rows.size(),
        orders.size(),
        items.size(),
        shift.toDays(),
        historyEnd,
        (System.nanoTime() - started) / 1_000_000);
  }

  private static List<OrderCsv.Row> readOrders() {
    ClassPathResource resource = new ClassPathResource("demo-data/orders.csv");
    try (Reader reader = new InputStreamReader(resource.getInputStream(), StandardCharsets.UTF_8)) {
      return OrderCsv.read(reader, "demo-data/orders.csv");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static Instant placedAt(OrderCsv.Row row) {
    Instant at = row.placedAt();
    if (at == null) {
      throw new IllegalStateException(
          "demo-data/orders.csv:" + row.lineNumber() + ": no placed_at");
    }
    return at;
  }

  /** The category id the store derives from a display name: lower case, dashes. */
  public static String slug(String text) {
    return text.toLowerCase(java.util.Locale.ROOT)
        .replaceAll("[^a-z0-9]+", "-")
        .replaceAll("^-|-$", "");
  }

  private static @org.jspecify.annotations.Nullable Object emptyToNull(
      @org.jspecify.annotations.Nullable String s) {
    return s == null || s.isEmpty() ? null : s;
  }
}
