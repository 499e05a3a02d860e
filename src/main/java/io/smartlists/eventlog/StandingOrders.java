package io.smartlists.eventlog;

import io.smartlists.host.OrderCancelled;
import io.smartlists.host.OrderConfirmed;
import io.smartlists.host.OrderLine;
import io.smartlists.host.OrderRecord;
import io.smartlists.host.OrderReturned;
import io.smartlists.host.SmartListsEvent;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The orders that stand after cancellations and returns, from the order events of the log: what
 * attributed revenue counts. An {@link OrderConfirmed} contributes its order; a later {@link
 * OrderCancelled} of the same order id removes it; an {@link OrderReturned} deducts the returned
 * units from its lines (lines with no unit left disappear, an order with no line left too). A
 * cancellation or return whose confirmation is not among the events is ignored. Events are taken in
 * the order given (the log's id order). The log delivers at least once: a return recorded twice
 * with the same order, lines and time counts once (as in the engine's signals).
 */
public final class StandingOrders {

  private StandingOrders() {}

  /** The standing orders, in the order they were confirmed. */
  public static List<OrderRecord> of(Iterable<? extends SmartListsEvent> events) {
    Map<String, OrderRecord> orders = new LinkedHashMap<>();
    Set<OrderReturned> returns = new HashSet<>();
    for (SmartListsEvent event : events) {
      if (event instanceof OrderConfirmed c) {
        orders.putIfAbsent(c.order().orderId(), c.order());
      } else if (event instanceof OrderCancelled c) {
        orders.remove(c.order().orderId());
      } else if (event instanceof OrderReturned r && returns.add(r)) {
        OrderRecord order = orders.get(r.order().orderId());
        if (order != null) {
          OrderRecord left = deduct(order, r.returnedLines());
          if (left.lines().isEmpty()) {
            orders.remove(order.orderId());
          } else {
            orders.put(order.orderId(), left);
          }
        }
      }
    }
    return List.copyOf(orders.values());
  }

  private static OrderRecord deduct(OrderRecord order, List<OrderLine> returned) {
    Map<String, Integer> back = new LinkedHashMap<>();
    for (OrderLine r : returned) {
      back.merge(r.productId(), r.quantity(), Integer::sum);
    }
    List<OrderLine> lines = new ArrayList<>();
    for (OrderLine line : order.lines()) {
      int give = Math.min(line.quantity(), back.getOrDefault(line.productId(), 0));
      if (give > 0) {
        back.merge(line.productId(), -give, Integer::sum);
      }
      if (line.quantity() - give > 0) {
        lines.add(new OrderLine(line.productId(), line.quantity() - give, line.unitPrice()));
      }
    }
    return new OrderRecord(order.orderId(), order.customerId(), order.placedAt(), lines);
  }
}
