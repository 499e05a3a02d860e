package io.smartlists.demo.order;

import io.smartlists.demo.catalog.Product;
import java.math.BigDecimal;

/** A cart line as the cart and checkout pages show it. */
public record CartLine(Product product, int quantity) {

  public BigDecimal total() {
    return product.getPrice().multiply(BigDecimal.valueOf(quantity));
  }
}
