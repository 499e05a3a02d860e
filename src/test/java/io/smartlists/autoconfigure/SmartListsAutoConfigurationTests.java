package io.smartlists.autoconfigure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.smartlists.engine.ConfigSource;
import io.smartlists.engine.EngineListener;
import io.smartlists.engine.EngineSettings;
import io.smartlists.engine.SmartListsEngine;
import io.smartlists.engine.model.DefaultConfiguration;
import io.smartlists.engine.model.JourneyStage;
import io.smartlists.engine.model.Placement;
import io.smartlists.engine.model.SmartListsConfig;
import io.smartlists.engine.model.StageRules;
import io.smartlists.engine.model.Widget;
import io.smartlists.engine.model.WidgetRequest;
import io.smartlists.host.CatalogPort;
import io.smartlists.host.CustomerPort;
import io.smartlists.host.ProductChanged;
import io.smartlists.host.ProductInfo;
import io.smartlists.host.ProductViewed;
import io.smartlists.host.SmartListsEventPublisher;
import io.smartlists.merchandising.MerchandisingConfigSource;
import io.smartlists.site.SmartListsDialect;
import io.smartlists.site.TestShop;
import io.smartlists.site.WidgetService;
import io.smartlists.stats.ClickSigner;
import io.smartlists.stats.ShopperEventRecorder;
import io.smartlists.stats.SmartListsMetrics;
import io.smartlists.stats.StatsFigures;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.autoconfigure.AutoConfigurationPackage;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.data.jpa.autoconfigure.DataJpaRepositoriesAutoConfiguration;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.flyway.autoconfigure.FlywayAutoConfiguration;
import org.springframework.boot.hibernate.autoconfigure.HibernateJpaAutoConfiguration;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.context.runner.WebApplicationContextRunner;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.transaction.autoconfigure.TransactionAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;

class SmartListsAutoConfigurationTests {

  private final ApplicationContextRunner runner =
      new ApplicationContextRunner()
          .withPropertyValues("smartlists.rebuild.on-startup=false")
          .withConfiguration(AutoConfigurations.of(SmartListsAutoConfiguration.class));

  @Test
  void missingPortsStopStartUp_andTheFailureAnalysisNamesEachOne() {
    runner
        .withBean(CatalogPort.class, () -> mock(CatalogPort.class))
        .withBean(CustomerPort.class, () -> mock(CustomerPort.class))
        .run(
            context -> {
              assertThat(context).hasFailed();
              Throwable failure = context.getStartupFailure();
              FailureAnalysis analysis = new MissingPortFailureAnalyzer().analyze(failure);
              assertThat(analysis).isNotNull();
              assertThat(analysis.getDescription())
                  .contains(
                      "io.smartlists.host.OrderHistoryPort",
                      "io.smartlists.host.EligibilityPort",
                      "io.smartlists.host.CurrentCustomerPort")
                  .doesNotContain("io.smartlists.host.CatalogPort")
                  .doesNotContain("io.smartlists.host.CustomerPort:");
              assertThat(analysis.getAction())
                  .contains(
                      "implements io.smartlists.host.OrderHistoryPort", "smartlists.enabled=false");
            });
  }

  @Test
  void providesEngineAndShippedConfigurationWhenHostProvidesPorts() {
    runner
        .withUserConfiguration(Host.class)
        .run(
            context -> {
              assertThat(context).hasSingleBean(SmartListsEngine.class);
              SmartListsConfig config = context.getBean(ConfigSource.class).current();
              assertThat(config.cells()).isEqualTo(DefaultConfiguration.create().cells());
              assertThat(config.slots(Placement.CART, JourneyStage.ACQUISITION)).isNotEmpty();
              assertThat(context.getBean(SmartListsEngine.class).config()).isSameAs(config);
            });
  }

