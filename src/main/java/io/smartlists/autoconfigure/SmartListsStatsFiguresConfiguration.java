package io.smartlists.autoconfigure;

import io.smartlists.admin.MatrixFiguresAdvice;
import io.smartlists.admin.stats.StatisticsController;
import io.smartlists.engine.SmartListsEngine;
import io.smartlists.host.CatalogPort;
import io.smartlists.host.SmartListsEventPublisher;
import io.smartlists.stats.CartAddTracker;
import io.smartlists.stats.ClickSigner;
import io.smartlists.stats.ClickTracking;
import io.smartlists.stats.Holdout;
import io.smartlists.stats.JdbcStatsQueries;
import io.smartlists.stats.ShopperEventSink;
import io.smartlists.stats.StatOrders;
import io.smartlists.stats.StatsFigures;
import io.smartlists.stats.StatsQueries;
import io.smartlists.stats.StoreSecrets;
import io.smartlists.stats.TrackingEventPublisher;
import io.smartlists.stats.WidgetTracking;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import javax.sql.DataSource;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnSingleCandidate;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The statistics' figures: impressions with the holdout, signed click tokens, add-to-carts of
 * clicked products, attribution and the figures the admin's Statistics screen and journey matrix
 * show. Active with the engine and the store's database (the rows and the event log live there).
 * Rows go to the {@link ShopperEventSink} bean: the asynchronous recorder of {@link
 * SmartListsStatsConfiguration} unless the store declares its own. Settings: {@code
 * smartlists.stats.*} ({@link StatsFiguresProperties}).
 */
@AutoConfiguration(after = SmartListsAutoConfiguration.class)
@ConditionalOnBooleanProperty(name = "smartlists.enabled", matchIfMissing = true)
@ConditionalOnBean({SmartListsEngine.class, SmartListsSchema.class})
@ConditionalOnSingleCandidate(DataSource.class)
@EnableConfigurationProperties(StatsFiguresProperties.class)
@Import(SmartListsStatsConfiguration.class)
public final class SmartListsStatsFiguresConfiguration {

  /** The statistics' tables, migrated by {@link SmartListsSchema} with the other features'. */
  @Bean
  @ConditionalOnMissingBean(name = "smartListsStatsMigrations")
  SmartListsMigrations smartListsStatsMigrations() {
    return SmartListsMigrations.STATS;
  }

  @Bean
  @ConditionalOnMissingBean
  StoreSecrets smartListsStoreSecrets(DataSource dataSource, SmartListsSchema migratedFirst) {
    return new StoreSecrets(new JdbcTemplate(dataSource));
  }

  @Bean
  @ConditionalOnMissingBean
  ClickSigner smartListsClickSigner(StatsFiguresProperties properties, StoreSecrets secrets) {
    String configured = properties.getClickSecret();
    return new ClickSigner(
        configured != null
            ? configured.getBytes(StandardCharsets.UTF_8)
            : secrets.get(StoreSecrets.CLICK_TOKEN));
  }

  @Bean
  @ConditionalOnMissingBean
  Holdout smartListsHoldout(StatsFiguresProperties properties, StoreSecrets secrets) {
    String salt = properties.getHoldout().getSalt();
    return new Holdout(
        salt != null
            ? salt.getBytes(StandardCharsets.UTF_8)
            : secrets.get(StoreSecrets.HOLDOUT_SALT),
        properties.getHoldout().getShare());
  }

  @Bean
  @ConditionalOnMissingBean
  CartAddTracker smartListsCartAddTracker(
      ObjectProvider<ShopperEventSink> sink, StatsFiguresProperties properties) {
    return new CartAddTracker(
        sink.getIfUnique(() -> ShopperEventSink.NONE), properties.getAttributionWindow());
  }

  @Bean
  @ConditionalOnMissingBean
  WidgetTracking smartListsWidgetTracking(
      ObjectProvider<ShopperEventSink> sink,
      ClickSigner signer,
      Holdout holdout,
      ObjectProvider<Clock> clock) {
    return new WidgetTracking(
        sink.getIfUnique(() -> ShopperEventSink.NONE),
        signer,
        holdout,
        clock.getIfUnique(Clock::systemUTC));
  }

  @Bean
  @ConditionalOnMissingBean
  ClickTracking smartListsClickTracking(
      ObjectProvider<ShopperEventSink> sink,
      ClickSigner signer,
      CartAddTracker cartAdds,
      StatsFiguresProperties properties,
      ObjectProvider<Clock> clock) {
    return new ClickTracking(
        sink.getIfUnique(() -> ShopperEventSink.NONE),
        signer,
        cartAdds,
        properties.getAttributionWindow(),
        clock.getIfUnique(Clock::systemUTC));
  }

  /** The statistics' order figures, kept beside the event log's order events. */
  @Bean
  @ConditionalOnMissingBean
  StatOrders smartListsStatOrders(DataSource dataSource, SmartListsSchema migratedFirst) {
    return new StatOrders(dataSource);
  }

  /**
   * Feeds the store's {@code CartChanged} events to the add-to-cart tracker and its order events to
   * the order figures.
   */
  @Bean
  static BeanPostProcessor smartListsCartAddPublisherPostProcessor(
      ObjectProvider<CartAddTracker> cartAdds, ObjectProvider<StatOrders> orders) {
    return new BeanPostProcessor() {
      @Override
      public Object postProcessAfterInitialization(Object bean, String beanName) {
        if (bean instanceof SmartListsEventPublisher publisher
            && !(bean instanceof TrackingEventPublisher)) {
          CartAddTracker tracker = cartAdds.getIfUnique();
          if (tracker != null) {
            return new TrackingEventPublisher(publisher, tracker, orders.getIfUnique());
          }
        }
        return bean;
      }
    };
  }

  @Bean
  @ConditionalOnMissingBean
  StatsQueries smartListsStatsQueries(DataSource dataSource, SmartListsSchema migratedFirst) {
    return new JdbcStatsQueries(new JdbcTemplate(dataSource));
  }

  @Bean
  @ConditionalOnMissingBean
  StatsFigures smartListsStatsFigures(
      StatsQueries queries,
      StatsFiguresProperties properties,
      Holdout holdout,
      ObjectProvider<Clock> clock) {
    return new StatsFigures(
        queries,
        properties.getAttributionWindow(),
        holdout.share(),
        clock.getIfUnique(Clock::systemUTC));
  }

  /** The admin's Statistics screen and the matrix's figures. */
  @Configuration(proxyBeanMethods = false)
  @ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
  @ConditionalOnBooleanProperty(name = "smartlists.admin.enabled", matchIfMissing = true)
  @ConditionalOnBean(CatalogPort.class)
  @Import({StatisticsController.class, MatrixFiguresAdvice.class})
  static class StatisticsAdmin {}
}
