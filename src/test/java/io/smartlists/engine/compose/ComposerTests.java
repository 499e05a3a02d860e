package io.smartlists.engine.compose;

import static org.assertj.core.api.Assertions.assertThat;

import io.smartlists.engine.lists.CandidateSink;
import io.smartlists.engine.lists.ListContext;
import io.smartlists.engine.lists.SmartList;
import io.smartlists.engine.model.DropRule;
import io.smartlists.engine.model.GlobalRules;
import io.smartlists.engine.model.JourneyStage;
import io.smartlists.engine.model.ListType;
import io.smartlists.engine.model.Placement;
import io.smartlists.engine.model.Reason;
import io.smartlists.engine.model.SlotConfig;
import io.smartlists.engine.model.SmartListsConfig;
import io.smartlists.engine.model.StageRules;
import io.smartlists.engine.model.Widget;
import io.smartlists.engine.model.WidgetRequest;
import io.smartlists.engine.signals.FakeSignals;
import io.smartlists.engine.signals.Signals;
import io.smartlists.host.CatalogPort;
import io.smartlists.host.CategoryInfo;
import io.smartlists.host.CustomerInfo;
import io.smartlists.host.CustomerPort;
import io.smartlists.host.EligibilityPort;
import io.smartlists.host.ProductInfo;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

/**
 * The composition rules of DESIGN.md §5, on scripted lists over a ten-product catalogue, so that
 * each rule's effect is known exactly.
 */
public class ComposerTests {

  static final Instant NOW = Instant.parse("2026-11-20T10:00:00Z");

  final Catalogue catalogue = new Catalogue(10);
  final FakeSignals signals = new FakeSignals(10);
  final Map<ListType, SmartList> lists = new EnumMap<>(ListType.class);
  final Set<String> ineligible = new HashSet<>();
  final Map<String, CustomerInfo> customerById = new HashMap<>();
  SmartListsConfig config;

  /** Generous: these tests are about rules, and a cold JIT on a loaded CI machine is slow. */
  Duration budget = Duration.ofSeconds(5);

  final List<Throwable> failures = new ArrayList<>();
  final AtomicInteger timeouts = new AtomicInteger();

  ComposerTests() {
    // every list type ranks the whole catalogue p0..p9 unless a test scripts it
    for (ListType t : ListType.values()) {
      script(t, 0, 1, 2, 3, 4, 5, 6, 7, 8, 9);
    }
    cells(SlotConfig.of(ListType.BESTSELLERS_CATALOG));
  }

  @Test
  void compose_dropsContextProducts() {
    Widget w = compose(List.of("p0", "p2"), null);
    assertThat(productIds(w, 0)).containsExactly("p1", "p3", "p4", "p5", "p6", "p7", "p8", "p9");
  }

  @Test
  void compose_dropsIneligibleProducts() {
    ineligible.add("p1");
    ineligible.add("p3");
    Widget w = compose(List.of(), null);
    assertThat(productIds(w, 0)).doesNotContain("p1", "p3").startsWith("p0", "p2", "p4");
  }

  @Test
  void compose_dropsProductsShownInAnEarlierSlot() {
    cells(slot(ListType.BESTSELLERS_CATALOG, 1, 3), slot(ListType.NEW_ARRIVALS_CATALOG, 1, 3));
    Widget w = compose(List.of(), null);
    assertThat(productIds(w, 0)).containsExactly("p0", "p1", "p2");
    assertThat(productIds(w, 1)).containsExactly("p3", "p4", "p5");
  }

  @Test
  void compose_dropsAlreadyBoughtExceptInReminders() {
    customer("c1");
    signals.bought("c1", 0, 1);
    cells(slot(ListType.BESTSELLERS_CATALOG, 1, 3), slot(ListType.ORDER_PRODUCT_REMINDERS, 1, 2));
    script(ListType.ORDER_PRODUCT_REMINDERS, 1, 0);
    Widget w = compose(List.of(), "c1");
    assertThat(productIds(w, 0)).containsExactly("p2", "p3", "p4");
    assertThat(productIds(w, 1)).containsExactly("p1", "p0");
  }

