package io.smartlists.engine.signals;

import static io.smartlists.engine.EngineTestData.line;
import static org.assertj.core.api.Assertions.assertThat;

import io.smartlists.engine.EngineTestData;
import io.smartlists.host.OrderCancelled;
import io.smartlists.host.OrderConfirmed;
import io.smartlists.host.OrderHistoryPort;
import io.smartlists.host.OrderRecord;
import io.smartlists.host.OrderReturned;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

/**
 * Cancellations and returns adjust the signals as they arrive, and agree with a rebuild from the
 * host's history once it leaves the cancelled order and the returned units out.
 */
class OrderLifecycleSignalsTests {

  private static final List<String> CUSTOMERS = List.of("alice", "bob", "carol", "dave");

  /** A store with categories, brands, repeat purchases (repurchase gaps) and shared baskets. */
  private static EngineTestData store() {
    EngineTestData data = EngineTestData.create();
    data.category("shoes", "Shoes", null).category("socks", "Socks", null);
    data.products("shoes", "boots", "sandals", "laces");
    data.products("socks", "wool", "cotton");
    data.product("boots").by("Acme").price(90);
    data.product("laces").by("Acme").price(3);
    data.product("sandals").by("Bolt").price(40);
    data.product("wool").by("Bolt").price(12);
    data.product("cotton").price(7);
    return data;
  }

  private static List<String> ids(Signals s, int[] products) {
    List<String> out = new ArrayList<>();
    for (int p : products) {
      out.add(s.productId(p));
    }
    return out;
  }

  @Test
  void cancelsAndReturns_appliedIncrementallyAndTwice_giveTheRebuildsDigest() {
    EngineTestData data = store();
    OrderRecord o1 = data.order("alice", 60, line("boots", 1), line("laces", 2));
    OrderRecord o2 = data.order("alice", 30, line("laces", 1), line("wool", 1));
    data.order("alice", 10, line("laces", 3));
    OrderRecord o4 = data.order("bob", 40, line("boots", 1), line("sandals", 1), line("wool", 2));
    data.order("bob", 20, line("sandals", 2), line("cotton", 1));
    OrderRecord o6 = data.order(null, 15, line("boots", 2), line("laces", 1));
    data.order("carol", 5, line("wool", 1), line("cotton", 1), line("laces", 1));
    SignalsManager manager = data.signals();
    OrderConfirmed o8 = data.placeOrder("v1", "alice", 2, line("laces", 1), line("boots", 1));
    OrderConfirmed o9 = data.placeOrder("v2", "dave", 1, line("sandals", 3), line("cotton", 2));
    manager.apply(o8);
    manager.apply(o9);
    String before = SignalsDigest.of(manager.current(), CUSTOMERS);
    assertThat(before).isEqualTo(SignalsDigest.of(data.signals().current(), CUSTOMERS));

    List<io.smartlists.host.SmartListsEvent> events = new ArrayList<>();
    events.add(data.cancel(o2)); // alice's laces at 60, 30, 10, 2 days: the 30-day one goes
    events.add(data.returned(o4, line("wool", 1))); // one of bob's two wool
    events.add(data.returned(o4, line("wool", 5))); // more than is left: the last one
    events.add(data.returned(o8.order(), line("boots", 1))); // an order applied incrementally
    events.add(data.cancel(o9.order())); // dave's only order
    events.add(data.returned(o9.order(), line("sandals", 1))); // after the cancel: nothing left
    events.add(data.returned(o6, line("laces", 1))); // a guest's order
    events.add(data.returned(o1, line("laces", 1))); // one of alice's two first laces
    for (io.smartlists.host.SmartListsEvent e : events) {
      manager.apply(e);
      manager.apply(e); // the event log delivers at least once
    }

    Signals s = manager.current();
    String incremental = SignalsDigest.of(s, CUSTOMERS);
    assertThat(incremental).isNotEqualTo(before);
    assertThat(incremental).isEqualTo(SignalsDigest.of(data.signals().current(), CUSTOMERS));
    assertThat(s.orderCount("alice")).isEqualTo(3);
    assertThat(s.orderCount("dave")).isZero();
    assertThat(s.hasBought("dave", s.indexOf("sandals"))).isFalse();
    assertThat(s.hasBought("bob", s.indexOf("wool"))).isFalse();
    assertThat(s.coPurchase().coCount(s.indexOf("sandals"), s.indexOf("cotton"))).isEqualTo(1);
    assertThat(s.repurchaseIntervalDays(s.indexOf("laces"))).isEqualTo(29); // gaps 50 and 8
  }

