package io.smartlists.engine.signals;

import static io.smartlists.engine.EngineTestData.line;
import static org.assertj.core.api.Assertions.assertThat;

import io.smartlists.engine.EngineTestData;
import io.smartlists.engine.model.GlobalRules;
import io.smartlists.engine.signals.copurchase.Recommendations;
import io.smartlists.host.OrderConfirmed;
import io.smartlists.host.OrderHistoryPort;
import io.smartlists.host.OrderRecord;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

/** The signal rules of DESIGN.md §3 and §6 on small stores where the right answer is known. */
class SignalsManagerTests {

  private static List<String> ids(Signals s, int[] products) {
    List<String> out = new ArrayList<>();
    for (int p : products) {
      out.add(s.productId(p));
    }
    return out;
  }

  @Test
  void bestsellers_recentSellerRanksAboveOldOneWithEqualUnits() {
    EngineTestData data = EngineTestData.create();
    data.products("shoes", "old", "recent");
    data.order("a", 80, line("old", 3));
    data.order("b", 2, line("recent", 3));

    Signals s = data.signals().current();

    assertThat(ids(s, s.bestsellers())).containsExactly("recent", "old");
  }

  @Test
  void crossSelling_theCataloguesNamesStandInForMissingOrderHistory() {
    // the store's signals feed name, category and brand to the co-purchase index's text
    // neighbourhood (EVALUATION.md: worth about +0.04 HR@10 on online retail)
    EngineTestData data = EngineTestData.create();
    data.category("outdoor", "Outdoor", null);
    data.products("outdoor", "boots", "laces", "socks", "mug");
    data.product("boots").name("Leather hiking boots");
    data.product("laces").name("Round laces");
    data.product("socks").name("Merino hiking socks"); // new: never sold
    data.product("mug").name("Enamel mug");
    data.order("a", 3, line("boots", 1), line("laces", 1));
    data.order("b", 2, line("mug", 1));

    Signals s = data.signals().current();
    Recommendations r = s.coPurchase().recommend(new int[] {s.indexOf("boots")}, new int[0], 5);
    int[] out = new int[r.size()];
    for (int i = 0; i < out.length; i++) {
      out[i] = r.product(i);
    }

    List<String> top = ids(s, out);
    assertThat(top).contains("laces", "socks");
    assertThat(top.indexOf("socks")).isLessThan(top.indexOf("mug") < 0 ? 5 : top.indexOf("mug"));
    assertThat(r.anchor(top.indexOf("socks"))).isEqualTo(s.indexOf("boots"));
  }

  @Test
  void bestsellers_decayLetsManyOldUnitsBeatFewRecentOnes() {
    EngineTestData data = EngineTestData.create(); // half-life 30 days
    data.products("shoes", "old", "recent");
    data.order("a", 30, line("old", 5)); // 5 units at half weight = 2.5
    data.order("b", 0, line("recent", 2)); // 2 units at full weight

    Signals s = data.signals().current();

    assertThat(ids(s, s.bestsellers())).containsExactly("old", "recent");
  }

  @Test
  void bestsellers_equalUnitsSameDayAreBrokenByRevenueThenRecency() {
    EngineTestData data = EngineTestData.create();
    data.products("shoes", "cheap", "dear");
    data.order("a", 5, line("cheap", 1, 10.0), line("dear", 1, 90.0));

    Signals s = data.signals().current();

    assertThat(ids(s, s.bestsellers())).containsExactly("dear", "cheap");
  }

  @Test
  void bestsellers_salesOlderThanTheWindowDoNotCount() {
    EngineTestData data = EngineTestData.create();
    data.products("shoes", "ancient", "fresh");
    data.order("a", 120, line("ancient", 50)); // window is 90 days
    data.order("b", 10, line("fresh", 1));

    Signals s = data.signals().current();

    assertThat(ids(s, s.bestsellers())).containsExactly("fresh");
  }

