package io.smartlists.mail;

import io.smartlists.engine.SmartListsEngine;
import io.smartlists.engine.model.Widget;
import io.smartlists.engine.model.WidgetRequest;
import io.smartlists.engine.signals.Signals;
import io.smartlists.host.CustomerInfo;
import io.smartlists.host.CustomerPort;
import io.smartlists.host.ProductInfo;
import io.smartlists.site.Texts;
import io.smartlists.site.WidgetView;
import io.smartlists.stats.StatsRecorder;
import io.smartlists.stats.WidgetTracking;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Predicate;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The e-mail blocks a store's mailer asks for: {@code render(customer, placement, order, locale)}
 * gives a subject line suggestion, e-mail-safe HTML, a plain-text alternative and the same content
 * as data, composed by the engine from the placement's cell for the recipient's journey stage, with
 * the storefront's rules: the eligibility gate at send time, the order's products never recommended
 * (they are the context), products already bought left out except in reminders. Thread-safe; never
 * throws for a failing engine or host port (the block is then empty).
 *
 * <p>The HTML stays under the clipping limit ({@code maxBytes}, Gmail clips at about 102 KB): a
 * block that would exceed it loses its last items until it fits. Each slot shows at most {@code
 * maxItemsPerSlot} items, in rows of two.
 */
public final class SmartListsMail {

  private static final Logger log = LoggerFactory.getLogger(SmartListsMail.class);

  private final SmartListsEngine engine;
  private final CustomerPort customers;
  private final @Nullable OrderLookup orders;
  private final MailLinks links;
  private final MailTemplates templates;
  private final @Nullable WidgetTracking tracking;
  private final StatsRecorder stats;
  private final Clock clock;
  private final int maxItemsPerSlot;
  private final int maxBytes;

  /**
   * @param template the templates' name below {@code templates/} without extension ({@code
   *     smartlists/mail/block})
   * @param tracking impressions and the holdout, or null to record none
   */
  public SmartListsMail(
      SmartListsEngine engine,
      CustomerPort customers,
      @Nullable OrderLookup orders,
      MailLinks links,
      String template,
      @Nullable WidgetTracking tracking,
      StatsRecorder stats,
      Clock clock,
      int maxItemsPerSlot,
      int maxBytes) {
    this.engine = engine;
    this.customers = customers;
    this.orders = orders;
    this.links = links;
    this.templates = new MailTemplates(template);
    this.tracking = tracking;
    this.stats = stats;
    this.clock = clock;
    this.maxItemsPerSlot = Math.max(1, maxItemsPerSlot);
    this.maxBytes = maxBytes;
  }

  /** The links this service signs (for the click endpoint and the landing page). */
  public MailLinks links() {
    return links;
  }

  /** The send id of previews: their links lead where real ones do but count no click. */
  public static final String PREVIEW_SEND = "preview";

  /** The recipient's block; empty when there is nothing to recommend or anything fails. */
  public MailBlock render(MailRequest request) {
    return render(request, false);
  }

  /**
   * The block as the recipient would receive it, for the admin's preview: no impression, no
   * holdout, links that count nothing.
   */
  public MailBlock preview(MailRequest request) {
    return render(request, true);
  }

