package io.smartlists.site;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.smartlists.engine.model.Placement;
import jakarta.servlet.http.HttpServletRequest;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.web.util.HtmlUtils;
import org.thymeleaf.TemplateSpec;
import org.thymeleaf.context.Context;
import org.thymeleaf.context.IContext;
import org.thymeleaf.context.ITemplateContext;
import org.thymeleaf.context.IWebContext;
import org.thymeleaf.context.WebContext;
import org.thymeleaf.engine.AttributeName;
import org.thymeleaf.model.IProcessableElementTag;
import org.thymeleaf.processor.element.AbstractAttributeTagProcessor;
import org.thymeleaf.processor.element.IElementTagStructureHandler;
import org.thymeleaf.templatemode.TemplateMode;

/**
 * {@code sl:widget="PLACEMENT"} with {@code sl:product} or {@code sl:products}: asks the {@link
 * WidgetService} and renders the template {@code smartlists/widget} (overridable by the store's
 * theme) into the host element; removes the element when the widget is empty.
 *
 * <p>Each item's card ({@code smartlists/card}, also overridable) is rendered once per distinct
 * content and locale and kept in a bounded cache: the key is the item with a fixed marker in place
 * of its tracked link (name, URL, image, price text, list, reason, fallback mark are all in it, so
 * a changed product or price is a new key and never a stale card) and the locale; the item's own
 * tracked link, HTML-escaped, replaces the marker. Rendering the widget then costs one Thymeleaf
 * pass over the slots instead of a dozen expressions per item.
 *
 * <p>The widget's whole fragment is cached the same way: the key is the {@link WidgetView} with a
 * positional marker in place of each item's tracked link (everything else the template can read is
 * in the key) and the locale; each marker is then replaced by that item's link, which carries the
 * impression's signed token. Shoppers who get the same widget (the same product page at the same
 * stage, most of the time) then cost no Thymeleaf pass at all: profiling the product page showed
 * the nested pass at about 30 % of the page's CPU. A theme's {@code widget.html} and {@code
 * card.html} must therefore depend on their variables only, not on the request or the session.
 */
final class WidgetAttributeProcessor extends AbstractAttributeTagProcessor {

  /** The fragment that renders a widget; a store theme overrides it by shipping the same name. */
  static final String TEMPLATE = "smartlists/widget";

  /** The fragment's variable holding the {@link WidgetView}. */
  static final String VARIABLE = "widget";

  /** Spring's variables a nested template needs for SpEL, {@code @{...}} and {@code #{...}}. */
  private static final String[] SPRING_VARIABLES = {
    "thymeleaf::EvaluationContext", "springRequestContext", "thymeleafRequestContext"
  };

  private static final Logger log = LoggerFactory.getLogger(WidgetAttributeProcessor.class);
  private static final TemplateSpec SPEC = new TemplateSpec(TEMPLATE, TemplateMode.HTML);

  /** One recommended product; a store theme overrides it by shipping the same name. */
  static final String CARD_TEMPLATE = "smartlists/card";

  /** Stands for the tracked link in a cached card; HTML escaping leaves it as it is. */
  static final String CLICK_MARKER = "sl-click-url-d41d8cd98f00";

  private static final TemplateSpec CARD_SPEC = new TemplateSpec(CARD_TEMPLATE, TemplateMode.HTML);

  private final WidgetService widgets;
  private final Cache<CardKey, String> cards;

  private final Cache<FrameKey, String> frames;

  private record CardKey(WidgetView.ItemView item, Locale locale) {}

  private record FrameKey(WidgetView view, Locale locale) {}

  /** The rendered fragments kept, weighed in characters (a 3-slot widget is about 10,000). */
  static final long FRAME_CACHE_CHARS = 8_000_000;

  WidgetAttributeProcessor(String dialectPrefix, WidgetService widgets) {
    this(dialectPrefix, widgets, 10_000);
  }

  WidgetAttributeProcessor(String dialectPrefix, WidgetService widgets, int cardCacheSize) {
    // after th:if, th:each, th:with (300..600 in the standard dialect), before th:text (1300)
    super(
        TemplateMode.HTML, dialectPrefix, null, false, SmartListsDialect.WIDGET, true, 1100, true);
    this.widgets = widgets;
    this.cards = Caffeine.newBuilder().maximumSize(cardCacheSize).build();
    this.frames =
        Caffeine.newBuilder()
            .maximumWeight(cardCacheSize == 0 ? 0 : FRAME_CACHE_CHARS)
            .<FrameKey, String>weigher((k, html) -> html.length())
            .build();
  }

  @Override
  protected void doProcess(
      ITemplateContext context,
      IProcessableElementTag tag,
      AttributeName attributeName,
      String attributeValue,
      IElementTagStructureHandler structureHandler) {
    String prefix = attributeName.getPrefix();
    String product = tag.getAttributeValue(prefix, SmartListsDialect.PRODUCT);
    String products = tag.getAttributeValue(prefix, SmartListsDialect.PRODUCTS);
    structureHandler.removeAttribute(prefix, SmartListsDialect.PRODUCT);
    structureHandler.removeAttribute(prefix, SmartListsDialect.PRODUCTS);

    HttpServletRequest request = Expressions.request(context);
    String html = null;
    if (request != null) {
      try {
        Placement placement = placement(context, attributeValue);
        List<String> ids =
            Expressions.ids(
                product != null
                    ? Expressions.evaluate(context, product)
                    : products != null ? Expressions.evaluate(context, products) : null);
        WidgetView view = widgets.widget(request, placement, ids, context.getLocale());
        if (!view.isEmpty()) {
          html = render(context, view);
        }
      } catch (RuntimeException e) {
        // a wrong attribute or a broken theme template: the page renders without the widget
        log.warn("sl:widget=\"{}\" could not be rendered", attributeValue, e);
      }
    }
    if (html == null || html.isBlank()) {
      structureHandler.removeElement();
    } else {
      structureHandler.setBody(html, false);
    }
  }

