package io.smartlists.host;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Customer directory. Broadleaf: {@code CustomerService.readCustomerById}; OFBiz: {@code Party},
 * {@code Person}/{@code PartyGroup}.
 */
public interface CustomerPort {

  /** Returns the customer, or null when unknown. */
  @Nullable CustomerInfo customer(String customerId);

  /** Customers whose id or name contains the query, for the admin preview picker. */
  List<CustomerInfo> search(String query, int limit);
}
