package io.smartlists.autoconfigure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.smartlists.engine.SmartListsEngine;
import io.smartlists.host.CustomerLoggedIn;
import io.smartlists.host.OrderConfirmed;
import io.smartlists.host.OrderLine;
import io.smartlists.host.OrderRecord;
import io.smartlists.host.SmartListsEventPublisher;
import io.smartlists.site.SmartListsDialect;
import io.smartlists.site.TestShop;
import io.smartlists.site.ViewTracker;
import io.smartlists.site.Visitors;
import jakarta.servlet.http.Cookie;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.boot.test.context.runner.WebApplicationContextRunner;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.web.MockHttpServletRequest;

/** How the module starts, stops and fails in a store: runners, the off switch, missing ports. */
@ExtendWith(OutputCaptureExtension.class)
class SmartListsStartupTests {

  private static final String VISITOR = "0b7f5d7e-3c1a-4c2e-9d7e-2f1a3b4c5d6e";

  @Test
  void startupRebuildSeesOrdersSavedByAnApplicationRunner(CapturedOutput output) throws Exception {
    try (ConfigurableApplicationContext context =
        new SpringApplicationBuilder(StoreLoadingOrdersAtStartup.class)
            .web(WebApplicationType.NONE)
            .properties("spring.main.banner-mode=off", "smartlists.rebuild.cron=-")
            .run()) {
      TestShop shop = context.getBean(TestShop.class);
      StoreLoadingOrdersAtStartup store = context.getBean(StoreLoadingOrdersAtStartup.class);
      assertThat(store.rebuildsSeenByTheRunner.get()).isZero();
      SmartListsEngine engine = context.getBean(SmartListsEngine.class);
      long deadline = System.nanoTime() + 20_000_000_000L;
      while (engine.signals().orderCount("c1") < 3 && System.nanoTime() < deadline) {
        Thread.sleep(50);
      }
      assertThat(engine.signals().orderCount("c1")).isEqualTo(3);
      assertThat(shop.rebuildsStarted()).isEqualTo(1);
      while (!output.getOut().contains("orders read") && System.nanoTime() < deadline) {
        Thread.sleep(50);
      }
      assertThat(output.getOut()).contains("(3 products, 3 orders read)");
    }
  }

  @Test
  void missingPort_stopsStartUpWithAReportNamingItAndHowToProvideIt(CapturedOutput output) {
    assertThatThrownBy(
            () ->
                new SpringApplicationBuilder(StoreWithoutPorts.class)
                    .web(WebApplicationType.NONE)
                    .properties("spring.main.banner-mode=off")
                    .run()
                    .close())
        .hasRootCauseInstanceOf(MissingPortException.class);
    assertThat(output.getOut() + output.getErr())
        .contains("APPLICATION FAILED TO START")
        .contains("io.smartlists.host.CatalogPort: the catalogue")
        .contains("io.smartlists.host.CurrentCustomerPort")
        .contains("implements io.smartlists.host.CatalogPort")
        .contains("smartlists.enabled=false");
  }

