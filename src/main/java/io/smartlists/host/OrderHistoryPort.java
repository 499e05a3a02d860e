package io.smartlists.host;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Order history, read in batches when the signals are rebuilt (at start-up and nightly). Broadleaf:
 * {@code OrderDao.readBatchOrdersFromLastID}; OFBiz: {@code OrderHeader}/{@code OrderItem} queried
 * by {@code orderId} ranges, {@code OrderRole} for the customer.
 *
 * <p>Return the orders that stand: leave cancelled orders out and deduct returned lines, so that a
 * rebuild agrees with the {@code OrderCancelled} and {@code OrderReturned} events applied since the
 * last one. (The module never asks for one customer's orders: it learns each customer's history
 * from these batches and from {@code OrderConfirmed}.)
 */
public interface OrderHistoryPort {

  /**
   * A batch of submitted orders in the host's own order-id order, starting after {@code
   * lastOrderId} (from the first order when null). An empty list means there are no more. Used to
   * rebuild the signals without loading the whole history at once.
   */
  List<OrderRecord> readBatchOrdersFromLastId(@Nullable String lastOrderId, int batchSize);
}
