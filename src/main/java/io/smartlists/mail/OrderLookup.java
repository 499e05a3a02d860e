package io.smartlists.mail;

import java.util.List;

/**
 * Optional port a store implements so that its mailer can ask for a post-purchase block by order id
 * alone (Broadleaf {@code OrderService.findOrderById}, OFBiz {@code OrderReadHelper}).
 */
@FunctionalInterface
public interface OrderLookup {

  /** The product ids of the order's lines, empty when the order is unknown. */
  List<String> productIds(String orderId);
}
