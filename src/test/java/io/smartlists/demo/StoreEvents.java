package io.smartlists.demo;

import io.smartlists.demo.customer.CurrentCustomer;
import io.smartlists.host.CartChanged;
import io.smartlists.host.CustomerLoggedIn;
import io.smartlists.host.OrderConfirmed;
import io.smartlists.host.OrderLine;
import io.smartlists.host.OrderRecord;
import io.smartlists.host.SmartListsEvent;
import io.smartlists.host.SmartListsEventPublisher;
import io.smartlists.site.Visitors;
import jakarta.servlet.http.HttpServletRequest;
import java.time.Clock;
import java.util.List;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * Where the store tells Smart Lists what happened, at the same points a Broadleaf store does: every
 * cart operation ({@code CartOperationRequest} workflows), order submission ({@code
 * OrderSubmittedEvent}, inside the checkout transaction) and sign-in (login success handler).
 * Product and category views, for which Broadleaf has no event, are recorded by the module's {@code
 * sl:track-view} and {@code sl:track-category} attributes in the templates.
 *
 * <p>The visitor id is the module's cookie ({@link Visitors}); the events go through the module's
 * {@link SmartListsEventPublisher}. Both are looked up lazily so that the store still runs with
 * {@code smartlists.enabled=false}.
 */
@Component
public final class StoreEvents {

  private final ObjectProvider<SmartListsEventPublisher> publisher;
  private final ObjectProvider<Visitors> visitors;
  private final CurrentCustomer currentCustomer;
  private final Clock clock;

  StoreEvents(
      ObjectProvider<SmartListsEventPublisher> publisher,
      ObjectProvider<Visitors> visitors,
      CurrentCustomer currentCustomer,
      ObjectProvider<Clock> clock) {
    this.publisher = publisher;
    this.visitors = visitors;
    this.currentCustomer = currentCustomer;
    this.clock = clock.getIfAvailable(Clock::systemUTC);
  }

  public void cartChanged(HttpServletRequest request, List<OrderLine> lines) {
    publish(
        new CartChanged(
            visitor(request), currentCustomer.customerId(request), lines, clock.instant()));
  }

  /** Call inside the transaction that saves the order. */
  public void orderConfirmed(HttpServletRequest request, OrderRecord order) {
    publish(new OrderConfirmed(visitor(request), order, order.placedAt()));
  }

  public void customerLoggedIn(HttpServletRequest request, String customerId) {
    publish(new CustomerLoggedIn(visitor(request), customerId, clock.instant()));
  }

  /** The store's clock (the module's {@link Clock} bean when it provides one). */
  public Clock clock() {
    return clock;
  }

  private String visitor(HttpServletRequest request) {
    Visitors v = visitors.getIfAvailable();
    return v != null ? v.id(request) : request.getSession(true).getId();
  }

  private void publish(SmartListsEvent event) {
    SmartListsEventPublisher p = publisher.getIfAvailable();
    if (p != null) {
      p.publish(event);
    }
  }
}