  @Test
  void compose_keepsRepeatBuyProductsWhenTheMerchantAllowsIt() {
    customer("c1");
    signals.bought("c1", 0, 1);
    signals.repeatBuy.add(1);
    config =
        withRules(
            new GlobalRules(90, 30, 60, true, true), slot(ListType.BESTSELLERS_CATALOG, 1, 3));
    Widget w = compose(List.of(), "c1");
    assertThat(productIds(w, 0)).containsExactly("p1", "p2", "p3");
  }

  @Test
  void compose_keepsAlreadyBoughtWhenExclusionIsOff() {
    customer("c1");
    signals.bought("c1", 0);
    config =
        withRules(
            new GlobalRules(90, 30, 60, false, false), slot(ListType.BESTSELLERS_CATALOG, 1, 2));
    assertThat(productIds(compose(List.of(), "c1"), 0)).containsExactly("p0", "p1");
  }

  @Test
  void compose_fillsAShortSlotFromItsFallbackAndSaysSo() {
    script(ListType.SMART_CROSS_SELLING, 7);
    script(ListType.NEW_ARRIVALS_CATALOG, 9, 8);
    cells(
        new SlotConfig(
            ListType.SMART_CROSS_SELLING,
            Map.of(),
            4,
            6,
            ListType.NEW_ARRIVALS_CATALOG,
            List.of(),
            List.of(),
            List.of()));
    Widget w = compose(List.of(), null);
    List<Widget.Item> items = w.slots().get(0).items();
    assertThat(productIds(w, 0)).containsExactly("p7", "p9", "p8", "p0");
    assertThat(items.get(0).fallback()).isFalse();
    assertThat(items.get(1).fallback()).isTrue();
    assertThat(items.get(1).list()).isEqualTo(ListType.NEW_ARRIVALS_CATALOG);
    assertThat(items.get(3).list()).isEqualTo(ListType.BESTSELLERS_CATALOG);
    assertThat(items.get(3).reason().text(Locale.ENGLISH)).startsWith("fallback: ");
  }

  @Test
  void compose_neverEmptyWhileTheCatalogueHasEligibleProducts() {
    script(ListType.SMART_CROSS_SELLING);
    cells(slot(ListType.SMART_CROSS_SELLING, 4, 6));
    Widget w = compose(List.of(), null);
    assertThat(productIds(w, 0)).hasSize(4).allSatisfy(id -> assertThat(id).startsWith("p"));
  }

  @Test
  void compose_capsAtTheMaximum() {
    cells(slot(ListType.BESTSELLERS_CATALOG, 1, 2));
    assertThat(productIds(compose(List.of(), null), 0)).containsExactly("p0", "p1");
  }

  @Test
  void compose_leavesOutEmptySlots() {
    script(ListType.MANUAL_SELECTION);
    script(ListType.BESTSELLERS_CATALOG);
    cells(slot(ListType.MANUAL_SELECTION, 0, 3), slot(ListType.NEW_ARRIVALS_CATALOG, 1, 2));
    Widget w = compose(List.of(), null);
    assertThat(w.slots()).hasSize(1);
    assertThat(w.slots().get(0).config().type()).isEqualTo(ListType.NEW_ARRIVALS_CATALOG);
    assertThat(w.slots().get(0).position()).isEqualTo(1);
  }

  @Test
  void compose_rendersEmptyAndCountsWhenAListThrows() {
    lists.put(
        ListType.BESTSELLERS_CATALOG,
        new Scripted(ListType.BESTSELLERS_CATALOG) {
          @Override
          public void candidates(Signals s, ListContext c, CandidateSink sink) {
            throw new IllegalStateException("boom");
          }
        });
    Widget w = compose(List.of(), null);
    assertThat(w.isEmpty()).isTrue();
    assertThat(w.outcome()).isEqualTo(Widget.Outcome.ERROR);
    assertThat(failures).hasSize(1);
  }

