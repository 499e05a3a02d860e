package io.smartlists.engine.compose;

import io.smartlists.engine.lists.ListContext;
import io.smartlists.engine.lists.SmartList;
import io.smartlists.engine.model.DropRule;
import io.smartlists.engine.model.GlobalRules;
import io.smartlists.engine.model.ListType;
import io.smartlists.engine.model.SlotConfig;
import io.smartlists.engine.model.SmartListsConfig;
import io.smartlists.engine.model.StageDecision;
import io.smartlists.engine.model.Widget;
import io.smartlists.engine.model.WidgetRequest;
import io.smartlists.engine.signals.Signals;
import io.smartlists.engine.stage.StageResolver;
import io.smartlists.host.CatalogPort;
import io.smartlists.host.CustomerInfo;
import io.smartlists.host.CustomerPort;
import io.smartlists.host.EligibilityPort;
import io.smartlists.host.ProductInfo;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;
import java.util.function.IntPredicate;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;

/**
 * Composition (DESIGN.md §5): stage → the cell's slots → each list's candidates → eligibility gate
 * → exclusions (context products, already bought except reminders and allowed repeat-buys, products
 * shown by an earlier slot) → fill below the minimum from the {@link FallbackChain} (marked as
 * fallback) → cap. Past the time budget, or on any exception, the widget is empty.
 *
 * <p>The hot path allocates only the result: the products already placed on the page are kept in a
 * small int array scanned linearly (a widget holds a few dozen items at most), and drop records are
 * only built when the request asks for a trace.
 */
public final class Composer {

  private final CatalogPort catalog;
  private final CustomerPort customers;
  private final EligibilityPort eligibility;
  private final Supplier<SmartListsConfig> config;
  private final Supplier<Signals> signals;
  private final Function<ListType, SmartList> lists;
  private final long budgetNanos;
  private final CompositionListener listener;

  /**
   * A composer over these host ports, the configuration and signals in force, and the registered
   * lists; past {@code budgetNanos} a widget renders empty.
   */
  public Composer(
      CatalogPort catalog,
      CustomerPort customers,
      EligibilityPort eligibility,
      Supplier<SmartListsConfig> config,
      Supplier<Signals> signals,
      Function<ListType, SmartList> lists,
      long budgetNanos,
      CompositionListener listener) {
    this.catalog = catalog;
    this.customers = customers;
    this.eligibility = eligibility;
    this.config = config;
    this.signals = signals;
    this.lists = lists;
    this.budgetNanos = budgetNanos;
    this.listener = listener;
  }

  /** Composes the widget; on a failure or past the time budget returns an empty widget. */
  public Widget compose(WidgetRequest request) {
    long start = System.nanoTime();
    long version = -1;
    Widget widget;
    try {
      SmartListsConfig cfg = config.get();
      version = cfg.version();
      widget = composeOrThrow(request, cfg, start + budgetNanos);
    } catch (OverBudget e) {
      widget = Widget.empty(request.placement(), Widget.Outcome.TIMEOUT, version);
    } catch (RuntimeException | StackOverflowError e) {
      listener.failed(request.placement(), e);
      widget = Widget.empty(request.placement(), Widget.Outcome.ERROR, version);
    }
    listener.composed(request.placement(), widget.outcome(), System.nanoTime() - start);
    return widget;
  }

  private Widget composeOrThrow(WidgetRequest request, SmartListsConfig cfg, long deadline) {
    Signals s = signals.get();
    CustomerInfo customer =
        request.customerId() == null ? null : customers.customer(request.customerId());
    StageDecision stage =
        StageResolver.resolve(s, request.visitorId(), customer, cfg.stageRules(), request.now());
    List<SlotConfig> slotConfigs = cfg.slots(request.placement(), stage.stage());

    int[] context = new int[request.contextProductIds().size()];
    int n = 0;
    for (String id : request.contextProductIds()) {
      int p = s.indexOf(id);
      if (p >= 0 && !contains(context, n, p)) {
        context[n++] = p;
      }
    }
    if (n < context.length) {
      context = java.util.Arrays.copyOf(context, n);
    }

    Page page = new Page(s, customer, context, cfg.globalRules(), deadline, request.trace());
    List<Widget.Slot> slots = new ArrayList<>(slotConfigs.size());
    for (int i = 0; i < slotConfigs.size(); i++) {
      SlotConfig slot = slotConfigs.get(i);
      List<Widget.Item> items = page.fill(i, slot, request);
      if (!items.isEmpty()) {
        slots.add(new Widget.Slot(i, slot, items));
      }
    }
    return new Widget(
        request.placement(), stage, slots, Widget.Outcome.OK, page.droppedOrEmpty(), cfg.version());
  }