  @Test
  void cancellation_dropsTheProductFromBestsellersAndTheCustomersReminders() {
    EngineTestData data = store();
    data.order("bob", 20, line("boots", 1));
    data.order("bob", 10, line("boots", 1));
    OrderRecord carol = data.order("carol", 3, line("sandals", 5));
    SignalsManager manager = data.signals();
    Signals s = manager.current();
    assertThat(ids(s, s.bestsellers())).containsExactly("sandals", "boots");

    OrderCancelled cancel = data.cancel(carol);
    manager.apply(cancel);
    OrderReturned back = data.returned(data.order("bob", 1, line("wool", 1)), line("wool", 1));
    manager.apply(back); // a return of an order the signals never had takes nothing out

    assertThat(ids(s, s.bestsellers())).containsExactly("boots");
    assertThat(s.categoryBestsellers(s.categoryIndex("shoes"))).containsExactly(s.indexOf("boots"));
    assertThat(s.manufacturerBestsellers(s.manufacturerIndex("Bolt"))).isEmpty();
    assertThat(s.purchasedProducts("carol")).isEmpty();
    assertThat(s.lastOrderAt("carol")).isNull();
    assertThat(s.repurchaseIntervalDays(s.indexOf("boots"))).isEqualTo(10);
  }

  @Test
  void fullTopList_aReturnLetsTheNextProductIn() {
    EngineTestData data = EngineTestData.create();
    int products = BestsellerRanks.TOP_N + 2;
    List<OrderRecord> orders = new ArrayList<>();
    for (int i = 0; i < products; i++) {
      String id = String.format(java.util.Locale.ROOT, "p%04d", i);
      data.products("all", id);
      orders.add(data.order("c" + i, 1, line(id, products - i))); // p0000 sells most
    }
    SignalsManager manager = data.signals();
    Signals s = manager.current();
    assertThat(s.bestsellers()).hasSize(BestsellerRanks.TOP_N).doesNotContain(s.indexOf("p0500"));

    manager.apply(data.returned(orders.get(0), line("p0000", products)));

    assertThat(s.bestsellers()).hasSize(BestsellerRanks.TOP_N).contains(s.indexOf("p0500"));
    assertThat(s.bestsellers()[0]).isEqualTo(s.indexOf("p0001"));
    assertThat(SignalsDigest.of(s, List.of()))
        .isEqualTo(SignalsDigest.of(data.signals().current(), List.of()));
  }

  @Test
  void cancellationDuringARebuild_reachesTheNewSignals() throws InterruptedException {
    EngineTestData data = store();
    OrderRecord early = data.order("alice", 10, line("boots", 1), line("laces", 1));
    data.order("bob", 5, line("sandals", 1));
    CountDownLatch reading = new CountDownLatch(1);
    CountDownLatch release = new CountDownLatch(1);
    OrderHistoryPort host = data.orders();
    List<OrderRecord> snapshot = new ArrayList<>();
    OrderHistoryPort slowHost =
        new OrderHistoryPort() {
          @Override
          public List<OrderRecord> readBatchOrdersFromLastId(
              @Nullable String lastOrderId, int batchSize) {
            if (lastOrderId == null) {
              // the rebuild reads the history as it stood before the events below
              snapshot.addAll(host.readBatchOrdersFromLastId(null, 1000));
              reading.countDown();
              try {
                release.await(10, TimeUnit.SECONDS);
              } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
              }
              return snapshot;
            }
            return List.of();
          }
        };
    SignalsManager manager =
        new SignalsManager(data.catalog(), slowHost, data::rules, 1000, data.clock());
    Thread rebuilder = new Thread(manager::rebuild);
    rebuilder.start();
    assertThat(reading.await(10, TimeUnit.SECONDS)).isTrue();
    OrderConfirmed late = data.placeOrder("v", "carol", 1, line("wool", 2));
    manager.apply(late); // confirmed during the rebuild, then cancelled: both replayed
    manager.apply(data.cancel(late.order()));
    manager.apply(data.cancel(early)); // the rebuild read it before it was cancelled
    release.countDown();
    rebuilder.join(10_000);

