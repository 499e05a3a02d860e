package io.smartlists.admin;

import io.smartlists.engine.SmartListsEngine;
import io.smartlists.engine.model.DropRule;
import io.smartlists.engine.model.ListType;
import io.smartlists.engine.model.Placement;
import io.smartlists.engine.model.Reason;
import io.smartlists.engine.model.StageDecision;
import io.smartlists.engine.model.Widget;
import io.smartlists.engine.model.WidgetRequest;
import io.smartlists.host.CatalogPort;
import io.smartlists.host.CustomerInfo;
import io.smartlists.host.CustomerPort;
import io.smartlists.host.ProductInfo;
import io.smartlists.mail.MailBlock;
import io.smartlists.mail.MailRequest;
import io.smartlists.mail.SmartListsMail;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * Preview: a sample customer (or an anonymous visitor), a placement and its context products → the
 * widget the shopper would see, the journey stage and why, every item's reason, and the candidates
 * a composition rule dropped with that rule. Read-only, so a plain GET form.
 */
@Controller
final class PreviewController {

  /** The visitor id of an anonymous preview: a first visit, no browsing. */
  static final String ANONYMOUS_VISITOR = "sl-admin-preview";

  private final SmartListsEngine engine;
  private final CatalogPort catalog;
  private final CustomerPort customers;
  private final Labels labels;
  private final ObjectProvider<SmartListsMail> mail;

  /**
   * Content-Security-Policy of the e-mail preview: the e-mail's own inline styles and remote
   * images, nothing that runs, sandboxed (the admin's policy would strip the e-mail's inline
   * styles).
   */
  static final String MAIL_PREVIEW_POLICY =
      "default-src 'none'; style-src 'unsafe-inline' https:; img-src https: http: data:; "
          + "font-src https:; form-action 'none'; frame-ancestors 'none'; "
          + "sandbox allow-popups allow-popups-to-escape-sandbox";

  PreviewController(
      SmartListsEngine engine,
      CatalogPort catalog,
      CustomerPort customers,
      MessageSource messages,
      ObjectProvider<SmartListsMail> mail) {
    this.engine = engine;
    this.catalog = catalog;
    this.customers = customers;
    this.labels = new Labels(messages);
    this.mail = mail;
  }

  /**
   * An e-mail placement's block as the chosen customer would receive it for the given order lines:
   * the e-mail's HTML as a page of its own (its links lead to the store but count nothing).
   */
  @GetMapping(AdminPaths.BASE + "/preview/mail")
  ResponseEntity<String> showMailPreview(
      @RequestParam Placement placement,
      @RequestParam String customer,
      @RequestParam(defaultValue = "") String products,
      @RequestParam(defaultValue = "") String format) {
    SmartListsMail service = mail.getIfUnique();
    CustomerInfo c = customers.customer(customer.strip());
    if (service == null || !placement.email() || c == null) {
      return ResponseEntity.status(HttpStatus.NOT_FOUND).build();
    }
    MailBlock block = service.preview(mailRequest(placement, c, products));
    boolean text = "text".equals(format);
    return ResponseEntity.ok()
        .contentType(
            new MediaType(
                text ? MediaType.TEXT_PLAIN : MediaType.TEXT_HTML, StandardCharsets.UTF_8))
        .header("Content-Security-Policy", MAIL_PREVIEW_POLICY)
        .cacheControl(CacheControl.noStore())
        .body(text ? block.text() : block.html());
  }

  private static MailRequest mailRequest(Placement placement, CustomerInfo c, String products) {
    List<String> ids = new ArrayList<>();
    for (String id : products.split("[\\s,]+")) {
      if (!id.isBlank() && !ids.contains(id)) {
        ids.add(id);
      }
    }
    return new MailRequest(c.id(), placement, null, ids, null, null);
  }

  /** One recommended item as the preview shows it. */
  record ItemView(
      String productId,
      String name,
      BigDecimal price,
      String url,
      String list,
      String reason,
      boolean fallback) {}

  /** One slot as the preview shows it. */
  record SlotView(int position, ListType type, String list, String title, List<ItemView> items) {}

  /** One dropped candidate. */
  record DroppedView(
      String productId, String name, int slotPosition, String list, DropRule rule, String why) {}

