package io.smartlists.site;

import io.smartlists.engine.SmartListsEngine;
import io.smartlists.engine.model.Placement;
import io.smartlists.engine.model.Widget;
import io.smartlists.engine.model.WidgetRequest;
import io.smartlists.host.CurrentCustomerPort;
import io.smartlists.stats.StatsRecorder;
import io.smartlists.stats.WidgetTracking;
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
  private final @Nullable WidgetTracking tracking;

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
    this(engine, currentCustomer, visitors, stats, clock, sitePath, null);
  }

  /**
   * @param sitePath the prefix of the module's storefront endpoints, e.g. {@code /smartlists}
   * @param tracking impressions, holdout and signed click links; null records none and shows every
   *     widget (its links then count no click)
   */
  public WidgetService(
      SmartListsEngine engine,
      CurrentCustomerPort currentCustomer,
      Visitors visitors,
      StatsRecorder stats,
      Clock clock,
      String sitePath,
      @Nullable WidgetTracking tracking) {
    this.tracking = tracking;
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
   * locale}, links through click tracking with signed tokens); empty when anything fails. Counts an
   * impression when it is not empty; for a shopper in the holdout it records the impression and
   * returns an empty widget, so the page renders nothing.
   */
  public WidgetView widget(
      HttpServletRequest request,
      Placement placement,
      List<String> contextProductIds,
      Locale locale) {
    try {
      String visitorId = visitors.id(request);
      String customerId = customerId();
      Widget widget = compose(placement, contextProductIds, visitorId, customerId);
      if (widget.isEmpty()) {
        return WidgetView.empty(placement.name(), widget.outcome().name());
      }
      WidgetView.ClickQuery links = WidgetService::unsignedLink;
      if (tracking != null) {
        // the holdout's impression is recorded too; its page renders nothing
        WidgetTracking.Shown shown = tracking.shown(widget, visitorId, customerId);
        if (shown.withheld()) {
          return WidgetView.empty(placement.name(), widget.outcome().name());
        }
        links = shown::clickQuery;
      }
      WidgetView view = WidgetView.of(widget, locale, request.getContextPath(), clickPath, links);
      stats.impression(widget);
      return view;
    } catch (RuntimeException e) {
      log.warn("Smart Lists widget {} could not be rendered, rendering it empty", placement, e);
      return WidgetView.empty(placement.name(), Widget.Outcome.ERROR.name());
    }
  }

  /** A link without a token: it redirects to the product and counts nothing. */
  private static String unsignedLink(int slot, int position, String list, String productId) {
    return "p=" + java.net.URLEncoder.encode(productId, java.nio.charset.StandardCharsets.UTF_8);
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
