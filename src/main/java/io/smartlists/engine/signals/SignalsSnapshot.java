package io.smartlists.engine.signals;

import io.smartlists.engine.signals.copurchase.CoPurchaseIndex;
import io.smartlists.host.OrderLine;
import io.smartlists.host.OrderRecord;
import io.smartlists.host.ProductInfo;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
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

  /**
   * Takes what no longer stands of one order out of every signal it fed (a cancellation or a
   * return): {@code before} are the order's lines that stood until now, {@code after} those that
   * still stand (empty when cancelled or all returned). Bestsellers lose the units and revenue, the
   * customer's history the units (and the purchase, with its repurchase gaps, when no unit of the
   * product is left in the order; the order itself when nothing is left), co-purchase the products
   * with no unit left. Lines of unknown products are left out.
   */
  void removeLines(OrderRecord order, List<OrderLine> before, List<OrderLine> after) {
    int cap = before.size();
    int[] ps = new int[cap];
    int[] qb = new int[cap];
    int[] qa = new int[cap];
    double[] rev = new double[cap];
    int n = 0;
    for (OrderLine line : before) {
      Integer idx = catalogue.productIndex.get(line.productId());
      if (idx == null || line.quantity() <= 0) {
        continue;
      }
      int at = CatalogueIndex.indexOf(ps, n, idx);
      if (at < 0) {
        at = n++;
        ps[at] = idx;
      }
      qb[at] += line.quantity();
      rev[at] += line.quantity() * line.unitPrice().doubleValue();
    }
    for (OrderLine line : after) {
      Integer idx = catalogue.productIndex.get(line.productId());
      int at = idx == null ? -1 : CatalogueIndex.indexOf(ps, n, idx);
      if (at >= 0 && line.quantity() > 0) {
        qa[at] += line.quantity();
        rev[at] -= line.quantity() * line.unitPrice().doubleValue();
      }
    }
    int[] rp = new int[n];
    int[] rq = new int[n];
    double[] rr = new double[n];
    int[] gone = new int[n];
    int m = 0;
    int g = 0;
    for (int i = 0; i < n; i++) {
      if (qb[i] > qa[i]) {
        rp[m] = ps[i];
        rq[m] = qb[i] - qa[i];
        rr[m] = rev[i];
        m++;
      }
      if (qa[i] <= 0) {
        gone[g++] = ps[i];
      }
    }
    long t = order.placedAt().getEpochSecond();
    ranks.remove(rp, rq, rr, m, t);
    String customerId = order.customerId();
    if (customerId != null) {
      for (int i = 0; i < n; i++) {
        if (qb[i] > qa[i]) {
          customers.removeLine(customerId, ps[i], qb[i] - qa[i], t, qa[i] <= 0, repurchase);
        }
      }
      if (after.isEmpty()) {
        customers.removeOrder(customerId, t);
      }
    }
    if (g > 0) {
      coPurchase.removeFromOrder(Arrays.copyOf(ps, n), Arrays.copyOf(gone, g));
    }
  }

  /**
   * These signals with one product added or changed in the catalogue ({@code info}), or gone from
   * it (null): a new catalogue index (names, categories, manufacturer, new arrivals), the
   * bestseller ranks of the product's former and new scopes ranked again, room for a new product in
   * the repurchase intervals. Customer histories, co-purchase (which grows on the first order of a
   * new product) and browsing are shared with this snapshot.
   */
  SignalsSnapshot withProduct(String productId, @Nullable ProductInfo info) {
    CatalogueIndex changed = catalogue.withProduct(productId, info);
    if (changed == catalogue) {
      return this;
    }
    int p = changed.indexOf(productId);
    return new SignalsSnapshot(
        changed,
        ranks.withCatalogue(changed, p),
        customers,
        repurchase.grownTo(changed.productCount()),
        coPurchase,
        browsing,
        builtAt);
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
  public ReminderSelection reminderSelection() {
    return customers.reminders();
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
