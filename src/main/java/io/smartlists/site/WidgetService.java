package io.smartlists.site;

import io.smartlists.engine.SmartListsEngine;
import io.smartlists.engine.model.Placement;
import io.smartlists.engine.model.Widget;
import io.smartlists.engine.model.WidgetRequest;
import io.smartlists.host.CurrentCustomerPort;
import io.smartlists.stats.StatsRecorder;
import jakarta.servlet.http.HttpServletRequest;
import java.time.Clock;
import java.util.List;
import java.util.Locale;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Composes the widget of one placement for the current request: the visitor from the module's
 * cookie, the customer from the host's {@link CurrentCustomerPort}, the page's context products
 * from the caller. Never throws: whatever fails, the page gets an empty widget.
 */
public final class WidgetService {

  private static final Logger log = LoggerFactory.getLogger(WidgetService.class);

  private final SmartListsEngine engine;
  private final CurrentCustomerPort currentCustomer;
  private final Visitors visitors;
  private final StatsRecorder stats;
  private final Clock clock;
  private final String clickPath;

  /**
   * @param sitePath the prefix of the module's storefront endpoints, e.g. {@code /smartlists}
   */
  public WidgetService(
      SmartListsEngine engine,
      CurrentCustomerPort currentCustomer,
      Visitors visitors,
      StatsRecorder stats,
      Clock clock,
      String sitePath) {
    this.engine = engine;
    this.currentCustomer = currentCustomer;
    this.visitors = visitors;
    this.stats = stats;
    this.clock = clock;
    this.clickPath = sitePath + "/click";
  }

  /** The engine's widget for this visitor, or an empty one when anything fails. */
  public Widget compose(
      Placement placement,
      List<String> contextProductIds,
      String visitorId,
      @Nullable String customerId) {
    try {
      return engine.compose(
          new WidgetRequest(
              placement, visitorId, customerId, contextProductIds, clock.instant(), false));
    } catch (RuntimeException | LinkageError e) {
      log.warn("Smart Lists widget {} failed, rendering it empty", placement, e);
      return Widget.empty(placement, Widget.Outcome.ERROR, 0);
    }
  }

  /**
   * The widget for the current request, resolved for rendering (titles and reasons in {@code
   * locale}, links through click tracking); empty when anything fails. Counts an impression when it
   * is not empty.
   */
  public WidgetView widget(
      HttpServletRequest request,
      Placement placement,
      List<String> contextProductIds,
      Locale locale) {
    try {
      Widget widget = compose(placement, contextProductIds, visitors.id(request), customerId());
      if (widget.isEmpty()) {
        return WidgetView.empty(placement.name(), widget.outcome().name());
      }
      WidgetView view = WidgetView.of(widget, locale, request.getContextPath(), clickPath);
      stats.impression(widget);
      return view;
    } catch (RuntimeException e) {
      log.warn("Smart Lists widget {} could not be rendered, rendering it empty", placement, e);
      return WidgetView.empty(placement.name(), Widget.Outcome.ERROR.name());
    }
  }

  /** The signed-in customer, or null when anonymous or when the host port fails. */
  @Nullable String customerId() {
    try {
      return currentCustomer.currentCustomerId();
    } catch (RuntimeException e) {
      log.warn("CurrentCustomerPort failed, treating the visitor as anonymous", e);
      return null;
    }
  }
}
