package io.smartlists.engine;

import io.smartlists.engine.model.GlobalRules;
import io.smartlists.engine.signals.SignalsManager;
import io.smartlists.host.CatalogPort;
import io.smartlists.host.CategoryInfo;
import io.smartlists.host.CategoryViewed;
import io.smartlists.host.CustomerInfo;
import io.smartlists.host.CustomerLoggedIn;
import io.smartlists.host.CustomerPort;
import io.smartlists.host.EligibilityPort;
import io.smartlists.host.OrderCancelled;
import io.smartlists.host.OrderConfirmed;
import io.smartlists.host.OrderHistoryPort;
import io.smartlists.host.OrderLine;
import io.smartlists.host.OrderRecord;
import io.smartlists.host.OrderReturned;
import io.smartlists.host.ProductInfo;
import io.smartlists.host.ProductViewed;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * A small store built in a test: categories, products, customers and orders, served through
 * in-memory host ports ({@link CatalogPort}, {@link OrderHistoryPort}, {@link CustomerPort}, {@link
 * EligibilityPort}) that read the live data, so orders added after a manager was built show up on
 * its next rebuild.
 *
 * <pre>{@code
 * EngineTestData data = EngineTestData.create();
 * data.category("shoes", "Shoes", null).category("boots", "Boots", "shoes");
 * data.product("b1").name("Leather boots").in("boots").by("Acme");
 * data.order("alice", 10, "b1", "b2");          // alice bought b1 and b2, 10 days ago
 * data.order("bob", 3, line("b1", 2));          // bob bought two b1, 3 days ago
 * SignalsManager signals = data.signals();      // rebuilt at data.now()
 * }</pre>
 *
 * <p>Time is fixed: {@link #now()} is {@link #NOW} unless created with {@link #at(Instant)}, and
 * every "days ago" counts back from it. Products default to name = id, price 10, no category, no
 * manufacturer, no availability date; customers that are only named in orders are known to the
 * {@link CustomerPort} as plain B2C customers.
 */
public final class EngineTestData {

  /** The default "now" of every test store. */
  public static final Instant NOW = Instant.parse("2026-06-01T12:00:00Z");

  private final Instant now;
  private final Map<String, CategoryInfo> categories = new LinkedHashMap<>();
  private final Map<String, ProductSpec> products = new LinkedHashMap<>();
  private final Map<String, CustomerInfo> customers = new LinkedHashMap<>();
  private final List<OrderRecord> orders = new ArrayList<>();
  private final Set<String> ineligible = new HashSet<>();
  private final Map<String, String> restrictedToGroup = new HashMap<>();
  private GlobalRules rules = GlobalRules.DEFAULT;

  /**
   * A 5 s time budget: tests assert what a widget shows, and a cold JIT on a loaded 2-core build
   * machine can exceed the production 50 ms on the first widget; tests of the budget set their own.
   */
  private EngineSettings settings = new EngineSettings(Duration.ofSeconds(5), 3);

  private EngineTestData(Instant now) {
    this.now = now;
  }

  /** An empty store at {@link #NOW}. */
  public static EngineTestData create() {
    return new EngineTestData(NOW);
  }

  /** An empty store at this instant. */
  public static EngineTestData at(Instant now) {
    return new EngineTestData(now);
  }

  /** An order line with a quantity (unit price = the product's price). */
  public static LineSpec line(String productId, int quantity) {
    return new LineSpec(productId, quantity, null);
  }

  /** An order line with a quantity and a unit price. */
  public static LineSpec line(String productId, int quantity, double unitPrice) {
    return new LineSpec(productId, quantity, BigDecimal.valueOf(unitPrice));
  }

  // ---------------------------------------------------------------- time

  /** The store's fixed "now". */
  public Instant now() {
    return now;
  }

  /** A clock fixed at {@link #now()}. */
  public Clock clock() {
    return Clock.fixed(now, ZoneOffset.UTC);
  }

  /** {@link #now()} minus this many days (fractions allowed). */
  public Instant daysAgo(double days) {
    return now.minusSeconds(Math.round(days * 86_400));
  }

  // ---------------------------------------------------------------- catalogue

  /** Adds a category under {@code parentId} (null for a root). */
  public EngineTestData category(String id, String name, @Nullable String parentId) {
    categories.put(id, new CategoryInfo(id, name, parentId));
    return this;
  }

  /** Adds (or returns, to refine) the product with this id. */
  public ProductSpec product(String id) {
    return products.computeIfAbsent(id, ProductSpec::new);
  }

  /** Adds products with these ids, all filed in one category (which must exist or be added). */
  public EngineTestData products(String categoryId, String... ids) {
    for (String id : ids) {
      product(id).in(categoryId);
    }
    return this;
  }

  /** The catalogue no longer lists this product (its orders stay in the history). */
  public EngineTestData remove(String productId) {
    products.remove(productId);
    return this;
  }

  /** The eligibility gate refuses this product (hidden, inactive, sold out...). */
  public EngineTestData ineligible(String productId) {
    ineligible.add(productId);
    return this;
  }

  /** Only customers of this group may see the product (a B2B catalogue). */
  public EngineTestData restrictToGroup(String productId, String group) {
    restrictedToGroup.put(productId, group);
    return this;
  }

  // ---------------------------------------------------------------- customers and orders

  /** Registers a customer. */
  public CustomerInfo customer(String id, boolean b2b, String... groups) {
    CustomerInfo c = new CustomerInfo(id, "Customer " + id, b2b, Set.of(groups), Locale.ENGLISH);
    customers.put(id, c);
    return c;
  }

  /** The customer, registering a plain B2C one when unknown. */
  public CustomerInfo customer(String id) {
    CustomerInfo c = customers.get(id);
    return c != null ? c : customer(id, false);
  }

  /** Records an order of one unit of each product, {@code daysAgo} days before now. */
  public OrderRecord order(@Nullable String customerId, double daysAgo, String... productIds) {
    LineSpec[] lines = new LineSpec[productIds.length];
    for (int i = 0; i < productIds.length; i++) {
      lines[i] = line(productIds[i], 1);
    }
    return order(customerId, daysAgo, lines);
  }

  /** Records an order with these lines, {@code daysAgo} days before now. */
  public OrderRecord order(@Nullable String customerId, double daysAgo, LineSpec... lines) {
    OrderRecord order = newOrder(customerId, daysAgo, lines);
    orders.add(order);
    return order;
  }

  /**
   * Records an order in the host's history AND returns the {@code OrderConfirmed} event the host
   * publishes for it, to apply incrementally.
   */
  public OrderConfirmed placeOrder(
      String visitorId, @Nullable String customerId, double daysAgo, LineSpec... lines) {
    OrderRecord order = order(customerId, daysAgo, lines);
    return new OrderConfirmed(visitorId, order, order.placedAt());
  }

  /**
   * The host cancels the order: its history no longer holds it, and this is the {@code
   * OrderCancelled} event it publishes (with the order as confirmed).
   */
  public OrderCancelled cancel(OrderRecord confirmed) {
    orders.removeIf(o -> o.orderId().equals(confirmed.orderId()));
    return new OrderCancelled("", confirmed, now);
  }

  /**
   * Goods of the order come back: the host's history deducts the units (first lines first; an order
   * with nothing left disappears), and this is the {@code OrderReturned} event it publishes.
   */
  public OrderReturned returned(OrderRecord confirmed, LineSpec... returned) {
    List<OrderLine> back = new ArrayList<>();
    for (LineSpec l : returned) {
      BigDecimal price = l.unitPrice != null ? l.unitPrice : product(l.productId).price;
      back.add(new OrderLine(l.productId, l.quantity, price));
    }
    for (int i = 0; i < orders.size(); i++) {
      OrderRecord o = orders.get(i);
      if (o.orderId().equals(confirmed.orderId())) {
        Map<String, Integer> units = new HashMap<>();
        for (OrderLine r : back) {
          units.merge(r.productId(), r.quantity(), Integer::sum);
        }
        List<OrderLine> left = new ArrayList<>();
        for (OrderLine line : o.lines()) {
          int give = Math.min(line.quantity(), units.getOrDefault(line.productId(), 0));
          units.merge(line.productId(), -give, Integer::sum);
          if (line.quantity() > give) {
            left.add(new OrderLine(line.productId(), line.quantity() - give, line.unitPrice()));
          }
        }
        if (left.isEmpty()) {
          orders.remove(i);
        } else {
          orders.set(i, new OrderRecord(o.orderId(), o.customerId(), o.placedAt(), left));
        }
        break;
      }
    }
    return new OrderReturned("", confirmed, back, now);
  }

  /** An order the host does not know yet (not in the history port). */
  public OrderRecord newOrder(@Nullable String customerId, double daysAgo, LineSpec... lines) {
    if (customerId != null) {
      customer(customerId);
    }
    List<OrderLine> ls = new ArrayList<>(lines.length);
    for (LineSpec l : lines) {
      BigDecimal price = l.unitPrice != null ? l.unitPrice : product(l.productId).price;
      ls.add(new OrderLine(l.productId, l.quantity, price));
    }
    String id = String.format(Locale.ROOT, "o%07d", ++issuedOrderIds);
    return new OrderRecord(id, customerId, daysAgo(daysAgo), ls);
  }

  /** Order ids are issued in increasing order, so {@link #orders} stays sorted by id. */
  private int issuedOrderIds;

  // ---------------------------------------------------------------- events

  /** A product view, {@code daysAgo} days before now. */
  public ProductViewed viewed(
      String visitorId, @Nullable String customerId, String productId, double daysAgo) {
    return new ProductViewed(visitorId, customerId, productId, daysAgo(daysAgo));
  }

  /** A category view, {@code daysAgo} days before now. */
  public CategoryViewed viewedCategory(
      String visitorId, @Nullable String customerId, String categoryId, double daysAgo) {
    return new CategoryViewed(visitorId, customerId, categoryId, daysAgo(daysAgo));
  }

  /** The visitor signs in as the customer, now. */
  public CustomerLoggedIn login(String visitorId, String customerId) {
    customer(customerId);
    return new CustomerLoggedIn(visitorId, customerId, now);
  }

  // ---------------------------------------------------------------- rules

  /** The global rules the signals are built with (default {@link GlobalRules#DEFAULT}). */
  public EngineTestData rules(GlobalRules rules) {
    this.rules = rules;
    return this;
  }

  /** The rules in force. */
  public GlobalRules rules() {
    return rules;
  }

  /** Engine settings (5 s budget; rebuild batch size 3, so that tests cross batch boundaries). */
  public EngineSettings settings() {
    return settings;
  }

  /** Replaces the engine settings. */
  public EngineTestData settings(EngineSettings settings) {
    this.settings = settings;
    return this;
  }

  // ---------------------------------------------------------------- ports

  /** The catalogue port over this store's products and categories. */
  public CatalogPort catalog() {
    return new CatalogPort() {
      @Override
      public @Nullable ProductInfo product(String productId) {
        ProductSpec p = products.get(productId);
        return p == null ? null : p.info();
      }

      @Override
      public List<ProductInfo> allProducts() {
        List<ProductInfo> all = new ArrayList<>(products.size());
        for (ProductSpec p : products.values()) {
          all.add(p.info());
        }
        return all;
      }

      @Override
      public List<CategoryInfo> categories() {
        return List.copyOf(categories.values());
      }

      @Override
      public List<ProductInfo> searchProducts(String query, int limit) {
        List<ProductInfo> found = new ArrayList<>();
        String q = query.toLowerCase(Locale.ROOT);
        for (ProductSpec p : products.values()) {
          if (found.size() < limit
              && (p.id.toLowerCase(Locale.ROOT).contains(q)
                  || p.name.toLowerCase(Locale.ROOT).contains(q))) {
            found.add(p.info());
          }
        }
        return found;
      }
    };
  }

  /** The order history port, in order-id order. */
  public OrderHistoryPort orders() {
    return new OrderHistoryPort() {
      @Override
      public List<OrderRecord> readBatchOrdersFromLastId(
          @Nullable String lastOrderId, int batchSize) {
        // Order ids are generated in increasing order, so the list is sorted by id.
        int from = 0;
        if (lastOrderId != null) {
          int lo = 0;
          int hi = orders.size();
          while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (orders.get(mid).orderId().compareTo(lastOrderId) <= 0) {
              lo = mid + 1;
            } else {
              hi = mid;
            }
          }
          from = lo;
        }
        return List.copyOf(orders.subList(from, Math.min(orders.size(), from + batchSize)));
      }
    };
  }

  /** The customer directory. */
  public CustomerPort customers() {
    return new CustomerPort() {
      @Override
      public @Nullable CustomerInfo customer(String customerId) {
        return customers.get(customerId);
      }

      @Override
      public List<CustomerInfo> search(String query, int limit) {
        List<CustomerInfo> found = new ArrayList<>();
        for (CustomerInfo c : customers.values()) {
          if (found.size() < limit && c.id().contains(query)) {
            found.add(c);
          }
        }
        return found;
      }
    };
  }

  /** The eligibility gate: refuses {@link #ineligible} products and group-restricted ones. */
  public EligibilityPort eligibility() {
    return (productId, customer) -> {
      if (!products.containsKey(productId) || ineligible.contains(productId)) {
        return false;
      }
      String group = restrictedToGroup.get(productId);
      return group == null || (customer != null && customer.groups().contains(group));
    };
  }

  /** A signals manager over this store, rebuilt once at {@link #now()}. */
  public SignalsManager signals() {
    SignalsManager manager =
        new SignalsManager(catalog(), orders(), () -> rules, settings.rebuildBatchSize(), clock());
    manager.rebuild();
    return manager;
  }

  // ---------------------------------------------------------------- specs

  /** One order line to be. */
  public record LineSpec(String productId, int quantity, @Nullable BigDecimal unitPrice) {}

  /** A product being described; every method returns this spec for chaining. */
  public final class ProductSpec {
    final String id;
    String name;
    final List<String> categoryIds = new ArrayList<>();
    @Nullable String manufacturer;
    @Nullable Instant availableFrom;
    BigDecimal price = BigDecimal.TEN;

    ProductSpec(String id) {
      this.id = id;
      this.name = id;
    }

    /** The display name. */
    public ProductSpec name(String name) {
      this.name = name;
      return this;
    }

    /** Files the product in a (most specific) category. */
    public ProductSpec in(String categoryId) {
      if (!categories.containsKey(categoryId)) {
        category(categoryId, categoryId, null);
      }
      categoryIds.add(categoryId);
      return this;
    }

    /** Files the product in these categories instead of its current ones. */
    public ProductSpec refiled(String... categoryIds) {
      this.categoryIds.clear();
      for (String c : categoryIds) {
        in(c);
      }
      return this;
    }

    /** The manufacturer (brand). */
    public ProductSpec by(String manufacturer) {
      this.manufacturer = manufacturer;
      return this;
    }

    /** Available since this many days. */
    public ProductSpec availableDaysAgo(double days) {
      this.availableFrom = daysAgo(days);
      return this;
    }

    /** The list price. */
    public ProductSpec price(double price) {
      this.price = BigDecimal.valueOf(price);
      return this;
    }

    /** Back to the store, to go on describing it. */
    public EngineTestData and() {
      return EngineTestData.this;
    }

    ProductInfo info() {
      return new ProductInfo(
          id, name, categoryIds, manufacturer, availableFrom, price, null, "/product/" + id, null);
    }
  }
}
