package io.smartlists.mail;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.smartlists.engine.model.ListType;
import io.smartlists.engine.model.Placement;
import io.smartlists.host.CatalogPort;
import io.smartlists.host.CustomerInfo;
import io.smartlists.host.CustomerPort;
import io.smartlists.host.EligibilityPort;
import io.smartlists.host.ProductInfo;
import io.smartlists.site.Visitors;
import io.smartlists.site.WidgetService;
import io.smartlists.site.WidgetView;
import io.smartlists.stats.CartAddTracker;
import io.smartlists.stats.ClickRow;
import io.smartlists.stats.ClickToken;
import io.smartlists.stats.ShopperEventSink;
import io.smartlists.stats.StatsRecorder;
import jakarta.servlet.http.HttpServletRequest;
import java.net.URI;
import java.time.Clock;
import java.util.List;
import java.util.Locale;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * Where e-mail links lead. {@code GET /smartlists/mail/click?t=…}: a valid token's product is
 * checked again <em>now</em> (in the catalogue, and through the eligibility gate for the
 * recipient): an eligible product counts the click for the e-mail placement, list and slot (the
 * statistics' {@code SL_STAT_CLICK} rows, attributed to the recipient's later orders like any
 * click) and redirects to the product page; a product that became ineligible since the e-mail was
 * sent redirects to the recipient's landing page instead of a sold-out page. An invalid, tampered
 * or expired token leads to the landing page without anything personal. The target is never taken
 * from the request (no open redirect).
 *
 * <p>{@code GET /smartlists/for-you?t=…}: the personalised landing page a newsletter's call to
 * action links to, in the template {@code smartlists/for-you} (a store theme overrides it to use
 * its own layout), with the widget of the token's e-mail placement for the recipient recognised
 * from the token, without signing in. Without a valid token it shows what a first-time visitor
 * sees.
 *
 * <p>Open tracking is deliberately absent: Apple Mail Privacy Protection fetches every image at
 * delivery, so opens are not a signal; attribution is on clicks only.
 */
@Controller
public final class MailClickController {

  private static final Logger log = LoggerFactory.getLogger(MailClickController.class);

  private final MailLinks links;
  private final CatalogPort catalog;
  private final CustomerPort customers;
  private final EligibilityPort eligibility;
  private final ShopperEventSink sink;
  private final @Nullable CartAddTracker cartAdds;
  private final StatsRecorder stats;
  private final WidgetService widgets;
  private final Visitors visitors;
  private final Clock clock;
  private final String landingTemplate;

  /** Signatures already counted on this node: a scanner's and the reader's click count once. */
  private final Cache<String, Boolean> counted =
      Caffeine.newBuilder().maximumSize(1_000_000).build();

  public MailClickController(
      MailLinks links,
      CatalogPort catalog,
      CustomerPort customers,
      EligibilityPort eligibility,
      ShopperEventSink sink,
      @Nullable CartAddTracker cartAdds,
      StatsRecorder stats,
      WidgetService widgets,
      Visitors visitors,
      Clock clock,
      String landingTemplate) {
    this.links = links;
    this.catalog = catalog;
    this.customers = customers;
    this.eligibility = eligibility;
    this.sink = sink;
    this.cartAdds = cartAdds;
    this.stats = stats;
    this.widgets = widgets;
    this.visitors = visitors;
    this.clock = clock;
    this.landingTemplate = landingTemplate;
  }

  @GetMapping("${smartlists.site.path:/smartlists}/mail/click")
  ResponseEntity<Void> click(
      @RequestParam(name = "t", required = false) @Nullable String t, HttpServletRequest request) {
    String context = request.getContextPath();
    MailToken token = links.verify(t);
    if (token == null || t == null || !token.click()) {
      return redirect(context + links.anonymousLandingPath());
    }
    ProductInfo product = null;
    boolean eligible = false;
    try {
      product = catalog.product(token.productId());
      eligible = product != null && eligibility.isEligible(product.id(), customer(token));
    } catch (RuntimeException e) {
      log.warn("Smart Lists could not re-check product {} of an e-mail", token.productId(), e);
    }
    if (product == null || !eligible) {
      MailToken landing =
          MailToken.landing(
              token.placement(),
              token.stage(),
              token.customerId(),
              token.sendId(),
              token.issuedAt());
      return redirect(context + links.landingPath(landing));
    }
    count(token, MailLinks.signature(t), request);
    return redirect(WidgetView.local(context, product.url()));
  }

  private void count(MailToken token, String signature, HttpServletRequest request) {
    try {
      if (SmartListsMail.PREVIEW_SEND.equals(token.sendId())
          || counted.asMap().putIfAbsent(signature, Boolean.TRUE) != null) {
        return;
      }
      ClickToken click =
          new ClickToken(
              token.sendId(),
              token.placement(),
              token.stage(),
              token.list(),
              token.slot(),
              token.position(),
              token.productId(),
              token.issuedAt());
      ClickRow row =
          new ClickRow(clock.instant(), signature, click, visitors.id(request), customerOf(token));
      sink.record(ClickRow.TABLE, row);
      if (cartAdds != null) {
        cartAdds.clicked(row);
      }
      stats.click(
          Placement.valueOf(token.placement()),
          ListType.valueOf(token.list()),
          token.slot(),
          token.productId());
    } catch (RuntimeException e) {
      // counting never stands between the reader and the product
      log.debug("Smart Lists could not count an e-mail click", e);
    }
  }

  @GetMapping("${smartlists.site.path:/smartlists}/for-you")
  String landing(
      @RequestParam(name = "t", required = false) @Nullable String t,
      HttpServletRequest request,
      Locale locale,
      Model model) {
    MailToken token = links.verify(t);
    Placement placement = Placement.EMAIL_NEWSLETTER;
    String customerId = null;
    // without a valid token: this browser as an anonymous visitor, no customer (a fixed visitor id
    // would put every anonymous landing page in one holdout arm, empty for all in a tenth of
    // stores)
    String visitorId = visitors.id(request);
    if (token != null) {
      customerId = customerOf(token);
      try {
        placement = Placement.valueOf(token.placement());
      } catch (IllegalArgumentException e) {
        placement = Placement.EMAIL_NEWSLETTER;
      }
    }
    CustomerInfo customer = customerId == null ? null : customer(customerId);
    WidgetView widget =
        widgets.widget(request, placement, List.of(), locale, visitorId, customerId);
    model.addAttribute("widget", widget);
    model.addAttribute("personal", token != null);
    model.addAttribute("customerName", customer == null ? null : customer.displayName());
    return landingTemplate;
  }

  private @Nullable CustomerInfo customer(MailToken token) {
    String customerId = customerOf(token);
    return customerId == null ? null : customer(customerId);
  }

  /** The token's customer, null for a guest's order ({@link MailRequest#GUEST}). */
  private static @Nullable String customerOf(MailToken token) {
    return token.customerId().isEmpty() ? null : token.customerId();
  }

  private @Nullable CustomerInfo customer(String customerId) {
    try {
      return customers.customer(customerId);
    } catch (RuntimeException e) {
      return null;
    }
  }

  private static ResponseEntity<Void> redirect(String location) {
    return ResponseEntity.status(HttpStatus.FOUND)
        .location(URI.create(location))
        .cacheControl(CacheControl.noStore())
        .build();
  }
}
