package io.smartlists.stats;

import io.smartlists.engine.model.ListType;
import io.smartlists.engine.model.Placement;
import io.smartlists.engine.model.Widget;

/**
 * Where the storefront reports impressions and clicks. Implementations must be cheap and never
 * throw.
 */
public interface StatsRecorder {

  /** A non-empty widget was rendered. */
  default void impression(Widget widget) {}

  /** A shopper followed a recommended product's tracked link. */
  default void click(Placement placement, ListType list, int slotPosition, String productId) {}

  /**
   * A widget rendered empty, with why: {@code timeout}, {@code error}, {@code no-candidates}
   * (composed but nothing eligible), {@code rejected} (every composing thread busy: host ports
   * hanging). Every empty widget is reported once.
   */
  default void empty(Placement placement, String cause) {}

  /** Records nothing. */
  StatsRecorder NONE = new StatsRecorder() {};
}
