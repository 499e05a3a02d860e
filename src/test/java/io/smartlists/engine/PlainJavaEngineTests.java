package io.smartlists.engine;

import static org.assertj.core.api.Assertions.assertThat;

import io.smartlists.engine.model.DefaultConfiguration;
import io.smartlists.engine.model.Placement;
import io.smartlists.engine.model.SmartListsConfig;
import io.smartlists.engine.model.Widget;
import io.smartlists.engine.model.WidgetRequest;
import io.smartlists.engine.signals.Signals;
import io.smartlists.host.CatalogPort;
import io.smartlists.host.CategoryInfo;
import io.smartlists.host.CustomerInfo;
import io.smartlists.host.CustomerPort;
import io.smartlists.host.EligibilityPort;
import io.smartlists.host.OrderConfirmed;
import io.smartlists.host.OrderHistoryPort;
import io.smartlists.host.OrderLine;
import io.smartlists.host.OrderRecord;
import io.smartlists.host.ProductInfo;
import io.smartlists.host.ProductViewed;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

/**
 * The README's "Using the engine without Spring": the engine built and driven from plain Java, as
 * an OFBiz service or any non-Spring host would, with no application context: ports as plain
 * objects, the shipped default configuration, a rebuild, events applied directly, widgets composed.
 */
class PlainJavaEngineTests {

  @Test
  void aPlainJavaHostBuildsTheEngineRebuildsAppliesEventsAndComposes() {
    // --- the host's side: plain objects (an OFBiz host would query its entities here)
    List<ProductInfo> products = new ArrayList<>();
    for (int i = 1; i <= 6; i++) {
      products.add(
          new ProductInfo(
              "P" + i,
              "Product " + i,
              List.of("CAT"),
              null,
              Instant.parse("2026-01-01T00:00:00Z"),
              new BigDecimal("10.00"),
              null,
              "/control/product?product_id=P" + i,
              null));
    }
    Instant now = Instant.parse("2026-06-01T12:00:00Z");
    List<OrderRecord> history = new ArrayList<>();
    history.add(order("O1", "C1", now.minus(Duration.ofDays(3)), "P1", "P2"));
    history.add(order("O2", "C2", now.minus(Duration.ofDays(2)), "P1", "P3"));
    CatalogPort catalog =
        new CatalogPort() {
          @Override
          public @Nullable ProductInfo product(String id) {
            return products.stream().filter(p -> p.id().equals(id)).findFirst().orElse(null);
          }

          @Override
          public List<ProductInfo> allProducts() {
            return products;
          }

          @Override
          public List<CategoryInfo> categories() {
            return List.of(new CategoryInfo("CAT", "Catalogue", null));
          }

          @Override
          public List<ProductInfo> searchProducts(String query, int limit) {
            return List.of();
          }
        };
    OrderHistoryPort orders =
        (lastId, batchSize) ->
            history.stream()
                .filter(o -> lastId == null || o.orderId().compareTo(lastId) > 0)
                .limit(batchSize)
                .toList();
    CustomerPort customers =
        new CustomerPort() {
          @Override
          public CustomerInfo customer(String id) {
            return new CustomerInfo(id, id, false, Set.of(), Locale.ENGLISH);
          }

          @Override
          public List<CustomerInfo> search(String query, int limit) {
            return List.of();
          }
        };
    EligibilityPort eligibility = (productId, customer) -> true;

    // --- the engine: no Spring, no database (the host feeds events directly)
    SmartListsConfig defaults = DefaultConfiguration.create();
    SmartListsEngine engine =
        new SmartListsEngine(
            catalog,
            orders,
            customers,
            eligibility,
            () -> defaults,
            EngineSettings.DEFAULT,
            EngineListener.NONE,
            Clock.fixed(now, java.time.ZoneOffset.UTC));
    engine.rebuild(); // at start-up, then nightly (the host's job scheduler)

    Signals s = engine.signals();
    assertThat(s.productId(s.bestsellers()[0])).isEqualTo("P1");

    // events, e.g. from OFBiz SECAs and a visit tracker
    OrderRecord placed = order("O3", "C3", now, "P4");
    engine.apply(new OrderConfirmed("visitor-1", placed, now));
    engine.apply(new ProductViewed("visitor-2", null, "P2", now));
    assertThat(engine.signals().orderCount("C3")).isEqualTo(1);
    assertThat(engine.signals().browsingViews("visitor-2", null)).isEqualTo(1);

    // a widget for a product page
    Widget widget =
        engine.compose(
            new WidgetRequest(
                Placement.PRODUCT_PAGE, "visitor-2", null, List.of("P2"), now, false));
    assertThat(widget.outcome()).isEqualTo(Widget.Outcome.OK);
    assertThat(widget.slots()).isNotEmpty();
    List<String> shown = new ArrayList<>();
    widget.slots().forEach(slot -> slot.items().forEach(i -> shown.add(i.product().id())));
    assertThat(shown).contains("P1").doesNotContain("P2");
    assertThat(widget.slots().get(0).items().get(0).reason().text(Locale.ENGLISH)).isNotBlank();
  }

  private static OrderRecord order(String id, String customer, Instant at, String... products) {
    List<OrderLine> lines = new ArrayList<>();
    for (String p : products) {
      lines.add(new OrderLine(p, 1, new BigDecimal("10.00")));
    }
    return new OrderRecord(id, customer, at, lines);
  }
}
