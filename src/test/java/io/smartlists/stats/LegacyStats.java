package io.smartlists.stats;

import static io.smartlists.stats.HoldoutAnalysis.CAP_PERCENTILE;
import static io.smartlists.stats.HoldoutAnalysis.MIN_CONVERTERS;
import static io.smartlists.stats.HoldoutAnalysis.MIN_SHOPPERS;

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
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.math3.distribution.NormalDistribution;
import org.apache.commons.math3.distribution.TDistribution;
import org.apache.commons.math3.stat.descriptive.rank.Percentile;
import org.apache.commons.math3.stat.inference.TTest;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowCallbackHandler;
import tools.jackson.databind.json.JsonMapper;

/**
 * The statistics' holdout and order reading as they were before the orders' figures moved to {@code
 * SL_STAT_ORDER} and the holdout's grouping into SQL (commit 1e3f46d), kept verbatim as the
 * reference the new path must agree with: orders decoded from the event log's JSON and netted by
 * {@link StandingOrders}, one exposure row per (visitor, customer, arm) read into Java, shoppers
 * built in Java, and the comparison over one value per shopper (commons-math3's {@link
 * TTest#tTest(double[], double[])} on the arrays).
 */
final class LegacyStats {

  /** A shopper seen in an arm: the first impression of a (visitor, customer, arm) in the range. */
  record Exposure(String visitorId, @Nullable String customerId, Arm arm, Instant first) {}

  private static final double Z_975 = new NormalDistribution().inverseCumulativeProbability(0.975);

  private final JdbcTemplate jdbc;
  private final JdbcStatsQueries queries;
  private final double holdoutShare;
  private final JsonMapper json = JsonMapper.builder().build();

  LegacyStats(JdbcTemplate jdbc, double holdoutShare) {
    this.jdbc = jdbc;
    this.queries = new JdbcStatsQueries(jdbc);
    this.holdoutShare = holdoutShare;
  }

  /** The old report's holdout comparison over [from, to). */
  HoldoutAnalysis.Report holdout(Instant from, Instant to) {
    return holdout(exposures(from, to), orders(from, to));
  }

  private JdbcStatsQueries.Split split(Instant from, Instant to) {
    return queries.split(from, to);
  }

  private static HoldoutAnalysis.Difference relative(
      double diff, double low, double high, double p, double base) {
    if (base == 0) {
      return new HoldoutAnalysis.Difference(diff, low, high, p, Double.NaN, Double.NaN, Double.NaN);
    }
    return new HoldoutAnalysis.Difference(diff, low, high, p, diff / base, low / base, high / base);
  }

  static HoldoutAnalysis.Report compare(List<HoldoutAnalysis.Shopper> shoppers, double share) {
    double cap = cap(shoppers);
    List<HoldoutAnalysis.Shopper> exposed = new ArrayList<>();
    List<HoldoutAnalysis.Shopper> holdout = new ArrayList<>();
    for (HoldoutAnalysis.Shopper s : shoppers) {
      (s.arm() == Arm.HOLDOUT ? holdout : exposed).add(s);
    }
    HoldoutAnalysis.ArmFigures e = figures(Arm.EXPOSED, exposed, cap);
    HoldoutAnalysis.ArmFigures h = figures(Arm.HOLDOUT, holdout, cap);
    HoldoutAnalysis.Difference rpv = null;
    if (exposed.size() >= 2 && holdout.size() >= 2) {
      rpv = welch(capped(exposed, cap), capped(holdout, cap));
    }
    HoldoutAnalysis.Difference aov = aov(exposed, holdout, cap);
    HoldoutAnalysis.SampleRatio srm =
        HoldoutAnalysis.sampleRatio(exposed.size(), holdout.size(), share);
    HoldoutAnalysis.Verdict verdict;
    if (share <= 0) {
      verdict = HoldoutAnalysis.Verdict.OFF;
    } else if (srm != null && srm.mismatch()) {
      verdict = HoldoutAnalysis.Verdict.SAMPLE_RATIO_MISMATCH;
    } else if (rpv == null
        || e.shoppers() < MIN_SHOPPERS
        || h.shoppers() < MIN_SHOPPERS
        || e.converters() < MIN_CONVERTERS
        || h.converters() < MIN_CONVERTERS) {
      verdict = HoldoutAnalysis.Verdict.NOT_ENOUGH_DATA;
    } else if (rpv.low() > 0) {
      verdict = HoldoutAnalysis.Verdict.UPLIFT;
    } else if (rpv.high() < 0) {
      verdict = HoldoutAnalysis.Verdict.DOWNLIFT;
    } else {
      verdict = HoldoutAnalysis.Verdict.NO_DIFFERENCE;
    }
    return new HoldoutAnalysis.Report(share, cap, e, h, rpv, aov, srm, verdict);
  }

