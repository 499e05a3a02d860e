package io.smartlists.autoconfigure;

import io.micrometer.core.instrument.MeterRegistry;
import io.smartlists.eventlog.SmartListsSchema;
import io.smartlists.stats.ShopperEventRecorder;
import io.smartlists.stats.ShopperEventSink;
import io.smartlists.stats.StatsMaintenance;
import io.smartlists.stats.StatsRollupJob;
import io.smartlists.stats.StatsRollups;
import java.time.Clock;
import java.util.UUID;
import javax.sql.DataSource;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The statistics' beans, imported with the event log when the store has a {@link DataSource}: the
 * asynchronous shopper-event recorder (the {@link ShopperEventSink}), the hourly roll-up and purge
 * job and the roll-ups' query API. Settings: {@code smartlists.stats.*}.
 */
@Configuration(proxyBeanMethods = false)
public final class SmartListsStatsConfiguration {

  @Bean
  @ConditionalOnMissingBean(ShopperEventSink.class)
  ShopperEventRecorder smartListsShopperEventRecorder(
      DataSource dataSource,
      SmartListsSchema schema,
      SmartListsProperties properties,
      ObjectProvider<MeterRegistry> registry) {
    SmartListsProperties.Stats stats = properties.getStats();
    ShopperEventRecorder recorder =
        new ShopperEventRecorder(
            dataSource,
            stats.getQueueCapacity(),
            stats.getBatchSize(),
            stats.getFlushInterval(),
            stats.getShutdownTimeout());
    registry.ifUnique(recorder::bindTo);
    return recorder;
  }

  @Bean
  @ConditionalOnMissingBean
  StatsRollupJob smartListsStatsRollupJob(
      DataSource dataSource, SmartListsSchema schema, SmartListsProperties properties) {
    SmartListsProperties.Stats stats = properties.getStats();
    return new StatsRollupJob(
        dataSource,
        stats.getRollupGrace(),
        stats.getRetention(),
        UUID.randomUUID().toString(),
        Clock.systemUTC());
  }

  @Bean
  @ConditionalOnMissingBean
  StatsMaintenance smartListsStatsMaintenance(StatsRollupJob job, SmartListsProperties properties) {
    return new StatsMaintenance(job, properties.getStats().getRollupInterval());
  }

  @Bean
  @ConditionalOnMissingBean
  StatsRollups smartListsStatsRollups(DataSource dataSource, SmartListsSchema schema) {
    return new StatsRollups(dataSource);
  }
}
