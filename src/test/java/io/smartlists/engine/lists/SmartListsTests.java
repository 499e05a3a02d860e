package io.smartlists.engine.lists;

import static io.smartlists.engine.EngineTestData.line;
import static org.assertj.core.api.Assertions.assertThat;

import io.smartlists.engine.EngineTestData;
import io.smartlists.engine.model.GlobalRules;
import io.smartlists.engine.model.ListType;
import io.smartlists.engine.model.Placement;
import io.smartlists.engine.model.SlotConfig;
import io.smartlists.engine.signals.Signals;
import io.smartlists.engine.signals.SignalsManager;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * One test per list type of DESIGN.md §3 (smart cross-selling has its own tests), on a small
 * shoe-and-hat shop where the right answer can be worked out by hand.
 */
class SmartListsTests {

  EngineTestData data;
  SignalsManager manager;

  /**
   * Shoes > Boots > Hiking, Shoes > Sneakers, Hats, Bags. Sales in the last days (units, so the
   * decay barely matters): trail 5, beanie 2, chelsea 1, cap 1, runner 3, court 4.
   */
  @BeforeEach
  void shop() {
    data = EngineTestData.create();
    data.category("shoes", "Shoes", null)
        .category("boots", "Boots", "shoes")
        .category("hiking", "Hiking boots", "boots")
        .category("sneakers", "Sneakers", "shoes")
        .category("hats", "Hats", null)
        .category("bags", "Bags", null);
    data.product("trail").name("Trail boot").in("hiking").by("Acme");
    data.product("chelsea").name("Chelsea boot").in("boots").by("Bolt");
    data.product("runner").name("Runner").in("sneakers").by("Acme");
    data.product("court").name("Court").in("sneakers").by("Bolt");
    data.product("beanie").name("Beanie").in("hats").by("Acme");
    data.product("cap").name("Cap").in("hats").by("Cozy");
    data.product("tote").name("Tote").in("bags").by("Cozy");
    data.order("s1", 1, line("trail", 5), line("beanie", 2), line("chelsea", 1));
    data.order("s2", 1, line("cap", 1), line("runner", 3), line("court", 4));
    manager = data.signals();
  }

  /** The candidates a list offers when the sink takes everything, as "id: English reason". */
  List<String> run(ListType type, ListContext context) {
    List<String> out = new ArrayList<>();
    SmartListRegistry.defaults()
        .get(type)
        .candidates(
            manager.current(),
            context,
            (p, reason) -> {
              out.add(manager.current().productId(p) + ": " + reason.text(Locale.ENGLISH));
              return true;
            });
    return out;
  }

  List<String> ids(ListType type, ListContext context) {
    List<String> out = new ArrayList<>();
    for (String s : run(type, context)) {
      out.add(s.substring(0, s.indexOf(':')));
    }
    return out;
  }

  ListContext context(
      String visitor, @Nullable String customer, SlotConfig slot, String... onPage) {
    Signals s = manager.current();
    int[] products = new int[onPage.length];
    for (int i = 0; i < onPage.length; i++) {
      products[i] = s.indexOf(onPage[i]);
    }
    return new ListContext(
        visitor,
        customer == null ? null : data.customer(customer),
        Placement.PRODUCT_PAGE,
        products,
        slot,
        data.rules(),
        data.now());
  }

  ListContext context(ListType type, String... onPage) {
    return context("v", null, SlotConfig.of(type), onPage);
  }

  static SlotConfig slot(
      ListType type, List<String> categories, List<String> manufacturers, List<String> products) {
    return new SlotConfig(type, Map.of(), 0, 8, null, categories, manufacturers, products);
  }

  // ---------------------------------------------------------------------------------------------

