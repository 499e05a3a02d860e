package io.smartlists.engine.signals;

import io.smartlists.engine.model.GlobalRules;
import io.smartlists.host.CatalogPort;
import io.smartlists.host.CategoryInfo;
import io.smartlists.host.CategoryViewed;
import io.smartlists.host.CustomerLoggedIn;
import io.smartlists.host.OrderCancelled;
import io.smartlists.host.OrderConfirmed;
import io.smartlists.host.OrderHistoryPort;
import io.smartlists.host.OrderLine;
import io.smartlists.host.OrderRecord;
import io.smartlists.host.OrderReturned;
import io.smartlists.host.ProductChanged;
import io.smartlists.host.ProductInfo;
import io.smartlists.host.ProductViewed;
import io.smartlists.host.SmartListsEvent;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;

/**
 * Owns the engine's {@link Signals}: builds them from the host's order history, keeps them current
 * from the event log, and hands readers the current snapshot without ever making them wait.
 *
 * <ul>
 *   <li>{@link #current()} is one volatile read.
 *   <li>{@link #apply} is cheap: an order updates the bounded bestseller arrays of its products'
 *       scopes, the customer's history and the co-purchase index (single writer, under a lock
 *       readers never take); views update the visitor's browsing.
 *   <li>A cancellation ({@link OrderCancelled}) or a return ({@link OrderReturned}) takes what no
 *       longer stands of the order out of the same signals ({@link SignalsSnapshot#removeLines}),
 *       so that they agree with a rebuild from the host's history, which leaves it out. Each is
 *       applied once: a second delivery, a second cancellation or units returned beyond those
 *       bought take nothing more (the lines left of recent adjusted orders are remembered).
 *   <li>{@link #rebuild()} reads the whole history in batches into a new snapshot while readers and
 *       {@link #apply} keep using the old one; orders applied meanwhile are replayed into the new
 *       snapshot unless the rebuild already read them; then the new snapshot is swapped in.
 *       Browsing lives outside the snapshots and survives.
 * </ul>
 *
 * <p>Until the first rebuild, {@link #current()} holds the catalogue-free empty signals.
 *
 * <p>Between rebuilds, sales never leave the bestseller window (decay keeps them ranking below
 * newer sales), a product added or changed is known once {@link #refreshProduct} read it (a {@code
 * ProductChanged} event), categories added to the catalogue are unknown, and a change of the window
 * or half-life is not applied ({@link #rulesChanged()}): schedule a rebuild, daily is plenty.
 */
public final class SignalsManager {

  /** Recent order ids remembered to ignore an order delivered twice by the event log. */
  private static final int RECENT_ORDERS = 10_000;

  /** Anonymous browsing idle this long is forgotten at the next rebuild. */
  private static final long FORGET_VISITORS_AFTER_DAYS = 90;

  private final CatalogPort catalog;
  private final OrderHistoryPort orders;
  private final Supplier<GlobalRules> rules;
  private final int batchSize;
  private final Clock clock;
  private final BrowsingStore browsing;
  private final Object writeLock = new Object();
  private final Object rebuildLock = new Object();
  private final Map<String, Boolean> recentOrders = bounded();

  /**
   * The lines that still stand of orders cancelled or returned from (recent ones, guarded by
   * writeLock): a second cancellation, a return after a cancellation or more units returned than
   * bought take nothing more out.
   */
  private final Map<String, List<OrderLine>> standing = bounded();

  /** Recent returns, to ignore one delivered twice (the order id, time and lines identify it). */
  private final Map<OrderReturned, Boolean> recentReturns = bounded();

  private volatile SignalsSnapshot current;

  /** Order changes applied while a rebuild runs (guarded by writeLock), or null when none runs. */
  private @Nullable List<Pending> pending;

  /** A change applied to the signals while a rebuild runs, replayed into the rebuilt ones. */
  private sealed interface Pending permits Change, Refresh {}

  /**
   * An order applied: a confirmation ({@code before} null), or what stood before and stands after a
   * cancellation or return.
   */
  private record Change(OrderRecord order, @Nullable List<OrderLine> before, List<OrderLine> after)
      implements Pending {}

  /** A product refreshed from the catalogue. */
  private record Refresh(String productId) implements Pending {}

  private static <K, V> Map<K, V> bounded() {
    return new LinkedHashMap<>(1024, 0.75f, false) {
      @Override
      protected boolean removeEldestEntry(Map.Entry<K, V> eldest) {
        return size() > RECENT_ORDERS;
      }
    };
  }

  private int[] scratchProducts = new int[16];
  private int[] scratchQuantities = new int[16];

  public SignalsManager(
      CatalogPort catalog,
      OrderHistoryPort orders,
      Supplier<GlobalRules> rules,
      int batchSize,
      Clock clock) {
    this(catalog, orders, rules, batchSize, 100_000, Duration.ofDays(90), clock);
  }

