package io.smartlists.site;

import jakarta.servlet.http.HttpServletRequest;
import org.thymeleaf.context.ITemplateContext;
import org.thymeleaf.engine.AttributeName;
import org.thymeleaf.model.IProcessableElementTag;
import org.thymeleaf.processor.element.AbstractAttributeTagProcessor;
import org.thymeleaf.processor.element.IElementTagStructureHandler;
import org.thymeleaf.templatemode.TemplateMode;

/**
 * {@code sl:track-view} and {@code sl:track-category}: record a view, leave the element as it is.
 */
final class TrackAttributeProcessor extends AbstractAttributeTagProcessor {

  private final ViewTracker tracker;
  private final boolean product;

  TrackAttributeProcessor(String dialectPrefix, String attribute, ViewTracker tracker) {
    // before sl:widget (1100): recorded even when it shares an element with an empty widget
    super(TemplateMode.HTML, dialectPrefix, null, false, attribute, true, 1050, true);
    this.tracker = tracker;
    this.product = SmartListsDialect.TRACK_VIEW.equals(attribute);
  }

  @Override
  protected void doProcess(
      ITemplateContext context,
      IProcessableElementTag tag,
      AttributeName attributeName,
      String attributeValue,
      IElementTagStructureHandler structureHandler) {
    HttpServletRequest request = Expressions.request(context);
    if (request == null) {
      return;
    }
    Object value = Expressions.evaluate(context, attributeValue);
    if (value == null) {
      return;
    }
    String id = value.toString();
    if (product) {
      tracker.productViewed(request, id);
    } else {
      tracker.categoryViewed(request, id);
    }
  }
}