  @Test
  void killSwitch_leavesNoOpPublisherAndVisitors_soTheStoreStartsAndRuns() {
    new WebApplicationContextRunner()
        .withConfiguration(
            AutoConfigurations.of(
                DataSourceAutoConfiguration.class,
                SmartListsAdminAutoConfiguration.class,
                SmartListsAutoConfiguration.class,
                SmartListsDisabledAutoConfiguration.class))
        .withPropertyValues(
            "smartlists.enabled=false",
            "spring.datasource.url=jdbc:h2:mem:kill-switch;DB_CLOSE_DELAY=-1")
        // a store with no port at all: the module is off, so none is needed
        .withUserConfiguration(CheckoutController.class)
        .run(
            context -> {
              assertThat(context).hasNotFailed();
              assertThat(context).doesNotHaveBean(SmartListsEngine.class);
              assertThat(context).doesNotHaveBean(SmartListsDialect.class);
              assertThat(context).doesNotHaveBean(SmartListsSchema.class);
              // the store's templates written for the module still render, without widgets
              org.thymeleaf.spring6.SpringTemplateEngine templates =
                  new org.thymeleaf.spring6.SpringTemplateEngine();
              templates.setTemplateResolver(
                  io.smartlists.testing.InMemoryTemplates.resolver(
                      "product",
                      name ->
                          "<main sl:track-view=\"${product.id}\"><h1>Boots</h1>"
                              + "<div class=\"recs\" sl:widget=\"PRODUCT_PAGE\""
                              + " sl:product=\"${product.id}\">shown only with widgets</div>"
                              + "<p sl:products=\"${cart}\">cart</p></main>"));
              templates.addDialect(
                  context.getBean(io.smartlists.site.InertSmartListsDialect.class));
              assertThat(templates.process("product", new org.thymeleaf.context.Context()))
                  .isEqualTo("<main><h1>Boots</h1><p>cart</p></main>");

              CheckoutController store = context.getBean(CheckoutController.class);
              MockHttpServletRequest request = new MockHttpServletRequest("POST", "/checkout");
              request.setCookies(new Cookie("sl_vid", VISITOR));
              assertThat(store.placeOrder(request)).isEqualTo(VISITOR);
              store.views.productViewed(request, "p1");

              JdbcTemplate jdbc = new JdbcTemplate(context.getBean(DataSource.class));
              assertThat(
                      jdbc.queryForObject(
                          "SELECT COUNT(*) FROM INFORMATION_SCHEMA.TABLES"
                              + " WHERE TABLE_NAME LIKE 'SL\\_%' ESCAPE '\\'",
                          Integer.class))
                  .isZero();
            });
  }

  @Test
  void killSwitchBeansBackOffWhenTheStoreDefinesItsOwn() {
    SmartListsEventPublisher own = event -> {};
    new WebApplicationContextRunner()
        .withConfiguration(AutoConfigurations.of(SmartListsDisabledAutoConfiguration.class))
        .withPropertyValues("smartlists.enabled=false")
        .withBean(SmartListsEventPublisher.class, () -> own)
        .run(context -> assertThat(context.getBean(SmartListsEventPublisher.class)).isSameAs(own));
  }

  @Test
  void killSwitchIsOffByDefault() {
    new WebApplicationContextRunner()
        .withConfiguration(AutoConfigurations.of(SmartListsDisabledAutoConfiguration.class))
        .run(context -> assertThat(context).doesNotHaveBean(SmartListsEventPublisher.class));
  }

  /** A store that loads its orders with an {@link ApplicationRunner}, as demo stores do. */
  @Configuration(proxyBeanMethods = false)
  @ImportAutoConfiguration(SmartListsAutoConfiguration.class)
  static class StoreLoadingOrdersAtStartup {

    final AtomicInteger rebuildsSeenByTheRunner = new AtomicInteger(-1);

    @Bean
    TestShop shop() {
      return new TestShop();
    }

    @Bean
    ApplicationRunner loadOrders(TestShop shop) {
      return args -> {
        Instant at = Instant.parse("2026-11-20T10:00:00Z");
        for (int i = 1; i <= 3; i++) {
          shop.addOrder(
              new OrderRecord(
                  "o" + i,
                  "c1",
                  at.plusSeconds(i),
                  List.of(
                      new OrderLine("p1", 1, new BigDecimal("79.90")),
                      new OrderLine("p2", 2, new BigDecimal("9.50")))));
        }
        rebuildsSeenByTheRunner.set(shop.rebuildsStarted());
      };
    }
  }

  @Configuration(proxyBeanMethods = false)
  @ImportAutoConfiguration(SmartListsAutoConfiguration.class)
  static class StoreWithoutPorts {}

  /** A store's controller that injects what the docs tell it to inject. */
  static class CheckoutController {
    final SmartListsEventPublisher events;
    final Visitors visitors;
    final ViewTracker views;

    CheckoutController(SmartListsEventPublisher events, Visitors visitors, ViewTracker views) {
      this.events = events;
      this.visitors = visitors;
      this.views = views;
    }

    String placeOrder(MockHttpServletRequest request) {
      String visitor = visitors.id(request);
      Instant now = Instant.now();
      events.publish(new CustomerLoggedIn(visitor, "c1", now));
      events.publish(
          new OrderConfirmed(
              visitor,
              new OrderRecord(
                  "o1", "c1", now, List.of(new OrderLine("p1", 1, new BigDecimal("1.00")))),
              now));
      return visitor;
    }
  }
}
