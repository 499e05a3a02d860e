package io.smartlists.site;

import io.smartlists.engine.model.Placement;
import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;

/**
 * The widget as JSON for headless fronts: {@code GET
 * /smartlists/api/widget?placement=CART&product=12&product=34} (or {@code product=12,34}) returns
 * the same {@link WidgetView} the Thymeleaf fragment renders, with {@code slots: []} when there is
 * nothing to show (whatever fails in composing it). A request the endpoint cannot read — no {@code
 * placement}, or one that is not {@code PRODUCT_PAGE}, {@code CART} or {@code ORDER_CONFIRMATION} —
 * gets 400 with a JSON body {@code {"error": "..."}} saying what to send.
 */
@RestController
public final class WidgetApiController {

  private final WidgetService widgets;

  public WidgetApiController(WidgetService widgets) {
    this.widgets = widgets;
  }

  @GetMapping("${smartlists.site.path:/smartlists}/api/widget")
  ResponseEntity<?> widget(
      @RequestParam Placement placement,
      @RequestParam(name = "product", required = false) @Nullable List<String> products,
      HttpServletRequest request,
      Locale locale) {
    if (placement.email()) {
      // e-mail blocks come from SmartListsMail (signed links that outlive a session), not a page
      return ResponseEntity.badRequest()
          .cacheControl(CacheControl.noStore())
          .contentType(MediaType.APPLICATION_JSON)
          .body(Map.of("error", "placement must be one of " + Placement.onSite()));
    }
    WidgetView view = widgets.widget(request, placement, Expressions.ids(products), locale);
    return ResponseEntity.ok().cacheControl(CacheControl.noStore()).body(view);
  }

  /** A missing or unknown {@code placement}: 400 with a JSON body saying what to send. */
  @ExceptionHandler({
    MissingServletRequestParameterException.class,
    MethodArgumentTypeMismatchException.class
  })
  ResponseEntity<Map<String, String>> badRequest(Exception e) {
    String name =
        e instanceof MissingServletRequestParameterException m
            ? m.getParameterName()
            : ((MethodArgumentTypeMismatchException) e).getName();
    String error =
        "placement".equals(name)
            ? "placement must be one of " + Placement.onSite()
            : "malformed parameter " + name;
    return ResponseEntity.badRequest()
        .cacheControl(CacheControl.noStore())
        .contentType(MediaType.APPLICATION_JSON)
        .body(Map.of("error", error));
  }
}