  @Test
  void rebuildsOnTheFixedDelay() {
    new ApplicationContextRunner()
        .withConfiguration(AutoConfigurations.of(SmartListsAutoConfiguration.class))
        .withUserConfiguration(Host.class)
        .withPropertyValues("smartlists.rebuild.fixed-delay=200ms")
        .run(
            context -> {
              TestShop shop = context.getBean(TestShop.class);
              long deadline = System.nanoTime() + 20_000_000_000L;
              while (shop.rebuildsStarted() < 3 && System.nanoTime() < deadline) {
                Thread.sleep(50);
              }
              assertThat(shop.rebuildsStarted()).isGreaterThanOrEqualTo(3);
            });
  }

  @Test
  void noRebuildAtStartupWhenSwitchedOff() {
    runner
        .withUserConfiguration(Host.class)
        .run(
            context -> {
              Thread.sleep(300);
              assertThat(context.getBean(TestShop.class).rebuildsStarted()).isZero();
            });
  }

  @Test
  void backsOffWhenUserDefinesEngine() {
    runner
        .withUserConfiguration(Host.class, OwnEngine.class)
        .run(
            context -> {
              assertThat(context).hasSingleBean(SmartListsEngine.class);
              assertThat(context.getBean(SmartListsEngine.class))
                  .isSameAs(context.getBean(OwnEngine.class).engine);
            });
  }

  @Test
  void backsOffWhenUserDefinesConfigSource() {
    SmartListsConfig own =
        new SmartListsConfig(
            42,
            Map.of(),
            DefaultConfiguration.create().stageRules(),
            DefaultConfiguration.create().globalRules());
    runner
        .withUserConfiguration(Host.class)
        .withBean(ConfigSource.class, () -> () -> own)
        .run(
            context ->
                assertThat(context.getBean(SmartListsEngine.class).config().version())
                    .isEqualTo(42));
  }

  @Test
  void stageThresholdsAndTimeBudgetComeFromProperties() {
    runner
        .withUserConfiguration(Host.class)
        .withPropertyValues(
            "smartlists.stages.inactivity-days=90",
            "smartlists.stages.browsing-threshold=5",
            "smartlists.stages.b2b-group=PRO",
            "smartlists.time-budget=20ms")
        .run(
            context -> {
              SmartListsConfig config = context.getBean(ConfigSource.class).current();
              assertThat(config.stageRules().inactivityDays()).isEqualTo(90);
              assertThat(config.stageRules().browsingThreshold()).isEqualTo(5);
              assertThat(config.stageRules().b2bGroup()).isEqualTo("PRO");
              assertThat(context.getBean(SmartListsProperties.class).getTimeBudget()).hasMillis(20);
            });
  }

  @Test
  void defaultsMatchTheDocumentedOnes() {
    SmartListsProperties p = new SmartListsProperties();
    assertThat(p.isEnabled()).isTrue();
    assertThat(p.getTimeBudget()).isEqualTo(EngineSettings.DEFAULT.timeBudget()).hasMillis(50);
    assertThat(p.getEventLog().getPollInterval()).hasSeconds(1);
    assertThat(p.getVisitor().getCookieName()).isEqualTo("sl_vid");
    assertThat(p.getRebuild().isOnStartup()).isTrue();
    assertThat(p.getRebuild().getCron()).isEqualTo("0 0 3 * * *");
    assertThat(p.getRebuild().getBatchSize()).isEqualTo(EngineSettings.DEFAULT.rebuildBatchSize());
    assertThat(p.getStages().toRules()).isEqualTo(StageRules.DEFAULT);
    assertThat(p.getVisitor().getMaxInMemory())
        .isEqualTo(EngineSettings.DEFAULT.browsingMaxEntries());
    assertThat(p.getVisitor().getIdleForget()).isEqualTo(EngineSettings.DEFAULT.browsingIdle());
  }

