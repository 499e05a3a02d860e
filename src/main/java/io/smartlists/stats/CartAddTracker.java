package io.smartlists.stats;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.smartlists.host.CartChanged;
import io.smartlists.host.OrderLine;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Turns the host's {@link CartChanged} events into add-to-carts of clicked products: when the
 * quantity of a product rises in a shopper's cart and the same visitor (or signed-in customer)
 * clicked that product in a widget within the window, one {@link CartAddRow} is recorded for that
 * click (the last one), once.
 *
 * <p>Per node and in memory (the last click per shopper and product, the last cart per visitor,
 * both expiring after the window): a cart lives in one session, which a load balancer keeps on one
 * node or shares. A node that restarted between the click and the add misses that add-to-cart;
 * orders and their attribution do not depend on it.
 */
public final class CartAddTracker {

  private final ShopperEventSink sink;
  private final Duration window;
  private final Cache<String, Map<String, ClickRow>> clicks;
  private final Cache<String, Map<String, Integer>> carts;

  public CartAddTracker(ShopperEventSink sink, Duration window) {
    this.sink = sink;
    this.window = window;
    this.clicks = Caffeine.newBuilder().expireAfterWrite(window).maximumSize(200_000).build();
    this.carts = Caffeine.newBuilder().expireAfterAccess(window).maximumSize(200_000).build();
  }

  /** Remembers an accepted click (a storefront or an e-mail link). */
  public void clicked(ClickRow click) {
    remember("v:" + click.visitorId(), click);
    if (click.customerId() != null) {
      remember("c:" + click.customerId(), click);
    }
  }

  private void remember(String shopper, ClickRow click) {
    clicks.get(shopper, k -> new ConcurrentHashMap<>()).put(click.click().productId(), click);
  }

  /** Compares the new cart with this visitor's previous one and records clicked products added. */
  public void cartChanged(CartChanged event) {
    try {
      Map<String, Integer> now = new HashMap<>();
      for (OrderLine line : event.lines()) {
        now.merge(line.productId(), line.quantity(), Integer::sum);
      }
      Map<String, Integer> before = carts.asMap().put(event.visitorId(), now);
      for (Map.Entry<String, Integer> e : now.entrySet()) {
        int added = e.getValue() - (before == null ? 0 : before.getOrDefault(e.getKey(), 0));
        if (added <= 0) {
          continue;
        }
        ClickRow click = lastClick(event, e.getKey());
        if (click != null) {
          sink.record(
              CartAddRow.TABLE,
              new CartAddRow(event.at(), click, added, event.visitorId(), event.customerId()));
          forget(click);
        }
      }
    } catch (RuntimeException e) {
      // statistics never break the store's cart
    }
  }

  private @org.jspecify.annotations.Nullable ClickRow lastClick(CartChanged event, String product) {
    ClickRow best = pick(null, "v:" + event.visitorId(), product);
    if (event.customerId() != null) {
      best = pick(best, "c:" + event.customerId(), product);
    }
    if (best == null
        || best.at().isAfter(event.at())
        || best.at().plus(window).isBefore(event.at())) {
      return null;
    }
    return best;
  }

  private @org.jspecify.annotations.Nullable ClickRow pick(
      @org.jspecify.annotations.Nullable ClickRow best, String shopper, String product) {
    Map<String, ClickRow> byProduct = clicks.getIfPresent(shopper);
    ClickRow c = byProduct == null ? null : byProduct.get(product);
    if (c == null) {
      return best;
    }
    return best == null || c.at().isAfter(best.at()) ? c : best;
  }

  private void forget(ClickRow click) {
    String product = click.click().productId();
    Map<String, ClickRow> v = clicks.getIfPresent("v:" + click.visitorId());
    if (v != null) {
      v.remove(product, click);
    }
    if (click.customerId() != null) {
      Map<String, ClickRow> c = clicks.getIfPresent("c:" + click.customerId());
      if (c != null) {
        c.remove(product, click);
      }
    }
  }
}