  @GetMapping(AdminPaths.BASE + "/preview")
  String showPreview(
      @RequestParam(required = false) @Nullable Placement placement,
      @RequestParam(defaultValue = "") String customer,
      @RequestParam(defaultValue = "") String visitor,
      @RequestParam(defaultValue = "") String products,
      Model model) {
    model.addAttribute("placements", Placement.values());
    model.addAttribute("placement", placement == null ? Placement.PRODUCT_PAGE : placement);
    model.addAttribute("customer", customer.strip());
    model.addAttribute("visitor", visitor.strip());
    model.addAttribute("products", products.strip());
    model.addAttribute("crossSellingModel", engine.crossSellingModel());
    if (placement == null) {
      return "smartlists/admin/preview";
    }
    Locale locale = LocaleContextHolder.getLocale();
    List<String> errors = new ArrayList<>();
    String customerId = null;
    if (!customer.isBlank()) {
      CustomerInfo c = customers.customer(customer.strip());
      if (c == null) {
        errors.add(labels.get("sl.error.unknownCustomer", customer.strip()));
      } else {
        customerId = c.id();
        model.addAttribute("customerName", c.displayName());
      }
    }
    List<String> context = new ArrayList<>();
    List<ProductInfo> contextProducts = new ArrayList<>();
    for (String id : products.split("[\\s,]+")) {
      if (id.isBlank()) {
        continue;
      }
      ProductInfo p = catalog.product(id);
      if (p == null) {
        errors.add(labels.get("sl.error.unknownProduct", id));
      } else if (!context.contains(id)) {
        context.add(id);
        contextProducts.add(p);
      }
    }
    if (!errors.isEmpty()) {
      model.addAttribute("errors", errors);
      return "smartlists/admin/preview";
    }
    String visitorId =
        visitor.isBlank()
            ? (customerId == null ? ANONYMOUS_VISITOR : "customer-" + customerId)
            : visitor.strip();
    Widget widget =
        engine.compose(
            new WidgetRequest(
                placement, visitorId, customerId, context, engine.clock().instant(), true));
    StageDecision decision = widget.stage();
    if (decision != null) {
      model.addAttribute("stage", decision.stage());
      model.addAttribute("stageName", labels.stage(decision.stage()));
      model.addAttribute("stageWhy", decision.why().text(locale));
    }
    List<SlotView> slots = new ArrayList<>();
    for (Widget.Slot s : widget.slots()) {
      List<ItemView> items = new ArrayList<>();
      for (Widget.Item i : s.items()) {
        ProductInfo p = i.product();
        items.add(
            new ItemView(
                p.id(),
                p.name(),
                p.price(),
                p.url(),
                labels.list(i.list()),
                // the fallback badge says "fallback" already (it printed "fallback fallback: ...")
                Reason.of(i.reason().key(), i.reason().args().toArray()).text(locale),
                i.fallback()));
      }
      slots.add(
          new SlotView(
              s.position(),
              s.config().type(),
              labels.list(s.config().type()),
              s.config().title(locale.getLanguage()),
              items));
    }
    List<DroppedView> dropped = new ArrayList<>();
    for (Widget.Dropped d : widget.dropped()) {
      ProductInfo p = catalog.product(d.productId());
      dropped.add(
          new DroppedView(
              d.productId(),
              p == null ? d.productId() : p.name(),
              d.slotPosition(),
              labels.list(d.list()),
              d.rule(),
              labels.get("sl.drop." + d.rule())));
    }
    model.addAttribute("contextProducts", contextProducts);
    model.addAttribute("widget", widget);
    model.addAttribute("outcome", labels.get("sl.preview.outcome." + widget.outcome()));
    model.addAttribute("slots", slots);
    model.addAttribute("dropped", dropped);
    model.addAttribute("visitorId", visitorId);
    SmartListsMail service = mail.getIfUnique();
    if (placement.email() && service != null && customerId != null) {
      CustomerInfo c = customers.customer(customerId);
      if (c != null) {
        MailBlock block = service.preview(mailRequest(placement, c, products));
        model.addAttribute("mailSubject", block.subject());
        model.addAttribute("mailEmpty", block.isEmpty());
        // the UTM parameters every link of this e-mail carries (properties or the E-mail screen)
        model.addAttribute("mailUtm", service.links().utm().parameters(placement.name()));
      }
    }
    return "smartlists/admin/preview";
  }
}
