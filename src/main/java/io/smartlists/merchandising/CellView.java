package io.smartlists.merchandising;

import io.smartlists.engine.model.JourneyStage;
import io.smartlists.engine.model.Placement;
import io.smartlists.engine.model.SlotConfig;
import java.util.List;

/**
 * One cell of the journey matrix as stored now.
 *
 * @param placement the placement
 * @param stage the journey stage
 * @param version the optimistic-lock version an edit form sends back
 * @param slots the ordered slots
 */
public record CellView(
    Placement placement, JourneyStage stage, long version, List<SlotConfig> slots) {

  public CellView {
    slots = List.copyOf(slots);
  }
}
