package io.smartlists.autoconfigure;

import static org.assertj.core.api.Assertions.assertThat;

import io.smartlists.engine.SmartListsEngine;
import io.smartlists.host.ProductViewed;
import io.smartlists.host.SmartListsEventPublisher;
import io.smartlists.site.TestShop;
import io.smartlists.stats.Arm;
import io.smartlists.stats.ClickRow;
import io.smartlists.stats.ClickToken;
import io.smartlists.stats.ImpressionRow;
import io.smartlists.stats.ShopperEventRecorder;
import io.smartlists.stats.ShopperEventSink;
import io.smartlists.stats.StatsFigures;
import io.smartlists.stats.StatsRollupJob;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.BooleanSupplier;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * Two store nodes (two application contexts with the module) on one PostgreSQL database: every
 * shopper event either node records is stored once, each node learns the other's product views
 * once, and rolling up on both nodes at the same moment produces one roll-up per hour. Runs when
 * {@code SMARTLISTS_TEST_POSTGRES_URL} is set, as in {@code .ci/run}; the test works in a schema of
 * its own.
 */
@EnabledIfEnvironmentVariable(
    named = "SMARTLISTS_TEST_POSTGRES_URL",
    matches = "jdbc:postgresql:.+")
class StatsTwoNodesPostgresTests {

  @Configuration(proxyBeanMethods = false)
  static class Host {
    @Bean
    TestShop shop() {
      return new TestShop();
    }
  }

