package io.smartlists.eventlog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.smartlists.host.OrderConfirmed;
import io.smartlists.host.OrderLine;
import io.smartlists.host.OrderRecord;
import io.smartlists.host.ProductViewed;
import io.smartlists.host.SmartListsEvent;
import io.smartlists.testing.Await;
import io.smartlists.testing.ModuleSchema;
import io.smartlists.testing.OutageDataSource;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The event log while the database is away (an {@link OutageDataSource}, which refuses connections
 * on demand as a pool does once its connection timeout expires): browsing events are queued without
 * the caller waiting, retried, dropped and counted once the queue is full, written exactly once
 * when the database is back, and the tailer catches up without a restart; the status says degraded
 * meanwhile. The two-JVM version on a stopped PostgreSQL is {@code MultiNodePostgresTests}.
 */
class EventLogOutageTests {

  private static final Instant NOW = Instant.parse("2026-11-23T10:00:00Z");
  private static final Duration WAIT = Duration.ofSeconds(30);

  private final ExecutorService tailerThread = Executors.newSingleThreadExecutor();
  private final OutageDataSource db = OutageDataSource.h2("outage");
  private final DataSource h2 = db.target();
  private final EventLogStatus status =
      new EventLogStatus(Duration.ofMillis(200), System::nanoTime);
  private final List<SmartListsEvent> applied = Collections.synchronizedList(new ArrayList<>());
  private JdbcEventPublisher publisher;
  private EventLogTailer tailer;

  private void node(int queueCapacity) {
    ModuleSchema.migrate(h2, "eventlog");
    tailer =
        new EventLogTailer(
            new JdbcTemplate(db),
            new EventCodec(),
            applied::add,
            50,
            Duration.ofMinutes(1),
            System::nanoTime,
            UUID.randomUUID().toString());
    tailer.status(status);
    tailer.executor(tailerThread);
    tailer.start();
    publisher =
        new JdbcEventPublisher(
            new JdbcTemplate(db),
            new EventCodec(),
            tailer,
            Duration.ofSeconds(2),
            new ViewDeduplicator(Duration.ZERO, System::nanoTime),
            status,
            queueCapacity,
            null);
  }

  @AfterEach
  void stop() {
    if (publisher != null) {
      publisher.close();
    }
    tailerThread.shutdownNow();
  }

  private static final int PUBLISHED = 60;

  @Test
  void databaseAway_viewsQueuedWithoutWaiting_droppedWhenFull_writtenOnceWhenBack() {
    node(20);
    publisher.publish(view("p0"));
    assertThat(rows()).isEqualTo(1);
    assertThat(applied).hasSize(1);
    assertThat(status.degraded()).isFalse();

    db.down(true);
    assertThatThrownBy(tailer::poll).isInstanceOf(RuntimeException.class);
    assertThat(status.degraded()).isTrue();
    long t0 = System.nanoTime();
    for (int i = 1; i <= PUBLISHED; i++) {
      publisher.publish(view("p" + i));
    }
    long waitedMillis = (System.nanoTime() - t0) / 1_000_000;
    assertThat(waitedMillis).as("60 publishes while the database is away").isLessThan(500);
    // at most 20 queued plus the batch the writer took from the queue before (at most 20 too,
    // retrying): at least 20 of the 60 dropped and counted, at most 40 (the queue always fills)
    assertThat(status.dropped()).isBetween(20L, 40L);
    assertThat(status.details()).containsEntry("degraded", true);
    // the writer tries the queued batch while the database is away (how soon depends on the
    // scheduler: a fresh-clone CI run once reached this line before its first attempt)
    Await.until(() -> status.retried() > 0, "the writer retrying while the database is away", WAIT);

    db.down(false);
    Await.until(() -> rows() == PUBLISHED + 1 - status.dropped(), "queued views written", WAIT);
    assertThat(tailer.poll()).isEqualTo(PUBLISHED - (int) status.dropped());
    assertThat(status.degraded()).isFalse();
    assertThat(status.retried()).isPositive();
    // written once each: the queued views are distinct products
    assertThat(applied.stream().map(e -> ((ProductViewed) e).productId()).distinct().count())
        .isEqualTo(applied.size());
  }

  @Test
  void ordersAreNeverQueued_theirWriteFailsOnTheCallersThread() {
    node(20);
    db.down(true);
    OrderConfirmed order =
        new OrderConfirmed(
            "v1",
            new OrderRecord("o1", "c1", NOW, List.of(new OrderLine("p1", 1, BigDecimal.ONE))),
            NOW);
    publisher.publish(order); // the host's own transaction fails with it; nothing is queued
    assertThat(publisher.backlog()).isZero();
    db.down(false);
    assertThat(rows()).isZero();
  }

  private long rows() {
    Long n = new JdbcTemplate(h2).queryForObject("SELECT COUNT(*) FROM SL_EVENT", Long.class);
    return n == null ? 0 : n;
  }

  private static ProductViewed view(String product) {
    return new ProductViewed("v1", null, product, NOW);
  }
}
