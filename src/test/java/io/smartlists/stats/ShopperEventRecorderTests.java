package io.smartlists.stats;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.smartlists.testing.Await;
import io.smartlists.testing.ModuleSchema;
import io.smartlists.testing.OutageDataSource;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/** The asynchronous recorder on H2 with the module's migrations. */
class ShopperEventRecorderTests {

  private static final Instant NOW = Instant.parse("2026-11-23T10:15:00Z");
  private static final Duration WAIT = Duration.ofSeconds(20);

  private DataSource db;

  @BeforeEach
  void database() {
    db =
        new DriverManagerDataSource(
            "jdbc:h2:mem:recorder-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1", "sa", "");
    ModuleSchema.migrate(db, "eventlog", "stats");
  }

  static ImpressionRow impression(int i) {
    return new ImpressionRow(
        NOW,
        "w" + i,
        "PRODUCT_PAGE",
        "ACQUISITION",
        0,
        "BESTSELLERS_CATALOG",
        Arm.EXPOSED,
        "v" + i % 7,
        null,
        List.of("p1", "p2", "p3"),
        List.of(false, false, true));
  }

  private long rows() {
    Long n =
        new JdbcTemplate(db).queryForObject("SELECT COUNT(*) FROM SL_STAT_IMPRESSION", Long.class);
    return n == null ? 0 : n;
  }

  @Test
  void flush_insertsInJdbcBatchesOfAtMostBatchSize_oneTransactionEach() {
    ShopperEventRecorder recorder =
        new ShopperEventRecorder(db, 10_000, 1000, Duration.ofHours(1), Duration.ofSeconds(5));
    for (int i = 0; i < 2500; i++) {
      recorder.record(ImpressionRow.TABLE, impression(i));
    }
    assertThat(rows()).isZero(); // the request threads only enqueued

    assertThat(recorder.flush()).isEqualTo(2500);
    assertThat(rows()).isEqualTo(2500);
    assertThat(recorder.batches()).isEqualTo(3);
    assertThat(recorder.written()).isEqualTo(2500);
    assertThat(recorder.queued()).isZero();
  }

  @Test
  void record_queueFull_dropsAndCountsInMicrometer() {
    ShopperEventRecorder recorder =
        new ShopperEventRecorder(db, 10, 5, Duration.ofHours(1), Duration.ofSeconds(5));
    SimpleMeterRegistry registry = new SimpleMeterRegistry();
    recorder.bindTo(registry);
    for (int i = 0; i < 15; i++) {
      recorder.record(ImpressionRow.TABLE, impression(i));
    }
    assertThat(recorder.queued()).isEqualTo(10);
    assertThat(recorder.dropped()).isEqualTo(5);
    assertThat(
            registry
                .get("smartlists.stats.events")
                .tag("outcome", "dropped")
                .functionCounter()
                .count())
        .isEqualTo(5.0);

    recorder.flush();
    assertThat(rows()).isEqualTo(10);
    assertThat(
            registry
                .get("smartlists.stats.events")
                .tag("outcome", "written")
                .functionCounter()
                .count())
        .isEqualTo(10.0);
  }

  @Test
  void record_databaseHangs_neverBlocksTheCaller() throws Exception {
    OutageDataSource hanging = new OutageDataSource(db);
    CountDownLatch writerInside = hanging.holdNextConnection();
    ShopperEventRecorder recorder =
        new ShopperEventRecorder(hanging, 1000, 100, Duration.ofMillis(10), Duration.ofSeconds(10));
    recorder.start();
    try {
      for (int i = 0; i < 100; i++) {
        recorder.record(ImpressionRow.TABLE, impression(i));
      }
      assertThat(writerInside.await(5, TimeUnit.SECONDS)).isTrue(); // the writer is stuck in JDBC

      long start = System.nanoTime();
      for (int i = 0; i < 200_000; i++) {
        recorder.record(ImpressionRow.TABLE, impression(i));
      }
      long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
      // 200,000 calls with the database stuck: they return (most of them dropping) well within a
      // second; a blocking queue would hang here until release
      assertThat(millis).isLessThan(2_000);
      assertThat(recorder.dropped()).isGreaterThanOrEqualTo(200_000 - 1000);
    } finally {
      hanging.release();
      recorder.stop();
    }
    assertThat(rows()).isEqualTo(recorder.written()).isGreaterThanOrEqualTo(100);
  }

  @Test
  void flush_returnsOnlyOnceTheWritersBatchInFlightIsCommitted() throws Exception {
    OutageDataSource slow = new OutageDataSource(db);
    CountDownLatch writerInside = slow.holdNextConnection();
    ShopperEventRecorder recorder =
        new ShopperEventRecorder(slow, 1000, 100, Duration.ofMillis(10), Duration.ofSeconds(10));
    recorder.start();
    try {
      for (int i = 0; i < 50; i++) {
        recorder.record(ImpressionRow.TABLE, impression(i));
      }
      assertThat(writerInside.await(5, TimeUnit.SECONDS)).isTrue(); // the writer took the batch
      Thread releaser =
          new Thread(
              () -> {
                try {
                  Thread.sleep(200);
                } catch (InterruptedException e) {
                  Thread.currentThread().interrupt();
                }
                slow.release();
              });
      releaser.start();

      recorder.flush(); // nothing left in the queue, but the writer's batch is not committed yet

      assertThat(rows()).isEqualTo(50);
    } finally {
      slow.release();
      recorder.stop();
    }
  }

