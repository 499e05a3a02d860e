package io.smartlists.engine.lists;

import static org.assertj.core.api.Assertions.assertThat;

import io.smartlists.engine.EngineTestData;
import io.smartlists.engine.model.ListType;
import io.smartlists.engine.model.Placement;
import io.smartlists.engine.model.SlotConfig;
import io.smartlists.engine.signals.Signals;
import io.smartlists.engine.signals.SignalsManager;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** SMART_CROSS_SELLING through the engine's signals, on a small shop built in the test. */
class SmartCrossSellingListTests {

  EngineTestData data;
  SignalsManager manager;
  final SmartCrossSellingList list = new SmartCrossSellingList();

  @BeforeEach
  void shop() {
    data = EngineTestData.create();
    data.product("bread").name("Bread");
    data.product("boots").name("Leather boots");
    data.product("laces").name("Waxed laces");
    data.product("tent").name("Tent");
    data.product("pegs").name("Tent pegs");
    for (int i = 0; i < 5; i++) {
      data.order(null, 10 + i, "bread", "boots", "laces");
    }
    data.order(null, 20, "bread", "boots");
    for (int i = 0; i < 4; i++) {
      data.order(null, 30 + i, "bread", "tent", "pegs");
    }
    for (int i = 0; i < 10; i++) {
      data.order(null, 40 + i, "bread");
    }
    data.order("alice", 5, "tent");
    manager = data.signals();
  }

  List<String> run(String visitor, @Nullable String customer, String... onPage) {
    Signals s = manager.current();
    int[] products = new int[onPage.length];
    for (int i = 0; i < onPage.length; i++) {
      products[i] = s.indexOf(onPage[i]);
    }
    ListContext context =
        new ListContext(
            visitor,
            customer == null ? null : data.customer(customer),
            Placement.PRODUCT_PAGE,
            products,
            SlotConfig.of(ListType.SMART_CROSS_SELLING),
            data.rules(),
            data.now());
    List<String> out = new ArrayList<>();
    list.candidates(
        s,
        context,
        (product, reason) -> {
          out.add(s.productId(product) + ": " + reason.text(Locale.ENGLISH));
          return out.size() < 3;
        });
    return out;
  }

  @Test
  void candidates_productPageLeadsWithWhatIsBoughtWithIt() {
    assertThat(run("v", null, "boots"))
        .first()
        .isEqualTo("laces: bought with Leather boots in 5 orders");
  }

  @Test
  void candidates_neverTheContextItself() {
    assertThat(run("v", null, "tent", "pegs"))
        .noneMatch(s -> s.startsWith("tent:"))
        .noneMatch(s -> s.startsWith("pegs:"));
  }

  @Test
  void candidates_withoutContextUsesThePurchaseHistory() {
    // alice bought a tent: with no product on the page, pegs complete it
    assertThat(run("v-alice", "alice")).first().asString().startsWith("pegs: bought with Tent");
  }

  @Test
  void candidates_anonymousFirstVisitGetsBestsellers() {
    assertThat(run("new-visitor", null))
        .first()
        .asString()
        .startsWith("bread: no strong association yet: a bestseller, in 20 orders");
  }
}
