package io.smartlists.site;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.smartlists.engine.EngineSettings;
import io.smartlists.engine.SmartListsEngine;
import io.smartlists.engine.model.DefaultConfiguration;
import io.smartlists.engine.model.Placement;
import io.smartlists.engine.model.Widget;
import io.smartlists.host.CatalogPort;
import io.smartlists.host.CategoryInfo;
import io.smartlists.host.EligibilityPort;
import io.smartlists.host.OrderLine;
import io.smartlists.host.OrderRecord;
import io.smartlists.host.ProductInfo;
import io.smartlists.stats.SmartListsMetrics;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Issue 14 item 3: a host port that is slow or throws gives an empty widget within the time budget
 * and a counted failure; every empty widget is counted with its cause.
 */
class SlowHostPortTests {

  private static final Duration BUDGET = Duration.ofMillis(50);
  private static final Instant NOW = Instant.parse("2026-11-23T10:00:00Z");

  private enum Mode {
    FINE,
    SLOW,
    THROW,
    NONE_ELIGIBLE,
    HANG
  }

  private final TestShop shop = new TestShop();
  private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
  private final SmartListsMetrics metrics = new SmartListsMetrics(registry);
  private final CountDownLatch hang = new CountDownLatch(1);
  private volatile Mode eligibility = Mode.FINE;
  private volatile Mode catalogue = Mode.FINE;
  private SmartListsEngine engine;
  private WidgetService widgets;

  @BeforeEach
  void engine() {
    for (int i = 0; i < 20; i++) {
      shop.addOrder(
          new OrderRecord(
              "o" + i,
              "c" + i,
              NOW.minus(Duration.ofDays(i + 1)),
              List.of(
                  new OrderLine("p1", 1, BigDecimal.TEN), new OrderLine("p2", 2, BigDecimal.ONE))));
    }
    EligibilityPort gate =
        (productId, customer) -> {
          behave(eligibility);
          return eligibility != Mode.NONE_ELIGIBLE && shop.isEligible(productId, customer);
        };
    CatalogPort catalog =
        new CatalogPort() {
          @Override
          public @Nullable ProductInfo product(String productId) {
            behave(catalogue);
            return shop.product(productId);
          }

          @Override
          public List<ProductInfo> allProducts() {
            return shop.allProducts();
          }

          @Override
          public List<CategoryInfo> categories() {
            return shop.categories();
          }

          @Override
          public List<ProductInfo> searchProducts(String query, int limit) {
            return shop.searchProducts(query, limit);
          }
        };
    engine =
        new SmartListsEngine(
            catalog,
            shop,
            shop,
            gate,
            DefaultConfiguration::create,
            new EngineSettings(BUDGET, 100),
            metrics,
            Clock.fixed(NOW, ZoneOffset.UTC));
    engine.rebuild();
    widgets =
        new WidgetService(
            engine,
            shop,
            new Visitors("sl_vid", Duration.ofDays(1), null),
            metrics,
            Clock.fixed(NOW, ZoneOffset.UTC),
            "/smartlists",
            BUDGET,
            4,
            null);
  }

  @AfterEach
  void release() {
    hang.countDown();
  }