  @Test
  void bestsellers_followTheConfiguredWindowAndHalfLife() {
    EngineTestData data = EngineTestData.create();
    data.products("shoes", "steady", "hit");
    data.order("a", 20, line("steady", 4));
    data.order("b", 1, line("hit", 2));
    SignalsManager manager = data.signals(); // 90 days, half-life 30: 4 x 0.63 > 2 x 0.98
    assertThat(ids(manager.current(), manager.current().bestsellers()))
        .containsExactly("steady", "hit");

    data.rules(new GlobalRules(90, 2, 60, true, false)); // half-life 2 days: 4 x 0.001 < 2 x 0.71
    assertThat(manager.rulesChanged()).isTrue();
    manager.rebuild();
    assertThat(ids(manager.current(), manager.current().bestsellers()))
        .containsExactly("hit", "steady");

    data.rules(new GlobalRules(7, 2, 60, true, false)); // a week's window: steady's sale is out
    manager.rebuild();
    assertThat(ids(manager.current(), manager.current().bestsellers())).containsExactly("hit");
    assertThat(manager.current().bestsellerWindowDays()).isEqualTo(7);
    assertThat(manager.rulesChanged()).isFalse();
  }

  @Test
  void categoryBestsellers_includeDescendantCategories() {
    EngineTestData data = EngineTestData.create();
    data.category("shoes", "Shoes", null)
        .category("boots", "Boots", "shoes")
        .category("hiking", "Hiking boots", "boots")
        .category("hats", "Hats", null);
    data.product("trail").in("hiking");
    data.product("chelsea").in("boots");
    data.product("sneaker").in("shoes");
    data.product("beanie").in("hats");
    data.order("a", 3, line("trail", 5), line("chelsea", 3), line("sneaker", 1), line("beanie", 9));

    Signals s = data.signals().current();

    assertThat(ids(s, s.categoryBestsellers(s.categoryIndex("shoes"))))
        .containsExactly("trail", "chelsea", "sneaker");
    assertThat(ids(s, s.categoryBestsellers(s.categoryIndex("boots"))))
        .containsExactly("trail", "chelsea");
    assertThat(s.isInCategory(s.indexOf("trail"), s.categoryIndex("shoes"))).isTrue();
    assertThat(s.isInCategory(s.indexOf("beanie"), s.categoryIndex("shoes"))).isFalse();
  }

  @Test
  void manufacturerBestsellers_rankWithinTheBrandIgnoringCase() {
    EngineTestData data = EngineTestData.create();
    data.product("a1").in("x").by("Acme");
    data.product("a2").in("x").by("ACME ");
    data.product("b1").in("x").by("Bolt");
    data.order("c", 3, line("a1", 1), line("a2", 4), line("b1", 9));

    Signals s = data.signals().current();

    int acme = s.manufacturerIndex("acme");
    assertThat(ids(s, s.manufacturerBestsellers(acme))).containsExactly("a2", "a1");
    assertThat(s.manufacturerName(acme)).isEqualTo("Acme");
  }

  @Test
  void apply_orderConfirmedRaisesAProductInTheBestsellersWithoutRebuild() {
    EngineTestData data = EngineTestData.create();
    data.category("shoes", "Shoes", null).category("boots", "Boots", "shoes");
    data.product("leader").in("boots").by("Acme");
    data.product("riser").in("boots").by("Acme");
    data.order("a", 5, line("leader", 3));
    data.order("b", 5, line("riser", 1));
    SignalsManager manager = data.signals();
    Signals before = manager.current();
    assertThat(ids(before, before.bestsellers())).containsExactly("leader", "riser");

    manager.apply(data.placeOrder("v1", "c", 0, line("riser", 5)));

    Signals s = manager.current();
    assertThat(s).isSameAs(before); // no rebuild happened
    assertThat(ids(s, s.bestsellers())).containsExactly("riser", "leader");
    assertThat(ids(s, s.categoryBestsellers(s.categoryIndex("shoes"))))
        .containsExactly("riser", "leader");
    assertThat(ids(s, s.manufacturerBestsellers(s.manufacturerIndex("Acme"))))
        .containsExactly("riser", "leader");
    assertThat(s.orderCount("c")).isEqualTo(1);
    assertThat(s.hasBought("c", s.indexOf("riser"))).isTrue();
  }

