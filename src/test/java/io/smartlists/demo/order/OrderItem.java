package io.smartlists.demo.order;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import org.jspecify.annotations.Nullable;

/** One line of an order (Broadleaf {@code OrderItem}). */
@Entity
@Table(name = "STORE_ORDER_ITEM")
public class OrderItem {

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private @Nullable Long id;

  @ManyToOne
  @JoinColumn(name = "ORDER_ID", nullable = false)
  private @Nullable StoreOrder order;

  @Column(name = "LINE_NO", nullable = false)
  private int lineNo;

  @Column(name = "PRODUCT_ID", nullable = false)
  private String productId = "";

  private int quantity;

  @Column(name = "UNIT_PRICE", nullable = false)
  private BigDecimal unitPrice = BigDecimal.ZERO;

  protected OrderItem() {}

  OrderItem(StoreOrder order, int lineNo, String productId, int quantity, BigDecimal unitPrice) {
    this.order = order;
    this.lineNo = lineNo;
    this.productId = productId;
    this.quantity = quantity;
    this.unitPrice = unitPrice;
  }

  public int getLineNo() {
    return lineNo;
  }

  public String getProductId() {
    return productId;
  }

  public int getQuantity() {
    return quantity;
  }

  public BigDecimal getUnitPrice() {
    return unitPrice;
  }

  public BigDecimal getTotal() {
    return unitPrice.multiply(BigDecimal.valueOf(quantity));
  }
}
