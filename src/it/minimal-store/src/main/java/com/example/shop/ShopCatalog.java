package com.example.shop;

import io.smartlists.host.CatalogPort;
import io.smartlists.host.CategoryInfo;
import io.smartlists.host.CustomerInfo;
import io.smartlists.host.EligibilityPort;
import io.smartlists.host.ProductInfo;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Currency;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * Step 2, the catalogue ports: {@link CatalogPort} (products, category tree, search) and {@link
 * EligibilityPort} (may this product be shown to this customer). Both are called on the widget
 * path for every candidate, so they answer from memory (a real store serves them from its cache).
 */
@Component
public class ShopCatalog implements CatalogPort, EligibilityPort {

  private static final Currency EUR = Currency.getInstance("EUR");

  private final Map<String, ProductInfo> products = new LinkedHashMap<>();
  private final List<CategoryInfo> categories =
      List.of(
          new CategoryInfo("kitchen", "Kitchen", null),
          new CategoryInfo("coffee", "Coffee", "kitchen"),
          new CategoryInfo("tea", "Tea", "kitchen"));

  public ShopCatalog() {
    Instant now = Instant.now();
    add("p1", "Espresso beans", "coffee", "Roastery", "12.50", now.minus(400, ChronoUnit.DAYS));
    add("p2", "Coffee grinder", "coffee", "Grindco", "49.00", now.minus(300, ChronoUnit.DAYS));
    add("p3", "Milk frother", "coffee", "Grindco", "29.90", now.minus(200, ChronoUnit.DAYS));
    add("p4", "Green tea", "tea", "Leafy", "6.20", now.minus(100, ChronoUnit.DAYS));
    add("p5", "Teapot", "tea", "Leafy", "24.00", now.minus(50, ChronoUnit.DAYS));
    add("p6", "Tea strainer", "tea", "Leafy", "4.50", now.minus(5, ChronoUnit.DAYS));
  }

  private void add(
      String id, String name, String category, String brand, String price, Instant since) {
    products.put(
        id,
        new ProductInfo(
            id,
            name,
            List.of(category),
            brand,
            since,
            new BigDecimal(price),
            null,
            "/product/" + id,
            null,
            EUR));
  }

  @Override
  public ProductInfo product(String productId) {
    return products.get(productId);
  }

  @Override
  public List<ProductInfo> allProducts() {
    return List.copyOf(products.values());
  }

  @Override
  public List<CategoryInfo> categories() {
    return categories;
  }

  @Override
  public List<ProductInfo> searchProducts(String query, int limit) {
    String q = query.toLowerCase(Locale.ROOT);
    return products.values().stream()
        .filter(p -> p.id().contains(q) || p.name().toLowerCase(Locale.ROOT).contains(q))
        .limit(limit)
        .toList();
  }

  @Override
  public boolean isEligible(String productId, CustomerInfo customer) {
    return products.containsKey(productId);
  }
}
