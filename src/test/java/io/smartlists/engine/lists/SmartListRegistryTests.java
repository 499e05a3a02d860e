package io.smartlists.engine.lists;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.smartlists.engine.model.ListType;
import io.smartlists.engine.model.Reason;
import io.smartlists.engine.signals.Signals;
import org.junit.jupiter.api.Test;

/** Every list type of the catalogue has its strategy; a store can add or replace one. */
class SmartListRegistryTests {

  @Test
  void defaults_registerEveryListTypeOfTheCatalogue() {
    SmartListRegistry registry = SmartListRegistry.defaults();

    for (ListType type : ListType.values()) {
      assertThat(registry.find(type)).as(type.name()).isNotNull();
      assertThat(registry.get(type).type()).isEqualTo(type);
    }
  }

  @Test
  void register_replacesTheStrategyOfItsListType() {
    SmartList merchantsOwn =
        new SmartList() {
          @Override
          public ListType type() {
            return ListType.MANUAL_SELECTION;
          }

          @Override
          public void candidates(Signals signals, ListContext context, CandidateSink sink) {
            sink.offer(0, Reason.of("manual", 1));
          }
        };

    SmartListRegistry registry = SmartListRegistry.defaults().register(merchantsOwn);

    assertThat(registry.get(ListType.MANUAL_SELECTION)).isSameAs(merchantsOwn);
  }

  @Test
  void get_failsForAnUnregisteredListType() {
    assertThatThrownBy(() -> SmartListRegistry.empty().get(ListType.BESTSELLERS_CATALOG))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("BESTSELLERS_CATALOG");
    assertThat(SmartListRegistry.empty().find(ListType.BESTSELLERS_CATALOG)).isNull();
  }
}
