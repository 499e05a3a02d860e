package io.smartlists.autoconfigure;

import io.smartlists.host.CatalogPort;
import io.smartlists.merchandising.CatalogueLookups;
import io.smartlists.merchandising.CellRepository;
import io.smartlists.merchandising.MerchandisingConfigSource;
import io.smartlists.merchandising.MerchandisingEditor;
import io.smartlists.merchandising.RevisionLog;
import io.smartlists.merchandising.RevisionRepository;
import io.smartlists.merchandising.RulesRepository;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;
import org.springframework.beans.factory.BeanFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.support.BeanDefinitionRegistry;
import org.springframework.boot.autoconfigure.AutoConfigurationPackages;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.persistence.autoconfigure.EntityScanPackages;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.ImportBeanDefinitionRegistrar;
import org.springframework.core.env.Environment;
import org.springframework.core.type.AnnotationMetadata;
import org.springframework.data.jpa.repository.config.EnableJpaRepositories;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * The merchandising configuration on JPA: its repositories, its entities (added to the host's
 * entity scan), the revision log, the engine's {@code ConfigSource} and the admin's editor.
 *
 * <p>{@code smartlists.config.poll-interval} (default {@code 2s}) bounds how long a change saved on
 * another store node takes to go live on this one.
 */
@Configuration(proxyBeanMethods = false)
@EnableJpaRepositories(basePackageClasses = MerchandisingEditor.class)
@Import(MerchandisingConfiguration.EntityScanRegistrar.class)
public final class MerchandisingConfiguration {

  /** The property that bounds how stale a node's configuration may be. */
  public static final String POLL_INTERVAL = "smartlists.config.poll-interval";

  @Bean
  @ConditionalOnMissingBean
  RevisionLog smartListsRevisionLog(
      RevisionRepository revisions,
      DataSource dataSource,
      PlatformTransactionManager transactions,
      ObjectProvider<Clock> clock) {
    return new RevisionLog(
        revisions, dataSource, transactions, clock.getIfUnique(Clock::systemUTC));
  }

  @Bean
  @ConditionalOnMissingBean
  MerchandisingConfigSource smartListsMerchandisingConfigSource(
      CellRepository cells,
      RulesRepository rules,
      RevisionLog revisions,
      PlatformTransactionManager transactions,
      ObjectProvider<Clock> clock,
      Environment environment) {
    return new MerchandisingConfigSource(
        cells,
        rules,
        revisions,
        transactions,
        clock.getIfUnique(Clock::systemUTC),
        environment.getProperty(POLL_INTERVAL, Duration.class, Duration.ofSeconds(2)));
  }

  @Bean
  @ConditionalOnMissingBean
  MerchandisingEditor smartListsMerchandisingEditor(
      CellRepository cells,
      RulesRepository rules,
      RevisionLog revisions,
      MerchandisingConfigSource source,
      PlatformTransactionManager transactions,
      CatalogPort catalog,
      ObjectProvider<CatalogueLookups> lookups,
      ObjectProvider<Clock> clock) {
    return new MerchandisingEditor(
        cells,
        rules,
        revisions,
        source,
        transactions,
        catalog,
        // the admin's lookups when the admin is on (one cache for pickers and validation)
        lookups.getIfAvailable(() -> new CatalogueLookups(catalog)),
        clock.getIfUnique(Clock::systemUTC));
  }

  /**
   * Adds the merchandising entities to the JPA entity scan without taking the host's entities away.
   *
   * <p>A plain {@code @EntityScan} on the module would replace the host's default (the package of
   * its {@code @SpringBootApplication}); so when the host has not declared entity-scan packages
   * itself, the host's auto-configuration packages are registered too. When it has (its own
   * {@code @EntityScan}, processed before auto-configuration), the merchandising package is added
   * to them.
   */
  static final class EntityScanRegistrar implements ImportBeanDefinitionRegistrar {

    private static final String ENTITY_SCAN_BEAN = EntityScanPackages.class.getName();

    @Override
    public void registerBeanDefinitions(
        AnnotationMetadata metadata, BeanDefinitionRegistry registry) {
      List<String> packages = new ArrayList<>();
      packages.add(MerchandisingEditor.class.getPackageName());
      if (!registry.containsBeanDefinition(ENTITY_SCAN_BEAN)
          && registry instanceof BeanFactory beanFactory
          && AutoConfigurationPackages.has(beanFactory)) {
        packages.addAll(AutoConfigurationPackages.get(beanFactory));
      }
      EntityScanPackages.register(registry, packages);
    }
  }
}