  /**
   * @param browsingMaxEntries the most visitors (and, separately, customers) whose browsing is kept
   * @param browsingIdle browsing not added to for this long is forgotten
   */
  public SignalsManager(
      CatalogPort catalog,
      OrderHistoryPort orders,
      Supplier<GlobalRules> rules,
      int batchSize,
      long browsingMaxEntries,
      Duration browsingIdle,
      Clock clock) {
    this.catalog = catalog;
    this.orders = orders;
    this.rules = rules;
    this.batchSize = Math.max(1, batchSize);
    this.clock = clock;
    this.browsing = new BrowsingStore(browsingMaxEntries, browsingIdle, System::nanoTime);
    SignalsBuilder empty = new SignalsBuilder(null, rules.get(), clock.instant(), browsing);
    empty.readCatalog(List.of(), List.of());
    this.current = empty.build();
  }

  /** The current signals; never blocks. */
  public Signals current() {
    return current;
  }

  /** Visitors and customers whose recent browsing is in memory (bounded by the settings). */
  public long browsingEntries() {
    return browsing.size();
  }

  /** When the current signals were rebuilt (the manager's creation before the first rebuild). */
  public Instant builtAt() {
    return current.builtAt;
  }

  /**
   * True when the global rules changed since the current signals were built (bestseller window or
   * half-life): the ranks follow the new rules after the next {@link #rebuild()}.
   */
  public boolean rulesChanged() {
    GlobalRules now = rules.get();
    SignalsSnapshot s = current;
    return now.bestsellerWindowDays() != s.ranks.windowDays
        || Math.max(1, now.bestsellerHalfLifeDays()) * 86_400.0 != s.ranks.halfLifeSeconds;
  }

  /** Applies one event of the event log. Events about unknown products are ignored. */
  public void apply(SmartListsEvent event) {
    if (event instanceof ProductViewed v) {
      int p = current.indexOf(v.productId());
      if (p >= 0) {
        browsing.viewedProduct(v.visitorId(), v.customerId(), p, v.at().getEpochSecond());
      }
    } else if (event instanceof CategoryViewed v) {
      int c = current.categoryIndex(v.categoryId());
      if (c >= 0) {
        browsing.viewedCategory(v.visitorId(), v.customerId(), c, v.at().getEpochSecond());
      }
    } else if (event instanceof CustomerLoggedIn l) {
      browsing.login(l.visitorId(), l.customerId());
    } else if (event instanceof OrderConfirmed o) {
      applyOrder(o.order());
    } else if (event instanceof ProductChanged c) {
      refreshProduct(c.productId());
    } else if (event instanceof OrderCancelled c) {
      synchronized (writeLock) {
        adjust(c.order(), List.of());
      }
    } else if (event instanceof OrderReturned r) {
      synchronized (writeLock) {
        if (recentReturns.put(r, Boolean.TRUE) == null) { // else delivered twice
          List<OrderLine> before = standing.getOrDefault(r.order().orderId(), r.order().lines());
          adjust(r.order(), deduct(before, r.returnedLines()));
        }
      }
    }
    // CartChanged: the cart is the page's context (ListContext.contextProducts); nothing to learn.
  }

  /**
   * Reads one product from the host's catalogue ({@code CatalogPort.product}) and swaps in signals
   * that know it as it is now: added, changed (name, categories, manufacturer, availability: the
   * new arrivals and the bestsellers of its categories and manufacturer follow) or gone. A rebuild
   * running meanwhile refreshes it again in its new signals.
   *
   * @return false when only a rebuild can take the change: the product is filed in a category of
   *     the host's tree that the signals do not know yet (the tree is read at rebuilds)
   */
  public boolean refreshProduct(String productId) {
    ProductInfo info = catalog.product(productId);
    if (info != null && !current.catalogue.knowsCategoriesOf(info)) {
      for (CategoryInfo c : catalog.categories()) {
        if (info.categoryIds().contains(c.id()) && current.categoryIndex(c.id()) < 0) {
          return false; // a new category of the tree: only a rebuild reads the tree
        }
      } // else filed in categories the host's tree does not list: left out, as a rebuild does
    }
    synchronized (writeLock) {
      current = current.withProduct(productId, info);
      List<Pending> p = pending;
      if (p != null) {
        p.add(new Refresh(productId));
      }
      return true;
    }
  }

  /** Takes out of the signals what no longer stands of the order: all but {@code after}. */
  private void adjust(OrderRecord order, List<OrderLine> after) {
    List<OrderLine> before = standing.getOrDefault(order.orderId(), order.lines());
    if (before.equals(after)) {
      return; // cancelled before, or nothing of this return was left to take back
    }
    standing.put(order.orderId(), after);
    List<Pending> p = pending;
    if (p != null) {
      p.add(new Change(order, before, after));
    }
    current.removeLines(order, before, after);
  }

