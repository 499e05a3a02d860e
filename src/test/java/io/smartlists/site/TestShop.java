package io.smartlists.site;

import io.smartlists.host.CatalogPort;
import io.smartlists.host.CategoryInfo;
import io.smartlists.host.CurrentCustomerPort;
import io.smartlists.host.CustomerInfo;
import io.smartlists.host.CustomerPort;
import io.smartlists.host.EligibilityPort;
import io.smartlists.host.OrderHistoryPort;
import io.smartlists.host.OrderRecord;
import io.smartlists.host.ProductInfo;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * A tiny in-memory store implementing every host port, for the Spring-side tests: three products in
 * one category (one with markup in its name, to prove escaping), one customer, no orders unless a
 * test adds them, and a settable signed-in customer.
 */
public final class TestShop
    implements CatalogPort, OrderHistoryPort, CustomerPort, EligibilityPort, CurrentCustomerPort {

  public static final ProductInfo BOOTS = product("p1", "Leather boots", "/product/p1", "79.90");
  public static final ProductInfo SOCKS = product("p2", "Wool socks", "/product/p2", "9.50");
  public static final ProductInfo POLISH =
      product("p3", "<b>Polish</b> & \"shine\"", "/product/p3", "4.00");

  public static final CustomerInfo ALICE =
      new CustomerInfo("c1", "Alice", false, Set.of(), Locale.ENGLISH);

  private final Map<String, ProductInfo> products = new LinkedHashMap<>();
  private final List<OrderRecord> orders = new ArrayList<>();
  private volatile @Nullable String currentCustomer;
  private volatile boolean failCustomers;
  private final java.util.concurrent.atomic.AtomicInteger rebuildReads =
      new java.util.concurrent.atomic.AtomicInteger();

  public TestShop() {
    for (ProductInfo p : List.of(BOOTS, SOCKS, POLISH)) {
      products.put(p.id(), p);
    }
  }

  private static ProductInfo product(String id, String name, String url, String price) {
    return new ProductInfo(
        id,
        name,
        List.of("shoes"),
        "Acme",
        Instant.parse("2026-01-01T00:00:00Z"),
        new BigDecimal(price),
        "/img/" + id + ".jpg",
        url,
        4.5);
  }

  /** Adds a product to the catalogue, or replaces the one with its id. */
  public synchronized void addProduct(ProductInfo product) {
    products.put(product.id(), product);
  }

  /** How many times a rebuild started reading the order history (first batch requested). */
  public int rebuildsStarted() {
    return rebuildReads.get();
  }

  /** Makes the customer directory throw, like a host whose database is down. */
  public void failCustomerLookups(boolean fail) {
    this.failCustomers = fail;
  }

  public void signIn(@Nullable String customerId) {
    this.currentCustomer = customerId;
  }

  public synchronized void addOrder(OrderRecord order) {
    orders.add(order);
  }

  @Override
  public synchronized @Nullable ProductInfo product(String productId) {
    return products.get(productId);
  }

  @Override
  public synchronized List<ProductInfo> allProducts() {
    return List.copyOf(products.values());
  }

  private final List<CategoryInfo> categories =
      new java.util.concurrent.CopyOnWriteArrayList<>(
          List.of(new CategoryInfo("shoes", "Shoes", null)));

  /** Adds a category to the catalogue's tree. */
  public void addCategory(CategoryInfo category) {
    categories.add(category);
  }

  @Override
  public List<CategoryInfo> categories() {
    return List.copyOf(categories);
  }

  @Override
  public List<ProductInfo> searchProducts(String query, int limit) {
    return products.values().stream()
        .filter(p -> p.name().contains(query) || p.id().contains(query))
        .limit(limit)
        .toList();
  }

  @Override
  public synchronized List<OrderRecord> readBatchOrdersFromLastId(
      @Nullable String lastOrderId, int batchSize) {
    if (lastOrderId == null) {
      rebuildReads.incrementAndGet();
    }
    int from = 0;
    if (lastOrderId != null) {
      for (int i = 0; i < orders.size(); i++) {
        if (orders.get(i).orderId().equals(lastOrderId)) {
          from = i + 1;
        }
      }
    }
    return List.copyOf(orders.subList(from, Math.min(orders.size(), from + batchSize)));
  }

  @Override
  public @Nullable CustomerInfo customer(String customerId) {
    if (failCustomers) {
      throw new IllegalStateException("customer directory unavailable");
    }
    return ALICE.id().equals(customerId) ? ALICE : null;
  }

  @Override
  public List<CustomerInfo> search(String query, int limit) {
    return List.of(ALICE);
  }

  @Override
  public boolean isEligible(String productId, @Nullable CustomerInfo customer) {
    return products.containsKey(productId);
  }

  @Override
  public @Nullable String currentCustomerId() {
    return currentCustomer;
  }
}
