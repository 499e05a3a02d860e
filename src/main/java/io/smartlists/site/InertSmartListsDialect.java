package io.smartlists.site;

import java.util.Set;
import org.thymeleaf.context.ITemplateContext;
import org.thymeleaf.dialect.AbstractProcessorDialect;
import org.thymeleaf.engine.AttributeName;
import org.thymeleaf.model.IProcessableElementTag;
import org.thymeleaf.processor.IProcessor;
import org.thymeleaf.processor.element.AbstractAttributeTagProcessor;
import org.thymeleaf.processor.element.IElementTagStructureHandler;
import org.thymeleaf.templatemode.TemplateMode;

/**
 * The {@code sl:} dialect of a store with the module switched off ({@code
 * smartlists.enabled=false}): templates written for {@link SmartListsDialect} render as if every
 * widget were empty. An element with {@code sl:widget} is removed (as an empty widget's is), {@code
 * sl:product}, {@code sl:products}, {@code sl:track-view} and {@code sl:track-category} are dropped
 * from the markup; no expression of theirs is evaluated and nothing is recorded.
 */
public final class InertSmartListsDialect extends AbstractProcessorDialect {

  public InertSmartListsDialect() {
    super(SmartListsDialect.NAME, SmartListsDialect.PREFIX, SmartListsDialect.PRECEDENCE);
  }

  @Override
  public Set<IProcessor> getProcessors(String dialectPrefix) {
    return Set.of(
        new Inert(dialectPrefix, SmartListsDialect.WIDGET, true),
        new Inert(dialectPrefix, SmartListsDialect.PRODUCT, false),
        new Inert(dialectPrefix, SmartListsDialect.PRODUCTS, false),
        new Inert(dialectPrefix, SmartListsDialect.TRACK_VIEW, false),
        new Inert(dialectPrefix, SmartListsDialect.TRACK_CATEGORY, false));
  }

  /** Drops its attribute, and with {@code removeElement} the whole element. */
  private static final class Inert extends AbstractAttributeTagProcessor {

    private final boolean removeElement;

    Inert(String dialectPrefix, String attribute, boolean removeElement) {
      super(TemplateMode.HTML, dialectPrefix, null, false, attribute, true, 1000, true);
      this.removeElement = removeElement;
    }

    @Override
    protected void doProcess(
        ITemplateContext context,
        IProcessableElementTag tag,
        AttributeName attributeName,
        String attributeValue,
        IElementTagStructureHandler structureHandler) {
      if (removeElement) {
        structureHandler.removeElement();
      }
    }
  }
}
