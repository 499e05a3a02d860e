package io.smartlists.admin.stats;

import io.smartlists.stats.HoldoutAnalysis;
import io.smartlists.stats.StatsFigures;
import java.nio.charset.StandardCharsets;
import java.text.NumberFormat;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.config.annotation.ResourceHandlerRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * The Statistics screen: a date range (the last 7, 30 or 90 days, or custom), the figures per list
 * × stage × placement in a table sortable by every column (links, so it works with the keyboard and
 * without script), a chart of the days, the holdout card, and the same table as CSV. Also serves
 * Chart.js from its WebJar under the admin's assets (no CDN).
 */
@Controller
public final class StatisticsController implements WebMvcConfigurer {

  /** The screen. */
  static final String PATH = "/admin/smartlists/statistics";

  /** The WebJar's Chart.js build, served under {@code /admin/smartlists/assets/chartjs/}. */
  static final String CHART_JS = "classpath:/META-INF/resources/webjars/chart.js/4.4.1/dist/";

  /** The longest custom range. */
  static final int MAX_DAYS = 366;

  static final List<String> COLUMNS =
      List.of(
          "list",
          "stage",
          "placement",
          "impressions",
          "clicks",
          "ctr",
          "cartAdds",
          "orders",
          "revenue",
          "rpm");

  private final StatsFigures figures;
  private final MessageSource messages;

  StatisticsController(StatsFigures figures, MessageSource messages) {
    this.figures = figures;
    this.messages = messages;
  }

  @Override
  public void addResourceHandlers(ResourceHandlerRegistry registry) {
    registry
        .addResourceHandler("/admin/smartlists/assets/chartjs/**")
        .addResourceLocations(CHART_JS);
  }

  /** A resolved date range and whether the request asked for an impossible one. */
  record Range(String name, LocalDate from, LocalDate to, boolean invalid) {}

  @GetMapping(PATH)
  String showStatistics(
      @RequestParam(defaultValue = "30") String range,
      @RequestParam(required = false) @Nullable String from,
      @RequestParam(required = false) @Nullable String to,
      @RequestParam(defaultValue = "revenue") String sort,
      @RequestParam(defaultValue = "desc") String dir,
      Locale locale,
      Model model) {
    Range r = range(range, from, to);
    StatsFigures.Report report = figures.report(r.from(), r.to());
    String column = COLUMNS.contains(sort) ? sort : "revenue";
    boolean ascending = "asc".equals(dir);
    model.addAttribute("range", r);
    model.addAttribute("report", report);
    model.addAttribute("rows", sorted(report.rows(), column, ascending));
    model.addAttribute("sort", column);
    model.addAttribute("dir", ascending ? "asc" : "desc");
    model.addAttribute("columns", COLUMNS);
    model.addAttribute("window", figures.window().toHours());
    model.addAttribute("chart", chartJson(report));
    model.addAttribute("verdict", verdict(report.holdout(), locale));
    model.addAttribute("capPercentile", (int) HoldoutAnalysis.CAP_PERCENTILE);
    return "smartlists/admin/statistics";
  }

  @GetMapping(PATH + ".csv")
  ResponseEntity<byte[]> exportCsv(
      @RequestParam(defaultValue = "30") String range,
      @RequestParam(required = false) @Nullable String from,
      @RequestParam(required = false) @Nullable String to,
      @RequestParam(defaultValue = "revenue") String sort,
      @RequestParam(defaultValue = "desc") String dir) {
    Range r = range(range, from, to);
    StatsFigures.Report report = figures.report(r.from(), r.to());
    String column = COLUMNS.contains(sort) ? sort : "revenue";
    StringBuilder csv =
        new StringBuilder(
            "placement,stage,list,impressions,clicks,ctr,add_to_carts,attributed_orders,"
                + "attributed_revenue,revenue_per_1000_impressions\r\n");
    for (StatsFigures.Row row : sorted(report.rows(), column, "asc".equals(dir))) {
      line(csv, row.key().placement(), row.key().stage(), row.key().list(), row);
    }
    line(csv, "TOTAL", "", "", report.total());
    return ResponseEntity.ok()
        .contentType(new MediaType("text", "csv", StandardCharsets.UTF_8))
        .header(
            HttpHeaders.CONTENT_DISPOSITION,
            "attachment; filename=\"smartlists-statistics-" + r.from() + "-" + r.to() + ".csv\"")
        .cacheControl(CacheControl.noStore())
        .body(csv.toString().getBytes(StandardCharsets.UTF_8));
  }

