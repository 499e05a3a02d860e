package io.smartlists.admin.stats;

import static org.assertj.core.api.Assertions.assertThat;

import io.smartlists.host.OrderLine;
import io.smartlists.stats.Arm;
import io.smartlists.stats.Attribution;
import io.smartlists.stats.HoldoutAnalysis;
import io.smartlists.stats.StatsFigures;
import io.smartlists.stats.StatsQueries;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.springframework.context.support.StaticMessageSource;
import org.springframework.ui.ExtendedModelMap;

/** The Statistics screen's range, sorting and CSV over known figures. */
class StatisticsControllerTests {

  static final Instant NOW = Instant.parse("2026-11-20T12:00:00Z");
  static final Attribution.SlotKey CROSS =
      new Attribution.SlotKey("PRODUCT_PAGE", "CONVERSION", "SMART_CROSS_SELLING");
  static final Attribution.SlotKey BEST =
      new Attribution.SlotKey("CART", "ACQUISITION", "BESTSELLERS_CATALOG");
  static final LocalDate DAY = LocalDate.of(2026, 11, 20);

  /** Two rows: cross-selling 100 impressions, 4 clicks, one attributed line; bestsellers 50, 1. */
  static final StatsQueries QUERIES =
      new StatsQueries() {
        @Override
        public List<Count> impressions(Instant from, Instant to, Arm arm) {
          return arm == Arm.EXPOSED
              ? List.of(new Count(DAY, CROSS, 100), new Count(DAY, BEST, 50))
              : List.of();
        }

        @Override
        public List<Count> clicks(Instant from, Instant to) {
          return List.of(new Count(DAY, CROSS, 4), new Count(DAY, BEST, 1));
        }

        @Override
        public List<Count> cartAdds(Instant from, Instant to) {
          return List.of(new Count(DAY, CROSS, 2));
        }

        @Override
        public List<Attribution.Click> clickDetails(Instant from, Instant to) {
          return List.of(
              new Attribution.Click(NOW.minusSeconds(60), "t1", "v1", null, "p1", CROSS, 0));
        }

        @Override
        public List<Attribution.Order> orders(Instant from, Instant to, Instant clicksFrom) {
          return List.of(
              new Attribution.Order(
                  "o1", NOW, "v1", null, List.of(new OrderLine("p1", 3, new BigDecimal("2.50")))));
        }

        @Override
        public HoldoutAnalysis.Sample holdout(Instant from, Instant to) {
          return new HoldoutAnalysis.Sample(
              1, 0, List.of(new HoldoutAnalysis.Converter(Arm.EXPOSED, 1, 7.5)));
        }
      };

  final StatisticsController controller =
      new StatisticsController(
          new StatsFigures(QUERIES, Duration.ofHours(24), 0.1, Clock.fixed(NOW, ZoneOffset.UTC)),
          new StaticMessageSource());

  @Test
  void exportCsv_writesEveryRowAndTheTotal() {
    var response = controller.exportCsv("7", null, null, "impressions", "desc");

    String csv = new String(response.getBody(), StandardCharsets.UTF_8);
    assertThat(csv.split("\r\n"))
        .containsExactly(
            "placement,stage,list,impressions,clicks,ctr,add_to_carts,attributed_orders,"
                + "attributed_revenue,revenue_per_1000_impressions",
            "PRODUCT_PAGE,CONVERSION,SMART_CROSS_SELLING,100,4,0.0400,2,1,7.50,75.00",
            "CART,ACQUISITION,BESTSELLERS_CATALOG,50,1,0.0200,0,0,0.00,0.00",
            "TOTAL,,,150,5,0.0333,2,1,7.50,50.00");
    assertThat(response.getHeaders().getFirst("Content-Disposition"))
        .isEqualTo("attachment; filename=\"smartlists-statistics-2026-11-14-2026-11-20.csv\"");
  }

  @Test
  void showStatistics_sortsByTheChosenColumn() {
    ExtendedModelMap model = new ExtendedModelMap();
    controller.showStatistics("30", null, null, "list", "asc", Locale.ENGLISH, model);

    @SuppressWarnings("unchecked")
    List<StatsFigures.Row> rows = (List<StatsFigures.Row>) model.get("rows");
    assertThat(rows)
        .extracting(r -> r.key().list())
        .containsExactly("BESTSELLERS_CATALOG", "SMART_CROSS_SELLING");
    assertThat(model.get("chart").toString())
        .contains("\"days\":[")
        .contains("\"clicks\":[")
        .endsWith("]}");
  }

  @Test
  void range_customBackwardsOrTooLong_fallsBackToThirtyDaysAndSaysSo() {
    assertThat(controller.range("custom", "2026-11-10", "2026-11-01").invalid()).isTrue();
    assertThat(controller.range("custom", "2024-01-01", "2026-11-01").invalid()).isTrue();
    assertThat(controller.range("custom", "nope", "2026-11-01").from())
        .isEqualTo(LocalDate.of(2026, 10, 22));
    StatisticsController.Range ok = controller.range("custom", "2026-11-01", "2026-11-10");
    assertThat(ok.invalid()).isFalse();
    assertThat(ok.from()).isEqualTo(LocalDate.of(2026, 11, 1));
    assertThat(controller.range("90", null, null).from()).isEqualTo(LocalDate.of(2026, 8, 23));
  }
}
