package io.smartlists.engine.signals;

import io.smartlists.engine.signals.copurchase.CoPurchaseIndex;
import io.smartlists.host.OrderLine;
import io.smartlists.host.OrderRecord;
import java.time.Instant;
import java.util.Arrays;
import java.util.function.IntPredicate;
import org.jspecify.annotations.Nullable;

/**
 * The signals one rebuild produced, one component per signal, kept current by {@link #applyOrder}
 * (single writer, under {@link SignalsManager}'s write lock). Readers never lock: each component
 * publishes its own updates (see their class comments). Browsing lives outside the snapshots and
 * survives rebuilds.
 */
final class SignalsSnapshot implements Signals {

  static final long DAY = 86_400L;

  final CatalogueIndex catalogue;
  final BestsellerRanks ranks;
  final CustomerHistories customers;
  final RepurchaseIntervals repurchase;
  final CoPurchaseIndex coPurchase;
  final BrowsingStore browsing;
  final Instant builtAt;

  SignalsSnapshot(
      CatalogueIndex catalogue,
      BestsellerRanks ranks,
      CustomerHistories customers,
      RepurchaseIntervals repurchase,
      CoPurchaseIndex coPurchase,
      BrowsingStore browsing,
      Instant builtAt) {
    this.catalogue = catalogue;
    this.ranks = ranks;
    this.customers = customers;
    this.repurchase = repurchase;
    this.coPurchase = coPurchase;
    this.browsing = browsing;
    this.builtAt = builtAt;
  }

  /**
   * Applies one confirmed order to every signal it feeds: bestseller ranks, the customer's history
   * and repurchase gaps, co-purchases. Lines of unknown products are left out.
   */
  void applyOrder(OrderRecord order, int[] scratchProducts, int[] scratchQuantities) {
    long t = order.placedAt().getEpochSecond();
    boolean inWindow = ranks.inWindow(t);
    int n = 0;
    int[] ps = scratchProducts;
    int[] qs = scratchQuantities;
    for (OrderLine line : order.lines()) {
      Integer idx = catalogue.productIndex.get(line.productId());
      if (idx == null || line.quantity() <= 0) {
        continue;
      }
      int p = idx;
      int at = -1;
      for (int i = 0; i < n; i++) {
        if (ps[i] == p) {
          at = i;
          break;
        }
      }
      if (at < 0) {
        if (n == ps.length) {
          ps = Arrays.copyOf(ps, n * 2);
          qs = Arrays.copyOf(qs, n * 2);
        }
        ps[n] = p;
        qs[n] = line.quantity();
        n++;
      } else {
        qs[at] += line.quantity();
      }
      if (inWindow) {
        ranks.addRevenue(p, line.quantity() * line.unitPrice().doubleValue());
      }
    }
    if (n == 0) {
      return;
    }
    ranks.apply(ps, qs, n, t);
    int customer = customers.apply(order, ps, qs, n, t, repurchase);
    coPurchase.addOrder(Arrays.copyOf(ps, n), customer, t);
  }

  // =========================================================================================
  // Signals

  @Override
  public int indexOf(String productId) {
    return catalogue.indexOf(productId);
  }

  @Override
  public String productId(int product) {
    return catalogue.productIds[product];
  }

  @Override
  public int productCount() {
    return catalogue.productCount();
  }

  @Override
  public String productName(int product) {
    return catalogue.productNames[product];
  }

  @Override
  public int bestsellerWindowDays() {
    return ranks.windowDays;
  }

  @Override
  public int categoryIndex(String categoryId) {
    return catalogue.categoryIndexOf(categoryId);
  }

  @Override
  public int categoryCount() {
    return catalogue.categoryCount();
  }

  @Override
  public String categoryId(int category) {
    return catalogue.categoryIds[category];
  }

  @Override
  public String categoryName(int category) {
    return catalogue.categoryNames[category];
  }

  @Override
  public boolean isInCategory(int product, int ancestor) {
    return catalogue.isInCategory(product, ancestor);
  }

  @Override
  public int[] productCategories(int product) {
    return catalogue.productCategories[product];
  }

  @Override
  public int manufacturerIndex(String manufacturer) {
    return catalogue.manufacturerIndexOf(manufacturer);
  }

  @Override
  public String manufacturerName(int manufacturer) {
    return catalogue.manufacturerNames[manufacturer];
  }

  @Override
  public int productManufacturer(int product) {
    return catalogue.productManufacturer[product];
  }

  @Override
  public int[] bestsellers() {
    return ranks.catalogue();
  }

  @Override
  public int[] categoryBestsellers(int category) {
    return ranks.category(category);
  }

  @Override
  public int[] manufacturerBestsellers(int manufacturer) {
    return ranks.manufacturer(manufacturer);
  }

  @Override
  public double bestsellerScore(int product) {
    return ranks.score(product);
  }

  @Override
  public int[] newArrivals() {
    return catalogue.newArrivals;
  }

  @Override
  public long availableFromEpochSecond(int product) {
    return catalogue.availableFrom[product];
  }

  @Override
  public PurchaseHistory purchases(@Nullable String customerId) {
    return customers.of(customerId);
  }

  @Override
  public int orderCount(@Nullable String customerId) {
    return purchases(customerId).orderCount();
  }

  @Override
  public @Nullable Instant lastOrderAt(@Nullable String customerId) {
    PurchaseHistory h = purchases(customerId);
    return h.orderCount() == 0 ? null : Instant.ofEpochSecond(h.lastOrderEpochSecond());
  }

  @Override
  public boolean hasBought(@Nullable String customerId, int product) {
    return purchases(customerId).indexOf(product) >= 0;
  }

  @Override
  public IntPredicate boughtBy(@Nullable String customerId) {
    PurchaseHistory h = purchases(customerId);
    return h.size() == 0 ? product -> false : product -> h.indexOf(product) >= 0;
  }

  @Override
  public int[] purchasedProducts(@Nullable String customerId) {
    return purchases(customerId).productsCopy();
  }

  @Override
  public boolean isRepeatBuy(int product) {
    return repurchase.intervalDays(product) > 0;
  }

  @Override
  public int repurchaseIntervalDays(int product) {
    return repurchase.intervalDays(product);
  }

  @Override
  public Browsing browsing(String visitorId, @Nullable String customerId) {
    return browsing.get(visitorId, customerId);
  }

  @Override
  public int browsingViews(String visitorId, @Nullable String customerId) {
    return browsing(visitorId, customerId).totalViews();
  }

  @Override
  public int[] recentProductViews(String visitorId, @Nullable String customerId) {
    Browsing b = browsing(visitorId, customerId);
    int[] out = new int[b.productViewCount()];
    int n = 0;
    for (int i = 0; i < b.productViewCount(); i++) {
      int p = b.productView(i);
      boolean seen = false;
      for (int j = 0; j < n; j++) {
        if (out[j] == p) {
          seen = true;
          break;
        }
      }
      if (!seen) {
        out[n++] = p;
      }
    }
    return Arrays.copyOf(out, n);
  }

  @Override
  public CoPurchaseIndex coPurchase() {
    return coPurchase;
  }
}
