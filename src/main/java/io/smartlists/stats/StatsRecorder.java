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

  /** Records nothing. */
  StatsRecorder NONE = new StatsRecorder() {};
}
