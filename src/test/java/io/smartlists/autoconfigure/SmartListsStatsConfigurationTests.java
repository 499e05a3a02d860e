package io.smartlists.autoconfigure;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.smartlists.site.TestShop;
import io.smartlists.stats.ShopperEventRecorder;
import io.smartlists.stats.ShopperEventSink;
import io.smartlists.stats.StatTable;
import io.smartlists.stats.StatsMaintenance;
import io.smartlists.stats.StatsRollupJob;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The statistics' storage beans: present with a database, backing off for a store's own sink. */
class SmartListsStatsConfigurationTests {

  private final ApplicationContextRunner runner =
      new ApplicationContextRunner()
          .withPropertyValues(
              "smartlists.rebuild.on-startup=false",
              "spring.datasource.url=jdbc:h2:mem:ac-stats;DB_CLOSE_DELAY=-1")
          .withUserConfiguration(Host.class)
          .withConfiguration(
              AutoConfigurations.of(
                  DataSourceAutoConfiguration.class,
                  SmartListsAutoConfiguration.class,
                  SmartListsStatsFiguresConfiguration.class));

  @Configuration(proxyBeanMethods = false)
  static class Host {
    @Bean
    TestShop shop() {
      return new TestShop();
    }

    @Bean
    MeterRegistry meterRegistry() {
      return new SimpleMeterRegistry();
    }
  }

  @Configuration(proxyBeanMethods = false)
  static class OwnSink {
    final List<Object> rows = new ArrayList<>();

    @Bean
    ShopperEventSink storeSink() {
      return new ShopperEventSink() {
        @Override
        public <T> void record(StatTable<T> table, T row) {
          rows.add(row);
        }
      };
    }
  }

  @Test
  void providesRecorderRollupsAndTheirMetersWhenTheStoreHasADatabase() {
    runner
        .withPropertyValues("smartlists.stats.queue-capacity=123", "smartlists.stats.batch-size=7")
        .run(
            context -> {
              assertThat(context).hasSingleBean(ShopperEventRecorder.class);
              assertThat(context).hasSingleBean(StatsRollupJob.class);
              assertThat(context).hasSingleBean(StatsMaintenance.class);
              assertThat(context.getBean(ShopperEventRecorder.class).isRunning()).isTrue();
              MeterRegistry meters = context.getBean(MeterRegistry.class);
              assertThat(meters.find("smartlists.stats.events").tag("outcome", "dropped").meter())
                  .isNotNull();
              assertThat(meters.find("smartlists.stats.queue").gauge()).isNotNull();
            });
  }

  @Test
  void backsOffWhenTheStoreDefinesItsOwnSink() {
    runner
        .withUserConfiguration(OwnSink.class)
        .run(
            context -> {
              assertThat(context).doesNotHaveBean(ShopperEventRecorder.class);
              assertThat(context).hasSingleBean(ShopperEventSink.class);
              assertThat(context).hasSingleBean(StatsRollupJob.class);
            });
  }

  @Test
  void noRecorderWithoutADatabase() {
    new ApplicationContextRunner()
        .withPropertyValues("smartlists.rebuild.on-startup=false")
        .withUserConfiguration(Host.class)
        .withConfiguration(
            AutoConfigurations.of(
                SmartListsAutoConfiguration.class, SmartListsStatsFiguresConfiguration.class))
        .run(
            context -> {
              assertThat(context).hasNotFailed();
              assertThat(context).doesNotHaveBean(ShopperEventSink.class);
              assertThat(context).doesNotHaveBean(StatsRollupJob.class);
            });
  }
}