  @Test
  void stop_flushesWhatIsQueued() {
    ShopperEventRecorder recorder =
        new ShopperEventRecorder(db, 10_000, 1000, Duration.ofHours(1), Duration.ofSeconds(10));
    recorder.start();
    for (int i = 0; i < 1500; i++) {
      recorder.record(ImpressionRow.TABLE, impression(i));
    }
    recorder.stop();

    assertThat(rows()).isEqualTo(1500);
    assertThat(recorder.isRunning()).isFalse();
    // after shutdown nothing is queued any more: counted as dropped
    recorder.record(ImpressionRow.TABLE, impression(0));
    assertThat(recorder.dropped()).isEqualTo(1);
  }

  @Test
  void writer_writesWithinTheFlushInterval() throws Exception {
    ShopperEventRecorder recorder =
        new ShopperEventRecorder(db, 10_000, 1000, Duration.ofMillis(50), Duration.ofSeconds(10));
    recorder.start();
    try {
      recorder.record(ImpressionRow.TABLE, impression(1));
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
      while (rows() == 0 && System.nanoTime() < deadline) {
        Thread.sleep(10);
      }
      assertThat(rows()).isEqualTo(1);
    } finally {
      recorder.stop();
    }
  }

  @Test
  void flush_failingBatch_isRolledBackAndCounted_nextBatchIsWritten() {
    ShopperEventRecorder recorder =
        new ShopperEventRecorder(db, 10_000, 1000, Duration.ofHours(1), Duration.ofSeconds(5));
    StatTable<ImpressionRow> broken =
        new StatTable<>() {
          @Override
          public String insertSql() {
            return "INSERT INTO SL_STAT_NO_SUCH_TABLE (X) VALUES (?)";
          }

          @Override
          public void bind(PreparedStatement statement, ImpressionRow row) throws SQLException {
            statement.setString(1, row.widgetId());
          }
        };
    recorder.record(ImpressionRow.TABLE, impression(1));
    recorder.record(broken, impression(2));
    recorder.flush();
    // one transaction per batch: the good row went down with the bad one
    assertThat(rows()).isZero();
    assertThat(recorder.failed()).isEqualTo(2);

    recorder.record(ImpressionRow.TABLE, impression(3));
    recorder.flush();
    assertThat(rows()).isEqualTo(1);
  }

  @Test
  void databaseAway_failedBatchIsKeptAndRetried_queueStaysBounded_allKeptEventsWrittenOnceBack()
      throws Exception {
    OutageDataSource switchable = new OutageDataSource(db);
    switchable.down(true);
    ShopperEventRecorder recorder =
        new ShopperEventRecorder(switchable, 50, 20, Duration.ofMillis(10), Duration.ofSeconds(10));
    recorder.start();
    try {
      long t0 = System.nanoTime();
      for (int i = 0; i < 100; i++) {
        recorder.record(ImpressionRow.TABLE, impression(i));
        if (i == 10) {
          // the writer took what was queued, failed, kept it, and tried it again
          Await.until(() -> recorder.retries() >= 1, "a retry", WAIT);
          assertThat(recorder.queued()).isEqualTo(11);
        }
      }
      assertThat(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - t0)).isLessThan(2_000);
      Await.until(() -> recorder.retries() >= 2, "two retries while the database is away", WAIT);
      // bounded: the kept batch (at most 20) plus a full queue (50); the rest dropped and counted
      assertThat(recorder.queued()).isBetween(50, 70);
      assertThat(recorder.dropped()).isEqualTo(100 - recorder.queued());
      assertThat(recorder.failed()).isZero();
      assertThat(rows()).isZero();

      long kept = recorder.queued();
      switchable.down(false);
      // written() counts after the commit; queued() is 0 already while the last batch commits
      Await.until(() -> recorder.written() == kept, "the kept events written", WAIT);
      assertThat(recorder.queued()).isZero();
      assertThat(rows()).isEqualTo(kept);
      assertThat(recorder.failed()).isZero();
      // once each: every impression has its own widget id
      assertThat(
              new JdbcTemplate(db)
                  .queryForObject(
                      "SELECT COUNT(DISTINCT WIDGET_ID) FROM SL_STAT_IMPRESSION", Long.class))
          .isEqualTo(kept);
    } finally {
      recorder.stop();
    }
  }

  @Test
  void stop_whileTheDatabaseIsAway_givesUpAfterTheShutdownTimeout_andCountsTheLoss() {
    OutageDataSource away = new OutageDataSource(db);
    away.down(true);
    ShopperEventRecorder recorder =
        new ShopperEventRecorder(away, 1000, 20, Duration.ofMillis(10), Duration.ofMillis(300));
    recorder.start();
    for (int i = 0; i < 30; i++) {
      recorder.record(ImpressionRow.TABLE, impression(i));
    }
    long t0 = System.nanoTime();
    recorder.stop();
    assertThat(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - t0)).isLessThan(5_000);
    assertThat(recorder.isRunning()).isFalse();
    Await.until(() -> recorder.failed() == 30, "the unwritten events counted as lost", WAIT);
    assertThat(recorder.queued()).isZero();
    assertThat(recorder.written()).isZero();
  }

  @Test
  void connectionBrokenMidBatch_isAnOutage_theBatchIsRetriedNotLost() {
    OutageDataSource flaky = new OutageDataSource(db);
    flaky.breakNextCommits(1);
    ShopperEventRecorder recorder =
        new ShopperEventRecorder(flaky, 1000, 100, Duration.ofHours(1), Duration.ofSeconds(5));
    for (int i = 0; i < 10; i++) {
      recorder.record(ImpressionRow.TABLE, impression(i));
    }
    assertThat(recorder.flush()).isZero(); // the commit broke: kept, not counted as failed
    assertThat(recorder.queued()).isEqualTo(10);
    assertThat(recorder.failed()).isZero();

    assertThat(recorder.flush()).isEqualTo(10);
    assertThat(rows()).isEqualTo(10);
    assertThat(recorder.retries()).isEqualTo(1);
  }
}
