package io.smartlists.site;

import io.smartlists.engine.model.ListType;
import io.smartlists.engine.model.Placement;
import io.smartlists.host.CatalogPort;
import io.smartlists.host.ProductInfo;
import io.smartlists.stats.StatsRecorder;
import jakarta.servlet.http.HttpServletRequest;
import java.net.URI;
import org.jspecify.annotations.Nullable;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * Click tracking: {@code GET /smartlists/click?p=<product>&pl=<placement>&l=<list>&s=<slot>} counts
 * the click and redirects to the product's own URL as the catalogue knows it. The target is never
 * taken from the request, so the endpoint cannot be used as an open redirect; an unknown product is
 * a 404.
 */
@Controller
public final class ClickController {

  private final CatalogPort catalog;
  private final StatsRecorder stats;

  public ClickController(CatalogPort catalog, StatsRecorder stats) {
    this.catalog = catalog;
    this.stats = stats;
  }

  @GetMapping("${smartlists.site.path:/smartlists}/click")
  ResponseEntity<Void> click(
      @RequestParam("p") String productId,
      @RequestParam(name = "pl", required = false) @Nullable String placement,
      @RequestParam(name = "l", required = false) @Nullable String list,
      @RequestParam(name = "s", defaultValue = "0") int slot,
      HttpServletRequest request) {
    ProductInfo product = catalog.product(productId);
    if (product == null) {
      return ResponseEntity.status(HttpStatus.NOT_FOUND).build();
    }
    Placement p = parse(Placement.class, placement);
    ListType l = parse(ListType.class, list);
    if (p != null && l != null) {
      stats.click(p, l, slot, product.id());
    }
    return ResponseEntity.status(HttpStatus.FOUND)
        .location(URI.create(WidgetView.local(request.getContextPath(), product.url())))
        .cacheControl(CacheControl.noStore())
        .build();
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
