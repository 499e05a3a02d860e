package io.smartlists.eventlog;

import io.smartlists.autoconfigure.SmartListsProperties;
import io.smartlists.engine.SmartListsEngine;
import io.smartlists.host.SmartListsEventPublisher;
import java.time.Clock;
import javax.sql.DataSource;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The event log's beans, imported by {@code SmartListsAutoConfiguration} when the store has a
 * {@link DataSource}: the schema migration, the publisher, the Spring-event bridge and the tailer.
 * Settings come from {@code smartlists.event-log.*} ({@link SmartListsProperties.EventLog}).
 */
@Configuration(proxyBeanMethods = false)
public final class SmartListsEventLogConfiguration {

  @Bean
  @ConditionalOnMissingBean
  SmartListsSchema smartListsSchema(DataSource dataSource) {
    return new SmartListsSchema(dataSource);
  }

  @Bean
  @ConditionalOnMissingBean
  EventLogTailer smartListsEventLogTailer(
      DataSource dataSource,
      SmartListsSchema schema,
      SmartListsEngine engine,
      SmartListsProperties properties) {
    SmartListsProperties.EventLog log = properties.getEventLog();
    return new EventLogTailer(
        new JdbcTemplate(dataSource),
        new EventCodec(),
        engine::apply,
        log.getBatchSize(),
        log.getGapTimeout(),
        System::nanoTime);
  }

  @Bean
  @ConditionalOnMissingBean
  EventLogLifecycle smartListsEventLogLifecycle(
      EventLogTailer tailer, SmartListsProperties properties) {
    SmartListsProperties.EventLog log = properties.getEventLog();
    return new EventLogLifecycle(
        tailer,
        log.getPollInterval(),
        log.getReplayWindow(),
        log.getRetention(),
        Clock.systemUTC());
  }

  @Bean
  @ConditionalOnMissingBean
  SmartListsEventPublisher smartListsEventPublisher(
      DataSource dataSource,
      SmartListsSchema schema,
      EventLogTailer tailer,
      SmartListsProperties properties) {
    return new JdbcEventPublisher(
        new JdbcTemplate(dataSource),
        new EventCodec(),
        tailer,
        properties.getEventLog().getApplyWait(),
        new ViewDeduplicator(properties.getEventLog().getViewDedupeWindow(), System::nanoTime));
  }

  @Bean
  @ConditionalOnMissingBean
  SpringEventBridge smartListsSpringEventBridge(SmartListsEventPublisher publisher) {
    return new SpringEventBridge(publisher);
  }
}
