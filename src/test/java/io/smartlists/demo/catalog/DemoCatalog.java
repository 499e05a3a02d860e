package io.smartlists.demo.catalog;

import io.smartlists.demo.data.DemoDataLoader;
import io.smartlists.host.CatalogPort;
import io.smartlists.host.CategoryInfo;
import io.smartlists.host.CustomerInfo;
import io.smartlists.host.EligibilityPort;
import io.smartlists.host.ProductInfo;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The store's catalogue, cached in memory like Broadleaf's {@code CatalogService} second-level
 * cache: the category tree, every product, and how many units each sold (for "popular first"
 * ordering of category pages). Implements the module's {@link CatalogPort} and the {@link
 * EligibilityPort}: a product is eligible when it is active, visible and in stock, and when it is a
 * B2B-only product, only for a B2B customer.
 */
@Component
public final class DemoCatalog implements CatalogPort, EligibilityPort {

  /** The customer group that makes a customer a business account. */
  public static final String B2B_GROUP = "B2B";

  private final Map<String, Product> products = new LinkedHashMap<>();
  private final Map<String, ProductInfo> infos = new HashMap<>();
  private final Map<String, Category> categories = new LinkedHashMap<>();
  private final Map<String, List<Category>> children = new HashMap<>();
  private final Map<String, Long> unitsSold = new HashMap<>();
  private final List<CategoryInfo> categoryInfos;
  private final JdbcTemplate jdbc;

  DemoCatalog(
      DemoDataLoader data,
      ProductRepository productRepository,
      CategoryRepository categoryRepository,
      JdbcTemplate jdbc) {
    this.jdbc = jdbc;
    List<Category> allCategories = new ArrayList<>(categoryRepository.findAll());
    allCategories.sort(Comparator.comparing(Category::getName));
    List<CategoryInfo> infoList = new ArrayList<>();
    for (Category c : allCategories) {
      categories.put(c.getId(), c);
      String parent = c.getParentId();
      children.computeIfAbsent(parent == null ? "" : parent, k -> new ArrayList<>()).add(c);
      infoList.add(new CategoryInfo(c.getId(), c.getName(), parent));
    }
    categoryInfos = List.copyOf(infoList);
    jdbc.query(
        "SELECT PRODUCT_ID, SUM(QUANTITY) FROM STORE_ORDER_ITEM GROUP BY PRODUCT_ID",
        rs -> {
          unitsSold.put(rs.getString(1), rs.getLong(2));
        });
    List<Product> all = new ArrayList<>(productRepository.findAll());
    all.sort(Comparator.comparing(Product::getId));
    for (Product p : all) {
      products.put(p.getId(), p);
      infos.put(
          p.getId(),
          new ProductInfo(
              p.getId(),
              p.getName(),
              List.of(p.getCategoryId()),
              p.getManufacturer(),
              p.getAvailableFrom(),
              p.getPrice(),
              null,
              p.getUrl(),
              null));
    }
  }

  // ---- CatalogPort

  @Override
  public @Nullable ProductInfo product(String productId) {
    return infos.get(productId);
  }

  @Override
  public List<ProductInfo> allProducts() {
    List<ProductInfo> all = new ArrayList<>(products.size());
    for (String id : products.keySet()) {
      all.add(infos.get(id));
    }
    return all;
  }

  @Override
  public List<CategoryInfo> categories() {
    return categoryInfos;
  }

  @Override
  public List<ProductInfo> searchProducts(String query, int limit) {
    String q = query.toLowerCase(Locale.ROOT).strip();
    List<ProductInfo> found = new ArrayList<>();
    for (Product p : products.values()) {
      if (found.size() >= limit) {
        break;
      }
      if (p.getId().contains(q) || p.getName().toLowerCase(Locale.ROOT).contains(q)) {
        found.add(infos.get(p.getId()));
      }
    }
    return found;
  }

  // ---- EligibilityPort

  @Override
  public boolean isEligible(String productId, @Nullable CustomerInfo customer) {
    Product p = products.get(productId);
    return p != null && p.isPurchasable() && entitled(p, customer);
  }

  /** B2B-only products are entitled to business accounts only; the rest to everyone. */
  public static boolean entitled(Product product, @Nullable CustomerInfo customer) {
    return !product.isB2bOnly() || (customer != null && customer.b2b());
  }

  // ---- the storefront's reads

  /** The product, visible or not, or null. */
  public @Nullable Product find(String productId) {
    return products.get(productId);
  }

  /** The category, or null. */
  public @Nullable Category category(String categoryId) {
    return categories.get(categoryId);
  }

  /** The departments (roots of the tree). */
  public List<Category> departments() {
    return children.getOrDefault("", List.of());
  }

  /** The child categories of a category. */
  public List<Category> children(String categoryId) {
    return children.getOrDefault(categoryId, List.of());
  }

  /** The category and its ancestors, root first. */
  public List<Category> path(String categoryId) {
    List<Category> path = new ArrayList<>();
    Category c = categories.get(categoryId);
    while (c != null) {
      path.add(0, c);
      String parent = c.getParentId();
      c = parent == null ? null : categories.get(parent);
    }
    return path;
  }

  /** Units sold in the shipped history. */
  public long unitsSold(String productId) {
    return unitsSold.getOrDefault(productId, 0L);
  }

  /**
   * The visible products of a category and its descendants that the customer is entitled to see,
   * best sellers of the shipped history first.
   */
  public List<Product> productsIn(String categoryId, @Nullable CustomerInfo customer) {
    List<String> ids = new ArrayList<>();
    collect(categoryId, ids);
    List<Product> found = new ArrayList<>();
    for (Product p : products.values()) {
      if (p.isActive()
          && p.isVisible()
          && entitled(p, customer)
          && ids.contains(p.getCategoryId())) {
        found.add(p);
      }
    }
    found.sort(
        Comparator.comparingLong((Product p) -> -unitsSold(p.getId()))
            .thenComparing(Product::getId));
    return found;
  }

  /**
   * The store's own bestsellers for the home page: units sold since {@code since} in every
   * submitted order (the shipped history and the orders placed in the store), eligible for the
   * customer, most units first.
   */
  public List<Product> bestsellers(
      java.time.Instant since, @Nullable CustomerInfo customer, int limit) {
    List<Product> found = new ArrayList<>();
    jdbc.query(
        "SELECT i.PRODUCT_ID, SUM(i.QUANTITY) AS UNITS FROM STORE_ORDER_ITEM i"
            + " JOIN STORE_ORDER o ON o.ID = i.ORDER_ID"
            + " WHERE o.STATUS = 'SUBMITTED' AND o.PLACED_AT >= ?"
            + " GROUP BY i.PRODUCT_ID ORDER BY UNITS DESC, i.PRODUCT_ID",
        rs -> {
          if (found.size() < limit) {
            String id = rs.getString(1);
            Product p = products.get(id);
            if (p != null && isEligible(id, customer)) {
              found.add(p);
            }
          }
        },
        since.atOffset(java.time.ZoneOffset.UTC));
    return found;
  }

  private void collect(String categoryId, List<String> into) {
    into.add(categoryId);
    for (Category child : children(categoryId)) {
      collect(child.getId(), into);
    }
  }
}
