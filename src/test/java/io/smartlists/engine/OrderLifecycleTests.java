package io.smartlists.engine;

import static io.smartlists.engine.EngineTestData.line;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.smartlists.host.OrderCancelled;
import io.smartlists.host.OrderConfirmed;
import io.smartlists.host.OrderLine;
import io.smartlists.host.OrderReturned;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** {@code OrderCancelled} and {@code OrderReturned} take out of the signals what an order added. */
class OrderLifecycleTests {

  private static List<String> ids(Signals s, int[] products) {
    List<String> out = new ArrayList<>();
    for (int p : products) {
      out.add(s.productId(p));
    }
    return out;
  }

  private static EngineTestData store() {
    EngineTestData data = EngineTestData.create();
    data.category("shoes", "Shoes", null).category("boots", "Boots", "shoes");
    data.product("leader").in("boots").by("Acme");
    data.product("riser").in("boots").by("Acme");
    data.product("laces").in("shoes").by("Acme");
    data.order("a", 5, line("leader", 3));
    data.order("b", 5, line("riser", 1));
    return data;
  }

  @Test
  void aCancelledOrderLeavesBestsellersCoPurchaseAndTheCustomersHistory() {
    EngineTestData data = store();
    SignalsManager manager = data.signals();
    OrderConfirmed placed = data.placeOrder("v", "c", 0, line("riser", 5), line("laces", 1));
    manager.apply(placed);
    Signals s = manager.current();
    int riser = s.indexOf("riser");
    int laces = s.indexOf("laces");
    assertThat(ids(s, s.bestsellers())).startsWith("riser");
    assertThat(s.coPurchase().coCount(riser, laces)).isEqualTo(1);
    assertThat(s.orderCount("c")).isEqualTo(1);

    manager.apply(new OrderCancelled("", placed.order(), data.now()));

    assertThat(manager.current()).isSameAs(s); // incremental, no rebuild
    assertThat(ids(s, s.bestsellers())).containsExactly("leader", "riser");
    assertThat(ids(s, s.categoryBestsellers(s.categoryIndex("shoes"))))
        .containsExactly("leader", "riser");
    assertThat(ids(s, s.manufacturerBestsellers(s.manufacturerIndex("Acme"))))
        .containsExactly("leader", "riser");
    assertThat(s.bestsellerScore(laces)).isZero();
    assertThat(s.coPurchase().coCount(riser, laces)).isZero();
    assertThat(s.coPurchase().orderCount(laces)).isZero();
    assertThat(s.orderCount("c")).isZero();
    assertThat(s.hasBought("c", riser)).isFalse();

    // the same as a rebuild from a history that leaves the cancelled order out
    EngineTestData fresh = store();
    Signals rebuilt = fresh.signals().current();
    assertThat(s.bestsellerScore(riser)).isCloseTo(rebuilt.bestsellerScore(riser), within(1e-9));
    assertThat(ids(s, s.bestsellers())).isEqualTo(ids(rebuilt, rebuilt.bestsellers()));
  }

  @Test
  void returnedUnitsLeaveTheBestsellersAndTheHistory() {
    EngineTestData data = store();
    SignalsManager manager = data.signals();
    OrderConfirmed placed = data.placeOrder("v", "c", 0, line("riser", 5), line("laces", 1));
    manager.apply(placed);
    Signals s = manager.current();
    int riser = s.indexOf("riser");
    int laces = s.indexOf("laces");

    manager.apply(
        new OrderReturned(
            "v",
            placed.order(),
            List.of(
                new OrderLine("riser", 4, BigDecimal.TEN),
                new OrderLine("laces", 1, BigDecimal.TEN)),
            data.now()));

    // riser keeps 2 units (1 + 1 kept), below leader's 3
    assertThat(ids(s, s.bestsellers())).containsExactly("leader", "riser");
    assertThat(s.orderCount("c")).isEqualTo(1); // a return is not a cancellation
    assertThat(s.hasBought("c", riser)).isTrue();
    assertThat(s.purchases("c").quantity(s.purchases("c").indexOf(riser))).isEqualTo(1);
    // laces came back entirely: not "already bought", never reminded, no longer bought with riser
    assertThat(s.hasBought("c", laces)).isFalse();
    assertThat(s.purchasedProducts("c")).containsExactly(riser);
    assertThat(s.coPurchase().coCount(riser, laces)).isZero();
  }

  @Test
  void aCancellationDeliveredTwiceCountsOnce() {
    EngineTestData data = store();
    SignalsManager manager = data.signals();
    OrderConfirmed placed = data.placeOrder("v", "c", 0, line("leader", 1));
    manager.apply(placed);
    Signals s = manager.current();
    double before = s.bestsellerScore(s.indexOf("leader"));
    OrderCancelled cancel = new OrderCancelled("", placed.order(), data.now());

    manager.apply(cancel);
    manager.apply(cancel);

    assertThat(s.bestsellerScore(s.indexOf("leader"))).isCloseTo(before - 1, within(1e-9));
  }

  @Test
  void aCancellationOfAnOrderTheRebuildReadTakesItOut() {
    EngineTestData data = store();
    OrderConfirmed placed = data.placeOrder("v", "c", 1, line("riser", 5)); // in the history
    SignalsManager manager = data.signals();
    Signals s = manager.current();
    assertThat(ids(s, s.bestsellers())).containsExactly("riser", "leader");

    manager.apply(new OrderCancelled("", placed.order(), data.now()));

    assertThat(ids(s, s.bestsellers())).containsExactly("leader", "riser");
    assertThat(s.orderCount("c")).isZero();
  }
}
