package io.smartlists.eventlog;

import static org.assertj.core.api.Assertions.assertThat;

import io.smartlists.autoconfigure.SmartListsAutoConfiguration;
import io.smartlists.engine.SmartListsEngine;
import io.smartlists.host.CustomerLoggedIn;
import io.smartlists.host.OrderConfirmed;
import io.smartlists.host.OrderLine;
import io.smartlists.host.OrderRecord;
import io.smartlists.host.ProductViewed;
import io.smartlists.host.SmartListsEventPublisher;
import io.smartlists.site.TestShop;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.boot.jdbc.autoconfigure.DataSourceTransactionManagerAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.transaction.autoconfigure.TransactionAutoConfiguration;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The whole module path with the real engine: the store publishes in its transaction, the event log
 * applies after commit, the engine's signals change before {@code publish} returns; a rolled back
 * order teaches the engine nothing.
 */
class EventLogEngineTests {

  private static final String VISITOR = "0b7f5d7e-3c1a-4c2e-9d7e-2f1a3b4c5d6e";

  private final ApplicationContextRunner runner =
      new ApplicationContextRunner()
          .withPropertyValues(
              "smartlists.rebuild.on-startup=false",
              "spring.datasource.url=jdbc:h2:mem:eventlog-engine-" + UUID.randomUUID())
          .withConfiguration(
              AutoConfigurations.of(
                  DataSourceAutoConfiguration.class,
                  DataSourceTransactionManagerAutoConfiguration.class,
                  TransactionAutoConfiguration.class,
                  SmartListsAutoConfiguration.class))
          .withBean(TestShop.class);

  private static OrderConfirmed order(String id) {
    Instant now = Instant.now();
    return new OrderConfirmed(
        VISITOR,
        new OrderRecord(id, "c1", now, List.of(new OrderLine("p1", 1, new BigDecimal("79.90")))),
        now);
  }

  @Test
  void publish_inTheStoresTransaction_changesTheSignalsOnCommitOnly() {
    runner.run(
        context -> {
          SmartListsEngine engine = context.getBean(SmartListsEngine.class);
          SmartListsEventPublisher publisher = context.getBean(SmartListsEventPublisher.class);
          TransactionTemplate tx = context.getBean(TransactionTemplate.class);
          engine.rebuild();
          assertThat(engine.signals().orderCount("c1")).isZero();

          tx.executeWithoutResult(
              status -> {
                publisher.publish(order("rolled-back"));
                status.setRollbackOnly();
              });
          assertThat(engine.signals().orderCount("c1")).isZero();

          tx.executeWithoutResult(status -> publisher.publish(order("o1")));
          assertThat(engine.signals().orderCount("c1")).isEqualTo(1);
          int p1 = engine.signals().indexOf("p1");
          assertThat(engine.signals().hasBought("c1", p1)).isTrue();
        });
  }

  @Test
  void publish_browsingAsSpringEvents_countsForTheVisitorAndItsCustomer() {
    runner.run(
        context -> {
          SmartListsEngine engine = context.getBean(SmartListsEngine.class);
          engine.rebuild();
          context.publishEvent(new ProductViewed(VISITOR, null, "p1", Instant.now()));
          context.publishEvent(new ProductViewed(VISITOR, null, "p2", Instant.now()));
          assertThat(engine.signals().browsingViews(VISITOR, null)).isEqualTo(2);

          context.publishEvent(new CustomerLoggedIn(VISITOR, "c1", Instant.now()));
          assertThat(engine.signals().browsingViews("another-device", "c1")).isEqualTo(2);
        });
  }
}
