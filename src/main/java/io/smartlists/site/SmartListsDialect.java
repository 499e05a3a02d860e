package io.smartlists.site;

import java.util.Set;
import org.thymeleaf.dialect.AbstractProcessorDialect;
import org.thymeleaf.processor.IProcessor;
import org.thymeleaf.standard.StandardDialect;

/**
 * The {@code sl:} Thymeleaf dialect. Place a widget with
 *
 * <pre>{@code
 * <div sl:widget="PRODUCT_PAGE" sl:product="${product.id}"></div>
 * <div sl:widget="CART" sl:products="${cartProductIds}"></div>
 * <div sl:widget="ORDER_CONFIRMATION" sl:products="${orderProductIds}"></div>
 * }</pre>
 *
 * and record views (Broadleaf has no product-viewed event) with {@code
 * sl:track-view="${product.id}"} and {@code sl:track-category="${category.id}"} on any element of
 * the product or category page. The host element stays (with the store's classes) and receives the
 * widget markup; when the widget is empty the element is removed, so the page shows no empty box.
 */
public final class SmartListsDialect extends AbstractProcessorDialect {

  /** The dialect's name. */
  public static final String NAME = "Smart Lists";

  /** The attribute prefix: {@code sl:widget}, {@code sl:product}... */
  public static final String PREFIX = "sl";

  /**
   * Same as the standard dialect, so {@code th:if}, {@code th:each} and {@code th:with} run first.
   */
  public static final int PRECEDENCE = StandardDialect.PROCESSOR_PRECEDENCE;

  /**
   * {@code sl:widget="PRODUCT_PAGE|CART|ORDER_CONFIRMATION"}: renders the widget of that placement.
   */
  public static final String WIDGET = "widget";

  /** {@code sl:product="${product.id}"}: the product page's product (context of the widget). */
  public static final String PRODUCT = "product";

  /**
   * {@code sl:products="${ids}"}: the cart or order lines' product ids (a collection, array or
   * "a,b").
   */
  public static final String PRODUCTS = "products";

  /** {@code sl:track-view="${product.id}"}: records a {@code ProductViewed} for the visitor. */
  public static final String TRACK_VIEW = "track-view";

  /**
   * {@code sl:track-category="${category.id}"}: records a {@code CategoryViewed} for the visitor.
   */
  public static final String TRACK_CATEGORY = "track-category";

  private final WidgetService widgets;
  private final ViewTracker tracker;

  public SmartListsDialect(WidgetService widgets, ViewTracker tracker) {
    super(NAME, PREFIX, PRECEDENCE);
    this.widgets = widgets;
    this.tracker = tracker;
  }

  @Override
  public Set<IProcessor> getProcessors(String dialectPrefix) {
    return Set.of(
        new WidgetAttributeProcessor(dialectPrefix, widgets),
        new TrackAttributeProcessor(dialectPrefix, TRACK_VIEW, tracker),
        new TrackAttributeProcessor(dialectPrefix, TRACK_CATEGORY, tracker));
  }
}
