package io.smartlists.engine.compose;

import static org.assertj.core.api.Assertions.assertThat;

import io.smartlists.engine.model.ListType;
import io.smartlists.engine.model.SlotConfig;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class FallbackChainTests {

  @Test
  void of_slotWithAnotherFallback_endsWithCatalogueBestsellers() {
    FallbackChain chain =
        FallbackChain.of(
            new SlotConfig(
                ListType.SMART_CROSS_SELLING,
                Map.of(),
                1,
                4,
                ListType.NEW_ARRIVALS_CATALOG,
                List.of(),
                List.of(),
                List.of()));
    assertThat(chain.primary()).isEqualTo(ListType.SMART_CROSS_SELLING);
    assertThat(chain.fallbacks())
        .containsExactly(ListType.NEW_ARRIVALS_CATALOG, ListType.BESTSELLERS_CATALOG);
  }

  @Test
  void of_catalogueBestsellersSlot_hasNoFallback() {
    assertThat(FallbackChain.of(SlotConfig.of(ListType.BESTSELLERS_CATALOG)).fallbacks()).isEmpty();
  }

  @Test
  void of_fallbackEqualToTheList_isSkipped() {
    FallbackChain chain =
        FallbackChain.of(
            new SlotConfig(
                ListType.MANUAL_SELECTION,
                Map.of(),
                1,
                4,
                ListType.MANUAL_SELECTION,
                List.of(),
                List.of(),
                List.of()));
    assertThat(chain.fallbacks()).isEqualTo(List.of(ListType.BESTSELLERS_CATALOG));
  }
}
