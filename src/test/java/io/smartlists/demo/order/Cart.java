package io.smartlists.demo.order;

import jakarta.servlet.http.HttpServletRequest;
import java.io.Serial;
import java.io.Serializable;
import java.util.LinkedHashMap;
import java.util.Map;

/** The visitor's cart, kept in the HTTP session: product id to quantity, in the order added. */
final class Cart implements Serializable {

  @Serial private static final long serialVersionUID = 1L;

  static final int MAX_QUANTITY = 99;

  private static final String SESSION_ATTRIBUTE = Cart.class.getName();

  private final LinkedHashMap<String, Integer> lines = new LinkedHashMap<>();

  static Cart of(HttpServletRequest request) {
    Object cart = request.getSession(true).getAttribute(SESSION_ATTRIBUTE);
    if (cart instanceof Cart c) {
      return c;
    }
    Cart fresh = new Cart();
    request.getSession().setAttribute(SESSION_ATTRIBUTE, fresh);
    return fresh;
  }

  /** Items in the cart for the header badge, without creating a session. */
  static int count(HttpServletRequest request) {
    var session = request.getSession(false);
    if (session != null && session.getAttribute(SESSION_ATTRIBUTE) instanceof Cart c) {
      int n = 0;
      for (int q : c.lines.values()) {
        n += q;
      }
      return n;
    }
    return 0;
  }

  synchronized Map<String, Integer> lines() {
    return new LinkedHashMap<>(lines);
  }

  synchronized void add(String productId, int quantity) {
    lines.merge(productId, quantity, (a, b) -> Math.min(MAX_QUANTITY, a + b));
  }

  synchronized boolean set(String productId, int quantity) {
    if (!lines.containsKey(productId)) {
      return false;
    }
    if (quantity <= 0) {
      lines.remove(productId);
    } else {
      lines.put(productId, Math.min(MAX_QUANTITY, quantity));
    }
    return true;
  }

  synchronized boolean remove(String productId) {
    return lines.remove(productId) != null;
  }

  synchronized void clear() {
    lines.clear();
  }

  synchronized boolean isEmpty() {
    return lines.isEmpty();
  }
}