  /**
   * The lines left after returning these units: each returned unit comes off the first line of its
   * product that has one left (as {@code StandingOrders} and the host's history deduct them), and
   * lines with nothing left disappear.
   */
  static List<OrderLine> deduct(List<OrderLine> lines, List<OrderLine> returned) {
    Map<String, Integer> back = new LinkedHashMap<>();
    for (OrderLine r : returned) {
      back.merge(r.productId(), Math.max(0, r.quantity()), Integer::sum);
    }
    List<OrderLine> left = new ArrayList<>(lines.size());
    for (OrderLine line : lines) {
      int give = Math.min(line.quantity(), back.getOrDefault(line.productId(), 0));
      if (give > 0) {
        back.merge(line.productId(), -give, Integer::sum);
      }
      if (line.quantity() - give > 0) {
        left.add(
            give == 0
                ? line
                : new OrderLine(line.productId(), line.quantity() - give, line.unitPrice()));
      }
    }
    return List.copyOf(left);
  }

  private void applyOrder(OrderRecord order) {
    synchronized (writeLock) {
      if (recentOrders.put(order.orderId(), Boolean.TRUE) != null) {
        return; // delivered twice
      }
      List<Pending> p = pending;
      if (p != null) {
        p.add(new Change(order, null, order.lines()));
      }
      applyTo(current, order);
    }
  }

  /**
   * Forgets everything this node keeps in memory under the customer's id and these visitor ids:
   * their browsing and which purchase history is the customer's (erasure; the next rebuild reads
   * whatever the host's order history still holds).
   */
  public void forget(@Nullable String customerId, Collection<String> visitorIds) {
    synchronized (writeLock) {
      browsing.forget(customerId, visitorIds);
      if (customerId != null) {
        current.customers.forget(customerId);
      }
    }
  }

  /**
   * Forgets, like {@link #forget}, every customer and visitor whose id matches: an erasure that
   * reaches this node through the event log names them by salted hash only.
   */
  public void forgetMatching(Predicate<String> customerIds, Predicate<String> visitorIds) {
    synchronized (writeLock) {
      browsing.forgetMatching(customerIds, visitorIds);
      current.customers.forgetMatching(customerIds);
    }
  }

  private void applyTo(SignalsSnapshot snapshot, OrderRecord order) {
    int lines = order.lines().size();
    if (lines > scratchProducts.length) {
      scratchProducts = new int[lines];
      scratchQuantities = new int[lines];
    }
    snapshot.applyOrder(order, scratchProducts, scratchQuantities);
  }

  /**
   * Rebuilds every signal from the host's catalogue and order history, then swaps the new snapshot
   * in. Readers keep the old snapshot meanwhile. One rebuild runs at a time; a second caller waits
   * for the first to finish, then rebuilds again.
   *
   * @return the number of orders read from the host's order history
   */
  public int rebuild() {
    synchronized (rebuildLock) {
      synchronized (writeLock) {
        pending = new ArrayList<>();
      }
      try {
        Instant now = clock.instant();
        SignalsBuilder builder = new SignalsBuilder(current, rules.get(), now, browsing);
        builder.readCatalog(catalog.allProducts(), catalog.categories());
        String lastId = null;
        int read = 0;
        while (true) {
          List<OrderRecord> batch = orders.readBatchOrdersFromLastId(lastId, batchSize);
          if (batch.isEmpty()) {
            break;
          }
          for (OrderRecord order : batch) {
            builder.addOrder(order);
          }
          read += batch.size();
          String next = batch.get(batch.size() - 1).orderId();
          if (next.equals(lastId)) {
            throw new IllegalStateException(
                "the host returned a batch ending at order "
                    + next
                    + " twice; its order-id order is broken");
          }
          lastId = next;
        }
        SignalsSnapshot next = builder.build();
        synchronized (writeLock) {
          List<Pending> applied = pending;
          if (applied != null) {
            Set<String> replayed = new HashSet<>();
            for (Pending change : applied) {
              if (change instanceof Refresh r) {
                next = next.withProduct(r.productId(), catalog.product(r.productId()));
                continue;
              }
              Change c = (Change) change;
              String id = c.order().orderId();
              List<OrderLine> before = c.before();
              List<OrderLine> after = c.after();
              if (before == null) {
                if (!builder.seen(id)) {
                  applyTo(next, c.order());
                  replayed.add(id);
                }
              } else if (builder.seen(id) || replayed.contains(id)) {
                // the rebuild read the order before this change reached the host's history
                // (or it was confirmed meanwhile): take the change out of the new signals too
                next.removeLines(c.order(), before, after);
              }
            }
          }
          current = next;
        }
        browsing.forgetVisitorsIdleSince(
            now.getEpochSecond() - FORGET_VISITORS_AFTER_DAYS * 86_400);
        return read;
      } finally {
        synchronized (writeLock) {
          pending = null;
        }
      }
    }
  }
}
