package io.smartlists.demo.customer;

import io.smartlists.demo.StoreEvents;
import io.smartlists.host.CustomerInfo;
import jakarta.servlet.http.HttpServletRequest;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The demo's "Browse as…" switch: signs in as one of the sample customers without a password (the
 * demo has no customer accounts to protect) or back to anonymous browsing. Signing in publishes
 * {@code CustomerLoggedIn}, so browsing done before counts for the customer.
 */
@Controller
class BrowseAsController {

  private final DemoCustomers customers;
  private final CurrentCustomer currentCustomer;
  private final StoreEvents events;

  BrowseAsController(DemoCustomers customers, CurrentCustomer currentCustomer, StoreEvents events) {
    this.customers = customers;
    this.currentCustomer = currentCustomer;
    this.events = events;
  }

  @GetMapping("/browse-as")
  String initBrowseAsForm(@RequestParam(required = false) @Nullable String q, Model model) {
    model.addAttribute("featured", customers.featured());
    model.addAttribute("q", q == null ? "" : q);
    model.addAttribute(
        "found", q == null || q.isBlank() ? java.util.List.of() : customers.search(q, 20));
    return "demo/browse-as";
  }

  @PostMapping("/browse-as")
  String processBrowseAsForm(
      @RequestParam(required = false) @Nullable String customerId,
      @RequestParam(required = false) @Nullable String returnTo,
      HttpServletRequest request,
      RedirectAttributes redirect) {
    if (customerId == null || customerId.isBlank()) {
      currentCustomer.signOut(request);
      redirect.addFlashAttribute("message", "You are browsing anonymously.");
    } else {
      CustomerInfo customer = customers.customer(customerId.strip());
      if (customer == null) {
        redirect.addFlashAttribute("error", "No such customer.");
        return "redirect:/browse-as";
      }
      currentCustomer.signIn(request, customer.id());
      events.customerLoggedIn(request, customer.id());
      redirect.addFlashAttribute("message", "You are browsing as " + customer.displayName() + ".");
    }
    return "redirect:" + safeReturn(returnTo);
  }

  /** Only paths of this store, never another host. */
  static String safeReturn(@Nullable String returnTo) {
    if (returnTo == null
        || !returnTo.startsWith("/")
        || returnTo.startsWith("//")
        || returnTo.contains("\\")
        || returnTo.contains("\r")
        || returnTo.contains("\n")) {
      return "/";
    }
    return returnTo;
  }
}
