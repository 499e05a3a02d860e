package io.smartlists.host;

import java.time.Instant;
import java.util.List;

/**
 * Goods of a confirmed order came back: the returned units no longer count for bestsellers,
 * cross-selling, the customer's history and attributed revenue. Publish once per return (a second
 * return of the same order is a second event with its own lines). Broadleaf: a return authorization
 * received ({@code OrderItem} quantities returned); OFBiz: a SECA on {@code createReturnHeader} /
 * return status RETURN_RECEIVED with its {@code ReturnItem}s.
 *
 * <p>From then on, {@link OrderHistoryPort#readBatchOrdersFromLastId} must deduct the returned
 * units from the order's lines (and leave out lines with nothing left).
 *
 * @param visitorId the visitor who returned them, or {@code ""} when the back office recorded it
 * @param order the order as it was confirmed
 * @param returnedLines the returned product ids and units (the unit price paid, for revenue)
 * @param at when the return was recorded
 */
public record OrderReturned(
    String visitorId, OrderRecord order, List<OrderLine> returnedLines, Instant at)
    implements SmartListsEvent {

  public OrderReturned {
    returnedLines = List.copyOf(returnedLines);
  }
}
