package io.smartlists.host;

import java.time.Instant;

/**
 * A confirmed order was cancelled: it no longer counts for bestsellers, cross-selling, the
 * customer's history (stage, "already bought", reminders) or attributed revenue. Broadleaf: {@code
 * OrderService.cancelOrder} / status CANCELLED; OFBiz: a SECA on {@code changeOrderStatus} to
 * ORDER_CANCELLED.
 *
 * <p>From then on, {@link OrderHistoryPort#readBatchOrdersFromLastId} must leave the order out, so
 * the next rebuild agrees with the signals this event adjusted.
 *
 * @param visitorId the visitor who cancelled it, or {@code ""} when the back office did
 * @param order the order as it was confirmed (id, customer, time and lines: the engine takes out
 *     exactly what {@link OrderConfirmed} added)
 * @param at when it was cancelled
 */
public record OrderCancelled(String visitorId, OrderRecord order, Instant at)
    implements SmartListsEvent {}
