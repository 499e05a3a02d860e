package io.smartlists.autoconfigure;

import io.micrometer.core.instrument.MeterRegistry;
import io.smartlists.engine.ConfigSource;
import io.smartlists.engine.DefaultConfiguration;
import io.smartlists.engine.EngineListener;
import io.smartlists.engine.EngineSettings;
import io.smartlists.engine.SmartListsConfig;
import io.smartlists.engine.SmartListsEngine;
import io.smartlists.eventlog.SmartListsEventLogConfiguration;
import io.smartlists.host.CatalogPort;
import io.smartlists.host.CurrentCustomerPort;
import io.smartlists.host.CustomerPort;
import io.smartlists.host.EligibilityPort;
import io.smartlists.host.OrderHistoryPort;
import io.smartlists.site.SmartListsSiteConfiguration;
import io.smartlists.stats.LoggingEngineListener;
import io.smartlists.stats.SmartListsMetrics;
import java.time.Clock;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnSingleCandidate;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.sql.init.dependency.DatabaseInitializationDependencyConfigurer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Auto-configuration of Smart Lists. Active when the store provides the host ports ({@link
 * CatalogPort}, {@link OrderHistoryPort}, {@link CustomerPort}, {@link EligibilityPort}, {@link
 * CurrentCustomerPort}) and {@code smartlists.enabled} is not {@code false}. It provides:
 *
 * <ul>
 *   <li>the {@link SmartListsEngine}, its {@link ConfigSource} (the shipped default configuration
 *       unless the admin's database-backed one is present), Micrometer metrics, and the signals
 *       rebuild at start-up and on schedule;
 *   <li>with a {@link DataSource}: the module's schema (own Flyway location and history table), the
 *       event log and its tailer;
 *   <li>in a servlet web application: the visitor cookie, the {@code sl:} Thymeleaf dialect, click
 *       tracking and the JSON widget endpoint.
 * </ul>
 *
 * Every bean is {@code @ConditionalOnMissingBean}: a store replaces any of them by declaring its
 * own. The admin's auto-configuration is ordered first so its {@code ConfigSource} wins; it must
 * therefore not declare itself {@code after} this class.
 */
@AutoConfiguration(
    afterName = {
      "io.smartlists.autoconfigure.SmartListsAdminAutoConfiguration",
      "org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration",
      "org.springframework.boot.micrometer.metrics.autoconfigure.CompositeMeterRegistryAutoConfiguration",
      "org.springframework.boot.micrometer.metrics.autoconfigure.export.simple.SimpleMetricsExportAutoConfiguration"
    })
@ConditionalOnBooleanProperty(name = "smartlists.enabled", matchIfMissing = true)
@ConditionalOnBean({
  CatalogPort.class,
  OrderHistoryPort.class,
  CustomerPort.class,
  EligibilityPort.class,
  CurrentCustomerPort.class
})
@EnableConfigurationProperties(SmartListsProperties.class)
public final class SmartListsAutoConfiguration {

  /** The engine, its configuration source, its metrics and its rebuild schedule. */
  @Configuration(proxyBeanMethods = false)
  static class EngineConfiguration {

    @Bean
    @ConditionalOnMissingBean
    ConfigSource smartListsConfigSource(SmartListsProperties properties) {
      SmartListsConfig shipped = DefaultConfiguration.create();
      SmartListsConfig config =
          new SmartListsConfig(
              shipped.version(),
              shipped.cells(),
              properties.getStages().toRules(),
              shipped.globalRules());
      return () -> config;
    }

    @Bean
    @ConditionalOnMissingBean
    SmartListsEngine smartListsEngine(
        CatalogPort catalog,
        OrderHistoryPort orders,
        CustomerPort customers,
        EligibilityPort eligibility,
        ConfigSource config,
        ObjectProvider<EngineListener> listener,
        ObjectProvider<Clock> clock,
        SmartListsProperties properties) {
      return new SmartListsEngine(
          catalog,
          orders,
          customers,
          eligibility,
          config,
          new EngineSettings(
              properties.getTimeBudget(),
              properties.getRebuild().getBatchSize(),
              properties.getVisitor().getMaxInMemory(),
              properties.getVisitor().getIdleForget()),
          new LoggingEngineListener(listener.getIfUnique(() -> EngineListener.NONE)),
          clock.getIfUnique(Clock::systemUTC));
    }

    @Bean
    @ConditionalOnMissingBean
    SignalsMaintenance smartListsSignalsMaintenance(
        SmartListsEngine engine, SmartListsProperties properties) {
      return new SignalsMaintenance(engine, properties.getRebuild());
    }
  }

  /** Micrometer meters of the engine and the storefront, when the store has a registry. */
  @Configuration(proxyBeanMethods = false)
  @ConditionalOnClass(MeterRegistry.class)
  @ConditionalOnBean(MeterRegistry.class)
  static class MetricsConfiguration {

    @Bean
    @ConditionalOnMissingBean
    SmartListsMetrics smartListsMetrics(MeterRegistry registry) {
      return new SmartListsMetrics(registry);
    }
  }

  /** The module's schema and the event log, on the store's database. */
  @Configuration(proxyBeanMethods = false)
  @ConditionalOnClass({JdbcTemplate.class, Flyway.class})
  @ConditionalOnSingleCandidate(DataSource.class)
  @Import({SmartListsEventLogConfiguration.class, DatabaseInitializationDependencyConfigurer.class})
  static class EventLogConfiguration {}

  /** The storefront: visitor cookie, dialect, click tracking, JSON endpoint. */
  @Configuration(proxyBeanMethods = false)
  @ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
  @ConditionalOnBooleanProperty(name = "smartlists.site.enabled", matchIfMissing = true)
  @Import(SmartListsSiteConfiguration.class)
  static class SiteConfiguration {}
}