  private static boolean contains(int[] a, int n, int v) {
    for (int i = 0; i < n; i++) {
      if (a[i] == v) {
        return true;
      }
    }
    return false;
  }

  /** The state of one page being composed: what is placed, what was dropped. */
  private final class Page {
    final Signals s;
    final @Nullable CustomerInfo customer;
    final @Nullable String customerId;
    final IntPredicate bought;
    final int[] context;
    final GlobalRules rules;
    final long deadline;
    final @Nullable List<Widget.Dropped> dropped;
    int[] placed = new int[32];
    int placedCount;
    int offers;

    Page(
        Signals s,
        @Nullable CustomerInfo customer,
        int[] context,
        GlobalRules rules,
        long deadline,
        boolean trace) {
      this.s = s;
      this.customer = customer;
      this.customerId = customer == null ? null : customer.id();
      this.bought = s.boughtBy(customerId);
      this.context = context;
      this.rules = rules;
      this.deadline = deadline;
      this.dropped = trace ? new ArrayList<>() : null;
    }

    List<Widget.Dropped> droppedOrEmpty() {
      return dropped == null ? List.of() : List.copyOf(dropped);
    }

    List<Widget.Item> fill(int position, SlotConfig slot, WidgetRequest request) {
      List<Widget.Item> items = new ArrayList<>(slot.maxItems());
      int slotStart = placedCount;
      FallbackChain chain = FallbackChain.of(slot);
      run(chain.primary(), slot, position, items, slot.maxItems(), false, slotStart, request);
      for (ListType fallback : chain.fallbacks()) {
        // below the minimum only (run returns at once when the slot holds enough)
        run(fallback, slot, position, items, slot.minItems(), true, slotStart, request);
      }
      return items;
    }

    private void run(
        ListType type,
        SlotConfig slot,
        int position,
        List<Widget.Item> items,
        int limit,
        boolean fallback,
        int slotStart,
        WidgetRequest request) {
      if (items.size() >= limit) {
        return;
      }
      SmartList list = lists.apply(type);
      ListContext ctx =
          new ListContext(
              request.visitorId(),
              customer,
              request.placement(),
              context,
              slot,
              rules,
              request.now());
      list.candidates(
          s,
          ctx,
          (product, reason) -> {
            // the clock every 8th offer (perf: System.nanoTime costs 30-50 ns on this kvm-clock VM,
            // ~45 offers per cart widget; a list that loops without accepting is still stopped)
            if ((offers++ & 7) == 0 && System.nanoTime() - deadline > 0) {
              throw OverBudget.INSTANCE;
            }
            int placedIndex = indexOfPlaced(product);
            if (placedIndex >= slotStart) {
              return true; // the same product twice within one slot (e.g. list then fallback): skip
            }
            DropRule rule =
                placedIndex >= 0 ? DropRule.SHOWN_IN_EARLIER_SLOT : check(type, product);
            ProductInfo info = null;
            if (rule == null) {
              info = catalog.product(s.productId(product));
              if (info == null) {
                rule = DropRule.UNKNOWN_PRODUCT;
              } else if (!eligibility.isEligible(info.id(), customer)) {
                rule = DropRule.INELIGIBLE;
              }
            }
            if (rule != null) {
              if (dropped != null) {
                dropped.add(new Widget.Dropped(s.productId(product), position, type, rule));
              }
              return true;
            }
            // rule == null: the catalogue knew the product
            items.add(
                new Widget.Item(
                    Objects.requireNonNull(info), type, fallback ? reason.asFallback() : reason));
            place(product);
            return items.size() < limit;
          });
    }

    private @Nullable DropRule check(ListType type, int product) {
      for (int c : context) {
        if (c == product) {
          return DropRule.CONTEXT_PRODUCT;
        }
      }
      if (rules.excludeAlreadyBought()
          && type != ListType.ORDER_PRODUCT_REMINDERS
          && customerId != null
          && bought.test(product)
          && !(rules.allowRepeatBuy() && s.isRepeatBuy(product))) {
        return DropRule.ALREADY_BOUGHT;
      }
      return null;
    }

    private int indexOfPlaced(int product) {
      for (int i = 0; i < placedCount; i++) {
        if (placed[i] == product) {
          return i;
        }
      }
      return -1;
    }

    private void place(int product) {
      if (placedCount == placed.length) {
        placed = java.util.Arrays.copyOf(placed, placedCount * 2);
      }
      placed[placedCount++] = product;
    }
  }

  /**
   * Thrown inside a list's loop when the time budget is spent; no stack trace (it is control flow).
   */
  static final class OverBudget extends RuntimeException {
    static final OverBudget INSTANCE = new OverBudget();

    private OverBudget() {
      super("time budget spent", null, false, false);
    }
  }
}
