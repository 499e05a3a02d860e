package com.example.shop;

import io.smartlists.host.OrderHistoryPort;
import io.smartlists.host.OrderLine;
import io.smartlists.host.OrderRecord;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * Step 2, the order history: {@link OrderHistoryPort#readBatchOrdersFromLastId} pages through every
 * order that stands (cancelled orders left out, returned lines deducted) in the store's own
 * order-id order; the module rebuilds its signals from it at start-up and every night. Orders live
 * in memory here; a real store reads its order tables.
 */
@Component
public class ShopOrders implements OrderHistoryPort {

  private final List<OrderRecord> orders = new ArrayList<>();

  public ShopOrders() {
    Instant now = Instant.now();
    // a little history, so the widgets have bestsellers and co-purchases from the start
    String[][] seeded = {
      {"alice", "p1", "p2"}, {"bob", "p1", "p3"}, {"carol", "p1", "p2", "p3"},
      {"alice", "p4", "p5"}, {"dave", "p1"}, {"erin", "p4", "p6"}, {"bob", "p1", "p2"}
    };
    for (int i = 0; i < seeded.length; i++) {
      List<OrderLine> lines = new ArrayList<>();
      for (int j = 1; j < seeded[i].length; j++) {
        lines.add(new OrderLine(seeded[i][j], 1, BigDecimal.TEN));
      }
      orders.add(
          new OrderRecord(
              String.format("o%04d", i + 1),
              seeded[i][0],
              now.minus(30 - i, ChronoUnit.DAYS),
              lines));
    }
  }

  /** Saves an order placed at the checkout and returns it. */
  public synchronized OrderRecord place(String customerId, List<OrderLine> lines) {
    OrderRecord order =
        new OrderRecord(
            String.format("o%04d", orders.size() + 1), customerId, Instant.now(), lines);
    orders.add(order);
    return order;
  }

  @Override
  public synchronized List<OrderRecord> readBatchOrdersFromLastId(
      String lastOrderId, int batchSize) {
    return orders.stream()
        .filter(o -> lastOrderId == null || o.orderId().compareTo(lastOrderId) > 0)
        .limit(batchSize)
        .toList();
  }
}
