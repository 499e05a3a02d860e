package io.smartlists.host;

import java.math.BigDecimal;

/**
 * One line of a cart or an order.
 *
 * @param productId the product
 * @param quantity units, at least 1
 * @param unitPrice the price paid per unit
 */
public record OrderLine(String productId, int quantity, BigDecimal unitPrice) {}