  @Test
  void apply_aProductWithoutSalesEntersTheRanking() {
    EngineTestData data = EngineTestData.create();
    data.products("shoes", "sold", "unsold");
    data.order("a", 5, "sold");
    SignalsManager manager = data.signals();

    manager.apply(data.placeOrder("v", null, 0, line("unsold", 1)));

    Signals s = manager.current();
    assertThat(ids(s, s.bestsellers())).containsExactly("unsold", "sold");
  }

  @Test
  void apply_theSameOrderDeliveredTwiceCountsOnce() {
    EngineTestData data = EngineTestData.create();
    data.products("shoes", "p");
    SignalsManager manager = data.signals();
    OrderConfirmed event = data.placeOrder("v", "c", 1, line("p", 2));

    manager.apply(event);
    manager.apply(event);

    Signals s = manager.current();
    assertThat(s.orderCount("c")).isEqualTo(1);
    assertThat(s.purchases("c").quantity(0)).isEqualTo(2);
  }

  @Test
  void purchases_keepQuantitiesLastPurchaseAndOrders() {
    EngineTestData data = EngineTestData.create();
    data.products("x", "coffee", "mug", "filter");
    data.order("c", 40, line("coffee", 2), line("mug", 1));
    data.order("c", 10, line("coffee", 1), line("filter", 3));
    data.order("other", 1, "mug");

    Signals s = data.signals().current();

    PurchaseHistory h = s.purchases("c");
    assertThat(h.orderCount()).isEqualTo(2);
    assertThat(s.lastOrderAt("c")).isEqualTo(data.daysAgo(10));
    assertThat(ids(s, s.purchasedProducts("c")))
        .containsExactlyInAnyOrder("coffee", "filter", "mug")
        .endsWith("mug"); // most recently bought first
    int coffee = h.indexOf(s.indexOf("coffee"));
    assertThat(h.quantity(coffee)).isEqualTo(3);
    assertThat(h.lastBoughtEpochSecond(coffee)).isEqualTo(data.daysAgo(10).getEpochSecond());
    assertThat(s.orderCount("nobody")).isZero();
    assertThat(s.lastOrderAt(null)).isNull();
  }

  @Test
  void repurchaseInterval_isTheMedianGapAcrossCustomers() {
    EngineTestData data = EngineTestData.create();
    data.products("x", "coffee", "tv");
    // gaps: a 30, b 28 and 35, c 100 -> median of {28, 30, 35, 100} = 32.5 -> 33 (rounded)
    data.order("a", 60, "coffee");
    data.order("a", 30, "coffee", "tv");
    data.order("b", 93, "coffee");
    data.order("b", 65, "coffee");
    data.order("b", 30, "coffee");
    data.order("c", 110, "coffee");
    data.order("c", 10, "coffee");
    data.order("d", 5, "tv");

    Signals s = data.signals().current();

    assertThat(s.repurchaseIntervalDays(s.indexOf("coffee"))).isEqualTo(33);
    assertThat(s.isRepeatBuy(s.indexOf("coffee"))).isTrue();
    assertThat(s.repurchaseIntervalDays(s.indexOf("tv"))).isZero();
    assertThat(s.isRepeatBuy(s.indexOf("tv"))).isFalse();
  }