  @Test
  void bestsellersCatalog_ranksTheWholeCatalogue() {
    assertThat(run(ListType.BESTSELLERS_CATALOG, context(ListType.BESTSELLERS_CATALOG)))
        .containsExactly(
            "trail: #1 in the catalogue over 90 days",
            "court: #2 in the catalogue over 90 days",
            "runner: #3 in the catalogue over 90 days",
            "beanie: #4 in the catalogue over 90 days",
            "chelsea: #5 in the catalogue over 90 days",
            "cap: #6 in the catalogue over 90 days");
  }

  @Test
  void bestsellersCatalog_stopsWhenTheSinkHasEnough() {
    List<Integer> taken = new ArrayList<>();
    SmartListRegistry.defaults()
        .get(ListType.BESTSELLERS_CATALOG)
        .candidates(
            manager.current(),
            context(ListType.BESTSELLERS_CATALOG),
            (p, r) -> {
              taken.add(p);
              return taken.size() < 2;
            });

    assertThat(taken).hasSize(2);
  }

  @Test
  void bestsellersCategories_mergesTheMerchantsCategoriesIntoOneRanking() {
    // By score: trail 5, beanie 2, then cap and chelsea tie at 1: the category listed first wins.
    SlotConfig slot =
        slot(
            ListType.BESTSELLERS_CATEGORIES,
            List.of("hats", "unknown", "boots"),
            List.of(),
            List.of());

    assertThat(run(ListType.BESTSELLERS_CATEGORIES, context("v", null, slot)))
        .containsExactly(
            "trail: #1 in Boots over 90 days",
            "beanie: #1 in Hats over 90 days",
            "cap: #2 in Hats over 90 days",
            "chelsea: #2 in Boots over 90 days");
  }

  @Test
  void bestsellersManufacturers_ranksTheMerchantsBrands() {
    SlotConfig slot =
        slot(ListType.BESTSELLERS_MANUFACTURERS, List.of(), List.of("bolt"), List.of());

    assertThat(run(ListType.BESTSELLERS_MANUFACTURERS, context("v", null, slot)))
        .containsExactly("court: #1 from Bolt over 90 days", "chelsea: #2 from Bolt over 90 days");
  }

  @Test
  void bestsellersMostRepresentedCategory_weighsTheCustomersPurchasesByUnits() {
    // alice bought two different boots once each, but three beanies: Hats is her category.
    data.order("alice", 20, line("trail", 1), line("chelsea", 1));
    data.order("alice", 10, line("beanie", 3));
    manager.rebuild();

    ListContext ctx =
        context("v", "alice", SlotConfig.of(ListType.BESTSELLERS_MOST_REPRESENTED_CATEGORY));
    assertThat(run(ListType.BESTSELLERS_MOST_REPRESENTED_CATEGORY, ctx))
        .containsExactly(
            "beanie: #1 in Hats over 90 days, the category you buy most (3 items)",
            "cap: #2 in Hats over 90 days, the category you buy most (3 items)");
  }

  @Test
  void bestsellersMostRepresentedCategory_usesBrowsingWhenTheVisitorNeverBought() {
    manager.apply(data.viewedCategory("v", null, "hats", 3));
    manager.apply(data.viewedCategory("v", null, "sneakers", 2));
    manager.apply(data.viewedCategory("v", null, "sneakers", 1));

    assertThat(
            run(
                ListType.BESTSELLERS_MOST_REPRESENTED_CATEGORY,
                context(ListType.BESTSELLERS_MOST_REPRESENTED_CATEGORY)))
        .containsExactly(
            "court: #1 in Sneakers over 90 days, the category you viewed most (2 views)",
            "runner: #2 in Sneakers over 90 days, the category you viewed most (2 views)");
  }

  @Test
  void bestsellersMostRepresentedProductCategory_followsTheProductsOnThePage() {
    ListContext cart =
        context(
            ListType.BESTSELLERS_MOST_REPRESENTED_PRODUCT_CATEGORY, "beanie", "court", "runner");

    assertThat(run(ListType.BESTSELLERS_MOST_REPRESENTED_PRODUCT_CATEGORY, cart))
        .containsExactly(
            "court: #1 in Sneakers over 90 days, like 2 products on this page",
            "runner: #2 in Sneakers over 90 days, like 2 products on this page");
    assertThat(
            run(
                ListType.BESTSELLERS_MOST_REPRESENTED_PRODUCT_CATEGORY,
                context(ListType.BESTSELLERS_MOST_REPRESENTED_PRODUCT_CATEGORY)))
        .isEmpty();
  }

