package io.smartlists.eventlog;

import io.smartlists.host.SmartListsEvent;
import io.smartlists.host.SmartListsEventPublisher;
import org.springframework.context.event.EventListener;

/**
 * Lets a store publish the {@code io.smartlists.host} event records as plain Spring application
 * events ({@code applicationEventPublisher.publishEvent(new OrderConfirmed(...))}); they go to the
 * event log in the publisher's transaction, like a direct {@link SmartListsEventPublisher} call.
 */
public final class SpringEventBridge {

  private final SmartListsEventPublisher publisher;

  public SpringEventBridge(SmartListsEventPublisher publisher) {
    this.publisher = publisher;
  }

  @EventListener
  void on(SmartListsEvent event) {
    publisher.publish(event);
  }
}