  /**
   * Welch's two-sample comparison of means, {@code a} − {@code b}: the p-value from commons-math3's
   * {@link TTest}, the 95 % interval from its {@link TDistribution} with Welch–Satterthwaite
   * degrees of freedom.
   */
  public static HoldoutAnalysis.Difference welch(double[] a, double[] b) {
    double ma = mean(a);
    double mb = mean(b);
    double va = variance(a, ma) / a.length;
    double vb = variance(b, mb) / b.length;
    double se = Math.sqrt(va + vb);
    double diff = ma - mb;
    if (se == 0) {
      return relative(diff, diff, diff, diff == 0 ? 1 : 0, mb);
    }
    double df = (va + vb) * (va + vb) / (va * va / (a.length - 1) + vb * vb / (b.length - 1));
    double t = new TDistribution(df).inverseCumulativeProbability(0.975);
    double p = new TTest().tTest(a, b);
    return relative(diff, diff - t * se, diff + t * se, p, mb);
  }

  /** The cap: the percentile of converting shoppers' revenue, both arms together. */
  static double cap(List<HoldoutAnalysis.Shopper> shoppers) {
    List<Double> spent = new ArrayList<>();
    for (HoldoutAnalysis.Shopper s : shoppers) {
      if (s.orders() > 0) {
        spent.add(s.revenue());
      }
    }
    if (spent.isEmpty()) {
      return 0;
    }
    double[] values = new double[spent.size()];
    for (int i = 0; i < values.length; i++) {
      values[i] = spent.get(i);
    }
    return new Percentile().evaluate(values, CAP_PERCENTILE);
  }

  private static double[] capped(List<HoldoutAnalysis.Shopper> shoppers, double cap) {
    double[] v = new double[shoppers.size()];
    for (int i = 0; i < v.length; i++) {
      v[i] = Math.min(shoppers.get(i).revenue(), cap);
    }
    return v;
  }

  private static HoldoutAnalysis.ArmFigures figures(
      Arm arm, List<HoldoutAnalysis.Shopper> shoppers, double cap) {
    long converters = 0;
    long orders = 0;
    double revenue = 0;
    for (HoldoutAnalysis.Shopper s : shoppers) {
      if (s.orders() > 0) {
        converters++;
      }
      orders += s.orders();
      revenue += Math.min(s.revenue(), cap);
    }
    long n = shoppers.size();
    return new HoldoutAnalysis.ArmFigures(
        arm,
        n,
        converters,
        orders,
        revenue,
        n == 0 ? 0 : (double) converters / n,
        orders == 0 ? 0 : revenue / orders,
        n == 0 ? 0 : revenue / n);
  }

  /**
   * Average order value exposed − holdout: each arm's ratio of sums with its delta-method variance
   * (1/n)(s_rr/ō² − 2 r̄ s_ro/ō³ + r̄² s_oo/ō⁴), the difference's interval normal.
   */
  static HoldoutAnalysis.@Nullable Difference aov(
      List<HoldoutAnalysis.Shopper> exposed, List<HoldoutAnalysis.Shopper> holdout, double cap) {
    double[] e = ratioAndVariance(exposed, cap);
    double[] h = ratioAndVariance(holdout, cap);
    if (e == null || h == null) {
      return null;
    }
    double diff = e[0] - h[0];
    double se = Math.sqrt(e[1] + h[1]);
    double p =
        se == 0
            ? (diff == 0 ? 1 : 0)
            : 2 * (1 - new NormalDistribution().cumulativeProbability(Math.abs(diff) / se));
    return relative(diff, diff - Z_975 * se, diff + Z_975 * se, p, h[0]);
  }

  private static double @Nullable [] ratioAndVariance(
      List<HoldoutAnalysis.Shopper> shoppers, double cap) {
    int n = shoppers.size();
    if (n < 2) {
      return null;
    }
    double[] r = capped(shoppers, cap);
    double[] o = new double[n];
    for (int i = 0; i < n; i++) {
      o[i] = shoppers.get(i).orders();
    }
    double mr = mean(r);
    double mo = mean(o);
    if (mo == 0) {
      return null;
    }
    double srr = variance(r, mr);
    double soo = variance(o, mo);
    double sro = 0;
    for (int i = 0; i < n; i++) {
      sro += (r[i] - mr) * (o[i] - mo);
    }
    sro /= n - 1;
    double var =
        (srr / (mo * mo) - 2 * mr * sro / (mo * mo * mo) + mr * mr * soo / (mo * mo * mo * mo)) / n;
    return new double[] {mr / mo, Math.max(var, 0)};
  }