  @Test
  void bestsellersVisitedCategory_weighsCategoriesByViews() {
    // Boots' trail (5 units) outsells Hats' beanie (2), but Hats was viewed 3 times, Boots once.
    manager.apply(data.viewedCategory("v", null, "hats", 4));
    manager.apply(data.viewedCategory("v", null, "boots", 3));
    manager.apply(data.viewedCategory("v", null, "hats", 2));
    manager.apply(data.viewedCategory("v", null, "hats", 1));

    assertThat(
            run(
                ListType.BESTSELLERS_VISITED_CATEGORY,
                context(ListType.BESTSELLERS_VISITED_CATEGORY)))
        .containsExactly(
            "beanie: #1 in Hats over 90 days, you viewed Hats 3 times",
            "trail: #1 in Boots over 90 days, you viewed Boots once",
            "cap: #2 in Hats over 90 days, you viewed Hats 3 times",
            "chelsea: #2 in Boots over 90 days, you viewed Boots once");
  }

  @Test
  void bestsellersVisitedCategory_usesTheViewedProductsCategoriesWithoutCategoryViews() {
    manager.apply(data.viewed("v", null, "court", 1));

    assertThat(
            ids(
                ListType.BESTSELLERS_VISITED_CATEGORY,
                context(ListType.BESTSELLERS_VISITED_CATEGORY)))
        .containsExactly("court", "runner");
  }

  @Test
  void bestsellersLastViewedCategory_followsTheMostRecentCategoryPage() {
    manager.apply(data.viewedCategory("v", null, "sneakers", 3));
    manager.apply(data.viewedCategory("v", null, "hats", 1));
    manager.apply(data.viewedCategory("v", null, "sneakers", 2));

    assertThat(
            run(
                ListType.BESTSELLERS_LAST_VIEWED_CATEGORY,
                context(ListType.BESTSELLERS_LAST_VIEWED_CATEGORY)))
        .containsExactly(
            "beanie: #1 in Hats over 90 days, the category you viewed last",
            "cap: #2 in Hats over 90 days, the category you viewed last");
  }

  @Test
  void bestsellersCurrentOrLastViewedProductCategory_prefersTheProductOnThePage() {
    manager.apply(data.viewed("v", null, "beanie", 1));

    assertThat(
            run(
                ListType.BESTSELLERS_CURRENT_OR_LAST_VIEWED_PRODUCT_CATEGORY,
                context(ListType.BESTSELLERS_CURRENT_OR_LAST_VIEWED_PRODUCT_CATEGORY, "chelsea")))
        .containsExactly(
            "trail: #1 in Boots over 90 days, like Chelsea boot",
            "chelsea: #2 in Boots over 90 days, like Chelsea boot");
    assertThat(
            run(
                ListType.BESTSELLERS_CURRENT_OR_LAST_VIEWED_PRODUCT_CATEGORY,
                context(ListType.BESTSELLERS_CURRENT_OR_LAST_VIEWED_PRODUCT_CATEGORY)))
        .containsExactly(
            "beanie: #1 in Hats over 90 days, like Beanie you viewed last",
            "cap: #2 in Hats over 90 days, like Beanie you viewed last");
  }

