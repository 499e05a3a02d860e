package io.smartlists.site;

import io.smartlists.engine.model.Placement;
import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import java.util.Locale;
import org.jspecify.annotations.Nullable;
import org.springframework.http.CacheControl;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The widget as JSON for headless fronts: {@code GET
 * /smartlists/api/widget?placement=CART&product=12&product=34} (or {@code product=12,34}) returns
 * the same {@link WidgetView} the Thymeleaf fragment renders, with {@code slots: []} when there is
 * nothing to show.
 */
@RestController
public final class WidgetApiController {

  private final WidgetService widgets;

  public WidgetApiController(WidgetService widgets) {
    this.widgets = widgets;
  }

  @GetMapping("${smartlists.site.path:/smartlists}/api/widget")
  ResponseEntity<WidgetView> widget(
      @RequestParam Placement placement,
      @RequestParam(name = "product", required = false) @Nullable List<String> products,
      HttpServletRequest request,
      Locale locale) {
    WidgetView view = widgets.widget(request, placement, Expressions.ids(products), locale);
    return ResponseEntity.ok().cacheControl(CacheControl.noStore()).body(view);
  }
}