  @Test
  void bindsMicrometerWhenTheStoreHasARegistry() {
    runner
        .withUserConfiguration(Host.class)
        .withBean(MeterRegistry.class, SimpleMeterRegistry::new)
        .run(
            context -> {
              assertThat(context).hasSingleBean(SmartListsMetrics.class);
              MeterRegistry registry = context.getBean(MeterRegistry.class);
              assertThat(registry.find("smartlists.widget.compose").timers())
                  .hasSize(Placement.values().length * Widget.Outcome.values().length);
              SmartListsMetrics metrics = context.getBean(SmartListsMetrics.class);
              metrics.composed(Placement.CART, Widget.Outcome.TIMEOUT, 60_000_000L);
              metrics.composed(Placement.CART, Widget.Outcome.OK, 40_000L);
              assertThat(
                      registry
                          .get("smartlists.widget.failures")
                          .tag("placement", "CART")
                          .tag("outcome", "TIMEOUT")
                          .counter()
                          .count())
                  .isEqualTo(1);
              assertThat(
                      registry
                          .get("smartlists.widget.compose")
                          .tag("placement", "CART")
                          .tag("outcome", "OK")
                          .timer()
                          .count())
                  .isEqualTo(1);
            });
  }

  @Test
  @ExtendWith(OutputCaptureExtension.class)
  void engineFailure_rendersEmpty_isCountedAndLoggedOnce(CapturedOutput output) {
    runner
        .withUserConfiguration(Host.class)
        .withBean(MeterRegistry.class, SimpleMeterRegistry::new)
        .run(
            context -> {
              TestShop shop = context.getBean(TestShop.class);
              SmartListsEngine engine = context.getBean(SmartListsEngine.class);
              shop.failCustomerLookups(true);
              WidgetRequest request =
                  new WidgetRequest(
                      Placement.CART, "v1", "c1", List.of("p1"), Instant.now(), false);
              for (int i = 0; i < 3; i++) {
                assertThat(engine.compose(request).outcome()).isEqualTo(Widget.Outcome.ERROR);
              }
              assertThat(
                      context
                          .getBean(MeterRegistry.class)
                          .get("smartlists.widget.failures")
                          .tag("placement", "CART")
                          .tag("outcome", "ERROR")
                          .counter()
                          .count())
                  .isEqualTo(3);
              assertThat(output.getOut().split("Smart Lists widget CART failed", -1)).hasSize(2);
              assertThat(output.getOut()).contains("customer directory unavailable");
            });
  }

  @Test
  void eventLogMigratesItsOwnSchemaWhenTheStoreHasADatabase() {
    runner
        .withUserConfiguration(Host.class)
        .withConfiguration(AutoConfigurations.of(DataSourceAutoConfiguration.class))
        .withPropertyValues("spring.datasource.url=jdbc:h2:mem:ac-eventlog;DB_CLOSE_DELAY=-1")
        .run(
            context -> {
              assertThat(context).hasSingleBean(SmartListsSchema.class);
              assertThat(context).hasSingleBean(SmartListsEventPublisher.class);
              JdbcTemplate jdbc = new JdbcTemplate(context.getBean(DataSource.class));
              List<String> versions =
                  jdbc.queryForList(
                      "SELECT \"version\" FROM SL_SCHEMA_HISTORY WHERE \"success\" ORDER BY \"installed_rank\"",
                      String.class);
              assertThat(versions).contains("1");
              assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM SL_EVENT", Integer.class))
                  .isZero();
              // the merchandising tables migrate with the admin's configuration, not here
              assertThat(
                      jdbc.queryForObject(
                          "SELECT COUNT(*) FROM INFORMATION_SCHEMA.TABLES WHERE TABLE_NAME = 'SL_CELL'",
                          Integer.class))
                  .isZero();
            });
  }

