package io.smartlists.demo;

import io.smartlists.engine.SmartListsEngine;
import io.smartlists.eventlog.EventLogStatus;
import io.smartlists.host.OrderHistoryPort;
import io.smartlists.stats.ShopperEventSink;
import io.smartlists.testing.SynchronousStatSink;
import javax.sql.DataSource;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ApplicationListener;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The reference store's statistics: its clock, the traffic replay, and its shopper-event sink,
 * which writes impressions, clicks and add-to-carts at once (a demo on an embedded H2), dropping
 * them while the database is away ({@link DemoStatSink}). Until the module's asynchronous recorder
 * is the auto-configured sink, this sink is what fills the Statistics screen; once it is, delete
 * {@link #demoShopperEventSink}.
 *
 * <p>{@code mvn spring-boot:test-run} starts the store through {@link DemoStoreApplication#main},
 * which sets {@code demo.replay.enabled=true}: once the store is up, the replay plays {@code
 * demo.replay.shoppers} shoppers (default 200) in the background. Tests start the store without it.
 */
@Configuration(proxyBeanMethods = false)
class DemoStatsConfiguration {

  @Bean
  ShopperEventSink demoShopperEventSink(
      DataSource dataSource, ObjectProvider<EventLogStatus> eventLog) {
    return new DemoStatSink(new SynchronousStatSink(dataSource), eventLog.getIfAvailable());
  }

  @Bean
  DemoClock demoClock() {
    return new DemoClock();
  }

  @Bean
  DemoTrafficReplay demoTrafficReplay(
      SmartListsEngine engine, OrderHistoryPort orders, DemoClock clock) {
    return new DemoTrafficReplay(engine, orders, clock);
  }

  @Bean
  @ConditionalOnBooleanProperty("demo.replay.enabled")
  ApplicationListener<ApplicationReadyEvent> demoTrafficReplayOnStart(
      DemoTrafficReplay replay, @Value("${demo.replay.shoppers:200}") int shoppers) {
    return event -> {
      if (event.getApplicationContext() instanceof WebServerApplicationContext web) {
        int port = web.getWebServer().getPort();
        Thread t =
            new Thread(
                () -> replay.replay("http://localhost:" + port, shoppers), "demo-traffic-replay");
        t.setDaemon(true);
        t.start();
      }
    };
  }
}
