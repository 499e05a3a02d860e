package io.smartlists.demo.catalog;

import io.smartlists.demo.StoreEvents;
import io.smartlists.demo.customer.CurrentCustomer;
import io.smartlists.host.CustomerInfo;
import io.smartlists.host.CustomerPort;
import jakarta.servlet.http.HttpServletRequest;
import java.time.Duration;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;

/**
 * Home, category and product pages. Views are recorded the way a Broadleaf store records them,
 * which has no view event of its own: by the module's {@code sl:track-view} / {@code
 * sl:track-category} attributes in the product and category templates.
 */
@Controller
class StorefrontController {

  static final int PAGE_SIZE = 24;

  private final DemoCatalog catalog;
  private final CustomerPort customers;
  private final CurrentCustomer currentCustomer;
  private final StoreEvents events;

  StorefrontController(
      DemoCatalog catalog,
      CustomerPort customers,
      CurrentCustomer currentCustomer,
      StoreEvents events) {
    this.catalog = catalog;
    this.customers = customers;
    this.currentCustomer = currentCustomer;
    this.events = events;
  }

  @GetMapping("/")
  String showHome(HttpServletRequest request, Model model) {
    var since = events.clock().instant().minus(Duration.ofDays(30));
    model.addAttribute("bestsellers", catalog.bestsellers(since, customer(request), 12));
    return "demo/home";
  }

  @GetMapping("/category/{categoryId}")
  String showCategory(
      @PathVariable String categoryId,
      @RequestParam(defaultValue = "1") int page,
      HttpServletRequest request,
      Model model) {
    Category category = catalog.category(categoryId);
    if (category == null) {
      throw new ResponseStatusException(HttpStatus.NOT_FOUND);
    }
    List<Product> products = catalog.productsIn(categoryId, customer(request));
    int pages = Math.max(1, (products.size() + PAGE_SIZE - 1) / PAGE_SIZE);
    int current = Math.max(1, Math.min(pages, page));
    model.addAttribute("category", category);
    model.addAttribute("path", catalog.path(categoryId));
    model.addAttribute("subcategories", catalog.children(categoryId));
    model.addAttribute(
        "products",
        products.subList(
            (current - 1) * PAGE_SIZE, Math.min(products.size(), current * PAGE_SIZE)));
    model.addAttribute("productCount", products.size());
    model.addAttribute("page", current);
    model.addAttribute("pages", pages);
    return "demo/category";
  }

  @GetMapping("/product/{productId}")
  String showProduct(@PathVariable String productId, HttpServletRequest request, Model model) {
    Product product = catalog.find(productId);
    CustomerInfo customer = customer(request);
    if (product == null
        || !product.isActive()
        || !product.isVisible()
        || !DemoCatalog.entitled(product, customer)) {
      throw new ResponseStatusException(HttpStatus.NOT_FOUND);
    }
    model.addAttribute("product", product);
    model.addAttribute("path", catalog.path(product.getCategoryId()));
    model.addAttribute("purchasable", catalog.isEligible(productId, customer));
    return "demo/product";
  }

  private @Nullable CustomerInfo customer(HttpServletRequest request) {
    String id = currentCustomer.customerId(request);
    return id == null ? null : customers.customer(id);
  }
}