  @Test
  void bestsellersVisitedManufacturer_weighsBrandsByProductViews() {
    manager.apply(data.viewed("v", null, "cap", 3));
    manager.apply(data.viewed("v", null, "tote", 2));
    manager.apply(data.viewed("v", null, "court", 1));

    // Cozy viewed twice: cap (1 unit) x 2 = 2; Bolt once: court 4, chelsea 1.
    assertThat(
            run(
                ListType.BESTSELLERS_VISITED_MANUFACTURER,
                context(ListType.BESTSELLERS_VISITED_MANUFACTURER)))
        .containsExactly(
            "court: #1 from Bolt over 90 days, you viewed a Bolt product once",
            "cap: #1 from Cozy over 90 days, you viewed Cozy products 2 times",
            "chelsea: #2 from Bolt over 90 days, you viewed a Bolt product once");
  }

  @Test
  void bestsellersVisitedManufacturer_joinsBrowsingBeforeSignIn() {
    manager.apply(data.viewed("v", null, "tote", 1));
    manager.apply(data.login("v", "bob"));

    assertThat(
            ids(
                ListType.BESTSELLERS_VISITED_MANUFACTURER,
                context(
                    "other-device",
                    "bob",
                    SlotConfig.of(ListType.BESTSELLERS_VISITED_MANUFACTURER))))
        .containsExactly("cap");
  }

  // ---------------------------------------------------------------------------------------------

  void arrivals() {
    data.product("fresh-cap").name("Fresh cap").in("hats").by("Cozy").availableDaysAgo(2);
    data.product("fresh-boot").name("Fresh boot").in("hiking").by("Acme").availableDaysAgo(10);
    data.product("today").in("bags").by("Cozy").availableDaysAgo(0.1);
    data.product("stale").in("hats").by("Cozy").availableDaysAgo(61); // older than 60 days
    data.product("announced").in("bags").by("Cozy").availableDaysAgo(-3); // not available yet
    manager.rebuild();
  }

  @Test
  void newArrivalsCatalog_listsTheNewestWithinTheMaximumAge() {
    arrivals();

    assertThat(run(ListType.NEW_ARRIVALS_CATALOG, context(ListType.NEW_ARRIVALS_CATALOG)))
        .containsExactly(
            "today: new today",
            "fresh-cap: new, added 2 days ago",
            "fresh-boot: new, added 10 days ago");
    data.product("yesterday").in("bags").availableDaysAgo(1.5);
    manager.rebuild();
    assertThat(run(ListType.NEW_ARRIVALS_CATALOG, context(ListType.NEW_ARRIVALS_CATALOG)))
        .contains("yesterday: new, added yesterday");
  }

  @Test
  void newArrivalsCatalog_honoursTheConfiguredMaximumAge() {
    arrivals();
    data.rules(new GlobalRules(90, 30, 5, true, false));

    assertThat(ids(ListType.NEW_ARRIVALS_CATALOG, context(ListType.NEW_ARRIVALS_CATALOG)))
        .containsExactly("today", "fresh-cap");
  }

  @Test
  void newArrivalsCategories_includeDescendantCategories() {
    arrivals();
    SlotConfig slot =
        slot(ListType.NEW_ARRIVALS_CATEGORIES, List.of("shoes", "bags"), List.of(), List.of());

    assertThat(run(ListType.NEW_ARRIVALS_CATEGORIES, context("v", null, slot)))
        .containsExactly("today: new in Bags today", "fresh-boot: new in Shoes, added 10 days ago");
  }

  @Test
  void newArrivalsManufacturers_listTheMerchantsBrands() {
    arrivals();
    SlotConfig slot =
        slot(ListType.NEW_ARRIVALS_MANUFACTURERS, List.of(), List.of("Cozy"), List.of());

    assertThat(run(ListType.NEW_ARRIVALS_MANUFACTURERS, context("v", null, slot)))
        .containsExactly(
            "today: new from Cozy today", "fresh-cap: new from Cozy, added 2 days ago");
  }

  // ---------------------------------------------------------------------------------------------