  @Test
  void statisticsMigrateTheirTablesWithTheEventLogs() {
    runner
        .withUserConfiguration(Host.class)
        .withConfiguration(
            AutoConfigurations.of(
                DataSourceAutoConfiguration.class, SmartListsStatsFiguresConfiguration.class))
        .withPropertyValues("spring.datasource.url=jdbc:h2:mem:ac-stats;DB_CLOSE_DELAY=-1")
        .run(
            context -> {
              assertThat(context).hasSingleBean(ClickSigner.class);
              assertThat(context).hasSingleBean(StatsFigures.class);
              JdbcTemplate jdbc = new JdbcTemplate(context.getBean(DataSource.class));
              assertThat(
                      jdbc.queryForList(
                          "SELECT \"version\" FROM SL_SCHEMA_HISTORY WHERE \"success\""
                              + " AND \"version\" IS NOT NULL ORDER BY \"version\"",
                          String.class))
                  .containsExactly("1", "1.1", "3", "3.1", "3.2", "3.3", "3.3.1");
              assertThat(
                      jdbc.queryForObject("SELECT COUNT(*) FROM SL_STAT_IMPRESSION", Integer.class))
                  .isZero();
              // the generated click-token key and holdout salt are stored once per store
              assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM SL_STORE_SECRET", Integer.class))
                  .isEqualTo(2);
            });
  }

  @Test
  void leavesTheStoresOwnFlywayAlone() {
    runner
        .withUserConfiguration(Host.class)
        .withConfiguration(
            AutoConfigurations.of(DataSourceAutoConfiguration.class, FlywayAutoConfiguration.class))
        .withPropertyValues(
            "spring.datasource.url=jdbc:h2:mem:ac-hostflyway;DB_CLOSE_DELAY=-1",
            "spring.flyway.fail-on-missing-locations=false")
        .run(
            context -> {
              assertThat(context).hasSingleBean(Flyway.class); // Boot's, for the store's migrations
              assertThat(context).hasSingleBean(SmartListsSchema.class);
              JdbcTemplate jdbc = new JdbcTemplate(context.getBean(DataSource.class));
              // the store's history and the module's, side by side; the module's baselined at 0
              assertThat(
                      jdbc.queryForObject(
                          "SELECT COUNT(*) FROM \"flyway_schema_history\"", Integer.class))
                  .isNotNull();
              assertThat(
                      jdbc.queryForList(
                          "SELECT \"version\" FROM SL_SCHEMA_HISTORY ORDER BY \"installed_rank\"",
                          String.class))
                  .contains("0", "1");
            });
  }

  @Test
  void springApplicationEventsGoToTheEventLog() {
    runner
        .withUserConfiguration(Host.class)
        .withConfiguration(
            AutoConfigurations.of(
                DataSourceAutoConfiguration.class, SmartListsStatsFiguresConfiguration.class))
        .withPropertyValues("spring.datasource.url=jdbc:h2:mem:ac-bridge;DB_CLOSE_DELAY=-1")
        .run(
            context -> {
              context.publishEvent(
                  new ProductViewed(
                      "0b7f5d7e-3c1a-4c2e-9d7e-2f1a3b4c5d6e",
                      null,
                      "p1",
                      Instant.parse("2026-11-23T10:00:00Z")));
              // a view reaches the log through the statistics recorder's next batch (issue 11)
              context.getBean(ShopperEventRecorder.class).flush();
              JdbcTemplate jdbc = new JdbcTemplate(context.getBean(DataSource.class));
              assertThat(jdbc.queryForList("SELECT TYPE FROM SL_EVENT", String.class))
                  .containsExactly("ProductViewed");
              assertThat(jdbc.queryForObject("SELECT VISITOR_ID FROM SL_EVENT", String.class))
                  .isEqualTo("0b7f5d7e-3c1a-4c2e-9d7e-2f1a3b4c5d6e");
            });
  }

