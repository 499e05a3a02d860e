package io.smartlists.host;

import java.time.Instant;

/**
 * An order was placed. Broadleaf: {@code OrderSubmittedEvent}; OFBiz: a SECA on {@code storeOrder}
 * / {@code changeOrderStatus} to ORDER_APPROVED.
 */
public record OrderConfirmed(String visitorId, OrderRecord order, Instant at)
    implements SmartListsEvent {}