  private void behave(Mode mode) {
    try {
      switch (mode) {
        case SLOW -> Thread.sleep(200);
        case THROW -> throw new IllegalStateException("host port down");
        case HANG -> hangIgnoringInterrupts();
        default -> {}
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** A port stuck in a call that does not heed interrupts (a socket read without timeout). */
  private void hangIgnoringInterrupts() {
    long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
    while (hang.getCount() > 0 && System.nanoTime() < until) {
      try {
        hang.await(100, TimeUnit.MILLISECONDS);
      } catch (InterruptedException ignored) {
        // keeps hanging
      }
    }
  }

  private double empty(String cause) {
    Counter c =
        registry
            .find("smartlists.widget.empty")
            .tag("placement", "PRODUCT_PAGE")
            .tag("cause", cause)
            .counter();
    return c == null ? 0 : c.count();
  }

  private double emptyTotal() {
    return registry.find("smartlists.widget.empty").counters().stream()
        .mapToDouble(Counter::count)
        .sum();
  }

  private record Timed(Widget widget, long millis) {}

  private Timed compose() {
    long start = System.nanoTime();
    Widget w = widgets.compose(Placement.PRODUCT_PAGE, List.of("p3"), "v1", null);
    return new Timed(w, (System.nanoTime() - start) / 1_000_000);
  }

  @Test
  void healthyPorts_fillTheWidget_andCountNothingEmpty() {
    compose(); // warm-up
    Timed t = compose();
    assertThat(t.widget().isEmpty()).isFalse();
    // (a cold warm-up may time out on a busy machine; nothing else is empty)
    assertThat(empty("error") + empty("no-candidates") + empty("rejected")).isZero();
  }

  @Test
  void eligibilityTaking200ms_emptyWidgetWithinTheBudget_countedAsTimeout() {
    compose();
    eligibility = Mode.SLOW;
    Timed t = compose();
    assertThat(t.widget().isEmpty()).isTrue();
    assertThat(t.widget().outcome()).isEqualTo(Widget.Outcome.TIMEOUT);
    // the page waited the budget, not the port's 200 ms (slack for a shared machine)
    assertThat(t.millis()).isLessThan(150);
    assertThat(empty("timeout")).isEqualTo(1);
  }

  @Test
  void catalogueTaking200ms_emptyWidgetWithinTheBudget_countedAsTimeout() {
    compose();
    catalogue = Mode.SLOW;
    Timed t = compose();
    assertThat(t.widget().isEmpty()).isTrue();
    assertThat(t.millis()).isLessThan(150);
    assertThat(empty("timeout")).isEqualTo(1);
  }

  @Test
  void eligibilityThrowing_emptyWidget_countedAsError() {
    compose(); // warm-up: a cold first composition may time out on a busy machine
    eligibility = Mode.THROW;
    Timed t = compose();
    assertThat(t.widget().isEmpty()).isTrue();
    assertThat(t.widget().outcome()).isEqualTo(Widget.Outcome.ERROR);
    assertThat(empty("error")).isEqualTo(1);
    assertThat(
            registry
                .find("smartlists.widget.failures")
                .tag("placement", "PRODUCT_PAGE")
                .tag("outcome", "ERROR")
                .counter()
                .count())
        .isEqualTo(1);
  }

  @Test
  void catalogueThrowing_emptyWidget_countedAsError() {
    compose();
    catalogue = Mode.THROW;
    assertThat(compose().widget().isEmpty()).isTrue();
    assertThat(empty("error")).isEqualTo(1);
  }

  @Test
  void nothingEligible_emptyWidget_countedAsNoCandidates() {
    compose();
    eligibility = Mode.NONE_ELIGIBLE;
    Timed t = compose();
    assertThat(t.widget().isEmpty()).isTrue();
    assertThat(t.widget().outcome()).isEqualTo(Widget.Outcome.OK);
    assertThat(empty("no-candidates")).isEqualTo(1);
  }

  @Test
  void portsHangingForever_everyRequestStillAnswersWithinTheBudget_thenRejectedAtOnce()
      throws Exception {
    compose();
    eligibility = Mode.HANG;
    long worst = 0;
    // 4 threads hang, 64 requests queue behind them and time out, the rest are rejected
    for (int i = 0; i < 100; i++) {
      worst = Math.max(worst, compose().millis());
    }
    assertThat(worst).isLessThan(150);
    assertThat(empty("timeout") + empty("rejected")).isEqualTo(100);
    assertThat(empty("rejected")).isPositive();
  }

  @Test
  void underFullCpuLoad_everyEmptyWidgetIsCounted() throws Exception {
    int cpus = Runtime.getRuntime().availableProcessors();
    AtomicBoolean burn = new AtomicBoolean(true);
    ExecutorService burners = Executors.newFixedThreadPool(cpus * 2);
    ExecutorService shoppers = Executors.newFixedThreadPool(8);
    try {
      for (int i = 0; i < cpus * 2; i++) {
        burners.execute(
            () -> {
              long x = 0;
              while (burn.get()) {
                x += System.nanoTime() % 7;
              }
              if (x == 42) {
                System.out.print("");
              }
            });
      }
      List<Future<Widget>> results = new ArrayList<>();
      for (int i = 0; i < 4_000; i++) {
        String visitor = "v" + i;
        results.add(
            shoppers.submit(
                () -> widgets.compose(Placement.PRODUCT_PAGE, List.of("p3"), visitor, null)));
      }
      int empties = 0;
      for (Future<Widget> f : results) {
        if (f.get(60, TimeUnit.SECONDS).isEmpty()) {
          empties++;
        }
      }
      assertThat(emptyTotal()).isEqualTo(empties);
    } finally {
      burn.set(false);
      burners.shutdownNow();
      shoppers.shutdownNow();
    }
  }
}
