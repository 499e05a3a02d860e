package io.smartlists.site;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.smartlists.autoconfigure.SmartListsAutoConfiguration;
import io.smartlists.engine.SmartListsEngine;
import io.smartlists.host.CatalogPort;
import io.smartlists.host.CategoryInfo;
import io.smartlists.host.CurrentCustomerPort;
import io.smartlists.host.CustomerInfo;
import io.smartlists.host.CustomerPort;
import io.smartlists.host.EligibilityPort;
import io.smartlists.host.OrderConfirmed;
import io.smartlists.host.OrderHistoryPort;
import io.smartlists.host.OrderLine;
import io.smartlists.host.OrderRecord;
import io.smartlists.host.ProductInfo;
import io.smartlists.host.SmartListsEvent;
import io.smartlists.host.SmartListsEventPublisher;
import io.smartlists.testing.InMemoryTemplates;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.security.autoconfigure.SecurityAutoConfiguration;
import org.springframework.boot.security.autoconfigure.UserDetailsServiceAutoConfiguration;
import org.springframework.boot.security.autoconfigure.web.servlet.SecurityFilterAutoConfiguration;
import org.springframework.boot.security.autoconfigure.web.servlet.ServletWebSecurityAutoConfiguration;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.stereotype.Controller;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.thymeleaf.templateresolver.StringTemplateResolver;

/**
 * A large B2B cart (1,000 products) and a wholesale order (5,000 lines) through the JSON endpoint
 * and the Thymeleaf widget, over the real engine and the shipped default configuration: a context
 * of more than 256 distinct products used to fail every such widget, which rendered empty.
 */
@WebMvcTest(
    excludeAutoConfiguration = {
      SecurityAutoConfiguration.class,
      UserDetailsServiceAutoConfiguration.class,
      SecurityFilterAutoConfiguration.class,
      ServletWebSecurityAutoConfiguration.class
    },
    properties = {"smartlists.rebuild.on-startup=false", "smartlists.time-budget=5s"})
class LargeContextSiteTests {

  static final int PRODUCTS = 1_200;
  static final Instant NOW = Instant.parse("2026-11-20T10:00:00Z");

  @Autowired MockMvc mvc;
  @Autowired SmartListsEngine engine;
  @Autowired BigShop shop;

  @BeforeEach
  void rebuild() {
    engine.rebuild();
  }

  @Test
  void cartOf1000Products_jsonAndThymeleafRenderTheFullWidget_issue10() throws Exception {
    List<String> cart = ids(0, 1_000);
    var json = get("/smartlists/api/widget").param("placement", "CART");
    cart.forEach(id -> json.param("product", id));
    String body =
        mvc.perform(json)
            .andExpect(status().isOk())
            .andExpect(jsonPath("$.outcome").value("OK"))
            .andReturn()
            .getResponse()
            .getContentAsString();
    List<String> jsonItems = productIds(body, "\"productId\":\"(p\\d+)\"");
    assertFull(jsonItems, cart);

    String html =
        mvc.perform(get("/test/large/cart")).andReturn().getResponse().getContentAsString();
    assertThat(productIds(html, "data-sl-product=\"(p\\d+)\"")).isEqualTo(jsonItems);
  }

  @Test
  void orderOf5000Lines_jsonAndThymeleafRenderTheFullWidget_issue10() throws Exception {
    List<OrderLine> lines = new ArrayList<>();
    List<String> orderIds = new ArrayList<>();
    for (int i = 0; i < 5_000; i++) {
      String id = "p" + (i * 13) % 1_000;
      lines.add(new OrderLine(id, 1, BigDecimal.TEN));
      orderIds.add(id);
    }
    OrderRecord order = new OrderRecord("big-order", null, NOW, lines);
    engine.apply(new OrderConfirmed("v-big", order, NOW));

    var json = get("/smartlists/api/widget").param("placement", "ORDER_CONFIRMATION");
    orderIds.forEach(id -> json.param("product", id));
    String body =
        mvc.perform(json)
            .andExpect(status().isOk())
            .andExpect(jsonPath("$.outcome").value("OK"))
            .andReturn()
            .getResponse()
            .getContentAsString();
    List<String> jsonItems = productIds(body, "\"productId\":\"(p\\d+)\"");
    assertFull(jsonItems, orderIds);

    String html =
        mvc.perform(get("/test/large/confirmation")).andReturn().getResponse().getContentAsString();
    assertThat(productIds(html, "data-sl-product=\"(p\\d+)\"")).isEqualTo(jsonItems);
  }

  /** Every slot of the shipped configuration filled: as many items as for a one-product context. */
  private void assertFull(List<String> shown, List<String> context) throws Exception {
    String small =
        mvc.perform(
                get("/smartlists/api/widget").param("placement", "CART").param("product", "p1100"))
            .andReturn()
            .getResponse()
            .getContentAsString();
    int full = productIds(small, "\"productId\":\"(p\\d+)\"").size();
    assertThat(full).isPositive();
    assertThat(shown).hasSize(full).doesNotHaveDuplicates().doesNotContainAnyElementsOf(context);
  }

