package io.smartlists.stats;

import io.smartlists.host.CartChanged;
import io.smartlists.host.SmartListsEvent;
import io.smartlists.host.SmartListsEventPublisher;
import org.jspecify.annotations.Nullable;

/**
 * Wraps the module's event publisher so that a {@link CartChanged} the store publishes on this node
 * also feeds the {@link CartAddTracker}, and an order, its cancellation or return also updates the
 * statistics' order figures ({@link StatOrders}, on the same thread and in the same transaction as
 * the event log's insert). The event goes to the log first, unchanged.
 */
public final class TrackingEventPublisher implements SmartListsEventPublisher {

  private final SmartListsEventPublisher delegate;
  private final CartAddTracker cartAdds;
  private final @Nullable StatOrders orders;

  public TrackingEventPublisher(SmartListsEventPublisher delegate, CartAddTracker cartAdds) {
    this(delegate, cartAdds, null);
  }

  /**
   * @param orders where order events go after the log, or null to leave the order figures alone
   */
  public TrackingEventPublisher(
      SmartListsEventPublisher delegate, CartAddTracker cartAdds, @Nullable StatOrders orders) {
    this.delegate = delegate;
    this.cartAdds = cartAdds;
    this.orders = orders;
  }

  @Override
  public void publish(SmartListsEvent event) {
    delegate.publish(event);
    if (event instanceof CartChanged cart) {
      cartAdds.cartChanged(cart);
    }
    StatOrders o = orders;
    if (o != null) {
      o.record(event);
    }
  }
}
