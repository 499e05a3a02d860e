package io.smartlists.demo.order;

import io.smartlists.demo.catalog.DemoCatalog;
import io.smartlists.demo.customer.CurrentCustomer;
import io.smartlists.demo.customer.Customer;
import io.smartlists.demo.customer.DemoCustomers;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/**
 * What the layout of every storefront page shows: departments, the "Browse as" switch, the cart
 * badge.
 */
@ControllerAdvice(basePackages = "io.smartlists.demo")
class StoreLayoutAdvice {

  private final DemoCatalog catalog;
  private final DemoCustomers customers;
  private final CurrentCustomer currentCustomer;

  StoreLayoutAdvice(DemoCatalog catalog, DemoCustomers customers, CurrentCustomer currentCustomer) {
    this.catalog = catalog;
    this.customers = customers;
    this.currentCustomer = currentCustomer;
  }

  @ModelAttribute
  void layout(HttpServletRequest request, Model model) {
    String id = currentCustomer.customerId(request);
    Customer customer = id == null ? null : customers.find(id);
    model.addAttribute("departments", catalog.departments());
    model.addAttribute("browseAs", customers.featured());
    model.addAttribute("currentCustomer", customer);
    model.addAttribute("cartCount", Cart.count(request));
    String query = request.getQueryString();
    model.addAttribute("currentPath", request.getRequestURI() + (query == null ? "" : "?" + query));
  }
}