  @Test
  void compose_rendersEmptyWhenAHostPortThrows() {
    ineligible.add("boom");
    Widget w = compose(List.of(), null);
    assertThat(w.outcome()).isEqualTo(Widget.Outcome.ERROR);
    assertThat(w.isEmpty()).isTrue();
  }

  @Test
  void compose_rendersEmptyPastTheTimeBudget() {
    budget = Duration.ofMillis(5);
    lists.put(
        ListType.BESTSELLERS_CATALOG,
        new Scripted(ListType.BESTSELLERS_CATALOG) {
          @Override
          public void candidates(Signals s, ListContext c, CandidateSink sink) {
            for (int i = 0; ; i = (i + 1) % 10) {
              sleep(1);
              if (!sink.offer(i, Reason.of("manual", i))) {
                return;
              }
            }
          }
        });
    ineligible.add("p0"); // nothing is ever accepted: the list would loop forever
    for (int i = 1; i < 10; i++) {
      ineligible.add("p" + i);
    }
    Widget w = compose(List.of(), null);
    assertThat(w.outcome()).isEqualTo(Widget.Outcome.TIMEOUT);
    assertThat(w.isEmpty()).isTrue();
  }

  @Test
  void compose_tracesWhatEachRuleDropped() {
    customer("c1");
    signals.bought("c1", 2);
    ineligible.add("p3");
    cells(slot(ListType.BESTSELLERS_CATALOG, 1, 2), slot(ListType.NEW_ARRIVALS_CATALOG, 1, 2));
    Widget w =
        engine().compose(new WidgetRequest(Placement.CART, "v1", "c1", List.of("p0"), NOW, true));
    assertThat(w.dropped())
        .extracting(Widget.Dropped::productId, Widget.Dropped::rule)
        .contains(
            org.assertj.core.groups.Tuple.tuple("p0", DropRule.CONTEXT_PRODUCT),
            org.assertj.core.groups.Tuple.tuple("p2", DropRule.ALREADY_BOUGHT),
            org.assertj.core.groups.Tuple.tuple("p3", DropRule.INELIGIBLE),
            org.assertj.core.groups.Tuple.tuple("p1", DropRule.SHOWN_IN_EARLIER_SLOT));
  }

  @Test
  void compose_usesTheCellOfTheResolvedStage() {
    Map<Placement, Map<JourneyStage, List<SlotConfig>>> cells = new EnumMap<>(Placement.class);
    cells.put(
        Placement.CART,
        Map.of(
            JourneyStage.ACQUISITION, List.of(slot(ListType.BESTSELLERS_CATALOG, 1, 2)),
            JourneyStage.B2B, List.of(slot(ListType.NEW_ARRIVALS_CATALOG, 1, 2))));
    config = new SmartListsConfig(3, cells, StageRules.DEFAULT, GlobalRules.DEFAULT);
    customerById.put("b", new CustomerInfo("b", "B", true, Set.of(), Locale.ENGLISH));
    Widget anonymous = compose(List.of(), null);
    Widget business = compose(List.of(), "b");
    assertThat(anonymous.stage().stage()).isEqualTo(JourneyStage.ACQUISITION);
    assertThat(anonymous.slots().get(0).config().type()).isEqualTo(ListType.BESTSELLERS_CATALOG);
    assertThat(business.stage().stage()).isEqualTo(JourneyStage.B2B);
    assertThat(business.slots().get(0).config().type()).isEqualTo(ListType.NEW_ARRIVALS_CATALOG);
    assertThat(business.configVersion()).isEqualTo(3);
  }

  // ---------------------------------------------------------------- fixtures

