package io.smartlists.autoconfigure;

import io.micrometer.core.instrument.MeterRegistry;
import io.smartlists.stats.ShopperEventRecorder;
import io.smartlists.stats.ShopperEventSink;
import io.smartlists.stats.StatsMaintenance;
import io.smartlists.stats.StatsRollupJob;
import java.time.Clock;
import java.util.UUID;
import javax.sql.DataSource;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The statistics' storage, imported by {@link SmartListsStatsFiguresConfiguration} (so present
 * whenever the store has a {@link DataSource} and the module is on): the asynchronous shopper-event
 * recorder, which is the default {@link ShopperEventSink} (a store's own sink bean replaces it),
 * and the hourly roll-up and purge job that runs on every node. Settings: {@code
 * smartlists.stats.*}.
 */
@Configuration(proxyBeanMethods = false)
final class SmartListsStatsConfiguration {

  @Bean
  @ConditionalOnMissingBean(ShopperEventSink.class)
  ShopperEventRecorder smartListsShopperEventRecorder(
      DataSource dataSource,
      SmartListsSchema migratedFirst,
      StatsFiguresProperties properties,
      ObjectProvider<MeterRegistry> registry) {
    ShopperEventRecorder recorder =
        new ShopperEventRecorder(
            dataSource,
            properties.getQueueCapacity(),
            properties.getBatchSize(),
            properties.getFlushInterval(),
            properties.getShutdownTimeout());
    registry.ifUnique(recorder::bindTo);
    return recorder;
  }

  @Bean
  @ConditionalOnMissingBean
  StatsRollupJob smartListsStatsRollupJob(
      DataSource dataSource, SmartListsSchema migratedFirst, StatsFiguresProperties properties) {
    return new StatsRollupJob(
        dataSource,
        properties.getRollupGrace(),
        properties.getRetention(),
        UUID.randomUUID().toString(),
        Clock.systemUTC());
  }

  @Bean
  @ConditionalOnMissingBean
  StatsMaintenance smartListsStatsMaintenance(
      StatsRollupJob job, StatsFiguresProperties properties) {
    return new StatsMaintenance(job, properties.getRollupInterval());
  }
}
