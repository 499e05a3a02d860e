package io.smartlists.demo.order;

import io.smartlists.demo.StoreEvents;
import io.smartlists.demo.catalog.DemoCatalog;
import io.smartlists.demo.catalog.Product;
import io.smartlists.demo.customer.CurrentCustomer;
import io.smartlists.demo.customer.DemoCustomers;
import io.smartlists.host.CustomerInfo;
import io.smartlists.host.OrderLine;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Cart (add, change quantity, remove), checkout without payment, and the order confirmation. */
@Controller
class CartController {

  private static final String PLACED_ORDERS = CartController.class.getName() + ".PLACED";

  private final DemoCatalog catalog;
  private final DemoCustomers customers;
  private final CurrentCustomer currentCustomer;
  private final StoreEvents events;
  private final CheckoutService checkout;
  private final OrderRepository orders;

  CartController(
      DemoCatalog catalog,
      DemoCustomers customers,
      CurrentCustomer currentCustomer,
      StoreEvents events,
      CheckoutService checkout,
      OrderRepository orders) {
    this.catalog = catalog;
    this.customers = customers;
    this.currentCustomer = currentCustomer;
    this.events = events;
    this.checkout = checkout;
    this.orders = orders;
  }

  @GetMapping("/cart")
  String showCart(HttpServletRequest request, Model model) {
    List<CartLine> lines = lines(Cart.of(request));
    model.addAttribute("lines", lines);
    model.addAttribute("productIds", productIds(lines));
    model.addAttribute("total", total(lines));
    return "demo/cart";
  }

  @PostMapping("/cart/add")
  String addToCart(
      @RequestParam String productId,
      @RequestParam(defaultValue = "1") int quantity,
      HttpServletRequest request,
      RedirectAttributes redirect) {
    Product product = catalog.find(productId);
    if (product == null || !product.isActive() || !product.isVisible()) {
      throw new ResponseStatusException(HttpStatus.NOT_FOUND);
    }
    if (!catalog.isEligible(productId, customer(request))) {
      redirect.addFlashAttribute("error", product.getName() + " cannot be bought right now.");
      return "redirect:" + product.getUrl();
    }
    Cart cart = Cart.of(request);
    cart.add(productId, Math.max(1, Math.min(Cart.MAX_QUANTITY, quantity)));
    cartChanged(request, cart);
    redirect.addFlashAttribute("message", "Added " + product.getName() + " to your cart.");
    return "redirect:/cart";
  }

  @PostMapping("/cart/update")
  String updateQuantity(
      @RequestParam String productId,
      @RequestParam int quantity,
      HttpServletRequest request,
      RedirectAttributes redirect) {
    Cart cart = Cart.of(request);
    if (cart.set(productId, quantity)) {
      cartChanged(request, cart);
      redirect.addFlashAttribute(
          "message", quantity <= 0 ? "Removed from your cart." : "Quantity updated.");
    }
    return "redirect:/cart";
  }

  @PostMapping("/cart/remove")
  String removeFromCart(
      @RequestParam String productId, HttpServletRequest request, RedirectAttributes redirect) {
    Cart cart = Cart.of(request);
    if (cart.remove(productId)) {
      cartChanged(request, cart);
      redirect.addFlashAttribute("message", "Removed from your cart.");
    }
    return "redirect:/cart";
  }

  @GetMapping("/checkout")
  String initCheckoutForm(HttpServletRequest request, Model model) {
    List<CartLine> lines = lines(Cart.of(request));
    if (lines.isEmpty()) {
      return "redirect:/cart";
    }
    model.addAttribute("lines", lines);
    model.addAttribute("total", total(lines));
    return "demo/checkout";
  }

  @PostMapping("/checkout")
  String processCheckoutForm(
      @RequestParam(required = false) @Nullable String email,
      HttpServletRequest request,
      RedirectAttributes redirect) {
    Cart cart = Cart.of(request);
    CustomerInfo customer = customer(request);
    List<CartLine> lines = new ArrayList<>();
    for (CartLine line : lines(cart)) {
      if (catalog.isEligible(line.product().getId(), customer)) {
        lines.add(line);
      }
    }
    if (lines.isEmpty()) {
      redirect.addFlashAttribute("error", "Your cart has nothing that can be ordered.");
      return "redirect:/cart";
    }
    String cleanEmail = email == null || email.isBlank() ? null : email.strip();
    StoreOrder order =
        checkout.submit(request, currentCustomer.customerId(request), lines, cleanEmail);
    cart.clear();
    placedOrders(request.getSession()).add(order.getId());
    return "redirect:/order/" + order.getId();
  }

  @GetMapping("/order/{orderId}")
  String showConfirmation(@PathVariable long orderId, HttpServletRequest request, Model model) {
    HttpSession session = request.getSession(false);
    if (session == null || !placedOrders(session).contains(orderId)) {
      throw new ResponseStatusException(HttpStatus.NOT_FOUND);
    }
    StoreOrder order =
        orders
            .findById(orderId)
            .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
    List<CartLine> lines = new ArrayList<>();
    for (var item : order.getItems()) {
      Product p = catalog.find(item.getProductId());
      if (p != null) {
        lines.add(new CartLine(p, item.getQuantity()));
      }
    }
    model.addAttribute("order", order);
    model.addAttribute("lines", lines);
    model.addAttribute("productIds", productIds(lines));
    return "demo/order";
  }

  @SuppressWarnings("unchecked")
  private static Set<Long> placedOrders(HttpSession session) {
    Object placed = session.getAttribute(PLACED_ORDERS);
    if (placed instanceof Set<?> set) {
      return (Set<Long>) set;
    }
    Set<Long> fresh = java.util.Collections.synchronizedSet(new LinkedHashSet<>());
    session.setAttribute(PLACED_ORDERS, fresh);
    return fresh;
  }

  private void cartChanged(HttpServletRequest request, Cart cart) {
    List<OrderLine> lines = new ArrayList<>();
    for (CartLine line : lines(cart)) {
      lines.add(new OrderLine(line.product().getId(), line.quantity(), line.product().getPrice()));
    }
    events.cartChanged(request, lines);
  }

  private @Nullable CustomerInfo customer(HttpServletRequest request) {
    String id = currentCustomer.customerId(request);
    return id == null ? null : customers.customer(id);
  }

  private List<CartLine> lines(Cart cart) {
    List<CartLine> lines = new ArrayList<>();
    for (Map.Entry<String, Integer> e : cart.lines().entrySet()) {
      Product p = catalog.find(e.getKey());
      if (p != null) {
        lines.add(new CartLine(p, e.getValue()));
      }
    }
    return lines;
  }

  private static List<String> productIds(List<CartLine> lines) {
    List<String> ids = new ArrayList<>();
    for (CartLine line : lines) {
      ids.add(line.product().getId());
    }
    return ids;
  }

  private static BigDecimal total(List<CartLine> lines) {
    BigDecimal total = BigDecimal.ZERO;
    for (CartLine line : lines) {
      total = total.add(line.total());
    }
    return total;
  }
}