  Widget compose(List<String> context, @Nullable String customerId) {
    return engine()
        .compose(new WidgetRequest(Placement.CART, "v1", customerId, context, NOW, false));
  }

  Composer engine() {
    EligibilityPort gate =
        (id, c) -> {
          if (ineligible.contains("boom")) {
            throw new IllegalStateException("inventory service down");
          }
          return !ineligible.contains(id);
        };
    CustomerPort customers =
        new CustomerPort() {
          @Override
          public @Nullable CustomerInfo customer(String id) {
            return customerById.get(id);
          }

          @Override
          public List<CustomerInfo> search(String q, int limit) {
            return List.of();
          }
        };
    SmartListsConfig cfg = config;
    return new Composer(
        catalogue,
        customers,
        gate,
        () -> cfg,
        () -> signals,
        lists::get,
        budget.toNanos(),
        new CompositionListener() {
          @Override
          public void failed(Placement p, Throwable e) {
            failures.add(e);
          }

          @Override
          public void composed(Placement p, Widget.Outcome o, long nanos) {
            if (o == Widget.Outcome.TIMEOUT) {
              timeouts.incrementAndGet();
            }
          }
        });
  }

  void customer(String id) {
    customerById.put(id, new CustomerInfo(id, id, false, Set.of(), Locale.ENGLISH));
    signals.orders.put(id, 1);
  }

  void script(ListType type, int... products) {
    lists.put(type, new Scripted(type, products));
  }

  void cells(SlotConfig... slots) {
    config = withRules(GlobalRules.DEFAULT, slots);
  }

  public static SmartListsConfig withRules(GlobalRules rules, SlotConfig... slots) {
    Map<Placement, Map<JourneyStage, List<SlotConfig>>> cells = new EnumMap<>(Placement.class);
    Map<JourneyStage, List<SlotConfig>> byStage = new EnumMap<>(JourneyStage.class);
    for (JourneyStage stage : JourneyStage.values()) {
      byStage.put(stage, List.of(slots));
    }
    cells.put(Placement.CART, byStage);
    return new SmartListsConfig(1, cells, StageRules.DEFAULT, rules);
  }

  static SlotConfig slot(ListType type, int min, int max) {
    return new SlotConfig(type, Map.of(), min, max, null, List.of(), List.of(), List.of());
  }

  static List<String> productIds(Widget w, int slot) {
    return w.slots().get(slot).items().stream().map(i -> i.product().id()).toList();
  }

  static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** A list that emits a fixed ranking. */
  static class Scripted implements SmartList {
    final ListType type;
    final int[] products;

    Scripted(ListType type, int... products) {
      this.type = type;
      this.products = products;
    }

    @Override
    public ListType type() {
      return type;
    }

    @Override
    public void candidates(Signals s, ListContext c, CandidateSink sink) {
      for (int i = 0; i < products.length; i++) {
        if (!sink.offer(products[i], Reason.of("manual", i + 1))) {
          return;
        }
      }
    }
  }

  /** Products p0..p(n-1). */
  static final class Catalogue implements CatalogPort {
    final Map<String, ProductInfo> products = new HashMap<>();

    Catalogue(int n) {
      for (int i = 0; i < n; i++) {
        String id = "p" + i;
        products.put(
            id,
            new ProductInfo(
                id,
                "Product " + i,
                List.of("c"),
                "m",
                NOW,
                BigDecimal.ONE,
                null,
                "/product/" + id,
                null));
      }
    }

    @Override
    public @Nullable ProductInfo product(String id) {
      return products.get(id);
    }

    @Override
    public List<ProductInfo> allProducts() {
      return List.copyOf(products.values());
    }

    @Override
    public List<CategoryInfo> categories() {
      return List.of(new CategoryInfo("c", "C", null));
    }

    @Override
    public List<ProductInfo> searchProducts(String q, int limit) {
      return List.of();
    }
  }
}
