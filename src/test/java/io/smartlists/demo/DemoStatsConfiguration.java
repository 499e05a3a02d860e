package io.smartlists.demo;

import io.smartlists.engine.SmartListsEngine;
import io.smartlists.host.OrderHistoryPort;
import io.smartlists.stats.ShopperEventRecorder;
import io.smartlists.stats.StatsMaintenance;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ApplicationListener;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The reference store's statistics: its clock and the traffic replay. Impressions, clicks and
 * add-to-carts go through the module's asynchronous recorder like in any store (tests that read
 * them back call {@code ShopperEventRecorder.flush()} first).
 *
 * <p>{@code mvn spring-boot:test-run} starts the store through {@link DemoStoreApplication#main},
 * which sets {@code demo.replay.enabled=true}: once the store is up, the replay plays {@code
 * demo.replay.shoppers} shoppers (default 200) in the background. Tests start the store without it.
 */
@Configuration(proxyBeanMethods = false)
class DemoStatsConfiguration {

  @Bean
  DemoClock demoClock() {
    return new DemoClock();
  }

  /** Not with {@code smartlists.enabled=false} (no engine): the store then starts without it. */
  @Bean
  @ConditionalOnBooleanProperty(name = "smartlists.enabled", matchIfMissing = true)
  DemoTrafficReplay demoTrafficReplay(
      SmartListsEngine engine, OrderHistoryPort orders, DemoClock clock) {
    return new DemoTrafficReplay(engine, orders, clock);
  }

  @Bean
  @ConditionalOnBooleanProperty("demo.replay.enabled")
  ApplicationListener<ApplicationReadyEvent> demoTrafficReplayOnStart(
      ObjectProvider<DemoTrafficReplay> replays,
      @Value("${demo.replay.shoppers:200}") int shoppers,
      ObjectProvider<StatsMaintenance> rollups,
      ObjectProvider<ShopperEventRecorder> recorder) {
    return event -> {
      DemoTrafficReplay replay = replays.getIfUnique();
      if (replay != null
          && event.getApplicationContext() instanceof WebServerApplicationContext web) {
        int port = web.getWebServer().getPort();
        // the replay back-dates its visits up to 29 days: hours it writes into must not be rolled
        // up before it is done (a roll-up is final), so the roll-ups pause while it plays
        StatsMaintenance maintenance = rollups.getIfUnique();
        if (maintenance != null) {
          maintenance.stop();
        }
        Thread t =
            new Thread(
                () -> {
                  try {
                    replay.replay("http://localhost:" + port, shoppers);
                  } finally {
                    recorder.ifUnique(ShopperEventRecorder::flush);
                    if (maintenance != null) {
                      maintenance.start();
                    }
                  }
                },
                "demo-traffic-replay");
        t.setDaemon(true);
        t.start();
      }
    };
  }
}
