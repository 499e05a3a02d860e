package io.smartlists.eventlog;

import static org.assertj.core.api.Assertions.assertThat;

import io.smartlists.host.OrderCancelled;
import io.smartlists.host.OrderConfirmed;
import io.smartlists.host.OrderLine;
import io.smartlists.host.OrderRecord;
import io.smartlists.host.OrderReturned;
import io.smartlists.host.ProductViewed;
import io.smartlists.host.SmartListsEvent;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Cancelled orders and returned units leave the orders that attributed revenue counts. */
class StandingOrdersTests {

  private static final Instant AT = Instant.parse("2026-11-30T10:00:00Z");

  private static OrderRecord order(String id, OrderLine... lines) {
    return new OrderRecord(id, "c1", AT, List.of(lines));
  }

  private static OrderLine line(String product, int quantity) {
    return new OrderLine(product, quantity, new BigDecimal("10.00"));
  }

  private static BigDecimal revenue(List<OrderRecord> orders) {
    return orders.stream()
        .flatMap(o -> o.lines().stream())
        .map(l -> l.unitPrice().multiply(BigDecimal.valueOf(l.quantity())))
        .reduce(BigDecimal.ZERO, BigDecimal::add);
  }

  @Test
  void cancelledOrdersAndReturnedUnitsNoLongerCount() {
    OrderRecord kept = order("o1", line("p1", 2), line("p2", 1));
    OrderRecord cancelled = order("o2", line("p1", 5));
    OrderRecord returned = order("o3", line("p3", 1));
    List<SmartListsEvent> log =
        List.of(
            new OrderConfirmed("v", kept, AT),
            new ProductViewed("v", null, "p1", AT),
            new OrderConfirmed("v", cancelled, AT),
            new OrderConfirmed("v", returned, AT),
            new OrderCancelled("", cancelled, AT),
            new OrderReturned("v", kept, List.of(line("p1", 1)), AT),
            new OrderReturned("v", kept, List.of(line("p1", 1)), AT), // delivered twice
            new OrderReturned("v", returned, List.of(line("p3", 1)), AT),
            new OrderCancelled("", order("unknown", line("p9", 1)), AT));

    List<OrderRecord> standing = StandingOrders.of(log);

    assertThat(standing).extracting(OrderRecord::orderId).containsExactly("o1");
    assertThat(standing.get(0).lines()).containsExactly(line("p1", 1), line("p2", 1));
    assertThat(revenue(standing)).isEqualByComparingTo("20.00"); // was 90.00 confirmed
  }
}
