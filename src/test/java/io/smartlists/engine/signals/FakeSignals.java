package io.smartlists.engine.signals;

import io.smartlists.engine.signals.copurchase.CoPurchaseIndex;
import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/** Signals with scripted purchase facts over products p0..p(n-1), for composition tests. */
public class FakeSignals implements Signals {
  public final int n;
  public final Map<String, Set<Integer>> boughtBy = new HashMap<>();
  public final Map<String, Integer> orders = new HashMap<>();
  public final Set<Integer> repeatBuy = new HashSet<>();

  public FakeSignals(int n) {
    this.n = n;
  }

  public void bought(String customer, int... products) {
    for (int p : products) {
      boughtBy.computeIfAbsent(customer, k -> new HashSet<>()).add(p);
    }
  }

  @Override
  public int indexOf(String productId) {
    return productId.startsWith("p") ? Integer.parseInt(productId.substring(1)) : -1;
  }

  @Override
  public String productId(int product) {
    return "p" + product;
  }

  @Override
  public int productCount() {
    return n;
  }

  @Override
  public int orderCount(@Nullable String customerId) {
    return customerId == null ? 0 : orders.getOrDefault(customerId, 0);
  }

  @Override
  public @Nullable Instant lastOrderAt(@Nullable String customerId) {
    return orderCount(customerId) > 0
        ? Instant.parse("2026-11-17T10:00:00Z") /* three days before ComposerTests.NOW */
        : null;
  }

  @Override
  public boolean hasBought(@Nullable String customerId, int product) {
    return customerId != null && boughtBy.getOrDefault(customerId, Set.of()).contains(product);
  }

  @Override
  public boolean isRepeatBuy(int product) {
    return repeatBuy.contains(product);
  }

  @Override
  public int browsingViews(String visitorId, @Nullable String customerId) {
    return 0;
  }

  @Override
  public int[] purchasedProducts(@Nullable String customerId) {
    return new int[0];
  }

  @Override
  public int[] recentProductViews(String visitorId, @Nullable String customerId) {
    return new int[0];
  }

  @Override
  public String productName(int product) {
    return "Product " + product;
  }

  @Override
  public CoPurchaseIndex coPurchase() {
    throw new UnsupportedOperationException("not used by composition");
  }
}