  @Test
  void usesTheAdminsStoredConfiguration_migratedBeforeJpaValidates() {
    new ApplicationContextRunner()
        .withPropertyValues(
            "smartlists.rebuild.on-startup=false",
            "spring.datasource.url=jdbc:h2:mem:ac-admin;DB_CLOSE_DELAY=-1",
            "spring.jpa.hibernate.ddl-auto=validate")
        .withConfiguration(
            AutoConfigurations.of(
                DataSourceAutoConfiguration.class,
                HibernateJpaAutoConfiguration.class,
                DataJpaRepositoriesAutoConfiguration.class,
                TransactionAutoConfiguration.class,
                SmartListsAdminAutoConfiguration.class,
                SmartListsAutoConfiguration.class))
        .withUserConfiguration(Host.class, StorePackage.class)
        .run(
            context -> {
              assertThat(context).hasNotFailed();
              assertThat(context).hasSingleBean(ConfigSource.class);
              assertThat(context.getBean(ConfigSource.class))
                  .isInstanceOf(MerchandisingConfigSource.class);
              assertThat(context.getBean(SmartListsEngine.class).config())
                  .isEqualTo(context.getBean(MerchandisingConfigSource.class).current());
            });
  }

  static ProductInfo scarf(String id, String category) {
    return new ProductInfo(
        id,
        "Wool scarf",
        List.of(category),
        "Acme",
        Instant.parse("2026-11-20T00:00:00Z"),
        new BigDecimal("19.00"),
        "/img/" + id + ".jpg",
        "/product/" + id,
        4.0);
  }

  @Test
  void productChanged_refreshesTheProductAtOnceWithoutARebuild() {
    runner
        .withUserConfiguration(Host.class)
        .withConfiguration(AutoConfigurations.of(DataSourceAutoConfiguration.class))
        .withPropertyValues(
            "spring.datasource.url=jdbc:h2:mem:ac-catalog;DB_CLOSE_DELAY=-1",
            "smartlists.rebuild.catalog-change-delay=200ms")
        .run(
            context -> {
              TestShop shop = context.getBean(TestShop.class);
              SmartListsEngine engine = context.getBean(SmartListsEngine.class);
              engine.rebuild();
              int rebuilds = shop.rebuildsStarted();
              shop.addProduct(scarf("p9", "shoes"));
              assertThat(engine.signals().indexOf("p9")).isNegative();

              context
                  .getBean(SmartListsEventPublisher.class)
                  .publish(new ProductChanged("p9", Instant.now()));

              long deadline = System.nanoTime() + 10_000_000_000L;
              while (engine.signals().indexOf("p9") < 0 && System.nanoTime() < deadline) {
                Thread.sleep(50);
              }
              int p9 = engine.signals().indexOf("p9");
              assertThat(p9).isNotNegative();
              assertThat(engine.signals().newArrivals()).contains(p9);
              assertThat(engine.signals().isInCategory(p9, engine.signals().categoryIndex("shoes")))
                  .isTrue();
              Thread.sleep(400); // past the delay: no rebuild was scheduled
              assertThat(shop.rebuildsStarted()).isEqualTo(rebuilds);
            });
  }

  @Test
  void productChanged_inACategoryTheSignalsDoNotKnow_rebuildsAfterTheDelay() {
    runner
        .withUserConfiguration(Host.class)
        .withConfiguration(AutoConfigurations.of(DataSourceAutoConfiguration.class))
        .withPropertyValues(
            "spring.datasource.url=jdbc:h2:mem:ac-catalog-new;DB_CLOSE_DELAY=-1",
            "smartlists.rebuild.catalog-change-delay=200ms")
        .run(
            context -> {
              TestShop shop = context.getBean(TestShop.class);
              SmartListsEngine engine = context.getBean(SmartListsEngine.class);
              engine.rebuild();
              int rebuilds = shop.rebuildsStarted();
              shop.addCategory(new io.smartlists.host.CategoryInfo("hats", "Hats", null));
              shop.addProduct(scarf("p9", "hats"));

              context
                  .getBean(SmartListsEventPublisher.class)
                  .publish(new ProductChanged("p9", Instant.now()));
              context
                  .getBean(SmartListsEventPublisher.class)
                  .publish(new ProductChanged("p9", Instant.now()));

              long deadline = System.nanoTime() + 10_000_000_000L;
              while (engine.signals().indexOf("p9") < 0 && System.nanoTime() < deadline) {
                Thread.sleep(50);
              }
              assertThat(engine.signals().indexOf("p9")).isNotNegative();
              assertThat(engine.signals().categoryIndex("hats")).isNotNegative();
              Thread.sleep(400);
              // both changes joined one rebuild
              assertThat(shop.rebuildsStarted()).isEqualTo(rebuilds + 1);
            });
  }

