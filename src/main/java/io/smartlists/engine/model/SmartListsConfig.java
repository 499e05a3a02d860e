package io.smartlists.engine.model;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * The merchandising configuration: the slots of every (placement, stage) cell and the rules.
 *
 * @param version increases with every saved change (the admin's history)
 * @param cells the ordered slots per placement and stage; a missing cell renders nothing
 * @param stageRules stage thresholds
 * @param globalRules windows and exclusions
 */
public record SmartListsConfig(
    long version,
    Map<Placement, Map<JourneyStage, List<SlotConfig>>> cells,
    StageRules stageRules,
    GlobalRules globalRules) {

  public SmartListsConfig {
    Map<Placement, Map<JourneyStage, List<SlotConfig>>> copy = new EnumMap<>(Placement.class);
    cells.forEach(
        (p, byStage) -> {
          Map<JourneyStage, List<SlotConfig>> s = new EnumMap<>(JourneyStage.class);
          byStage.forEach((stage, slots) -> s.put(stage, List.copyOf(slots)));
          copy.put(p, s);
        });
    cells = copy;
  }

  /** The ordered slots of one cell, empty when none. */
  public List<SlotConfig> slots(Placement placement, JourneyStage stage) {
    Map<JourneyStage, List<SlotConfig>> byStage = cells.get(placement);
    if (byStage == null) {
      return List.of();
    }
    return byStage.getOrDefault(stage, List.of());
  }
}