  private MailBlock render(MailRequest request, boolean preview) {
    String sendId =
        preview
            ? PREVIEW_SEND
            : request.sendId() != null ? request.sendId() : UUID.randomUUID().toString();
    // a guest's order: no customer, a visitor id of its own (the holdout splits guests by order)
    String customerId = request.guest() ? null : request.customerId();
    String visitorId =
        customerId != null
            ? NewsletterSegment.visitorId(customerId)
            : "mail:guest:" + (request.orderId() == null ? sendId : request.orderId());
    CustomerInfo customer = customerId == null ? null : customer(customerId);
    Locale locale =
        request.locale() != null
            ? request.locale()
            : customer != null ? customer.locale() : Locale.ENGLISH;
    String language = "fr".equals(locale.getLanguage()) ? "fr" : "en";
    Instant now = clock.instant();
    List<String> context = context(request);
    Widget widget;
    try {
      widget =
          engine.compose(
              new WidgetRequest(request.placement(), visitorId, customerId, context, now, false));
    } catch (RuntimeException e) {
      log.warn("Smart Lists e-mail block {} failed, leaving it out", request.placement(), e);
      widget = Widget.empty(request.placement(), Widget.Outcome.ERROR, 0);
    }
    widget = cap(widget, new HashSet<>(context), maxItemsPerSlot);
    String stage = widget.stage() == null ? "UNKNOWN" : widget.stage().stage().name();
    MailToken landing =
        MailToken.landing(
            request.placement().name(), stage, request.customerId(), sendId, now.getEpochSecond());
    String landingUrl = links.landingUrl(landing);
    if (widget.isEmpty()) {
      if (!preview) {
        stats.empty(request.placement(), "no-candidates");
      }
      return empty(request, widget, language, sendId, landingUrl);
    }
    MailBlock block;
    while (true) {
      block = build(widget, locale, language, request, stage, sendId, now, landingUrl);
      if (block.html().getBytes(StandardCharsets.UTF_8).length <= maxBytes || widget.isEmpty()) {
        break;
      }
      widget = dropLastItem(widget);
    }
    if (widget.isEmpty()) {
      return empty(request, widget, language, sendId, landingUrl);
    }
    if (preview) {
      return block;
    }
    if (tracking != null) {
      // the impression of both arms is recorded; the holdout's e-mail goes without the block
      if (tracking.shown(widget, visitorId, customerId).withheld()) {
        return empty(request, widget, language, sendId, landingUrl);
      }
    }
    stats.impression(widget);
    return block;
  }

  private MailBlock empty(
      MailRequest request, Widget widget, String language, String sendId, String landingUrl) {
    return new MailBlock(
        request.placement().name(),
        widget.stage() == null ? null : widget.stage().stage().name(),
        language,
        sendId,
        "",
        "",
        "",
        "",
        landingUrl,
        List.of());
  }

  private MailBlock build(
      Widget widget,
      Locale locale,
      String language,
      MailRequest request,
      String stage,
      String sendId,
      Instant now,
      String landingUrl) {
    List<String> values = new ArrayList<>();
    StringBuilder shape = new StringBuilder(language).append('|');
    Map<String, Object> model = new HashMap<>();
    List<Map<String, Object>> slotModels = new ArrayList<>();
    List<MailBlock.Slot> slots = new ArrayList<>();
    String firstName = null;
    List<String> titles = new ArrayList<>();
    Predicate<String> bought =
        request.guest() ? name -> false : new Bought(engine, request.customerId());
    for (Widget.Slot slot : widget.slots()) {
      String title = WidgetView.title(slot, language);
      titles.add(title);
      Map<String, Object> slotModel = new HashMap<>();
      slotModel.put("title", value(values, title));
      List<List<Map<String, Object>>> rows = new ArrayList<>();
      List<MailBlock.Item> items = new ArrayList<>();
      for (Widget.Item item : slot.items()) {
        ProductInfo p = item.product();
        if (firstName == null) {
          firstName = p.name();
        }
        int position = items.size();
        MailToken token =
            new MailToken(
                MailToken.CLICK,
                request.placement().name(),
                stage,
                slot.config().type().name(),
                slot.position(),
                position,
                p.id(),
                request.customerId(),
                sendId,
                now.getEpochSecond());
        String url = links.clickUrl(token);
        String image = p.imageUrl() == null ? null : links.absolute(p.imageUrl());
        String price = Texts.price(p.price(), p.currency(), locale);
        String reason = MailReasons.text(item.reason(), request.placement(), locale, bought);
        items.add(
            new MailBlock.Item(
                p.id(), p.name(), url, image, price, reason, item.list().name(), item.fallback()));
        Map<String, Object> itemModel = new HashMap<>();
        itemModel.put("name", value(values, p.name()));
        itemModel.put("url", value(values, url));
        itemModel.put("priceText", value(values, price));
        itemModel.put("reason", value(values, reason));
        // always present (null without an image): the template tests it
        itemModel.put("imageUrl", image == null ? null : value(values, image));
        shape.append(image != null ? 'i' : 'n');
        if (position % 2 == 0) {
          rows.add(new ArrayList<>(2));
        }
        rows.get(rows.size() - 1).add(itemModel);
      }
      shape.append(';');
      slotModel.put("rows", rows);
      slotModels.add(slotModel);
      slots.add(new MailBlock.Slot(slot.position(), slot.config().type().name(), title, items));
    }
    String subject = MailTexts.subject(request.placement(), language, firstName);
    String preheader = String.join(" · ", titles);
    model.put("lang", language);
    model.put("subject", value(values, subject));
    model.put("preheader", value(values, preheader));
    model.put("landingUrl", value(values, landingUrl));
    model.put("texts", MailTexts.texts(language));
    model.put("slots", slotModels);
    MailTemplates.Rendered rendered = templates.render(shape.toString(), model, values);
    return new MailBlock(
        request.placement().name(),
        stage,
        language,
        sendId,
        subject,
        preheader,
        rendered.html(),
        rendered.text(),
        landingUrl,
        slots);
  }

