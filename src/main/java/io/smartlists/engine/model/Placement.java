package io.smartlists.engine.model;

/** Where a widget renders. */
public enum Placement {
  PRODUCT_PAGE,
  CART,
  ORDER_CONFIRMATION
}
