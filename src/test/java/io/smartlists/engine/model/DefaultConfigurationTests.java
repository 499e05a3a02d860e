package io.smartlists.engine.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The shipped configuration follows DESIGN.md §4. */
class DefaultConfigurationTests {

  @Test
  void defaultCells_useOnlyListsRecommendedForTheirStageAndNeedingNoParameter() {
    SmartListsConfig config = DefaultConfiguration.create();
    for (Placement placement : Placement.values()) {
      for (JourneyStage stage : JourneyStage.values()) {
        List<SlotConfig> slots = config.slots(placement, stage);
        assertThat(slots).as("%s × %s", placement, stage).hasSize(3);
        for (SlotConfig slot : slots) {
          assertThat(DefaultConfiguration.recommended(stage)).contains(slot.type());
          assertThat(slot.type().param()).isEqualTo(ListType.Param.NONE);
          assertThat(slot.title("fr")).isNotEqualTo(slot.title("en"));
        }
      }
    }
  }

  @Test
  void acquisition_bestsellersFirstAndCrossSellingSparingly() {
    List<SlotConfig> slots = DefaultConfiguration.defaultSlots(JourneyStage.ACQUISITION);
    assertThat(slots.get(0).type()).isEqualTo(ListType.BESTSELLERS_CATALOG);
    assertThat(slots)
        .filteredOn(s -> s.type() == ListType.SMART_CROSS_SELLING)
        .singleElement()
        .satisfies(s -> assertThat(s.maxItems()).isEqualTo(4));
  }

  @Test
  void everyStage_hasAdviceAndAPaletteWithoutDuplicates() {
    for (JourneyStage stage : JourneyStage.values()) {
      assertThat(DefaultConfiguration.advice(stage)).isNotBlank();
      assertThat(DefaultConfiguration.recommended(stage)).doesNotHaveDuplicates().isNotEmpty();
    }
  }
}