  @Test
  void orderProductReminders_rankTheMostOverdueFirstThenTheRestOfTheHistory() {
    data.product("coffee").name("Coffee").in("bags");
    data.product("filter").name("Filter").in("bags");
    data.product("tv").name("TV").in("bags");
    // Others re-buy coffee every 20 days and filters every 60.
    data.order("x", 70, "coffee", "filter");
    data.order("x", 50, "coffee");
    data.order("x", 10, "filter");
    // Alice: filters 45 days ago (0.75 of 60), coffee 30 days ago (1.5 of 20), a TV 5 days ago.
    // No repurchase interval for a TV or a cable (two orders of one day are no gap): after what
    // is due, the one she bought in more orders first, though longer ago.
    data.product("cable").name("Cable").in("bags");
    data.order("alice", 45, "filter");
    data.order("alice", 40, "cable");
    data.order("alice", 39.9, "cable");
    data.order("alice", 30, "coffee");
    data.order("alice", 5, "tv");
    manager.rebuild();

    ListContext ctx = context("v", "alice", SlotConfig.of(ListType.ORDER_PRODUCT_REMINDERS));
    assertThat(run(ListType.ORDER_PRODUCT_REMINDERS, ctx))
        .containsExactly(
            "coffee: last bought 30 days ago, usually re-ordered every 20 days",
            "filter: last bought 45 days ago, usually re-ordered every 60 days",
            "cable: you bought it in 2 orders, the last one 39 days ago",
            "tv: you bought it 5 days ago");
    assertThat(run(ListType.ORDER_PRODUCT_REMINDERS, context(ListType.ORDER_PRODUCT_REMINDERS)))
        .isEmpty();
  }

  @Test
  void orderProductReminders_whatTheCustomerBuysInMostOrdersBeatsAOneOffThatIsDue() {
    data.product("milk").name("Milk").in("bags");
    data.product("coffee").name("Coffee").in("bags");
    // Another customer re-buys coffee after 20 days and milk after 30.
    data.order("x", 90, "coffee", "milk");
    data.order("x", 70, "coffee");
    data.order("x", 60, "milk");
    // Bob bought milk in 4 orders, every 10 days (milk's median gap: 10), the last 3 days ago (0.3
    // due), coffee once 40 days ago (2 intervals: due). At the default weight being due counts as
    // one more order: 4.3 against 2, milk first (a due-first order put coffee first, and on a
    // sample of receipts such one-offs pushed what customers buy every week out of the top 10).
    data.order("bob", 40, "coffee");
    data.order("bob", 33, "milk");
    data.order("bob", 23, "milk");
    data.order("bob", 13, "milk");
    data.order("bob", 3, "milk");
    manager.rebuild();

    assertThat(manager.current().reminderSelection().dueWeight()).isEqualTo(1.0);
    assertThat(
            run(
                ListType.ORDER_PRODUCT_REMINDERS,
                context("v", "bob", SlotConfig.of(ListType.ORDER_PRODUCT_REMINDERS))))
        .containsExactly(
            "milk: last bought 3 days ago, usually re-ordered every 10 days",
            "coffee: last bought 40 days ago, usually re-ordered every 20 days");
  }

  @Test
  void manualSelection_keepsTheMerchantsOrderAndSkipsUnknownProducts() {
    SlotConfig slot =
        slot(
            ListType.MANUAL_SELECTION,
            List.of(),
            List.of(),
            List.of("tote", "gone", "cap", "trail"));

    assertThat(run(ListType.MANUAL_SELECTION, context("v", null, slot)))
        .containsExactly(
            "tote: picked by the merchant (position 1)",
            "cap: picked by the merchant (position 3)",
            "trail: picked by the merchant (position 4)");
  }

  @Test
  void reasons_readInFrench() {
    List<String> fr = new ArrayList<>();
    SmartListRegistry.defaults()
        .get(ListType.BESTSELLERS_CATALOG)
        .candidates(
            manager.current(),
            context(ListType.BESTSELLERS_CATALOG),
            (p, r) -> {
              fr.add(r.text(Locale.FRENCH));
              return false;
            });

    assertThat(fr).containsExactly("n°1 du catalogue sur 90 jours");
  }
}
