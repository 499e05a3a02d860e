package io.smartlists.host;

import java.time.Instant;

/**
 * What a store tells the module. Publish through {@link SmartListsEventPublisher} or as a Spring
 * application event; either way the event is written to the event log ({@code SL_EVENT}) in the
 * publisher's transaction, and every store node applies it to its signals.
 */
public sealed interface SmartListsEvent
    permits ProductViewed,
        CategoryViewed,
        CartChanged,
        OrderConfirmed,
        OrderCancelled,
        OrderReturned,
        CustomerLoggedIn,
        ProductChanged {

  /** The visitor's opaque id (the module's cookie). */
  String visitorId();

  /** When it happened. */
  Instant at();
}
