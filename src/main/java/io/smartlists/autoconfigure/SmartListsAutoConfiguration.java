package io.smartlists.autoconfigure;

import io.micrometer.core.instrument.MeterRegistry;
import io.smartlists.engine.ConfigSource;
import io.smartlists.engine.EngineListener;
import io.smartlists.engine.EngineSettings;
import io.smartlists.engine.SmartListsEngine;
import io.smartlists.engine.model.DefaultConfiguration;
import io.smartlists.engine.model.SmartListsConfig;
import io.smartlists.host.CatalogPort;
import io.smartlists.host.CurrentCustomerPort;
import io.smartlists.host.CustomerPort;
import io.smartlists.host.EligibilityPort;
import io.smartlists.host.OrderHistoryPort;
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
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Auto-configuration of Smart Lists, on unless {@code smartlists.enabled=false} (then {@link
 * SmartListsDisabledAutoConfiguration} leaves no-op beans instead). The store must provide the host
 * ports ({@link CatalogPort}, {@link OrderHistoryPort}, {@link CustomerPort}, {@link
 * EligibilityPort}, {@link CurrentCustomerPort}): a missing one stops start-up with a report that
 * names it ({@link MissingPortFailureAnalyzer}). It provides:
 *
 * <ul>
 *   <li>the {@link SmartListsEngine}, its {@link ConfigSource} (the shipped default configuration
 *       unless the admin's database-backed one is present), Micrometer metrics when the store has a
 *       {@link MeterRegistry} (Actuator provides one), and the signals rebuild when the application
 *       is ready, on schedule and after catalogue changes;
 *   <li>with a {@link DataSource}: the module's schema (its own Flyway instance, one folder per
 *       feature, history table {@code SL_SCHEMA_HISTORY}), the event log and its tailer;
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
@EnableConfigurationProperties(SmartListsProperties.class)
public final class SmartListsAutoConfiguration {

  /** The engine, its ports, its configuration source and its rebuild schedule. */
  @Configuration(proxyBeanMethods = false)
  static class EngineConfiguration {

    @Bean
    @ConditionalOnMissingBean
    HostPorts smartListsHostPorts(
        ObjectProvider<CatalogPort> catalog,
        ObjectProvider<OrderHistoryPort> orders,
        ObjectProvider<CustomerPort> customers,
        ObjectProvider<EligibilityPort> eligibility,
        ObjectProvider<CurrentCustomerPort> currentCustomer) {
      return HostPorts.require(catalog, orders, customers, eligibility, currentCustomer);
    }

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
        HostPorts ports,
        ConfigSource config,
        ObjectProvider<EngineListener> listener,
        ObjectProvider<Clock> clock,
        SmartListsProperties properties) {
      return new SmartListsEngine(
          ports.catalog(),
          ports.orders(),
          ports.customers(),
          ports.eligibility(),
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
  @Import(EventLogConfiguration.class)
  static class DatabaseConfiguration {}

  /** The storefront: visitor cookie, dialect, click tracking, JSON endpoint. */
  @Configuration(proxyBeanMethods = false)
  @ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
  @ConditionalOnBooleanProperty(name = "smartlists.site.enabled", matchIfMissing = true)
  @Import(SiteConfiguration.class)
  static class StorefrontConfiguration {}
}
