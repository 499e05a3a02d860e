package io.smartlists.stats;

import static org.assertj.core.api.Assertions.assertThat;

import io.smartlists.host.OrderLine;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Line-level click-through attribution on cases whose right answer is known. */
class AttributionTests {

  static final Instant ORDER_AT = Instant.parse("2026-11-20T12:00:00Z");
  static final Duration WINDOW = Duration.ofHours(24);
  static final Attribution.SlotKey CROSS =
      new Attribution.SlotKey("PRODUCT_PAGE", "CONVERSION", "SMART_CROSS_SELLING");
  static final Attribution.SlotKey BEST =
      new Attribution.SlotKey("CART", "CONVERSION", "BESTSELLERS_CATALOG");

  static Attribution.Click click(
      Duration beforeOrder,
      String visitor,
      String customer,
      String product,
      Attribution.SlotKey slot) {
    Instant at = ORDER_AT.minus(beforeOrder);
    return new Attribution.Click(
        at, "t-" + at + product + slot.list(), visitor, customer, product, slot, 0);
  }

  static Attribution.Order order(String visitor, String customer, OrderLine... lines) {
    return new Attribution.Order("o1", ORDER_AT, visitor, customer, List.of(lines));
  }

  static OrderLine line(String product, int quantity, String price) {
    return new OrderLine(product, quantity, new BigDecimal(price));
  }

  @Test
  void attribute_clickInsideTheWindow_attributesQuantityTimesUnitPrice() {
    var lines =
        Attribution.attribute(
            List.of(order("v1", null, line("p1", 3, "2.50"), line("p2", 1, "9.00"))),
            List.of(click(Duration.ofHours(2), "v1", null, "p1", CROSS)),
            WINDOW);

    assertThat(lines).hasSize(1);
    assertThat(lines.get(0).line().productId()).isEqualTo("p1");
    assertThat(lines.get(0).click().slot()).isEqualTo(CROSS);
    assertThat(lines.get(0).revenue()).isEqualByComparingTo("7.50");
  }

  @Test
  void attribute_clickOutsideTheWindow_isNotAttributed() {
    var lines =
        Attribution.attribute(
            List.of(order("v1", null, line("p1", 1, "5.00"))),
            List.of(click(Duration.ofHours(24).plusSeconds(1), "v1", null, "p1", CROSS)),
            WINDOW);

    assertThat(lines).isEmpty();
  }

  @Test
  void attribute_clickExactlyOneWindowBefore_isInside() {
    var lines =
        Attribution.attribute(
            List.of(order("v1", null, line("p1", 1, "5.00"))),
            List.of(click(Duration.ofHours(24), "v1", null, "p1", CROSS)),
            WINDOW);

    assertThat(lines).hasSize(1);
  }

  @Test
  void attribute_clickAfterTheOrder_isNotAttributed() {
    var lines =
        Attribution.attribute(
            List.of(order("v1", null, line("p1", 1, "5.00"))),
            List.of(click(Duration.ofSeconds(-1), "v1", null, "p1", CROSS)),
            WINDOW);

    assertThat(lines).isEmpty();
  }

  @Test
  void attribute_windowIsConfigurable() {
    var order = List.of(order("v1", null, line("p1", 1, "5.00")));
    var clicks = List.of(click(Duration.ofHours(30), "v1", null, "p1", CROSS));

    assertThat(Attribution.attribute(order, clicks, Duration.ofHours(24))).isEmpty();
    assertThat(Attribution.attribute(order, clicks, Duration.ofDays(7))).hasSize(1);
  }

  @Test
  void attribute_twoClicksOfTheProduct_lastClickWins() {
    var lines =
        Attribution.attribute(
            List.of(order("v1", null, line("p1", 1, "5.00"))),
            List.of(
                click(Duration.ofHours(5), "v1", null, "p1", CROSS),
                click(Duration.ofHours(1), "v1", null, "p1", BEST),
                click(Duration.ofHours(3), "v1", null, "p1", CROSS)),
            WINDOW);

    assertThat(lines).hasSize(1);
    assertThat(lines.get(0).click().slot()).isEqualTo(BEST);
  }

  @Test
  void attribute_productClickedInOneSlot_countsForThatSlotOnly() {
    var lines =
        Attribution.attribute(
            List.of(order("v1", null, line("p1", 2, "4.00"), line("p2", 1, "1.00"))),
            List.of(
                click(Duration.ofHours(1), "v1", null, "p1", CROSS),
                click(Duration.ofHours(1), "v1", null, "p3", BEST)),
            WINDOW);

    assertThat(lines).hasSize(1);
    assertThat(lines.get(0).click().slot()).isEqualTo(CROSS);
    assertThat(lines.get(0).revenue()).isEqualByComparingTo("8.00");
  }

  @Test
  void attribute_boughtWithoutAClick_isNotAttributed() {
    var lines =
        Attribution.attribute(
            List.of(order("v1", "c1", line("p1", 1, "5.00"))),
            List.of(
                // another shopper clicked it
                click(Duration.ofHours(1), "v2", "c2", "p1", CROSS),
                // this shopper clicked another product
                click(Duration.ofHours(1), "v1", "c1", "p9", CROSS)),
            WINDOW);

    assertThat(lines).isEmpty();
  }

  @Test
  void attribute_sameCustomerOnAnotherDevice_isAttributed() {
    var lines =
        Attribution.attribute(
            List.of(order("phone", "c1", line("p1", 1, "5.00"))),
            List.of(click(Duration.ofHours(1), "laptop", "c1", "p1", CROSS)),
            WINDOW);

    assertThat(lines).hasSize(1);
  }
}
