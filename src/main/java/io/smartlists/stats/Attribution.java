package io.smartlists.stats;

import io.smartlists.host.OrderLine;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * Line-level click-through attribution. An order line is attributed to a slot when the same visitor
 * or the same customer clicked that product in that slot at most {@code window} before the order
 * (inclusive: a click exactly one window old still counts; a click after the order does not). When
 * several clicks qualify, the last one before the order wins. The attributed revenue of a line is
 * its quantity × unit price; an order with attributed lines counts once as an attributed order in
 * the total, and once in each slot row it has lines attributed to.
 */
public final class Attribution {

  private Attribution() {}

  /** The list × stage × placement a figure is reported for. */
  public record SlotKey(String placement, String stage, String list) {}

  /** An accepted click as attribution needs it. */
  public record Click(
      Instant at,
      String token,
      String visitorId,
      @Nullable String customerId,
      String productId,
      SlotKey slot,
      int slotPosition) {}

  /** A confirmed order from the event log. */
  public record Order(
      String orderId,
      Instant at,
      String visitorId,
      @Nullable String customerId,
      List<OrderLine> lines) {

    /** The order's value: the sum of quantity × unit price of its lines. */
    public BigDecimal total() {
      BigDecimal t = BigDecimal.ZERO;
      for (OrderLine l : lines) {
        t = t.add(revenue(l));
      }
      return t;
    }
  }

  /** An order line and the click it is attributed to. */
  public record AttributedLine(Order order, OrderLine line, Click click) {

    /** Quantity × unit price. */
    public BigDecimal revenue() {
      return Attribution.revenue(line);
    }
  }

  static BigDecimal revenue(OrderLine line) {
    return line.unitPrice().multiply(BigDecimal.valueOf(line.quantity()));
  }

  /** Attributes every line of {@code orders} it can to one of {@code clicks}. */
  public static List<AttributedLine> attribute(
      List<Order> orders, List<Click> clicks, Duration window) {
    Map<String, List<Click>> byProduct = new HashMap<>();
    for (Click c : clicks) {
      byProduct.computeIfAbsent(c.productId(), k -> new ArrayList<>()).add(c);
    }
    Comparator<Click> latestFirst =
        Comparator.comparing(Click::at).reversed().thenComparing(Click::token);
    for (List<Click> list : byProduct.values()) {
      list.sort(latestFirst);
    }
    List<AttributedLine> out = new ArrayList<>();
    for (Order order : orders) {
      Instant earliest = order.at().minus(window);
      for (OrderLine line : order.lines()) {
        List<Click> candidates = byProduct.get(line.productId());
        if (candidates == null) {
          continue;
        }
        for (Click c : candidates) {
          if (c.at().isAfter(order.at())) {
            continue;
          }
          if (c.at().isBefore(earliest)) {
            break;
          }
          if (sameShopper(order, c)) {
            out.add(new AttributedLine(order, line, c));
            break;
          }
        }
      }
    }
    return out;
  }

  private static boolean sameShopper(Order order, Click click) {
    return order.visitorId().equals(click.visitorId())
        || (order.customerId() != null && Objects.equals(order.customerId(), click.customerId()));
  }
}
