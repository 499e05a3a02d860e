package io.smartlists.demo.order;

import jakarta.persistence.CascadeType;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** A submitted order (Broadleaf {@code Order} in status SUBMITTED). */
@Entity
@Table(name = "STORE_ORDER")
public class StoreOrder {

  @Id
  @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "storeOrderSeq")
  @SequenceGenerator(name = "storeOrderSeq", sequenceName = "STORE_ORDER_SEQ", allocationSize = 1)
  private @Nullable Long id;

  @Column(name = "CUSTOMER_ID")
  private @Nullable String customerId;

  @Column(name = "PLACED_AT", nullable = false)
  private Instant placedAt = Instant.EPOCH;

  @Column(nullable = false)
  private String status = "SUBMITTED";

  private @Nullable String email;

  @OneToMany(mappedBy = "order", cascade = CascadeType.ALL, fetch = FetchType.EAGER)
  @OrderBy("lineNo")
  private List<OrderItem> items = new ArrayList<>();

  protected StoreOrder() {}

  StoreOrder(@Nullable String customerId, Instant placedAt, @Nullable String email) {
    this.customerId = customerId;
    this.placedAt = placedAt;
    this.email = email;
  }

  void addItem(String productId, int quantity, BigDecimal unitPrice) {
    items.add(new OrderItem(this, items.size() + 1, productId, quantity, unitPrice));
  }

  public long getId() {
    Long value = id;
    if (value == null) {
      throw new IllegalStateException("order not saved yet");
    }
    return value;
  }

  public @Nullable String getCustomerId() {
    return customerId;
  }

  public Instant getPlacedAt() {
    return placedAt;
  }

  public String getStatus() {
    return status;
  }

  public @Nullable String getEmail() {
    return email;
  }

  public List<OrderItem> getItems() {
    return items;
  }

  public BigDecimal getTotal() {
    BigDecimal total = BigDecimal.ZERO;
    for (OrderItem item : items) {
      total = total.add(item.getTotal());
    }
    return total;
  }
}