  private static void line(
      StringBuilder csv, String placement, String stage, String list, StatsFigures.Row row) {
    csv.append(placement)
        .append(',')
        .append(stage)
        .append(',')
        .append(list)
        .append(',')
        .append(row.impressions())
        .append(',')
        .append(row.clicks())
        .append(',')
        .append(String.format(Locale.ROOT, "%.4f", row.ctr()))
        .append(',')
        .append(row.cartAdds())
        .append(',')
        .append(row.attributedOrders())
        .append(',')
        .append(row.attributedRevenue().setScale(2, java.math.RoundingMode.HALF_UP).toPlainString())
        .append(',')
        .append(row.revenuePerThousand().toPlainString())
        .append("\r\n");
  }

  /** The range a request asks for; the last 30 days when it is unknown or impossible. */
  Range range(String name, @Nullable String from, @Nullable String to) {
    LocalDate today = figures.today();
    switch (name) {
      case "7", "30", "90" -> {
        int days = Integer.parseInt(name);
        return new Range(name, today.minusDays(days - 1L), today, false);
      }
      case "custom" -> {
        try {
          LocalDate f = from == null ? null : LocalDate.parse(from);
          LocalDate t = to == null ? null : LocalDate.parse(to);
          if (f != null && t != null && !f.isAfter(t) && f.plusDays(MAX_DAYS).isAfter(t)) {
            return new Range(name, f, t, false);
          }
        } catch (DateTimeParseException e) {
          // falls through to the default below
        }
        return new Range("30", today.minusDays(29), today, true);
      }
      default -> {
        return new Range("30", today.minusDays(29), today, false);
      }
    }
  }

  static List<StatsFigures.Row> sorted(
      List<StatsFigures.Row> rows, String column, boolean ascending) {
    Comparator<StatsFigures.Row> by =
        switch (column) {
          case "list" -> Comparator.comparing(r -> r.key().list());
          case "stage" -> Comparator.comparing(r -> r.key().stage());
          case "placement" -> Comparator.comparing(r -> r.key().placement());
          case "impressions" -> Comparator.comparingLong(StatsFigures.Row::impressions);
          case "clicks" -> Comparator.comparingLong(StatsFigures.Row::clicks);
          case "ctr" -> Comparator.comparingDouble(StatsFigures.Row::ctr);
          case "cartAdds" -> Comparator.comparingLong(StatsFigures.Row::cartAdds);
          case "orders" -> Comparator.comparingLong(StatsFigures.Row::attributedOrders);
          case "rpm" -> Comparator.comparing(StatsFigures.Row::revenuePerThousand);
          default -> Comparator.comparing(StatsFigures.Row::attributedRevenue);
        };
    if (!ascending) {
      by = by.reversed();
    }
    List<StatsFigures.Row> out = new ArrayList<>(rows);
    out.sort(by);
    return out;
  }

  /** The holdout card's plain-language verdict. */
  String verdict(HoldoutAnalysis.Report h, Locale locale) {
    String code = "sl.stats.verdict." + h.verdict().name();
    Object[] args;
    HoldoutAnalysis.Difference rpv = h.revenuePerVisitor();
    if (h.verdict() == HoldoutAnalysis.Verdict.NOT_ENOUGH_DATA) {
      args = new Object[] {HoldoutAnalysis.MIN_SHOPPERS, HoldoutAnalysis.MIN_CONVERTERS};
    } else if (rpv != null) {
      NumberFormat percent = NumberFormat.getPercentInstance(locale);
      percent.setMaximumFractionDigits(1);
      percent.setMinimumFractionDigits(1);
      args =
          new Object[] {
            percent.format(rpv.relative()),
            percent.format(rpv.relativeLow()),
            percent.format(rpv.relativeHigh())
          };
    } else {
      args = new Object[0];
    }
    String message = messages.getMessage(code, args, code, locale);
    return message != null ? message : code;
  }

  /** The chart's series as JSON (numbers and ISO dates only), read by admin-statistics.js. */
  static String chartJson(StatsFigures.Report report) {
    StringBuilder days = new StringBuilder();
    StringBuilder impressions = new StringBuilder();
    StringBuilder clicks = new StringBuilder();
    StringBuilder revenue = new StringBuilder();
    for (StatsFigures.Day d : report.days()) {
      if (days.length() > 0) {
        days.append(',');
        impressions.append(',');
        clicks.append(',');
        revenue.append(',');
      }
      days.append('"').append(d.day()).append('"');
      impressions.append(d.impressions());
      clicks.append(d.clicks());
      revenue.append(d.attributedRevenue().setScale(2, java.math.RoundingMode.HALF_UP));
    }
    return "{\"days\":["
        + days
        + "],\"impressions\":["
        + impressions
        + "],\"clicks\":["
        + clicks
        + "],\"revenue\":["
        + revenue
        + "]}";
  }
}
