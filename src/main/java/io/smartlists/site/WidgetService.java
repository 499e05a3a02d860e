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
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Composes the widget of one placement for the current request: the visitor from the module's
 * cookie, the customer from the host's {@link CurrentCustomerPort}, the page's context products
 * from the caller. Never throws: whatever fails, the page gets an empty widget.
 *
 * <p>With a hard limit (the engine's time budget by default), composition runs on a bounded pool of
 * daemon threads and the request thread waits at most that long: a host port that blocks (a slow
 * eligibility service, a catalogue behind a stalled connection pool) cannot hold the page beyond
 * the budget, since the engine can only check its budget between port calls. When every thread is
 * stuck and the queue is full, the widget is empty at once ({@code rejected}). Every empty widget
 * is reported to {@link StatsRecorder#empty} with its cause.
 */
public final class WidgetService {

  private static final Logger log = LoggerFactory.getLogger(WidgetService.class);

  private final SmartListsEngine engine;
  private final CurrentCustomerPort currentCustomer;
  private final Visitors visitors;
  private final StatsRecorder stats;
  private final Clock clock;
  private final String clickPath;
  private final long hardLimitNanos;
  private final @Nullable ThreadPoolExecutor isolation;
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
    this(engine, currentCustomer, visitors, stats, clock, sitePath, Duration.ZERO, 1, tracking);
  }

  /**
   * @param hardLimit the longest a request waits for its widget (zero: composed on the request
   *     thread, no limit beyond the engine's own budget checks)
   * @param threads composing threads at most (each blocked host call holds one)
   * @param tracking impressions, holdout and signed click links; null records none
   */
  public WidgetService(
      SmartListsEngine engine,
      CurrentCustomerPort currentCustomer,
      Visitors visitors,
      StatsRecorder stats,
      Clock clock,
      String sitePath,
      Duration hardLimit,
      int threads,
      @Nullable WidgetTracking tracking) {
    this.tracking = tracking;
    this.engine = engine;
    this.currentCustomer = currentCustomer;
    this.visitors = visitors;
    this.stats = stats;
    this.clock = clock;
    this.clickPath = sitePath + "/click";
    this.hardLimitNanos = Math.max(0, hardLimit.toNanos());
    if (hardLimitNanos == 0) {
      this.isolation = null;
    } else {
      int n = Math.max(1, threads);
      AtomicInteger count = new AtomicInteger();
      ThreadPoolExecutor pool =
          new ThreadPoolExecutor(
              n,
              n,
              30,
              TimeUnit.SECONDS,
              new ArrayBlockingQueue<>(n * 16),
              r -> {
                Thread t = new Thread(r, "smartlists-widget-" + count.incrementAndGet());
                t.setDaemon(true);
                return t;
              },
              new ThreadPoolExecutor.AbortPolicy());
      pool.allowCoreThreadTimeOut(true);
      this.isolation = pool;
    }
  }

  /** The engine's widget for this visitor, or an empty one when anything fails. */
  public Widget compose(
      Placement placement,
      List<String> contextProductIds,
      String visitorId,
      @Nullable String customerId) {
    Widget widget;
    try {
      WidgetRequest request =
          new WidgetRequest(
              placement, visitorId, customerId, contextProductIds, clock.instant(), false);
      ThreadPoolExecutor pool = isolation;
      if (pool == null) {
        widget = engine.compose(request);
      } else {
        FutureTask<Widget> task = new FutureTask<>(() -> engine.compose(request));
        try {
          pool.execute(task);
        } catch (RejectedExecutionException e) {
          stats.empty(placement, "rejected");
          return Widget.empty(placement, Widget.Outcome.ERROR, 0);
        }
        widget = await(task, placement);
      }
    } catch (RuntimeException | LinkageError e) {
      log.warn("Smart Lists widget {} failed, rendering it empty", placement, e);
      widget = Widget.empty(placement, Widget.Outcome.ERROR, 0);
    }
    if (widget.isEmpty()) {
      stats.empty(placement, cause(widget));
    }
    return widget;
  }

  private Widget await(FutureTask<Widget> task, Placement placement) {
    try {
      return task.get(hardLimitNanos, TimeUnit.NANOSECONDS);
    } catch (TimeoutException e) {
      task.cancel(true); // skipped if still queued; interrupts a blocked port that heeds it
      return Widget.empty(placement, Widget.Outcome.TIMEOUT, 0);
    } catch (InterruptedException e) {
      task.cancel(true);
      Thread.currentThread().interrupt();
      return Widget.empty(placement, Widget.Outcome.ERROR, 0);
    } catch (ExecutionException e) {
      log.warn("Smart Lists widget {} failed, rendering it empty", placement, e.getCause());
      return Widget.empty(placement, Widget.Outcome.ERROR, 0);
    }
  }

  private static String cause(Widget widget) {
    return switch (widget.outcome()) {
      case TIMEOUT -> "timeout";
      case ERROR -> "error";
      case OK -> "no-candidates";
    };
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
    String visitorId;
    try {
      visitorId = visitors.id(request);
    } catch (RuntimeException e) {
      log.warn("Smart Lists widget {} could not be rendered, rendering it empty", placement, e);
      stats.empty(placement, "render-error");
      return WidgetView.empty(placement.name(), Widget.Outcome.ERROR.name());
    }
    return widget(request, placement, contextProductIds, locale, visitorId, customerId());
  }

  /**
   * The widget for a shopper the caller identified (the landing page of an e-mail knows its
   * recipient from a signed token, not from a sign-in), resolved and tracked like {@link
   * #widget(HttpServletRequest, Placement, List, Locale)}.
   */
  public WidgetView widget(
      HttpServletRequest request,
      Placement placement,
      List<String> contextProductIds,
      Locale locale,
      String visitorId,
      @Nullable String customerId) {
    try {
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
      stats.empty(placement, "render-error");
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
