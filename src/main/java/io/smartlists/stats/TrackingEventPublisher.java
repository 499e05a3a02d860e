package io.smartlists.stats;

import io.smartlists.host.CartChanged;
import io.smartlists.host.SmartListsEvent;
import io.smartlists.host.SmartListsEventPublisher;

/**
 * Wraps the module's event publisher so that a {@link CartChanged} the store publishes on this node
 * also feeds the {@link CartAddTracker}. The event goes to the log first, unchanged.
 */
public final class TrackingEventPublisher implements SmartListsEventPublisher {

  private final SmartListsEventPublisher delegate;
  private final CartAddTracker cartAdds;

  public TrackingEventPublisher(SmartListsEventPublisher delegate, CartAddTracker cartAdds) {
    this.delegate = delegate;
    this.cartAdds = cartAdds;
  }

  @Override
  public void publish(SmartListsEvent event) {
    delegate.publish(event);
    if (event instanceof CartChanged cart) {
      cartAdds.cartChanged(cart);
    }
  }
}