  @Test
  void twoNodesOnePostgres_eachEventOnce_oneRollupPerHour_issue11() {
    String url = System.getenv("SMARTLISTS_TEST_POSTGRES_URL");
    String schema = "sl_test_" + UUID.randomUUID().toString().replace("-", "");
    new JdbcTemplate(new DriverManagerDataSource(url)).execute("CREATE SCHEMA " + schema);
    ApplicationContextRunner node =
        new ApplicationContextRunner()
            .withUserConfiguration(Host.class)
            .withConfiguration(
                AutoConfigurations.of(
                    DataSourceAutoConfiguration.class,
                    SmartListsAutoConfiguration.class,
                    SmartListsStatsFiguresConfiguration.class))
            .withPropertyValues(
                "spring.datasource.url="
                    + url
                    + (url.contains("?") ? "&" : "?")
                    + "currentSchema="
                    + schema,
                "smartlists.rebuild.on-startup=false",
                "smartlists.event-log.poll-interval=100ms",
                "smartlists.stats.flush-interval=100ms",
                "smartlists.stats.rollup-interval=1h");

    node.run(
        a ->
            node.run(
                b -> {
                  SmartListsEngine engineA = a.getBean(SmartListsEngine.class);
                  SmartListsEngine engineB = b.getBean(SmartListsEngine.class);
                  engineA.rebuild();
                  engineB.rebuild();
                  ShopperEventRecorder recorderA = a.getBean(ShopperEventRecorder.class);
                  ShopperEventRecorder recorderB = b.getBean(ShopperEventRecorder.class);
                  assertThat(a.getBean(ShopperEventSink.class)).isSameAs(recorderA);

                  // 3 closed hours of traffic, recorded on both nodes
                  Instant first =
                      Instant.now().truncatedTo(ChronoUnit.HOURS).minus(Duration.ofHours(4));
                  int impressions = 0;
                  int clicks = 0;
                  for (int i = 0; i < 600; i++) {
                    ShopperEventRecorder on = i % 3 == 0 ? recorderB : recorderA;
                    Instant at = first.plus(Duration.ofSeconds(i * 18L)); // 600 x 18 s = 3 hours
                    on.record(
                        ImpressionRow.TABLE,
                        new ImpressionRow(
                            at,
                            "w" + i,
                            "PRODUCT_PAGE",
                            "ACQUISITION",
                            i % 3,
                            "SMART_CROSS_SELLING",
                            i % 10 == 0 ? Arm.HOLDOUT : Arm.EXPOSED,
                            "v" + (i % 50),
                            null,
                            List.of("p1", "p2"),
                            List.of(false, false)));
                    impressions++;
                    if (i % 4 == 0) {
                      ClickToken token =
                          new ClickToken(
                              "w" + i,
                              "PRODUCT_PAGE",
                              "ACQUISITION",
                              "SMART_CROSS_SELLING",
                              i % 3,
                              0,
                              "p1",
                              at.getEpochSecond());
                      on.record(
                          ClickRow.TABLE, new ClickRow(at, "t" + i, token, "v" + (i % 50), null));
                      clicks++;
                    }
                  }

                  // product views served by node A reach node B once, and A counts them once
                  SmartListsEventPublisher publisherA = a.getBean(SmartListsEventPublisher.class);
                  publisherA.publish(new ProductViewed("shopper-x", null, "p1", Instant.now()));
                  publisherA.publish(new ProductViewed("shopper-x", null, "p2", Instant.now()));
                  assertThat(engineA.signals().browsingViews("shopper-x", null)).isEqualTo(2);
                  await(() -> engineB.signals().browsingViews("shopper-x", null) == 2);

                  int expected = impressions + clicks;
                  await(() -> recorderA.written() + recorderB.written() == expected + 2);
                  JdbcTemplate jdbc = new JdbcTemplate(a.getBean(DataSource.class));
                  assertThat(count(jdbc, "SL_STAT_IMPRESSION")).isEqualTo(impressions);
                  assertThat(count(jdbc, "SL_STAT_CLICK")).isEqualTo(clicks);
                  assertThat(
                          jdbc.queryForObject(
                              "SELECT COUNT(*) FROM SL_EVENT WHERE VISITOR_ID = 'shopper-x'",
                              Long.class))
                      .isEqualTo(2);
                  Thread.sleep(500); // more polls of A's own tailer: it never re-applies its views
                  assertThat(engineA.signals().browsingViews("shopper-x", null)).isEqualTo(2);
                  assertThat(engineB.signals().browsingViews("shopper-x", null)).isEqualTo(2);

                  // both nodes roll up at the same moment
                  StatsRollupJob jobA = a.getBean(StatsRollupJob.class);
                  StatsRollupJob jobB = b.getBean(StatsRollupJob.class);
                  CountDownLatch go = new CountDownLatch(1);
                  ExecutorService pool = Executors.newFixedThreadPool(2);
                  try {
                    Callable<Integer> rollA = () -> awaitThen(go, jobA::rollUp);
                    Callable<Integer> rollB = () -> awaitThen(go, jobB::rollUp);
                    List<Future<Integer>> rolled = List.of(pool.submit(rollA), pool.submit(rollB));
                    go.countDown();
                    int hours = rolled.get(0).get() + rolled.get(1).get();
                    // hours from the first event's to the last closed one, each by one node
                    long closed = count(jdbc, "SL_STAT_ROLLUP");
                    assertThat(hours).isEqualTo((int) closed);
                    assertThat(closed).isBetween(3L, 4L);
                    assertThat(
                            jdbc.queryForObject(
                                "SELECT COUNT(DISTINCT HOUR_START) FROM SL_STAT_ROLLUP",
                                Long.class))
                        .isEqualTo(closed);
                  } finally {
                    pool.shutdownNow();
                  }
                  // a second round on either node finds nothing left
                  assertThat(jobA.rollUp() + jobB.rollUp()).isZero();
                  assertThat(
                          jdbc.queryForObject(
                              "SELECT SUM(IMPRESSIONS) FROM SL_STAT_HOURLY", Long.class))
                      .isEqualTo(impressions);
                  assertThat(
                          jdbc.queryForObject("SELECT SUM(CLICKS) FROM SL_STAT_HOURLY", Long.class))
                      .isEqualTo(clicks);
                  // and the figures read from those roll-ups count every event once
                  StatsFigures figures = a.getBean(StatsFigures.class);
                  StatsFigures.Report report =
                      figures.report(
                          LocalDate.ofInstant(first, ZoneOffset.UTC),
                          LocalDate.ofInstant(Instant.now(), ZoneOffset.UTC));
                  assertThat(report.total().impressions()).isEqualTo(impressions - 60);
                  assertThat(report.total().clicks()).isEqualTo(clicks);
                }));
  }

  private static int awaitThen(CountDownLatch go, Callable<Integer> task) throws Exception {
    go.await();
    return task.call();
  }

  private static long count(JdbcTemplate jdbc, String table) {
    Long n = jdbc.queryForObject("SELECT COUNT(*) FROM " + table, Long.class);
    return n == null ? 0 : n;
  }

  private static void await(BooleanSupplier condition) throws InterruptedException {
    long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
    while (!condition.getAsBoolean()) {
      assertThat(System.nanoTime()).as("condition within 30 s").isLessThan(deadline);
      Thread.sleep(50);
    }
  }
}
