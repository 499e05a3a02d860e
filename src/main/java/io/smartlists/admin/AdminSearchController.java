package io.smartlists.admin;

import io.smartlists.host.CatalogPort;
import io.smartlists.host.CustomerInfo;
import io.smartlists.host.CustomerPort;
import io.smartlists.host.ProductInfo;
import io.smartlists.merchandising.CatalogueLookups;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The pickers' search: small JSON lists of {@code {value, label}} for the slot editor and the
 * preview, fed from the host's catalogue and customer directory.
 */
@RestController
final class AdminSearchController {

  private static final String API = AdminPaths.BASE + "/api";
  private static final int LIMIT = 20;

  private final CatalogPort catalog;
  private final CustomerPort customers;
  private final CatalogueLookups lookups;

  AdminSearchController(CatalogPort catalog, CustomerPort customers, CatalogueLookups lookups) {
    this.catalog = catalog;
    this.customers = customers;
    this.lookups = lookups;
  }

  /** One picker option. */
  record Option(String value, String label) {}

  @GetMapping(API + "/products")
  List<Option> products(@RequestParam(defaultValue = "") String q) {
    List<Option> out = new ArrayList<>();
    if (q.isBlank()) {
      return out;
    }
    for (ProductInfo p : catalog.searchProducts(q.strip(), LIMIT)) {
      out.add(new Option(p.id(), p.name()));
    }
    return out;
  }

  @GetMapping(API + "/categories")
  List<Option> categories(@RequestParam(defaultValue = "") String q) {
    String needle = q.strip().toLowerCase(Locale.ROOT);
    List<Option> out = new ArrayList<>();
    for (String id : lookups.categories().keySet()) {
      String path = lookups.categoryPath(id);
      String label = path == null ? id : path;
      if (needle.isEmpty()
          || label.toLowerCase(Locale.ROOT).contains(needle)
          || id.toLowerCase(Locale.ROOT).contains(needle)) {
        out.add(new Option(id, label));
        if (out.size() == LIMIT) {
          break;
        }
      }
    }
    return out;
  }

  @GetMapping(API + "/manufacturers")
  List<Option> manufacturers(@RequestParam(defaultValue = "") String q) {
    String needle = q.strip().toLowerCase(Locale.ROOT);
    List<Option> out = new ArrayList<>();
    for (String m : lookups.manufacturers()) {
      if (needle.isEmpty() || m.toLowerCase(Locale.ROOT).contains(needle)) {
        out.add(new Option(m, m));
        if (out.size() == LIMIT) {
          break;
        }
      }
    }
    return out;
  }

  @GetMapping(API + "/customers")
  List<Option> customers(@RequestParam(defaultValue = "") String q) {
    List<Option> out = new ArrayList<>();
    if (q.isBlank()) {
      return out;
    }
    for (CustomerInfo c : customers.search(q.strip(), LIMIT)) {
      out.add(new Option(c.id(), c.displayName() + (c.b2b() ? " (B2B)" : "")));
    }
    return out;
  }
}
