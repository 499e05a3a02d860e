package io.smartlists.stats;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import javax.sql.DataSource;
import org.jspecify.annotations.Nullable;

/**
 * Reads the hourly roll-ups for the admin's statistics (never the raw events). Every range is
 * {@code [from, to)} over the hours' starts, so a range that is not hour-aligned counts whole hours
 * that start inside it. Hours not rolled up yet (the current one, and the last {@code grace}) are
 * not in any figure: {@link #rolledUpTo()} says how fresh the figures are.
 */
public final class StatsRollups {

  private static final String SUMS =
      "SUM(IMPRESSIONS), SUM(CLICKS), SUM(ADD_TO_CARTS), SUM(ORDERS), SUM(REVENUE)";
  private static final String KEY = "PLACEMENT, STAGE, LIST_TYPE, SLOT_POSITION, ARM";

  private final DataSource dataSource;

  public StatsRollups(DataSource dataSource) {
    this.dataSource = dataSource;
  }

  /**
   * A roll-up key.
   *
   * @param placement the engine's placement name
   * @param stage the journey stage name
   * @param list the list type name
   * @param slotPosition the slot's position in the widget, from 0
   * @param arm {@code EXPOSED} or {@code HOLDOUT}
   */
  public record Key(String placement, String stage, String list, int slotPosition, String arm) {}

  /**
   * Counts of one key (or of a total).
   *
   * @param impressions slots shown (for the holdout arm: slots that would have been shown)
   * @param clicks counted clicks
   * @param addToCarts add-to-carts of clicked products
   * @param orders distinct orders with a line attributed to the key
   * @param revenue the attributed lines' quantity x unit price
   */
  public record Figures(
      long impressions, long clicks, long addToCarts, long orders, BigDecimal revenue) {

    /** Nothing counted. */
    public static final Figures ZERO = new Figures(0, 0, 0, 0, BigDecimal.ZERO);

    /** Both added up. */
    public Figures plus(Figures o) {
      return new Figures(
          impressions + o.impressions,
          clicks + o.clicks,
          addToCarts + o.addToCarts,
          orders + o.orders,
          revenue.add(o.revenue));
    }
  }

  /** The figures of one key over a range. */
  public record KeyFigures(Key key, Figures figures) {}

  /**
   * One arm's totals over a range or a day.
   *
   * @param widgets widgets shown (or withheld, for the holdout arm)
   * @param orders every order of the arm's visitors, attributed or not
   * @param revenue those orders' revenue
   * @param attributedOrders distinct orders with at least one attributed line (an order attributed
   *     to two slots counts once)
   * @param attributedRevenue the attributed lines' revenue
   */
  public record ArmTotals(
      long widgets,
      long orders,
      BigDecimal revenue,
      long attributedOrders,
      BigDecimal attributedRevenue) {

    /** Nothing counted. */
    public static final ArmTotals ZERO = new ArmTotals(0, 0, BigDecimal.ZERO, 0, BigDecimal.ZERO);

    /** Both added up. */
    public ArmTotals plus(ArmTotals o) {
      return new ArmTotals(
          widgets + o.widgets,
          orders + o.orders,
          revenue.add(o.revenue),
          attributedOrders + o.attributedOrders,
          attributedRevenue.add(o.attributedRevenue));
    }
  }

  /**
   * One day of the chart: per arm, the per-key figures added up (slot impressions, clicks,
   * add-to-carts) and the arm's totals (distinct attributed orders, revenue).
   */
  public record Day(LocalDate day, Map<String, Figures> figures, Map<String, ArmTotals> arms) {}

  /**
   * The holdout card's sample of one arm: every visitor (arm key) who was shown, or for the holdout
   * arm would have been shown, at least one widget in the range, with their orders and revenue in
   * the same range (index i is one visitor in both arrays).
   */
  public record ArmSample(String arm, int[] orders, double[] revenue) {

    /** Visitors in the arm. */
    public int visitors() {
      return orders.length;
    }

    /** Visitors with at least one order. */
    public int converted() {
      int n = 0;
      for (int o : orders) {
        if (o > 0) {
          n++;
        }
      }
      return n;
    }

