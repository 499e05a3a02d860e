package com.example.shop;

import io.smartlists.host.CartChanged;
import io.smartlists.host.CustomerLoggedIn;
import io.smartlists.host.OrderConfirmed;
import io.smartlists.host.OrderLine;
import io.smartlists.host.OrderRecord;
import io.smartlists.host.ProductInfo;
import io.smartlists.host.SmartListsEventPublisher;
import io.smartlists.site.Visitors;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;

/**
 * Step 3, the events: the store publishes what shoppers do through the module's {@link
 * SmartListsEventPublisher}, with the visitor id from the module's cookie ({@link Visitors}).
 * Product views are recorded by {@code sl:track-view} in {@code product.html} (step 4).
 */
@Controller
public class ShopController {

  private final ShopCatalog catalog;
  private final ShopOrders orders;
  private final SmartListsEventPublisher events;
  private final Visitors visitors;

  public ShopController(
      ShopCatalog catalog,
      ShopOrders orders,
      SmartListsEventPublisher events,
      Visitors visitors) {
    this.catalog = catalog;
    this.orders = orders;
    this.events = events;
    this.visitors = visitors;
  }

  @GetMapping("/product/{id}")
  String product(@PathVariable String id, Model model) {
    ProductInfo product = catalog.product(id);
    if (product == null) {
      throw new ResponseStatusException(HttpStatus.NOT_FOUND);
    }
    model.addAttribute("product", product);
    return "product";
  }

  @PostMapping("/login")
  String login(@RequestParam String customer, HttpServletRequest request) {
    request.getSession(true).setAttribute(ShopCustomers.SESSION_CUSTOMER, customer);
    events.publish(new CustomerLoggedIn(visitors.id(request), customer, Instant.now()));
    return "redirect:/cart";
  }

  @PostMapping("/cart")
  String add(@RequestParam String product, HttpServletRequest request) {
    List<OrderLine> cart = cart(request.getSession(true));
    cart.add(new OrderLine(product, 1, catalog.product(product).price()));
    events.publish(new CartChanged(visitors.id(request), customer(request), cart, Instant.now()));
    return "redirect:/cart";
  }

  @GetMapping("/cart")
  String cart(HttpServletRequest request, Model model) {
    model.addAttribute(
        "cartProductIds", cart(request.getSession(true)).stream().map(OrderLine::productId).toList());
    return "cart";
  }

  @PostMapping("/checkout")
  String checkout(HttpServletRequest request) {
    HttpSession session = request.getSession(true);
    List<OrderLine> cart = cart(session);
    String customer = customer(request);
    if (cart.isEmpty() || customer == null) {
      return "redirect:/cart";
    }
    OrderRecord order = orders.place(customer, List.copyOf(cart));
    // in the transaction that saves the order, when the store has one
    events.publish(new OrderConfirmed(visitors.id(request), order, order.placedAt()));
    cart.clear();
    return "redirect:/order/" + order.orderId();
  }

  @GetMapping("/order/{id}")
  String confirmation(@PathVariable String id, Model model) {
    OrderRecord order =
        orders.readBatchOrdersFromLastId(null, Integer.MAX_VALUE).stream()
            .filter(o -> o.orderId().equals(id))
            .findFirst()
            .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
    model.addAttribute("order", order);
    model.addAttribute(
        "orderProductIds", order.lines().stream().map(OrderLine::productId).toList());
    return "confirmation";
  }

  private static String customer(HttpServletRequest request) {
    HttpSession session = request.getSession(false);
    return session == null ? null : (String) session.getAttribute(ShopCustomers.SESSION_CUSTOMER);
  }

  @SuppressWarnings("unchecked")
  private static List<OrderLine> cart(HttpSession session) {
    Object cart = session.getAttribute("cart");
    if (cart == null) {
      cart = new ArrayList<OrderLine>();
      session.setAttribute("cart", cart);
    }
    return (List<OrderLine>) cart;
  }
}
