package io.smartlists.engine;

import static io.smartlists.engine.EngineTestData.line;
import static org.assertj.core.api.Assertions.assertThat;

import io.smartlists.engine.compose.ComposerTests;
import io.smartlists.engine.model.DefaultConfiguration;
import io.smartlists.engine.model.GlobalRules;
import io.smartlists.engine.model.JourneyStage;
import io.smartlists.engine.model.ListType;
import io.smartlists.engine.model.Placement;
import io.smartlists.engine.model.SlotConfig;
import io.smartlists.engine.model.SmartListsConfig;
import io.smartlists.engine.model.StageDecision;
import io.smartlists.engine.model.StageRules;
import io.smartlists.engine.model.Widget;
import io.smartlists.engine.model.WidgetRequest;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The engine end to end, through its facade, with the real signals and lists and the shipped
 * default configuration, on a small shoe shop whose right answers can be read off the history.
 */
class SmartListsEngineTests {

  EngineTestData shop;

  @BeforeEach
  void shop() {
    shop = EngineTestData.create();
    shop.category("shoes", "Shoes", null)
        .category("boots", "Boots", "shoes")
        .category("care", "Shoe care", null);
    shop.product("boots1").name("Leather boots").in("boots").by("Acme").availableDaysAgo(300);
    shop.product("boots2").name("Rain boots").in("boots").by("Acme").availableDaysAgo(300);
    shop.product("sneak").name("Sneakers").in("shoes").by("Zoom").availableDaysAgo(300);
    shop.product("sandal").name("Sandals").in("shoes").by("Zoom").availableDaysAgo(5);
    shop.product("polish").name("Polish").in("care").by("Shine").availableDaysAgo(300);
    shop.product("laces").name("Laces").in("care").by("Shine").availableDaysAgo(10);
    shop.product("brush").name("Brush").in("care").by("Shine").availableDaysAgo(300);
    shop.product("socks").name("Socks").in("care").by("Zoom").availableDaysAgo(300);
    shop.product("hidden").name("Hidden boots").in("boots").by("Acme").availableDaysAgo(2);
    shop.ineligible("hidden");
    // A history where "hidden" is the bestseller, so the gate has something to refuse.
    for (int i = 0; i < 12; i++) {
      shop.order("anon" + i, 20 + i, "hidden", "boots1");
    }
    for (int i = 0; i < 6; i++) {
      shop.order("walker" + i, 10 + i, "boots1", "polish");
      shop.order("runner" + i, 12 + i, "sneak", "socks");
    }
    shop.order("once", 30, "boots1", "polish");
    shop.order("regular", 90, "sneak");
    shop.order("regular", 40, "socks");
    shop.order("regular", 8, "sneak", "laces");
    shop.order("lapsed", 400, "brush");
    shop.order("lapsed", 250, "polish");
    shop.customer("pro", true);
  }

  SmartListsEngine engine(SmartListsConfig config) {
    return new SmartListsEngine(
        shop.catalog(),
        shop.orders(),
        shop.customers(),
        shop.eligibility(),
        () -> config,
        shop.settings(),
        EngineListener.NONE,
        shop.clock());
  }

  Widget compose(
      SmartListsEngine engine,
      Placement placement,
      String visitor,
      String customer,
      String... context) {
    return engine.compose(
        new WidgetRequest(placement, visitor, customer, List.of(context), shop.now(), true));
  }

  @Test
  void compose_eachStageGetsItsOwnCellOfTheDefaultConfiguration() {
    SmartListsEngine engine = engine(DefaultConfiguration.create());
    engine.rebuild();
    engine.apply(shop.viewed("browser", null, "boots1", 0.1));
    engine.apply(shop.viewed("browser", null, "boots2", 0.05));

    Map<String, JourneyStage> expected =
        Map.of(
            "first-visit", JourneyStage.ACQUISITION,
            "browser", JourneyStage.CONVERSION,
            "once", JourneyStage.RETENTION_FIRST_PURCHASE,
            "regular", JourneyStage.RETENTION_REPEAT,
            "lapsed", JourneyStage.REACTIVATION,
            "pro", JourneyStage.B2B);
    expected.forEach(
        (who, stage) -> {
          boolean customer = !who.equals("first-visit") && !who.equals("browser");
          Widget w = compose(engine, Placement.PRODUCT_PAGE, who, customer ? who : null, "sneak");
          assertThat(w.outcome()).as(who).isEqualTo(Widget.Outcome.OK);
          assertThat(w.stage().stage()).as(who).isEqualTo(stage);
          List<ListType> configured =
              DefaultConfiguration.defaultSlots(stage).stream().map(SlotConfig::type).toList();
          assertThat(w.slots()).as(who).isNotEmpty();
          assertThat(w.slots().get(0).config().type()).as(who).isEqualTo(configured.get(0));
        });
  }

  @Test
  void compose_neverShowsAnIneligibleProductNorAContextProduct() {
    SmartListsEngine engine = engine(DefaultConfiguration.create());
    engine.rebuild();
    for (Placement placement : Placement.values()) {
      for (String who : List.of("first-visit", "once", "regular", "lapsed", "pro")) {
        String customer = who.equals("first-visit") ? null : who;
        Widget w = compose(engine, placement, who, customer, "boots1");
        List<String> shown =
            w.slots().stream().flatMap(s -> s.items().stream()).map(i -> i.product().id()).toList();
        assertThat(shown)
            .as(placement + " " + who)
            .isNotEmpty()
            .doesNotContain("hidden", "boots1")
            .doesNotHaveDuplicates();
        assertThat(w.dropped())
            .as(placement + " " + who)
            .anySatisfy(d -> assertThat(d.productId()).isEqualTo("hidden"));
      }
    }
  }

  @Test
  void apply_aConfirmedOrderLiftsAProductInTheBestsellersWithoutARebuild() {
    SmartListsConfig bestsellers =
        ComposerTests.withRules(
            GlobalRules.DEFAULT,
            new SlotConfig(
                ListType.BESTSELLERS_CATALOG,
                Map.of(),
                1,
                3,
                null,
                List.of(),
                List.of(),
                List.of()));
    bestsellers =
        new SmartListsConfig(
            1,
            Map.of(Placement.PRODUCT_PAGE, bestsellers.cells().get(Placement.CART)),
            StageRules.DEFAULT,
            GlobalRules.DEFAULT);
    SmartListsEngine engine = engine(bestsellers);
    engine.rebuild();
    assertThat(ids(compose(engine, Placement.PRODUCT_PAGE, "v", null))).doesNotContain("brush");

    for (int i = 0; i < 20; i++) {
      engine.apply(shop.placeOrder("buyer" + i, "buyer" + i, 0.01, line("brush", 3)));
    }

    assertThat(ids(compose(engine, Placement.PRODUCT_PAGE, "v", null))).first().isEqualTo("brush");
  }

  @Test
  void resolveStage_explainsTheDecision() {
    SmartListsEngine engine = engine(DefaultConfiguration.create());
    engine.rebuild();
    StageDecision d = engine.resolveStage("v", "lapsed", shop.now());
    assertThat(d.stage()).isEqualTo(JourneyStage.REACTIVATION);
    assertThat(d.why().toString())
        .isEqualTo("2 orders, the last one 250 days ago (lapsed after 180 days)");
  }

  static List<String> ids(Widget w) {
    return w.slots().stream().flatMap(s -> s.items().stream()).map(i -> i.product().id()).toList();
  }
}
