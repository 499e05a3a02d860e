package io.smartlists.bench;

import io.smartlists.engine.SmartListsEngine;
import io.smartlists.engine.model.Placement;
import io.smartlists.engine.model.Widget;
import io.smartlists.engine.model.WidgetRequest;
import io.smartlists.engine.signals.Signals;
import io.smartlists.engine.signals.copurchase.CoPurchaseIndex;
import io.smartlists.engine.signals.copurchase.Recommendations;
import io.smartlists.host.OrderConfirmed;
import io.smartlists.host.OrderRecord;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Prints a digest of what the engine outputs on a seeded mid-size {@link SyntheticStore} (20,000
 * products, 200,000 orders): every score, anchor and count of 2,000 co-purchase recommendations and
 * every item and reason of 2,000 cart widgets, after the rebuild and again after applying 20,000
 * more orders. A performance-only change must leave the digest unchanged (run it before and after):
 * {@code mvn -q -Pjmh test-compile exec:exec -Djmh.main=io.smartlists.bench.OutputDigest
 * -Djmh.args=}.
 */
public final class OutputDigest {

  private OutputDigest() {}

  public static void main(String[] args) {
    SyntheticStore store = new SyntheticStore(20_000, 20, 20, 1_000, 40_000, 200_000, 42L);
    SmartListsEngine engine = BenchEngines.cartEngine(store);
    engine.rebuild();
    long rebuilt = digest(engine, store);
    SplittableRandom rnd = new SplittableRandom(11);
    for (int i = 0; i < 20_000; i++) {
      OrderRecord o = store.order(rnd.nextInt(store.orderCount));
      OrderRecord fresh =
          new OrderRecord("N" + i, o.customerId(), SyntheticStore.NOW.plusSeconds(i), o.lines());
      engine.apply(new OrderConfirmed("visitor-" + i, fresh, fresh.placedAt()));
    }
    long applied = digest(engine, store);
    System.out.printf("digest after rebuild: %016x%n", rebuilt);
    System.out.printf("digest after 20,000 applied orders: %016x%n", applied);
  }

  static long digest(SmartListsEngine engine, SyntheticStore store) {
    Signals signals = engine.signals();
    CoPurchaseIndex index = signals.coPurchase();
    SplittableRandom rnd = new SplittableRandom(7);
    Recommendations top = new Recommendations(64);
    long h = 1;
    for (int r = 0; r < 2_000; r++) {
      int o = rnd.nextInt(store.orderCount);
      List<String> cart = store.orderProductIds(o);
      int[] context = new int[cart.size()];
      for (int i = 0; i < context.length; i++) {
        context[i] = signals.indexOf(cart.get(i));
      }
      String customer = store.orderCustomerId(o);
      int n = index.recommend(context, signals.purchasedProducts(customer), top);
      h = mix(h, n);
      for (int i = 0; i < n; i++) {
        h = mix(h, top.product(i));
        h = mix(h, Float.floatToRawIntBits(top.score(i)));
        h = mix(h, top.anchor(i));
        h = mix(h, top.togetherCount(i));
        h = mix(h, top.sameCustomerCount(i));
      }
      Widget w =
          engine.compose(
              new WidgetRequest(
                  Placement.CART, "visitor-" + o, customer, cart, SyntheticStore.NOW, false));
      h = mix(h, w.toString().hashCode());
    }
    return h;
  }

  private static long mix(long h, long v) {
    h = (h ^ v) * 0x9E3779B97F4A7C15L;
    return h ^ (h >>> 31);
  }
}
