package io.smartlists.autoconfigure;

import io.smartlists.host.CatalogPort;
import io.smartlists.host.CurrentCustomerPort;
import io.smartlists.host.CustomerPort;
import io.smartlists.host.EligibilityPort;
import io.smartlists.host.OrderHistoryPort;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.ObjectProvider;

/**
 * The store's five ports, looked up together so that a store that forgot some learns about all of
 * them at once ({@link MissingPortException}, explained by {@link MissingPortFailureAnalyzer})
 * rather than from a bean the module could not create.
 */
record HostPorts(
    CatalogPort catalog,
    OrderHistoryPort orders,
    CustomerPort customers,
    EligibilityPort eligibility,
    CurrentCustomerPort currentCustomer) {

  static HostPorts require(
      ObjectProvider<CatalogPort> catalog,
      ObjectProvider<OrderHistoryPort> orders,
      ObjectProvider<CustomerPort> customers,
      ObjectProvider<EligibilityPort> eligibility,
      ObjectProvider<CurrentCustomerPort> currentCustomer) {
    List<Class<?>> missing = new ArrayList<>();
    CatalogPort c = found(catalog.getIfAvailable(), CatalogPort.class, missing);
    OrderHistoryPort o = found(orders.getIfAvailable(), OrderHistoryPort.class, missing);
    CustomerPort cu = found(customers.getIfAvailable(), CustomerPort.class, missing);
    EligibilityPort e = found(eligibility.getIfAvailable(), EligibilityPort.class, missing);
    CurrentCustomerPort cc =
        found(currentCustomer.getIfAvailable(), CurrentCustomerPort.class, missing);
    if (c == null || o == null || cu == null || e == null || cc == null) {
      throw new MissingPortException(missing);
    }
    return new HostPorts(c, o, cu, e, cc);
  }

  private static <T> @Nullable T found(@Nullable T port, Class<T> type, List<Class<?>> missing) {
    if (port == null) {
      missing.add(type);
    }
    return port;
  }
}
