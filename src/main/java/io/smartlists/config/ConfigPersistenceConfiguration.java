package io.smartlists.config;

import io.smartlists.host.CatalogPort;
import jakarta.validation.Validation;
import jakarta.validation.Validator;
import java.time.Clock;
import java.time.Duration;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.core.env.Environment;
import org.springframework.data.jpa.repository.config.EnableJpaRepositories;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * The JPA side of the configuration: its repositories, its entities (added to the host's entity
 * scan) and the {@link ConfigService}, which is also the engine's {@code ConfigSource}.
 *
 * <p>{@code smartlists.config.poll-interval} (default {@code 2s}) bounds how long a change saved on
 * another store node takes to go live on this one.
 */
@Configuration(proxyBeanMethods = false)
@EnableJpaRepositories(basePackageClasses = ConfigPersistenceConfiguration.class)
@Import(ConfigEntityScanRegistrar.class)
public class ConfigPersistenceConfiguration {

  /** The property that bounds how stale a node's configuration may be. */
  public static final String POLL_INTERVAL = "smartlists.config.poll-interval";

  @Bean
  @ConditionalOnMissingBean
  ConfigService smartListsConfigService(
      CellRepository cells,
      RulesRepository rules,
      RevisionRepository revisions,
      PlatformTransactionManager transactions,
      CatalogPort catalog,
      ObjectProvider<Validator> validator,
      ObjectProvider<Clock> clock,
      Environment environment) {
    return new ConfigService(
        cells,
        rules,
        revisions,
        transactions,
        catalog,
        validator.getIfUnique(() -> Validation.buildDefaultValidatorFactory().getValidator()),
        clock.getIfUnique(Clock::systemUTC),
        environment.getProperty(POLL_INTERVAL, Duration.class, Duration.ofSeconds(2)));
  }
}
