package io.smartlists.stats;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.jspecify.annotations.Nullable;

/**
 * The figures the admin shows, for a range of UTC days: per list × stage × placement and in total,
 * impressions (slots shown to the exposed arm), clicks (distinct accepted tokens), CTR,
 * add-to-carts of clicked products, attributed orders and revenue ({@link Attribution}), revenue
 * per 1,000 impressions; per day for the chart; and the holdout comparison ({@link
 * HoldoutAnalysis}).
 *
 * <p>Orders in the range are attributed to clicks up to one window before the range starts. The
 * holdout comparison's shoppers are grouped in the database ({@link StatsQueries#holdout}: who is
 * one shopper, which arm, which orders count).
 */
public final class StatsFigures {

  private final StatsQueries queries;
  private final Duration window;
  private final double holdoutShare;
  private final Clock clock;

  public StatsFigures(StatsQueries queries, Duration window, double holdoutShare, Clock clock) {
    this.queries = queries;
    this.window = window;
    this.holdoutShare = holdoutShare;
    this.clock = clock;
  }

  /** The attribution window. */
  public Duration window() {
    return window;
  }

  /** Today in UTC, by the figures' clock. */
  public LocalDate today() {
    return LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
  }

  /** One row of the breakdown (or the total, whose key has empty names). */
  public record Row(
      Attribution.SlotKey key,
      long impressions,
      long clicks,
      long cartAdds,
      long attributedOrders,
      BigDecimal attributedRevenue) {

    /** Clicks ÷ impressions, 0 without impressions. */
    public double ctr() {
      return impressions == 0 ? 0 : (double) clicks / impressions;
    }

    /** Attributed revenue per 1,000 impressions, 0 without impressions. */
    public BigDecimal revenuePerThousand() {
      return impressions == 0
          ? BigDecimal.ZERO
          : attributedRevenue
              .multiply(BigDecimal.valueOf(1000))
              .divide(BigDecimal.valueOf(impressions), 2, RoundingMode.HALF_UP);
    }
  }

  /** One day of the chart. */
  public record Day(
      LocalDate day,
      long impressions,
      long clicks,
      long cartAdds,
      long attributedOrders,
      BigDecimal attributedRevenue) {}

  /** The whole screen's figures. */
  public record Report(
      LocalDate from,
      LocalDate to,
      List<Row> rows,
      Row total,
      List<Day> days,
      HoldoutAnalysis.Report holdout) {

    /** The row of one list × stage × placement, or null when it has no figure. */
    public @Nullable Row row(String placement, String stage, String list) {
      for (Row r : rows) {
        if (r.key().equals(new Attribution.SlotKey(placement, stage, list))) {
          return r;
        }
      }
      return null;
    }
  }

  /** The figures of the UTC days {@code from} to {@code to}, both included. */
  public Report report(LocalDate from, LocalDate to) {
    Instant start = from.atStartOfDay(ZoneOffset.UTC).toInstant();
    Instant end = to.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant();
    Map<Attribution.SlotKey, long[]> counts = new HashMap<>();
    Map<LocalDate, long[]> daily = new TreeMap<>();
    for (LocalDate d = from; !d.isAfter(to); d = d.plusDays(1)) {
      daily.put(d, new long[4]);
    }
    add(counts, daily, queries.impressions(start, end, Arm.EXPOSED), 0);
    add(counts, daily, queries.clicks(start, end), 1);
    add(counts, daily, queries.cartAdds(start, end), 2);

    List<Attribution.Order> orders = queries.orders(start, end, start.minus(window));
    List<Attribution.AttributedLine> lines =
        Attribution.attribute(orders, queries.clickDetails(start.minus(window), end), window);
    Map<Attribution.SlotKey, BigDecimal> revenue = new HashMap<>();
    Map<Attribution.SlotKey, Set<String>> ordersBySlot = new HashMap<>();
    Map<LocalDate, BigDecimal> revenueByDay = new HashMap<>();
    Map<LocalDate, Set<String>> ordersByDay = new HashMap<>();
    Set<String> attributedOrders = new HashSet<>();
    BigDecimal totalRevenue = BigDecimal.ZERO;
    for (Attribution.AttributedLine line : lines) {
      Attribution.SlotKey key = line.click().slot();
      counts.computeIfAbsent(key, k -> new long[4]);
      revenue.merge(key, line.revenue(), BigDecimal::add);
      ordersBySlot.computeIfAbsent(key, k -> new HashSet<>()).add(line.order().orderId());
      LocalDate day = LocalDate.ofInstant(line.order().at(), ZoneOffset.UTC);
      revenueByDay.merge(day, line.revenue(), BigDecimal::add);
      ordersByDay.computeIfAbsent(day, k -> new HashSet<>()).add(line.order().orderId());
      attributedOrders.add(line.order().orderId());
      totalRevenue = totalRevenue.add(line.revenue());
    }

    List<Row> rows = new ArrayList<>();
    long[] sum = new long[4];
    for (Map.Entry<Attribution.SlotKey, long[]> e : counts.entrySet()) {
      long[] c = e.getValue();
      for (int i = 0; i < 3; i++) {
        sum[i] += c[i];
      }
      Set<String> o = ordersBySlot.get(e.getKey());
      rows.add(
          new Row(
              e.getKey(),
              c[0],
              c[1],
              c[2],
              o == null ? 0 : o.size(),
              revenue.getOrDefault(e.getKey(), BigDecimal.ZERO)));
    }
    rows.sort(
        Comparator.comparing((Row r) -> r.attributedRevenue())
            .reversed()
            .thenComparing(r -> -r.impressions())
            .thenComparing(r -> r.key().placement())
            .thenComparing(r -> r.key().stage())
            .thenComparing(r -> r.key().list()));
    Row total =
        new Row(
            new Attribution.SlotKey("", "", ""),
            sum[0],
            sum[1],
            sum[2],
            attributedOrders.size(),
            totalRevenue);
    List<Day> days = new ArrayList<>();
    for (Map.Entry<LocalDate, long[]> e : daily.entrySet()) {
      Set<String> o = ordersByDay.get(e.getKey());
      days.add(
          new Day(
              e.getKey(),
              e.getValue()[0],
              e.getValue()[1],
              e.getValue()[2],
              o == null ? 0 : o.size(),
              revenueByDay.getOrDefault(e.getKey(), BigDecimal.ZERO)));
    }
    return new Report(
        from,
        to,
        List.copyOf(rows),
        total,
        days,
        HoldoutAnalysis.compare(queries.holdout(start, end), holdoutShare));
  }

  private static void add(
      Map<Attribution.SlotKey, long[]> counts,
      Map<LocalDate, long[]> daily,
      List<StatsQueries.Count> rows,
      int column) {
    for (StatsQueries.Count c : rows) {
      counts.computeIfAbsent(c.slot(), k -> new long[4])[column] += c.count();
      long[] d = daily.get(c.day());
      if (d != null) {
        d[column] += c.count();
      }
    }
  }
}