    @Override
    public boolean equals(Object o) {
      return o instanceof ArmSample s
          && arm.equals(s.arm)
          && Arrays.equals(orders, s.orders)
          && Arrays.equals(revenue, s.revenue);
    }

    @Override
    public int hashCode() {
      return arm.hashCode() * 31 + Arrays.hashCode(orders);
    }

    @Override
    public String toString() {
      return "ArmSample[" + arm + ", " + orders.length + " visitors]";
    }
  }

  /** The figures per key over {@code [from, to)}, keys in placement, stage, list, slot order. */
  public List<KeyFigures> byKey(Instant from, Instant to) {
    String sql =
        "SELECT "
            + KEY
            + ", "
            + SUMS
            + " FROM SL_STAT_HOURLY WHERE HOUR_START >= ? AND HOUR_START < ? GROUP BY "
            + KEY
            + " ORDER BY "
            + KEY;
    List<KeyFigures> out = new ArrayList<>();
    query(
        sql,
        from,
        to,
        rs ->
            out.add(
                new KeyFigures(
                    new Key(
                        rs.getString(1),
                        rs.getString(2),
                        rs.getString(3),
                        rs.getInt(4),
                        rs.getString(5)),
                    figures(rs, 6))));
    return out;
  }

  /** The totals per arm over {@code [from, to)}. */
  public Map<String, ArmTotals> arms(Instant from, Instant to) {
    Map<String, ArmTotals> out = new TreeMap<>();
    query(
        "SELECT ARM, SUM(WIDGETS), SUM(ORDERS), SUM(REVENUE), SUM(ATTRIBUTED_ORDERS),"
            + " SUM(ATTRIBUTED_REVENUE) FROM SL_STAT_HOURLY_ARM WHERE HOUR_START >= ? AND"
            + " HOUR_START < ? GROUP BY ARM",
        from,
        to,
        rs -> out.put(rs.getString(1), arm(rs, 2)));
    return out;
  }

  /**
   * Day by day in {@code zone} over {@code [from, to)}, for the chart; days without data left out.
   */
  public List<Day> byDay(Instant from, Instant to, ZoneId zone) {
    Map<LocalDate, Map<String, Figures>> figures = new TreeMap<>();
    query(
        "SELECT HOUR_START, ARM, "
            + SUMS
            + " FROM SL_STAT_HOURLY WHERE HOUR_START >= ? AND HOUR_START < ?"
            + " GROUP BY HOUR_START, ARM",
        from,
        to,
        rs ->
            figures
                .computeIfAbsent(day(rs, zone), d -> new TreeMap<>())
                .merge(rs.getString(2), figures(rs, 3), Figures::plus));
    Map<LocalDate, Map<String, ArmTotals>> arms = new TreeMap<>();
    query(
        "SELECT HOUR_START, ARM, SUM(WIDGETS), SUM(ORDERS), SUM(REVENUE), SUM(ATTRIBUTED_ORDERS),"
            + " SUM(ATTRIBUTED_REVENUE) FROM SL_STAT_HOURLY_ARM WHERE HOUR_START >= ? AND"
            + " HOUR_START < ? GROUP BY HOUR_START, ARM",
        from,
        to,
        rs ->
            arms.computeIfAbsent(day(rs, zone), d -> new TreeMap<>())
                .merge(rs.getString(2), arm(rs, 3), ArmTotals::plus));
    Map<LocalDate, Day> days = new TreeMap<>();
    for (Map.Entry<LocalDate, Map<String, Figures>> e : figures.entrySet()) {
      days.put(e.getKey(), new Day(e.getKey(), e.getValue(), Map.of()));
    }
    for (Map.Entry<LocalDate, Map<String, ArmTotals>> e : arms.entrySet()) {
      Day d = days.get(e.getKey());
      days.put(
          e.getKey(),
          new Day(e.getKey(), d == null ? Map.of() : d.figures(), Map.copyOf(e.getValue())));
    }
    return List.copyOf(days.values());
  }