  @Test
  void repurchaseInterval_learnsFromAnOrderAppliedIncrementally() {
    EngineTestData data = EngineTestData.create();
    data.products("x", "tv");
    data.order("a", 50, "tv");
    SignalsManager manager = data.signals();
    assertThat(manager.current().isRepeatBuy(0)).isFalse();

    manager.apply(data.placeOrder("v", "a", 0, line("tv", 1)));

    assertThat(manager.current().repurchaseIntervalDays(manager.current().indexOf("tv")))
        .isEqualTo(50);
  }

  @Test
  void repurchaseInterval_staysTheMedianBeyondTheSampleKeptPerProduct() {
    EngineTestData data = EngineTestData.create();
    data.products("x", "soap");
    for (int c = 0; c < 400; c++) { // 400 gaps of 10 days: more than the sample keeps
      data.order("c" + c, 300, "soap");
      data.order("c" + c, 290, "soap");
    }
    SignalsManager manager = data.signals();
    int soap = manager.current().indexOf("soap");
    assertThat(manager.current().repurchaseIntervalDays(soap)).isEqualTo(10);

    for (int c = 0; c < 1_000; c++) { // then 1,000 gaps of 40 days: the median is now 40
      manager.apply(data.placeOrder("v", "d" + c, 100, line("soap", 1)));
      manager.apply(data.placeOrder("v", "d" + c, 60, line("soap", 1)));
    }

    assertThat(manager.current().repurchaseIntervalDays(soap)).isEqualTo(40);
  }

  @Test
  void apply_readersSeeWholeRankingsWhileOrdersArrive() throws Exception {
    EngineTestData data = EngineTestData.create();
    for (int i = 0; i < 800; i++) {
      data.product("p" + i).in(i % 2 == 0 ? "even" : "odd").by("m" + (i % 7));
    }
    SignalsManager manager = data.signals();
    List<OrderConfirmed> events = new ArrayList<>();
    java.util.SplittableRandom rnd = new java.util.SplittableRandom(7);
    for (int i = 0; i < 3_000; i++) {
      events.add(
          data.placeOrder(
              "v",
              "c" + rnd.nextInt(500),
              0,
              line("p" + rnd.nextInt(800), 1 + rnd.nextInt(3)),
              line("p" + rnd.nextInt(800), 1)));
    }
    Thread writer = new Thread(() -> events.forEach(manager::apply));
    List<String> problems = new ArrayList<>();
    writer.start();
    Signals s = manager.current();
    while (writer.isAlive()) {
      Thread.onSpinWait();
      for (int[] ranking :
          new int[][] {
            s.bestsellers(),
            s.categoryBestsellers(s.categoryIndex("even")),
            s.manufacturerBestsellers(s.manufacturerIndex("m3"))
          }) {
        java.util.Set<Integer> seen = new java.util.HashSet<>();
        for (int p : ranking) {
          if (!seen.add(p)) {
            problems.add("duplicate " + p);
          }
        }
        if (ranking.length > BestsellerRanks.TOP_N) {
          problems.add("too long: " + ranking.length);
        }
      }
    }
    writer.join();

    assertThat(problems).isEmpty();
    assertThat(s.bestsellers()).hasSize(BestsellerRanks.TOP_N);
    int[] top = s.bestsellers();
    for (int i = 1; i < top.length; i++) {
      assertThat(s.bestsellerScore(top[i - 1])).isGreaterThanOrEqualTo(s.bestsellerScore(top[i]));
    }
    for (int p : s.categoryBestsellers(s.categoryIndex("even"))) {
      assertThat(s.productId(p).substring(1)).matches(x -> Integer.parseInt(x) % 2 == 0, "even");
    }
  }

  @Test
  void repurchaseInterval_ignoresSameDayRepeats() {
    EngineTestData data = EngineTestData.create();
    data.products("x", "pen");
    data.order("a", 3, "pen");
    data.order("a", 2.8, "pen");

    Signals s = data.signals().current();

    assertThat(s.isRepeatBuy(s.indexOf("pen"))).isFalse();
  }

