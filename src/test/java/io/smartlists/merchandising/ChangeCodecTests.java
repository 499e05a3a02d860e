package io.smartlists.merchandising;

import static org.assertj.core.api.Assertions.assertThat;

import io.smartlists.engine.model.JourneyStage;
import io.smartlists.engine.model.ListType;
import io.smartlists.engine.model.Placement;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The typed history summary and its stored form, including rows written before it was typed. */
class ChangeCodecTests {

  @Test
  void decode_encode_everyChangeRoundTrips() {
    List<Change> changes = new ArrayList<>();
    changes.add(new Change.Seeded());
    changes.add(new Change.RulesChanged());
    changes.add(new Change.Restored(12_345));
    for (Change.SlotAction action : Change.SlotAction.values()) {
      for (ListType list : ListType.values()) {
        changes.add(
            new Change.SlotChanged(action, list, Placement.ORDER_CONFIRMATION, JourneyStage.B2B));
      }
    }

    for (Change change : changes) {
      assertThat(ChangeCodec.decode(ChangeCodec.encode(change))).isEqualTo(change);
    }
  }

  @Test
  void decode_summariesAsStoredBeforeTyping_readAsTheChangeTheyDescribe() {
    assertThat(ChangeCodec.decode("sl.history.seeded")).isEqualTo(new Change.Seeded());
    assertThat(ChangeCodec.decode("sl.history.rulesChanged")).isEqualTo(new Change.RulesChanged());
    assertThat(ChangeCodec.decode("sl.history.restored\tversion:7"))
        .isEqualTo(new Change.Restored(7));
    assertThat(
            ChangeCodec.decode(
                "sl.history.slotAdded\tlist:MANUAL_SELECTION\tplacement:CART\tstage:ACQUISITION"))
        .isEqualTo(
            new Change.SlotChanged(
                Change.SlotAction.ADDED,
                ListType.MANUAL_SELECTION,
                Placement.CART,
                JourneyStage.ACQUISITION));
  }

  @Test
  void encode_keepsTheStoredFormatOlderRowsUse() {
    assertThat(
            ChangeCodec.encode(
                new Change.SlotChanged(
                    Change.SlotAction.MOVED_UP,
                    ListType.SMART_CROSS_SELLING,
                    Placement.PRODUCT_PAGE,
                    JourneyStage.CONVERSION)))
        .isEqualTo(
            "sl.history.slotMovedUp\tlist:SMART_CROSS_SELLING\tplacement:PRODUCT_PAGE"
                + "\tstage:CONVERSION");
    assertThat(ChangeCodec.encode(new Change.Restored(3)))
        .isEqualTo("sl.history.restored\tversion:3");
  }

  @Test
  void decode_unknownKeyOrListOrMissingPart_isUnreadableNotAnError() {
    for (String stored :
        List.of(
            "sl.history.somethingNew\tlist:BESTSELLERS_CATALOG",
            "sl.history.slotAdded\tlist:NO_SUCH_LIST\tplacement:CART\tstage:B2B",
            "sl.history.slotRemoved\tlist:BESTSELLERS_CATALOG\tplacement:CART",
            "sl.history.restored\tversion:abc",
            "")) {
      assertThat(ChangeCodec.decode(stored)).isEqualTo(new Change.Unreadable(stored));
      assertThat(ChangeCodec.encode(new Change.Unreadable(stored))).isEqualTo(stored);
    }
  }
}
