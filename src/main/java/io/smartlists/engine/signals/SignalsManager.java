package io.smartlists.engine.signals;

import io.smartlists.engine.model.GlobalRules;
import io.smartlists.host.CatalogPort;
import io.smartlists.host.CategoryViewed;
import io.smartlists.host.CustomerLoggedIn;
import io.smartlists.host.OrderConfirmed;
import io.smartlists.host.OrderHistoryPort;
import io.smartlists.host.OrderRecord;
import io.smartlists.host.ProductViewed;
import io.smartlists.host.SmartListsEvent;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
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
 *   <li>{@link #rebuild()} reads the whole history in batches into a new snapshot while readers and
 *       {@link #apply} keep using the old one; orders applied meanwhile are replayed into the new
 *       snapshot unless the rebuild already read them; then the new snapshot is swapped in.
 *       Browsing lives outside the snapshots and survives.
 * </ul>
 *
 * <p>Until the first rebuild, {@link #current()} holds the catalogue-free empty signals.
 *
 * <p>Between rebuilds, sales never leave the bestseller window (decay keeps them ranking below
 * newer sales), products and categories added to the catalogue are unknown, and a change of the
 * window or half-life is not applied ({@link #rulesChanged()}): schedule a rebuild, daily is
 * plenty.
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
  private final Map<String, Boolean> recentOrders =
      new LinkedHashMap<>(1024, 0.75f, false) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Boolean> eldest) {
          return size() > RECENT_ORDERS;
        }
      };

  private volatile SignalsSnapshot current;

  /** Orders applied while a rebuild runs (guarded by writeLock), or null when none runs. */
  private @Nullable List<OrderRecord> pending;

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
    }
    // OrderCancelled, OrderReturned: not applied live yet; the next rebuild reads the host's order
    // history, which no longer holds the cancelled order or the returned units (OrderHistoryPort).
    // CartChanged: the cart is the page's context (ListContext.contextProducts); nothing to learn.
  }

  private void applyOrder(OrderRecord order) {
    synchronized (writeLock) {
      if (recentOrders.put(order.orderId(), Boolean.TRUE) != null) {
        return; // delivered twice
      }
      List<OrderRecord> p = pending;
      if (p != null) {
        p.add(order);
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
          List<OrderRecord> applied = pending;
          if (applied != null) {
            for (OrderRecord order : applied) {
              if (!builder.seen(order.orderId())) {
                applyTo(next, order);
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
