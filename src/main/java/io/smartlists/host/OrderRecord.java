package io.smartlists.host;

import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A placed order (Broadleaf {@code Order} in status SUBMITTED, OFBiz {@code OrderHeader} with its
 * {@code OrderItem}s).
 *
 * @param orderId the host's order id
 * @param customerId the customer who placed it, or null for a guest checkout
 * @param placedAt when it was submitted
 * @param lines its lines, in the order the shopper added them when the host knows it (Broadleaf's
 *     order items by id, OFBiz's {@code orderItemSeqId}): the cross-selling model learns whether
 *     lines added one after the other are more closely related (a build-time calibration keeps the
 *     order as a set when they are not)
 */
public record OrderRecord(
    String orderId, @Nullable String customerId, Instant placedAt, List<OrderLine> lines) {

  public OrderRecord {
    lines = List.copyOf(lines);
  }
}