  /**
   * Whether the recipient bought a product of this name: the names of their last {@value #NAMES}
   * distinct purchases, read once per block and only when a reason asks.
   */
  private static final class Bought implements Predicate<String> {
    static final int NAMES = 500;
    private final SmartListsEngine engine;
    private final String customerId;
    private @Nullable Set<String> names;

    Bought(SmartListsEngine engine, String customerId) {
      this.engine = engine;
      this.customerId = customerId;
    }

    @Override
    public boolean test(String name) {
      Set<String> n = names;
      if (n == null) {
        n = new HashSet<>();
        Signals signals = engine.signals();
        int[] products = signals.purchasedProducts(customerId);
        for (int i = 0; i < Math.min(products.length, NAMES); i++) {
          n.add(signals.productName(products[i]));
        }
        names = n;
      }
      return n.contains(name);
    }
  }

  private static String value(List<String> values, String value) {
    values.add(value);
    return MailTemplates.placeholder(values.size() - 1);
  }

  private List<String> context(MailRequest request) {
    if (!request.orderProductIds().isEmpty() || request.orderId() == null || orders == null) {
      return request.orderProductIds();
    }
    try {
      return List.copyOf(orders.productIds(request.orderId()));
    } catch (RuntimeException e) {
      log.warn("OrderLookup failed for order {}, composing without it", request.orderId(), e);
      return List.of();
    }
  }

  private @Nullable CustomerInfo customer(String customerId) {
    try {
      return customers.customer(customerId);
    } catch (RuntimeException e) {
      return null;
    }
  }

  /**
   * The widget without any product of the order (the engine excludes the context already; this is
   * the promise of the post-purchase e-mail, kept here too) and with at most {@code max} items per
   * slot; empty slots left out.
   */
  static Widget cap(Widget widget, Set<String> excluded, int max) {
    List<Widget.Slot> slots = new ArrayList<>();
    for (Widget.Slot slot : widget.slots()) {
      List<Widget.Item> items = new ArrayList<>();
      for (Widget.Item item : slot.items()) {
        if (items.size() < max && !excluded.contains(item.product().id())) {
          items.add(item);
        }
      }
      if (!items.isEmpty()) {
        slots.add(new Widget.Slot(slot.position(), slot.config(), items));
      }
    }
    return new Widget(
        widget.placement(),
        widget.stage(),
        slots,
        widget.outcome(),
        widget.dropped(),
        widget.configVersion());
  }

  private static Widget dropLastItem(Widget widget) {
    List<Widget.Slot> slots = new ArrayList<>(widget.slots());
    Widget.Slot last = slots.remove(slots.size() - 1);
    if (last.items().size() > 1) {
      slots.add(
          new Widget.Slot(
              last.position(), last.config(), last.items().subList(0, last.items().size() - 1)));
    }
    return new Widget(
        widget.placement(),
        widget.stage(),
        slots,
        widget.outcome(),
        widget.dropped(),
        widget.configVersion());
  }
}