  @Test
  void browsing_beforeLoginCountsAfterCustomerLoggedIn() {
    EngineTestData data = EngineTestData.create();
    data.products("shoes", "p1", "p2", "p3");
    SignalsManager manager = data.signals();
    manager.apply(data.viewed("cookie-1", null, "p1", 0.3));
    manager.apply(data.viewedCategory("cookie-1", null, "shoes", 0.2));
    manager.apply(data.viewed("phone", "alice", "p2", 2)); // alice browsed earlier on her phone

    Signals s = manager.current();
    assertThat(s.browsingViews("other-cookie", "alice")).isEqualTo(1); // not joined yet
    assertThat(ids(s, s.recentProductViews("other-cookie", "alice"))).containsExactly("p2");

    manager.apply(data.login("cookie-1", "alice"));
    manager.apply(data.viewed("cookie-1", "alice", "p3", 0.1));

    assertThat(s.browsingViews("laptop", "alice")).isEqualTo(4);
    assertThat(ids(s, s.recentProductViews("laptop", "alice"))).containsExactly("p3", "p1", "p2");
    assertThat(s.browsing("laptop", "alice").categoryView(0)).isEqualTo(s.categoryIndex("shoes"));
    assertThat(s.browsingViews("cookie-1", null)).isZero(); // moved to the customer
  }

  @Test
  void browsing_keepsTheLastFiftyViews() {
    EngineTestData data = EngineTestData.create();
    for (int i = 0; i < 60; i++) {
      data.product("p" + i).in("x");
    }
    SignalsManager manager = data.signals();
    for (int i = 0; i < 60; i++) {
      manager.apply(data.viewed("v", null, "p" + i, 1 - i / 100.0));
    }

    Signals s = manager.current();
    assertThat(s.browsingViews("v", null)).isEqualTo(60);
    assertThat(s.recentProductViews("v", null)).hasSize(Browsing.LIMIT);
    assertThat(s.productId(s.recentProductViews("v", null)[0])).isEqualTo("p59");
  }

  @Test
  void rebuild_keepsBrowsingAndProductIndexes() {
    EngineTestData data = EngineTestData.create();
    data.products("x", "a", "b");
    SignalsManager manager = data.signals();
    manager.apply(data.viewed("v", null, "b", 1));
    data.product("new").in("x").availableDaysAgo(1);

    manager.rebuild();

    Signals s = manager.current();
    assertThat(s.indexOf("b")).isEqualTo(1);
    assertThat(ids(s, s.recentProductViews("v", null))).containsExactly("b");
    assertThat(s.indexOf("new")).isEqualTo(2);
  }

  @Test
  void rebuild_keepsTheIndexOfAProductGoneFromTheCatalogue() {
    EngineTestData data = EngineTestData.create();
    data.product("a").in("x").availableDaysAgo(3);
    data.product("b").in("x").availableDaysAgo(2);
    data.order("c", 1, "a", "b");
    SignalsManager manager = data.signals();
    manager.apply(data.viewed("v", null, "a", 0.5));

    data.remove("a");
    manager.rebuild();

    Signals s = manager.current();
    assertThat(s.indexOf("a")).isZero(); // browsing recorded with index 0 still means "a"
    assertThat(ids(s, s.recentProductViews("v", null))).containsExactly("a");
    assertThat(ids(s, s.newArrivals())).containsExactly("b");
    assertThat(s.productCategories(s.indexOf("a"))).isEmpty();
  }

  @Test
  void apply_ignoresViewsOfUnknownProductsAndCategories() {
    EngineTestData data = EngineTestData.create();
    data.products("x", "a");
    SignalsManager manager = data.signals();

    manager.apply(data.viewed("v", null, "not-in-catalogue", 1));
    manager.apply(data.viewedCategory("v", null, "no-such-aisle", 1));
    manager.apply(data.viewed("v", null, "a", 0.5));

    assertThat(manager.current().browsingViews("v", null)).isEqualTo(1);
  }