  static List<String> ids(int from, int to) {
    List<String> ids = new ArrayList<>();
    for (int p = from; p < to; p++) {
      ids.add("p" + p);
    }
    return ids;
  }

  static List<String> productIds(String text, String regex) {
    List<String> ids = new ArrayList<>();
    Matcher m = Pattern.compile(regex).matcher(text);
    while (m.find()) {
      ids.add(m.group(1));
    }
    return ids;
  }

  /** 1,200 products; ordinary baskets of three neighbouring products, the high ids selling most. */
  static final class BigShop
      implements CatalogPort, OrderHistoryPort, CustomerPort, EligibilityPort, CurrentCustomerPort {

    private final Map<String, ProductInfo> products = new LinkedHashMap<>();
    private final List<OrderRecord> orders = new ArrayList<>();

    BigShop() {
      for (int p = 0; p < PRODUCTS; p++) {
        String id = "p" + p;
        products.put(
            id,
            new ProductInfo(
                id,
                "Tool " + p,
                List.of("tools"),
                "Maker " + p % 7,
                Instant.parse("2026-01-01T00:00:00Z"),
                BigDecimal.TEN,
                "/img/" + id + ".jpg",
                "/product/" + id,
                4.0));
      }
      for (int o = 0; o < 3_000; o++) {
        int p = (o * 7) % PRODUCTS;
        order(o, ids(p, p + 3));
      }
      for (int o = 0; o < 1_000; o++) {
        order(3_000 + o, List.of("p" + (1_000 + o % 200), "p" + (1_000 + (o + 1) % 200)));
      }
    }

    private void order(int o, List<String> ids) {
      List<OrderLine> lines = new ArrayList<>();
      for (String id : ids) {
        int p = Integer.parseInt(id.substring(1)) % PRODUCTS;
        lines.add(new OrderLine("p" + p, 1, BigDecimal.TEN));
      }
      orders.add(
          new OrderRecord(
              String.format("o%06d", o),
              "c" + o % 300,
              NOW.minusSeconds(3_600L * (1 + o % 700)),
              lines));
    }

    @Override
    public @Nullable ProductInfo product(String productId) {
      return products.get(productId);
    }

    @Override
    public List<ProductInfo> allProducts() {
      return List.copyOf(products.values());
    }

    @Override
    public List<CategoryInfo> categories() {
      return List.of(new CategoryInfo("tools", "Tools", null));
    }

    @Override
    public List<ProductInfo> searchProducts(String query, int limit) {
      return List.of();
    }

    @Override
    public List<OrderRecord> readBatchOrdersFromLastId(
        @Nullable String lastOrderId, int batchSize) {
      List<OrderRecord> batch = new ArrayList<>();
      for (OrderRecord o : orders) {
        if ((lastOrderId == null || o.orderId().compareTo(lastOrderId) > 0)
            && batch.size() < batchSize) {
          batch.add(o);
        }
      }
      return batch;
    }

    @Override
    public @Nullable CustomerInfo customer(String customerId) {
      return null;
    }

    @Override
    public List<CustomerInfo> search(String query, int limit) {
      return List.of();
    }

    @Override
    public boolean isEligible(String productId, @Nullable CustomerInfo customer) {
      return products.containsKey(productId);
    }

    @Override
    public @Nullable String currentCustomerId() {
      return null;
    }
  }

  @SpringBootConfiguration
  @ImportAutoConfiguration(SmartListsAutoConfiguration.class)
  @Import(Pages.class)
  static class Store {

    static final Map<String, String> PAGES =
        Map.of(
            "sltest-large/cart",
            """
            <!DOCTYPE html>
            <html xmlns:th="http://www.thymeleaf.org" xmlns:sl="https://smartlists.io/dialect">
            <body><div sl:widget="CART" sl:products="${ids}"></div></body>
            </html>
            """,
            "sltest-large/confirmation",
            """
            <!DOCTYPE html>
            <html xmlns:th="http://www.thymeleaf.org" xmlns:sl="https://smartlists.io/dialect">
            <body><div sl:widget="ORDER_CONFIRMATION" sl:products="${ids}"></div></body>
            </html>
            """);

    @Bean
    BigShop shop() {
      return new BigShop();
    }

    @Bean
    SmartListsEventPublisher publisher() {
      return (SmartListsEvent event) -> {};
    }

    @Bean
    MeterRegistry meterRegistry() {
      return new SimpleMeterRegistry();
    }

    @Bean
    StringTemplateResolver largePagesResolver() {
      return InMemoryTemplates.resolver("sltest-large/*", PAGES::get);
    }
  }

  @Controller
  static class Pages {

    @GetMapping("/test/large/cart")
    String cart(Model model) {
      model.addAttribute("ids", ids(0, 1_000));
      return "sltest-large/cart";
    }

    @GetMapping("/test/large/confirmation")
    String confirmation(Model model) {
      List<String> lines = new ArrayList<>();
      for (int i = 0; i < 5_000; i++) {
        lines.add("p" + (i * 13) % 1_000);
      }
      model.addAttribute("ids", lines);
      return "sltest-large/confirmation";
    }
  }
}
