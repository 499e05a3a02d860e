package io.smartlists.demo.catalog;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/** A product with its single SKU (Broadleaf {@code Product} + default {@code Sku} + inventory). */
@Entity
@Table(name = "STORE_PRODUCT")
public class Product {

  @Id private String id = "";

  @Column(nullable = false)
  private String name = "";

  @Column(name = "CATEGORY_ID", nullable = false)
  private String categoryId = "";

  private @Nullable String manufacturer;

  private @Nullable String brand;

  @Column(name = "PACKAGE_SIZE")
  private @Nullable String packageSize;

  @Column(nullable = false)
  private BigDecimal price = BigDecimal.ZERO;

  private int stock;

  private boolean active;

  private boolean visible;

  @Column(name = "B2B_ONLY")
  private boolean b2bOnly;

  @Column(name = "AVAILABLE_FROM")
  private @Nullable Instant availableFrom;

  protected Product() {}

  public String getId() {
    return id;
  }

  public String getName() {
    return name;
  }

  public String getCategoryId() {
    return categoryId;
  }

  public @Nullable String getManufacturer() {
    return manufacturer;
  }

  public @Nullable String getBrand() {
    return brand;
  }

  public @Nullable String getPackageSize() {
    return packageSize;
  }

  public BigDecimal getPrice() {
    return price;
  }

  public int getStock() {
    return stock;
  }

  public boolean isActive() {
    return active;
  }

  public boolean isVisible() {
    return visible;
  }

  public boolean isB2bOnly() {
    return b2bOnly;
  }

  public @Nullable Instant getAvailableFrom() {
    return availableFrom;
  }

  /** Active, visible and in stock: purchasable by anyone it is entitled to. */
  public boolean isPurchasable() {
    return active && visible && stock > 0;
  }

  /** The product page's path. */
  public String getUrl() {
    return "/product/" + id;
  }
}