    Signals s = manager.current();
    assertThat(ids(s, s.bestsellers())).containsExactly("sandals");
    assertThat(s.orderCount("alice")).isZero();
    assertThat(s.orderCount("carol")).isZero();
    assertThat(SignalsDigest.of(s, CUSTOMERS))
        .isEqualTo(SignalsDigest.of(data.signals().current(), CUSTOMERS));
  }

  @Test
  void productChanged_refreshesOneProduct_andAgreesWithARebuild() {
    EngineTestData data = store();
    data.category("kids", "Kids", "shoes");
    data.product("sandals").availableDaysAgo(30);
    data.order("alice", 20, line("boots", 1), line("sandals", 2));
    data.order("bob", 10, line("sandals", 1), line("wool", 4));
    data.order("carol", 5, line("laces", 6));
    SignalsManager manager = data.signals();
    Signals before = manager.current();

    // moves shelf and brand, newly available
    data.product("sandals").name("Kids' sandals").by("Acme").availableDaysAgo(1);
    data.product("sandals").refiled("kids", "socks");
    assertThat(manager.refreshProduct("sandals")).isTrue();
    data.product("clogs").name("Clogs").in("kids").by("Nordic").availableDaysAgo(2); // new
    assertThat(manager.refreshProduct("clogs")).isTrue();
    data.remove("boots"); // gone from the catalogue
    assertThat(manager.refreshProduct("boots")).isTrue();
    assertThat(manager.refreshProduct("never-heard-of")).isTrue(); // nothing to do
    manager.apply(data.placeOrder("v", "dave", 1, line("clogs", 1), line("laces", 1)));

    Signals s = manager.current();
    assertThat(s).isNotSameAs(before);
    assertThat(before.indexOf("clogs")).as("readers keep the signals they hold").isNegative();
    assertThat(ids(s, s.newArrivals())).containsExactly("sandals", "clogs");
    assertThat(ids(s, s.categoryBestsellers(s.categoryIndex("socks"))))
        .containsExactly("wool", "sandals");
    assertThat(ids(s, s.manufacturerBestsellers(s.manufacturerIndex("Bolt"))))
        .containsExactly("wool");
    assertThat(s.productCategories(s.indexOf("boots"))).isEmpty();
    String incremental = SignalsDigest.of(s, CUSTOMERS);
    manager.rebuild(); // the nightly path: boots keeps its index and its sales, like above
    assertThat(incremental).isEqualTo(SignalsDigest.of(manager.current(), CUSTOMERS));
  }

  @Test
  void productChanged_intoANewCategoryOfTheTree_needsARebuild() {
    EngineTestData data = store();
    data.order("alice", 20, line("boots", 1));
    SignalsManager manager = data.signals();
    data.category("hats", "Hats", null);
    data.product("beanie").in("hats");

    assertThat(manager.refreshProduct("beanie")).isFalse();
    assertThat(manager.current().indexOf("beanie")).isNegative();
    manager.rebuild();
    assertThat(
            manager
                .current()
                .isInCategory(
                    manager.current().indexOf("beanie"), manager.current().categoryIndex("hats")))
        .isTrue();
  }
}
