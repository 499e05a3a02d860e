package io.smartlists.site;

import io.smartlists.engine.model.Placement;
import jakarta.servlet.http.HttpServletRequest;
import java.io.StringWriter;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
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

  private final WidgetService widgets;

  WidgetAttributeProcessor(String dialectPrefix, WidgetService widgets) {
    // after th:if, th:each, th:with (300..600 in the standard dialect), before th:text (1300)
    super(
        TemplateMode.HTML, dialectPrefix, null, false, SmartListsDialect.WIDGET, true, 1100, true);
    this.widgets = widgets;
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
  private static String render(ITemplateContext context, WidgetView view) {
    Map<String, @Nullable Object> variables = new HashMap<>(8);
    variables.put(VARIABLE, view);
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
    context.getConfiguration().getTemplateManager().parseAndProcess(SPEC, nested, out);
    return out.toString();
  }
}