  @Test
  void catalogChangesWaitForTheScheduleWhenTheDelayIsZero() {
    runner
        .withUserConfiguration(Host.class)
        .withConfiguration(AutoConfigurations.of(DataSourceAutoConfiguration.class))
        .withPropertyValues(
            "spring.datasource.url=jdbc:h2:mem:ac-catalog-off;DB_CLOSE_DELAY=-1",
            "smartlists.rebuild.catalog-change-delay=0")
        .run(
            context -> {
              TestShop shop = context.getBean(TestShop.class);
              context
                  .getBean(SmartListsEventPublisher.class)
                  .publish(new ProductChanged("p2", Instant.now()));
              Thread.sleep(500);
              assertThat(shop.rebuildsStarted()).isZero();
            });
  }

  @Test
  void noEventLogWithoutDatabase() {
    runner
        .withUserConfiguration(Host.class)
        .run(
            context -> {
              assertThat(context).hasSingleBean(SmartListsEngine.class);
              assertThat(context).doesNotHaveBean(SmartListsEventPublisher.class);
            });
  }

  @Test
  void storefrontOnlyInAServletWebApplication() {
    runner
        .withUserConfiguration(Host.class)
        .run(context -> assertThat(context).doesNotHaveBean(SmartListsDialect.class));
    new WebApplicationContextRunner()
        .withPropertyValues("smartlists.rebuild.on-startup=false")
        .withConfiguration(AutoConfigurations.of(SmartListsAutoConfiguration.class))
        .withUserConfiguration(Host.class)
        .run(
            context -> {
              assertThat(context).hasSingleBean(SmartListsDialect.class);
              assertThat(context).hasSingleBean(WidgetService.class);
            });
  }

  @Test
  void storefrontIsDisabledByProperty() {
    new WebApplicationContextRunner()
        .withPropertyValues("smartlists.rebuild.on-startup=false", "smartlists.site.enabled=false")
        .withConfiguration(AutoConfigurations.of(SmartListsAutoConfiguration.class))
        .withUserConfiguration(Host.class)
        .run(
            context -> {
              assertThat(context).hasSingleBean(SmartListsEngine.class);
              assertThat(context).doesNotHaveBean(SmartListsDialect.class);
            });
  }

  @Configuration(proxyBeanMethods = false)
  static class Host {
    @Bean
    TestShop shop() {
      return new TestShop();
    }
  }

  /** A store's {@code @SpringBootApplication} registers its package; JPA scanning needs one. */
  @Configuration(proxyBeanMethods = false)
  @AutoConfigurationPackage
  static class StorePackage {}

  @Configuration(proxyBeanMethods = false)
  static class OwnEngine {
    final SmartListsEngine engine;

    OwnEngine() {
      TestShop shop = new TestShop();
      engine =
          new SmartListsEngine(
              shop,
              shop,
              shop,
              shop,
              DefaultConfiguration::create,
              EngineSettings.DEFAULT,
              EngineListener.NONE,
              Clock.systemUTC());
    }

    @Bean
    SmartListsEngine ownEngine() {
      return engine;
    }
  }
}
