package io.smartlists.bench;

import io.smartlists.engine.EngineListener;
import io.smartlists.engine.EngineSettings;
import io.smartlists.engine.SmartListsEngine;
import io.smartlists.engine.model.GlobalRules;
import io.smartlists.engine.model.JourneyStage;
import io.smartlists.engine.model.ListType;
import io.smartlists.engine.model.Placement;
import io.smartlists.engine.model.SlotConfig;
import io.smartlists.engine.model.SmartListsConfig;
import io.smartlists.engine.model.StageRules;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/** Builds the engine the benchmarks measure, over a {@link SyntheticStore}. */
final class BenchEngines {

  private BenchEngines() {}

  /** Rebuild batch size: orders read from the host port per call, as in {@link #cartEngine}. */
  static final int BATCH = 5_000;

  /**
   * The 3-slot cart widget of issue #3: smart cross-selling + two bestseller lists, in every
   * stage's cart cell. The baseline widget, one slot of catalogue bestsellers (a precomputed ranked
   * array served as is), sits in every stage's product-page cell of the same engine, so both are
   * measured over the same signals in the same run. The time budget is raised to 10 s so that a
   * slow outlier is measured, not cut off and counted as a fast empty widget.
   */
  static SmartListsEngine cartEngine(SyntheticStore store) {
    List<SlotConfig> slots =
        List.of(
            SlotConfig.of(ListType.SMART_CROSS_SELLING),
            SlotConfig.of(ListType.BESTSELLERS_CATALOG),
            SlotConfig.of(ListType.BESTSELLERS_MOST_REPRESENTED_PRODUCT_CATEGORY));
    List<SlotConfig> baseline = List.of(SlotConfig.of(ListType.BESTSELLERS_CATALOG));
    Map<JourneyStage, List<SlotConfig>> byStage = new EnumMap<>(JourneyStage.class);
    Map<JourneyStage, List<SlotConfig>> baselineByStage = new EnumMap<>(JourneyStage.class);
    for (JourneyStage stage : JourneyStage.values()) {
      byStage.put(stage, slots);
      baselineByStage.put(stage, baseline);
    }
    SmartListsConfig config =
        new SmartListsConfig(
            1,
            Map.of(Placement.CART, byStage, Placement.PRODUCT_PAGE, baselineByStage),
            StageRules.DEFAULT,
            GlobalRules.DEFAULT);
    return new SmartListsEngine(
        store,
        store,
        store,
        store,
        () -> config,
        new EngineSettings(Duration.ofSeconds(10), BATCH),
        EngineListener.NONE,
        Clock.fixed(SyntheticStore.NOW, ZoneOffset.UTC));
  }
}