  private static Placement placement(ITemplateContext context, String value) {
    String name = value.trim();
    if (!name.startsWith("${") && !name.startsWith("*{") && !name.startsWith("'")) {
      return Placement.valueOf(name.toUpperCase(Locale.ROOT));
    }
    Object evaluated = Expressions.evaluate(context, value);
    if (evaluated instanceof Placement p) {
      return p;
    }
    return Placement.valueOf(String.valueOf(evaluated).trim().toUpperCase(Locale.ROOT));
  }

  /** Renders the widget fragment with the same engine, locale and (for web pages) exchange. */
  private String render(ITemplateContext context, WidgetView view) {
    List<WidgetView.SlotView> slots = view.slots();
    String[][] links = new String[slots.size()][];
    List<WidgetView.SlotView> marked = new ArrayList<>(slots.size());
    for (int s = 0; s < links.length; s++) {
      WidgetView.SlotView slot = slots.get(s);
      List<WidgetView.ItemView> items = slot.items();
      links[s] = new String[items.size()];
      List<WidgetView.ItemView> markedItems = new ArrayList<>(items.size());
      for (int i = 0; i < items.size(); i++) {
        links[s][i] = HtmlUtils.htmlEscape(items.get(i).clickUrl());
        markedItems.add(items.get(i).withClickUrl(CLICK_MARKER + "-" + s + "-" + i + "-"));
      }
      marked.add(new WidgetView.SlotView(slot.position(), slot.list(), slot.title(), markedItems));
    }
    // the stage's reason ("no order yet, 3 views") changes with every view: it is for the JSON
    // endpoint and the admin preview, the storefront fragment does not get it (else no two
    // impressions of a browsing shopper would share a cached fragment)
    WidgetView key =
        new WidgetView(
            view.placement(), view.stage(), null, view.outcome(), view.configVersion(), marked);
    String frame =
        frames.get(
            new FrameKey(key, context.getLocale()),
            k -> render(context, SPEC, VARIABLE, k.view(), cards(context, k.view())));
    return fill(frame, links);
  }

  /**
   * Replaces each positional marker {@code CLICK_MARKER-slot-item-} of a cached fragment by that
   * item's escaped tracked link, in one pass.
   */
  static String fill(String frame, String[][] links) {
    String prefix = CLICK_MARKER + "-";
    StringBuilder out = new StringBuilder(frame.length() + 256);
    int from = 0;
    int at;
    while ((at = frame.indexOf(prefix, from)) >= 0) {
      int s0 = at + prefix.length();
      int s1 = frame.indexOf('-', s0);
      int i1 = s1 < 0 ? -1 : frame.indexOf('-', s1 + 1);
      if (i1 < 0) {
        break;
      }
      out.append(frame, from, at);
      out.append(
          links[Integer.parseInt(frame, s0, s1, 10)][Integer.parseInt(frame, s1 + 1, i1, 10)]);
      from = i1 + 1;
    }
    return out.append(frame, from, frame.length()).toString();
  }

  /** The HTML of every item's card, by slot and item index. */
  private String[][] cards(ITemplateContext context, WidgetView view) {
    Locale locale = context.getLocale();
    List<WidgetView.SlotView> slots = view.slots();
    String[][] out = new String[slots.size()][];
    for (int s = 0; s < out.length; s++) {
      List<WidgetView.ItemView> items = slots.get(s).items();
      String[] html = new String[items.size()];
      for (int i = 0; i < html.length; i++) {
        WidgetView.ItemView item = items.get(i);
        String card =
            cards.get(
                new CardKey(item.withClickUrl(CLICK_MARKER), locale),
                k -> render(context, CARD_SPEC, "item", k.item(), null));
        html[i] = card.replace(CLICK_MARKER, HtmlUtils.htmlEscape(item.clickUrl()));
      }
      out[s] = html;
    }
    return out;
  }

  private static String render(
      ITemplateContext context,
      TemplateSpec spec,
      String variable,
      Object value,
      String @Nullable [][] cards) {
    Map<String, @Nullable Object> variables = new HashMap<>(8);
    variables.put(variable, value);
    if (cards != null) {
      variables.put("cards", cards);
    }
    for (String name : SPRING_VARIABLES) {
      if (context.containsVariable(name)) {
        variables.put(name, context.getVariable(name));
      }
    }
    IContext nested =
        context instanceof IWebContext web
            ? new WebContext(web.getExchange(), context.getLocale(), variables)
            : new Context(context.getLocale(), variables);
    StringWriter out = new StringWriter(2048);
    context.getConfiguration().getTemplateManager().parseAndProcess(spec, nested, out);
    return out.toString();
  }
}