  /**
   * Per arm, every visitor shown (or, in the holdout arm, withheld) a widget in {@code [from, to)},
   * with their orders and revenue in the same range: the holdout comparison's samples.
   */
  public Map<String, ArmSample> visitors(Instant from, Instant to) {
    Map<String, IntList> orders = new LinkedHashMap<>();
    Map<String, DoubleList> revenue = new LinkedHashMap<>();
    query(
        "SELECT ARM, SUM(ORDERS), SUM(REVENUE) FROM SL_STAT_HOURLY_VISITOR"
            + " WHERE HOUR_START >= ? AND HOUR_START < ? GROUP BY ARM, ARM_KEY"
            + " HAVING SUM(WIDGETS) > 0",
        from,
        to,
        rs -> {
          String arm = rs.getString(1);
          orders.computeIfAbsent(arm, a -> new IntList()).add(rs.getInt(2));
          BigDecimal r = rs.getBigDecimal(3);
          revenue.computeIfAbsent(arm, a -> new DoubleList()).add(r == null ? 0 : r.doubleValue());
        });
    Map<String, ArmSample> out = new TreeMap<>();
    for (String arm : orders.keySet()) {
      out.put(arm, new ArmSample(arm, orders.get(arm).toArray(), revenue.get(arm).toArray()));
    }
    return out;
  }

  /** The end of the last hour rolled up (figures are complete before it), or null when none. */
  public @Nullable Instant rolledUpTo() {
    try (Connection c = dataSource.getConnection();
        PreparedStatement ps = c.prepareStatement("SELECT MAX(HOUR_START) FROM SL_STAT_ROLLUP");
        ResultSet rs = ps.executeQuery()) {
      OffsetDateTime t = rs.next() ? rs.getObject(1, OffsetDateTime.class) : null;
      return t == null ? null : t.toInstant().plusSeconds(3600);
    } catch (SQLException e) {
      throw new IllegalStateException("Smart Lists statistics could not be read", e);
    }
  }

  private static Figures figures(ResultSet rs, int at) throws SQLException {
    BigDecimal revenue = rs.getBigDecimal(at + 4);
    return new Figures(
        rs.getLong(at),
        rs.getLong(at + 1),
        rs.getLong(at + 2),
        rs.getLong(at + 3),
        revenue == null ? BigDecimal.ZERO : revenue);
  }

  private static ArmTotals arm(ResultSet rs, int at) throws SQLException {
    BigDecimal revenue = rs.getBigDecimal(at + 2);
    BigDecimal attributed = rs.getBigDecimal(at + 4);
    return new ArmTotals(
        rs.getLong(at),
        rs.getLong(at + 1),
        revenue == null ? BigDecimal.ZERO : revenue,
        rs.getLong(at + 3),
        attributed == null ? BigDecimal.ZERO : attributed);
  }

  private static LocalDate day(ResultSet rs, ZoneId zone) throws SQLException {
    return rs.getObject(1, OffsetDateTime.class).atZoneSameInstant(zone).toLocalDate();
  }

  private interface RowHandler {
    void row(ResultSet rs) throws SQLException;
  }

  private void query(String sql, Instant from, Instant to, RowHandler handler) {
    try (Connection c = dataSource.getConnection();
        PreparedStatement ps = c.prepareStatement(sql)) {
      ps.setObject(1, StatsRollupJob.utc(from));
      ps.setObject(2, StatsRollupJob.utc(to));
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          handler.row(rs);
        }
      }
    } catch (SQLException e) {
      throw new IllegalStateException("Smart Lists statistics could not be read", e);
    }
  }

  private static final class IntList {
    private int[] a = new int[64];
    private int n;

    void add(int v) {
      if (n == a.length) {
        a = Arrays.copyOf(a, n * 2);
      }
      a[n++] = v;
    }

    int[] toArray() {
      return Arrays.copyOf(a, n);
    }
  }

  private static final class DoubleList {
    private double[] a = new double[64];
    private int n;

    void add(double v) {
      if (n == a.length) {
        a = Arrays.copyOf(a, n * 2);
      }
      a[n++] = v;
    }

    double[] toArray() {
      return Arrays.copyOf(a, n);
    }
  }
}
