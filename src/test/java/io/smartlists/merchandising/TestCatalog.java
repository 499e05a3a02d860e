package io.smartlists.merchandising;

import io.smartlists.host.CatalogPort;
import io.smartlists.host.CategoryInfo;
import io.smartlists.host.ProductInfo;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicInteger;
import org.jspecify.annotations.Nullable;

/** A six-product catalogue in two categories and three brands, enough to validate slots against. */
final class TestCatalog implements CatalogPort {

  static final List<CategoryInfo> CATEGORIES =
      List.of(
          new CategoryInfo("shoes", "Shoes", null),
          new CategoryInfo("boots", "Boots", "shoes"),
          new CategoryInfo("bags", "Bags", null));

  static final List<ProductInfo> PRODUCTS =
      List.of(
          product("p1", "Leather boots", "boots", "Acme"),
          product("p2", "Rain boots", "boots", "Acme"),
          product("p3", "Sneakers", "shoes", "Fleet"),
          product("p4", "Sandals", "shoes", "Fleet"),
          product("p5", "Tote bag", "bags", "Carry & Co"),
          product("p6", "Backpack", "bags", "Carry & Co"));

  private static ProductInfo product(String id, String name, String category, String brand) {
    return new ProductInfo(
        id,
        name,
        List.of(category),
        brand,
        null,
        new BigDecimal("10.00"),
        null,
        "/product/" + id,
        null);
  }

  /** How many single-product lookups were made (each one a call into the host's catalogue). */
  final AtomicInteger productLookups = new AtomicInteger();

  @Override
  public @Nullable ProductInfo product(String productId) {
    productLookups.incrementAndGet();
    for (ProductInfo p : PRODUCTS) {
      if (p.id().equals(productId)) {
        return p;
      }
    }
    return null;
  }

  @Override
  public List<ProductInfo> allProducts() {
    return PRODUCTS;
  }

  @Override
  public List<CategoryInfo> categories() {
    return CATEGORIES;
  }

  @Override
  public List<ProductInfo> searchProducts(String query, int limit) {
    List<ProductInfo> out = new ArrayList<>();
    String q = query.toLowerCase(Locale.ROOT);
    for (ProductInfo p : PRODUCTS) {
      if (out.size() < limit
          && (p.name().toLowerCase(Locale.ROOT).contains(q) || p.id().contains(q))) {
        out.add(p);
      }
    }
    return out;
  }
}
