package io.smartlists.demo.customer;

import io.smartlists.demo.catalog.DemoCatalog;
import io.smartlists.demo.data.DemoDataLoader;
import io.smartlists.host.CustomerDirectoryPort;
import io.smartlists.host.CustomerInfo;
import io.smartlists.host.CustomerPort;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/**
 * The customer directory (Broadleaf {@code CustomerService.readCustomerById}), cached in memory. A
 * customer is a business account when its customer group is {@value DemoCatalog#B2B_GROUP}.
 */
@Component
public final class DemoCustomers implements CustomerPort, CustomerDirectoryPort {

  private final Map<String, Customer> customers = new LinkedHashMap<>();
  private final Map<String, CustomerInfo> infos = new LinkedHashMap<>();
  private final List<Customer> featured = new ArrayList<>();
  private final List<String> ids = new ArrayList<>();
  private final Map<String, Integer> positions = new HashMap<>();

  DemoCustomers(DemoDataLoader data, CustomerRepository repository) {
    List<Customer> all = new ArrayList<>(repository.findAll());
    all.sort(Comparator.comparingLong((Customer c) -> Long.parseLong(c.getId())));
    for (Customer c : all) {
      customers.put(c.getId(), c);
      positions.put(c.getId(), ids.size());
      ids.add(c.getId());
      infos.put(
          c.getId(),
          new CustomerInfo(
              c.getId(),
              c.getDisplayName(),
              DemoCatalog.B2B_GROUP.equals(c.getCustomerGroup()),
              Set.of(c.getCustomerGroup()),
              Locale.US));
      if (c.getPersona() != null) {
        featured.add(c);
      }
    }
  }

  @Override
  public @Nullable CustomerInfo customer(String customerId) {
    return infos.get(customerId);
  }

  @Override
  public List<CustomerInfo> search(String query, int limit) {
    String q = query.toLowerCase(Locale.ROOT).strip();
    List<CustomerInfo> found = new ArrayList<>();
    for (CustomerInfo c : infos.values()) {
      if (found.size() >= limit) {
        break;
      }
      if (c.id().equals(q) || c.displayName().toLowerCase(Locale.ROOT).contains(q)) {
        found.add(c);
      }
    }
    return found;
  }

  /** Customer ids in id order, a batch after {@code lastCustomerId} (the newsletter segments). */
  @Override
  public List<String> customerIdsAfter(@Nullable String lastCustomerId, int batchSize) {
    int from = 0;
    if (lastCustomerId != null) {
      Integer at = positions.get(lastCustomerId);
      if (at == null) {
        return List.of();
      }
      from = at + 1;
    }
    return List.copyOf(
        ids.subList(Math.min(from, ids.size()), Math.min(from + batchSize, ids.size())));
  }

  /** Every customer, in the data set's order. */
  public List<CustomerInfo> all() {
    return List.copyOf(infos.values());
  }

  /** The customer entity, or null. */
  public @Nullable Customer find(String customerId) {
    return customers.get(customerId);
  }

  /** The sample customers the "Browse as" switch offers: one per persona. */
  public List<Customer> featured() {
    return featured;
  }

  /** The featured customer with this persona ("one-time buyer", "lapsed buyer"...), or null. */
  public @Nullable Customer persona(String persona) {
    for (Customer c : featured) {
      if (persona.equals(c.getPersona())) {
        return c;
      }
    }
    return null;
  }
}
