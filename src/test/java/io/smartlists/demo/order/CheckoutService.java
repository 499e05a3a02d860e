package io.smartlists.demo.order;

import io.smartlists.demo.StoreEvents;
import io.smartlists.demo.mail.OrderPlaced;
import io.smartlists.host.OrderLine;
import io.smartlists.host.OrderRecord;
import jakarta.servlet.http.HttpServletRequest;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Submits an order (Broadleaf's checkout workflow without the payment step) and publishes {@code
 * OrderConfirmed} in the same transaction, so the event log holds exactly the orders that were
 * saved.
 */
@Service
class CheckoutService {

  private final OrderRepository orders;
  private final StoreEvents events;
  private final ApplicationEventPublisher store;

  CheckoutService(OrderRepository orders, StoreEvents events, ApplicationEventPublisher store) {
    this.orders = orders;
    this.events = events;
    this.store = store;
  }

  @Transactional
  StoreOrder submit(
      HttpServletRequest request,
      @Nullable String customerId,
      List<CartLine> lines,
      @Nullable String email) {
    StoreOrder order = new StoreOrder(customerId, events.clock().instant(), email);
    List<OrderLine> recorded = new ArrayList<>();
    for (CartLine line : lines) {
      order.addItem(line.product().getId(), line.quantity(), line.product().getPrice());
      recorded.add(
          new OrderLine(line.product().getId(), line.quantity(), line.product().getPrice()));
    }
    StoreOrder saved = orders.saveAndFlush(order);
    events.orderConfirmed(
        request,
        new OrderRecord(Long.toString(saved.getId()), customerId, saved.getPlacedAt(), recorded));
    // the post-purchase e-mail leaves once the order is committed (DemoMailer)
    List<String> productIds = new ArrayList<>();
    for (OrderLine line : recorded) {
      productIds.add(line.productId());
    }
    store.publishEvent(
        new OrderPlaced(Long.toString(saved.getId()), customerId, email, productIds));
    return saved;
  }
}
