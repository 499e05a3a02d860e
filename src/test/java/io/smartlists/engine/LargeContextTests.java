package io.smartlists.engine;

import static io.smartlists.engine.EngineTestData.line;
import static org.assertj.core.api.Assertions.assertThat;

import io.smartlists.engine.model.GlobalRules;
import io.smartlists.engine.model.JourneyStage;
import io.smartlists.engine.model.ListType;
import io.smartlists.engine.model.Placement;
import io.smartlists.engine.model.SlotConfig;
import io.smartlists.engine.model.SmartListsConfig;
import io.smartlists.engine.model.StageRules;
import io.smartlists.engine.model.Widget;
import io.smartlists.engine.model.WidgetRequest;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A large B2B cart or order: a context of more than 256 distinct products used to fail every widget
 * with an ArrayIndexOutOfBoundsException in the co-purchase scratch, and the widget rendered empty.
 */
class LargeContextTests {

  static final int PRODUCTS = 1_200;

  EngineTestData shop;
  SmartListsEngine engine;

  @BeforeEach
  void shop() {
    shop = EngineTestData.create();
    shop.category("tools", "Tools", null);
    for (int p = 0; p < PRODUCTS; p++) {
      shop.product("p" + p).name("Tool " + p).in("tools").by("Maker " + (p % 7));
    }
    // ordinary baskets: each product bought with its two neighbours, the low ids more often
    for (int o = 0; o < 3_000; o++) {
      int p = (o * 7) % PRODUCTS;
      shop.order(
          "c" + (o % 300), 1 + o % 60, "p" + p, "p" + (p + 1) % PRODUCTS, "p" + (p + 2) % PRODUCTS);
    }
    // the products outside the large cart and order sell best, so bestsellers remain to show
    for (int o = 0; o < 1_000; o++) {
      shop.order(
          "d" + (o % 100), 1 + o % 30, "p" + (1_000 + o % 200), "p" + (1_000 + (o + 1) % 200));
    }
    Map<JourneyStage, List<SlotConfig>> slots = new EnumMap<>(JourneyStage.class);
    for (JourneyStage stage : JourneyStage.values()) {
      slots.put(
          stage,
          List.of(
              new SlotConfig(
                  ListType.SMART_CROSS_SELLING,
                  Map.of(),
                  8,
                  8,
                  null,
                  List.of(),
                  List.of(),
                  List.of()),
              SlotConfig.of(ListType.BESTSELLERS_CATALOG)));
    }
    Map<Placement, Map<JourneyStage, List<SlotConfig>>> cells = new EnumMap<>(Placement.class);
    for (Placement placement : Placement.values()) {
      cells.put(placement, slots);
    }
    SmartListsConfig config =
        new SmartListsConfig(1, cells, StageRules.DEFAULT, GlobalRules.DEFAULT);
    engine =
        new SmartListsEngine(
            shop.catalog(),
            shop.orders(),
            shop.customers(),
            shop.eligibility(),
            () -> config,
            shop.settings(),
            EngineListener.NONE,
            shop.clock());
    engine.rebuild();
  }

  @Test
  void compose_cartOf1000Products_rendersTheFullWidget_issue10() {
    List<String> cart = new ArrayList<>();
    for (int p = 0; p < 1_000; p++) {
      cart.add("p" + p);
    }
    Widget w =
        engine.compose(new WidgetRequest(Placement.CART, "v1", "c1", cart, shop.now(), false));

    assertFull(w, cart);
  }

  @Test
  void compose_orderOf5000Lines_rendersTheFullWidget_issue10() {
    // a wholesale order: 5,000 lines over 1,000 distinct products, confirmed and then shown
    EngineTestData.LineSpec[] lines = new EngineTestData.LineSpec[5_000];
    List<String> orderLines = new ArrayList<>();
    for (int i = 0; i < lines.length; i++) {
      String id = "p" + (i * 13) % 1_000;
      lines[i] = line(id, 1);
      orderLines.add(id);
    }
    engine.apply(shop.placeOrder("v2", "w1", 0, lines));
    Widget w =
        engine.compose(
            new WidgetRequest(
                Placement.ORDER_CONFIRMATION, "v2", "w1", orderLines, shop.now(), false));

    assertFull(w, orderLines);
  }

  private static void assertFull(Widget w, List<String> context) {
    assertThat(w.outcome()).isEqualTo(Widget.Outcome.OK);
    assertThat(w.slots()).as(w.toString()).hasSize(2);
    assertThat(w.slots().get(0).config().type()).isEqualTo(ListType.SMART_CROSS_SELLING);
    assertThat(w.slots().get(0).items()).hasSize(8);
    assertThat(w.slots().get(1).items())
        .hasSize(SlotConfig.of(ListType.BESTSELLERS_CATALOG).maxItems());
    List<String> shown =
        w.slots().stream().flatMap(s -> s.items().stream()).map(i -> i.product().id()).toList();
    assertThat(shown).doesNotHaveDuplicates().doesNotContainAnyElementsOf(context);
  }
}