  private static double mean(double[] v) {
    double s = 0;
    for (double x : v) {
      s += x;
    }
    return s / v.length;
  }

  private static double variance(double[] v, double mean) {
    double s = 0;
    for (double x : v) {
      s += (x - mean) * (x - mean);
    }
    return s / (v.length - 1);
  }

  List<Attribution.Order> orders(Instant from, Instant to) {
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
      // skipped, as the old path logged and skipped it
      return null;
    }
  }

  List<Exposure> exposures(Instant from, Instant to) {
    JdbcStatsQueries.Split split = split(from, to);
    Map<List<@Nullable String>, Exposure> first = new HashMap<>();
    RowCallbackHandler keepFirst =
        rs -> {
          Exposure e =
              new Exposure(
                  rs.getString(1), rs.getString(2), Arm.valueOf(rs.getString(3)), instant(rs, 4));
          first.merge(
              Arrays.asList(e.visitorId(), e.customerId(), e.arm().name()),
              e,
              (a, b) -> a.first().isAfter(b.first()) ? b : a);
        };
    JdbcStatsQueries.Range rolled = split.rolled();
    if (rolled != null) {
      jdbc.query(
          "SELECT VISITOR_ID, CUSTOMER_ID, ARM, MIN(FIRST_AT) FROM SL_STAT_HOURLY_EXPOSURE"
              + " WHERE HOUR_START >= ? AND HOUR_START < ? GROUP BY VISITOR_ID, CUSTOMER_ID, ARM",
          keepFirst,
          Sql.utc(rolled.from()),
          Sql.utc(rolled.to()));
    }
    for (JdbcStatsQueries.Range part : split.raw()) {
      jdbc.query(
          "SELECT VISITOR_ID, CUSTOMER_ID, ARM, MIN(AT) FROM SL_STAT_IMPRESSION"
              + " WHERE AT >= ? AND AT < ? GROUP BY VISITOR_ID, CUSTOMER_ID, ARM",
          keepFirst,
          Sql.utc(part.from()),
          Sql.utc(part.to()));
    }
    return new ArrayList<>(first.values());
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

  /**
   * The holdout comparison over the shoppers who had an impression in the range. A shopper is the
   * customer when the visitor was signed in on any of its impressions (so anonymous browsing before
   * sign-in and the signed-in visit are one shopper), else the visitor; the shopper is compared in
   * the arm of their first impression; their orders placed from that impression on count.
   */
  HoldoutAnalysis.Report holdout(List<Exposure> exposures, List<Attribution.Order> orders) {
    Map<String, String> customerOfVisitor = new HashMap<>();
    for (Exposure e : exposures) {
      if (e.customerId() != null) {
        customerOfVisitor.putIfAbsent(e.visitorId(), e.customerId());
      }
    }
    Map<String, Exposure> first = new LinkedHashMap<>();
    for (Exposure e : exposures) {
      String unit = unit(e.visitorId(), e.customerId(), customerOfVisitor);
      Exposure seen = first.get(unit);
      if (seen == null || e.first().isBefore(seen.first())) {
        first.put(unit, e);
      }
    }
    Map<String, int[]> orderCount = new HashMap<>();
    Map<String, Double> spent = new HashMap<>();
    for (Attribution.Order o : orders) {
      String unit = unit(o.visitorId(), o.customerId(), customerOfVisitor);
      Exposure e = first.get(unit);
      if (e == null || o.at().isBefore(e.first())) {
        continue;
      }
      orderCount.computeIfAbsent(unit, k -> new int[1])[0]++;
      spent.merge(unit, o.total().doubleValue(), Double::sum);
    }
    List<HoldoutAnalysis.Shopper> shoppers = new ArrayList<>(first.size());
    for (Map.Entry<String, Exposure> e : first.entrySet()) {
      int[] n = orderCount.get(e.getKey());
      shoppers.add(
          new HoldoutAnalysis.Shopper(
              e.getValue().arm(), n == null ? 0 : n[0], spent.getOrDefault(e.getKey(), 0.0)));
    }
    return compare(shoppers, holdoutShare);
  }

  private static String unit(
      String visitorId, @Nullable String customerId, Map<String, String> customerOfVisitor) {
    if (customerId != null) {
      return "c:" + customerId;
    }
    String joined = customerOfVisitor.get(visitorId);
    return joined != null ? "c:" + joined : "v:" + visitorId;
  }
}
