package io.smartlists.site;

import io.smartlists.engine.model.ListType;
import io.smartlists.engine.model.Placement;
import io.smartlists.host.CatalogPort;
import io.smartlists.host.CurrentCustomerPort;
import io.smartlists.host.ProductInfo;
import io.smartlists.stats.ClickRow;
import io.smartlists.stats.ClickTracking;
import io.smartlists.stats.StatsRecorder;
import jakarta.servlet.http.HttpServletRequest;
import java.net.URI;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * Click tracking: {@code GET
 * /smartlists/click?p=<product>&w=..&pl=..&st=..&l=..&s=..&i=..&t=..&h=..} counts the click when
 * its signed token is valid, fresh and not replayed ({@link ClickTracking}), and in every case
 * redirects to the product's own URL as the catalogue knows it. The target is never taken from the
 * request, so the endpoint cannot be used as an open redirect; an unknown product is a 404.
 */
@Controller
public final class ClickController {

  private final CatalogPort catalog;
  private final StatsRecorder stats;
  private final @Nullable ClickTracking tracking;
  private final @Nullable Visitors visitors;
  private final @Nullable CurrentCustomerPort currentCustomer;

  public ClickController(CatalogPort catalog, StatsRecorder stats) {
    this(catalog, stats, null, null, null);
  }

  public ClickController(
      CatalogPort catalog,
      StatsRecorder stats,
      @Nullable ClickTracking tracking,
      @Nullable Visitors visitors,
      @Nullable CurrentCustomerPort currentCustomer) {
    this.catalog = catalog;
    this.stats = stats;
    this.tracking = tracking;
    this.visitors = visitors;
    this.currentCustomer = currentCustomer;
  }

  @GetMapping("${smartlists.site.path:/smartlists}/click")
  ResponseEntity<Void> click(
      @RequestParam("p") String productId,
      @RequestParam Map<String, String> params,
      HttpServletRequest request) {
    ProductInfo product = catalog.product(productId);
    if (product == null) {
      return ResponseEntity.status(HttpStatus.NOT_FOUND).build();
    }
    if (tracking != null && visitors != null) {
      try {
        ClickRow click = tracking.click(params, visitors.id(request), customerId());
        if (click != null && click.click().productId().equals(product.id())) {
          Placement p = parse(Placement.class, click.click().placement());
          ListType l = parse(ListType.class, click.click().list());
          if (p != null && l != null) {
            stats.click(p, l, click.click().slot(), product.id());
          }
        }
      } catch (RuntimeException e) {
        // counting never stands between the shopper and the product
      }
    }
    return ResponseEntity.status(HttpStatus.FOUND)
        .location(URI.create(WidgetView.local(request.getContextPath(), product.url())))
        .cacheControl(CacheControl.noStore())
        .build();
  }

  private @Nullable String customerId() {
    try {
      return currentCustomer == null ? null : currentCustomer.currentCustomerId();
    } catch (RuntimeException e) {
      return null;
    }
  }

  private static <E extends Enum<E>> @Nullable E parse(Class<E> type, @Nullable String name) {
    if (name == null) {
      return null;
    }
    try {
      return Enum.valueOf(type, name);
    } catch (IllegalArgumentException e) {
      return null;
    }
  }
}