  @Test
  void rebuild_survivesACycleInTheHostsCategoryTree() {
    EngineTestData data = EngineTestData.create();
    data.category("a", "A", "b").category("b", "B", "a");
    data.product("p").in("a");
    data.order("c", 1, "p");

    Signals s = data.signals().current();

    assertThat(ids(s, s.categoryBestsellers(s.categoryIndex("b")))).containsExactly("p");
    assertThat(ids(s, s.categoryBestsellers(s.categoryIndex("a")))).containsExactly("p");
  }

  @Test
  void newArrivals_areOrderedByAvailabilityDateNewestFirst() {
    EngineTestData data = EngineTestData.create();
    data.product("older").in("x").availableDaysAgo(20);
    data.product("newest").in("x").availableDaysAgo(1);
    data.product("undated").in("x");
    data.product("middle").in("x").availableDaysAgo(5);

    Signals s = data.signals().current();

    assertThat(ids(s, s.newArrivals())).containsExactly("newest", "middle", "older");
  }

  @Test
  void rebuild_doesNotBlockReadersAndKeepsOrdersAppliedMeanwhile() throws Exception {
    EngineTestData data = EngineTestData.create();
    data.products("x", "a", "b", "c");
    data.order("u1", 5, line("a", 2));
    data.order("u2", 5, line("b", 1));
    CountDownLatch reading = new CountDownLatch(1);
    CountDownLatch release = new CountDownLatch(1);
    OrderHistoryPort host = data.orders();
    OrderHistoryPort slowHost =
        new OrderHistoryPort() {
          @Override
          public List<OrderRecord> readBatchOrdersFromLastId(
              @Nullable String lastOrderId, int batchSize) {
            if (lastOrderId == null) {
              reading.countDown();
              try {
                release.await(10, TimeUnit.SECONDS);
              } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
              }
            }
            return host.readBatchOrdersFromLastId(lastOrderId, batchSize);
          }
        };
    SignalsManager manager =
        new SignalsManager(
            data.catalog(),
            slowHost,
            data::rules,
            data.settings().rebuildBatchSize(),
            data.clock());
    Thread rebuilder = new Thread(manager::rebuild);
    rebuilder.start();
    assertThat(reading.await(10, TimeUnit.SECONDS)).isTrue();

    // The rebuild is stuck reading the host: readers and writers go on with the old snapshot.
    Signals during = manager.current();
    assertThat(during.productCount()).isZero();
    OrderConfirmed inHost = data.placeOrder("v", "u3", 0, line("c", 9));
    OrderRecord notInHost = data.newOrder("u4", 0, line("c", 1));
    manager.apply(inHost);
    manager.apply(new OrderConfirmed("v", notInHost, notInHost.placedAt()));
    assertThat(rebuilder.isAlive()).isTrue();

    release.countDown();
    rebuilder.join(10_000);

    Signals after = manager.current();
    assertThat(after).isNotSameAs(during);
    assertThat(ids(after, after.bestsellers())).containsExactly("c", "a", "b");
    assertThat(after.purchases("u3").quantity(0))
        .isEqualTo(9); // read from the host once, not twice
    assertThat(after.orderCount("u4")).isEqualTo(1); // replayed: the host did not have it
  }

  @Test
  void current_beforeTheFirstRebuildIsEmptyNotNull() {
    EngineTestData data = EngineTestData.create();
    data.products("x", "a");
    SignalsManager manager =
        new SignalsManager(
            data.catalog(),
            data.orders(),
            data::rules,
            data.settings().rebuildBatchSize(),
            data.clock());

    assertThat(manager.current().productCount()).isZero();
    assertThat(manager.current().bestsellers()).isEmpty();
    assertThat(manager.builtAt()).isEqualTo(Instant.parse("2026-06-01T12:00:00Z"));
  }
}
