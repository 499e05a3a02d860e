package io.smartlists.host;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Order history. Broadleaf: {@code OrderService.findOrdersForCustomer} and {@code
 * OrderDao.readBatchOrdersFromLastID}; OFBiz: {@code OrderHeader}/{@code OrderItem} queried by
 * {@code orderId} ranges, {@code OrderRole} for the customer.
 */
public interface OrderHistoryPort {

  /** Every submitted order of the customer, oldest first. */
  List<OrderRecord> findOrdersForCustomer(String customerId);

  /**
   * A batch of submitted orders in the host's own order-id order, starting after {@code
   * lastOrderId} (from the first order when null). An empty list means there are no more. Used to
   * rebuild the signals without loading the whole history at once.
   */
  List<OrderRecord> readBatchOrdersFromLastId(@Nullable String lastOrderId, int batchSize);
}
