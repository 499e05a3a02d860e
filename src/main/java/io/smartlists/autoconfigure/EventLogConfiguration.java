package io.smartlists.autoconfigure;

import io.micrometer.core.instrument.MeterRegistry;
import io.smartlists.eventlog.BrowsingEventTable;
import io.smartlists.eventlog.EventCodec;
import io.smartlists.eventlog.EventLogLifecycle;
import io.smartlists.eventlog.EventLogSettings;
import io.smartlists.eventlog.EventLogStatus;
import io.smartlists.eventlog.EventLogTailer;
import io.smartlists.eventlog.JdbcEventPublisher;
import io.smartlists.eventlog.SpringEventBridge;
import io.smartlists.eventlog.ViewDeduplicator;
import io.smartlists.host.SmartListsEvent;
import io.smartlists.host.SmartListsEventPublisher;
import io.smartlists.stats.ShopperEventSink;
import io.smartlists.stats.StatTable;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Clock;
import java.util.List;
import java.util.UUID;
import java.util.function.Consumer;
import javax.sql.DataSource;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.sql.init.dependency.DatabaseInitializationDependencyConfigurer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The module's schema and the event log on the store's {@link DataSource}, imported by {@link
 * SmartListsAutoConfiguration}: the schema runner (the tables of every feature that declared its
 * {@link SmartListsMigrations}), the publisher, the Spring-event bridge, the tailer and its
 * lifecycle. With a {@link ShopperEventSink} (the statistics recorder), product and category views
 * are applied on the serving node at once and written to the log by the recorder's batches.
 * Settings come from {@code smartlists.event-log.*}.
 */
@Configuration(proxyBeanMethods = false)
@Import({DatabaseInitializationDependencyConfigurer.class, SmartListsHealthConfiguration.class})
final class EventLogConfiguration {

  @Bean
  @ConditionalOnMissingBean(name = "smartListsEventLogMigrations")
  SmartListsMigrations smartListsEventLogMigrations() {
    return SmartListsMigrations.EVENT_LOG;
  }

  @Bean
  @ConditionalOnMissingBean
  SmartListsSchema smartListsSchema(
      DataSource dataSource, ObjectProvider<SmartListsMigrations> features) {
    List<SmartListsMigrations> all = features.orderedStream().distinct().toList();
    return new SmartListsSchema(dataSource, all);
  }

  @Bean
  @ConditionalOnMissingBean
  EventLogStatus smartListsEventLogStatus(
      SmartListsProperties properties, ObjectProvider<MeterRegistry> registry) {
    EventLogStatus status =
        new EventLogStatus(properties.getEventLog().getStallLimit(), System::nanoTime);
    registry.ifUnique(status::bindTo);
    return status;
  }

  @Bean
  @ConditionalOnMissingBean
  EventLogTailer smartListsEventLogTailer(
      DataSource dataSource,
      SmartListsSchema schema,
      SignalsMaintenance signals,
      EventLogStatus status,
      SmartListsProperties properties) {
    EventLogSettings settings = properties.getEventLog().toSettings();
    EventLogTailer tailer =
        new EventLogTailer(
            new JdbcTemplate(dataSource),
            new EventCodec(),
            signals,
            settings.batchSize(),
            settings.gapTimeout(),
            System::nanoTime,
            UUID.randomUUID().toString());
    tailer.status(status);
    tailer.onErasure(signals::erased);
    return tailer;
  }

  @Bean
  @ConditionalOnMissingBean
  EventLogLifecycle smartListsEventLogLifecycle(
      EventLogTailer tailer, SmartListsProperties properties) {
    return new EventLogLifecycle(tailer, properties.getEventLog().toSettings(), Clock.systemUTC());
  }

  @Bean
  @ConditionalOnMissingBean
  SmartListsEventPublisher smartListsEventPublisher(
      DataSource dataSource,
      SmartListsSchema schema,
      EventLogTailer tailer,
      EventLogStatus status,
      ObjectProvider<ShopperEventSink> recorder,
      SmartListsProperties properties) {
    ShopperEventSink sink = recorder.getIfUnique();
    @Nullable Consumer<SmartListsEvent> views = null;
    if (sink != null) {
      BrowsingEventTable rows = new BrowsingEventTable(new EventCodec(), tailer.origin());
      StatTable<SmartListsEvent> table =
          new StatTable<>() {
            @Override
            public String insertSql() {
              return rows.insertSql();
            }

            @Override
            public void bind(PreparedStatement statement, SmartListsEvent event)
                throws SQLException {
              rows.bind(statement, event);
            }

            @Override
            public String toString() {
              return "SL_EVENT (views)";
            }
          };
      views = event -> sink.record(table, event);
    }
    return new JdbcEventPublisher(
        new JdbcTemplate(dataSource),
        new EventCodec(),
        tailer,
        properties.getEventLog().toSettings().applyWait(),
        new ViewDeduplicator(properties.getEventLog().getViewDedupeWindow(), System::nanoTime),
        status,
        properties.getEventLog().getWriteQueue(),
        views);
  }

  @Bean
  @ConditionalOnMissingBean
  SpringEventBridge smartListsSpringEventBridge(SmartListsEventPublisher publisher) {
    return new SpringEventBridge(publisher);
  }
}
