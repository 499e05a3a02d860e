package io.smartlists.eventlog;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.smartlists.testing.Await;
import io.smartlists.testing.ModuleSchema;
import io.smartlists.testing.OutageDataSource;
import java.sql.BatchUpdateException;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.dao.PessimisticLockingFailureException;
import org.springframework.dao.QueryTimeoutException;
import org.springframework.dao.RecoverableDataAccessException;
import org.springframework.jdbc.BadSqlGrammarException;
import org.springframework.jdbc.CannotGetJdbcConnectionException;
import org.springframework.jdbc.UncategorizedSQLException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * The browsing-event writer on H2 with the event log's migrations: a row the database rejects costs
 * that row only (dropped and counted by cause, the rest of its batch kept); a transient failure is
 * retried until the database takes the batch, with nothing lost or written twice.
 */
class BrowsingEventWriterTests {

  private static final OffsetDateTime AT =
      OffsetDateTime.of(2026, 11, 23, 10, 0, 0, 0, ZoneOffset.UTC);
  private static final Duration WAIT = Duration.ofSeconds(30);

  private OutageDataSource db = OutageDataSource.h2("writer");
  private final EventLogStatus status = new EventLogStatus(Duration.ofSeconds(2), System::nanoTime);
  private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
  private @Nullable BrowsingEventWriter writer;

  /** The database under the writer (a fresh H2 here; PostgreSQL in the subclass). */
  DataSource newDatabase() {
    return new DriverManagerDataSource(
        "jdbc:h2:mem:writer-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1", "sa", "");
  }

  @BeforeEach
  void migrate() {
    db = new OutageDataSource(newDatabase());
    ModuleSchema.migrate(db.target(), "eventlog");
    status.bindTo(registry);
  }

  @AfterEach
  void close() {
    if (writer != null) {
      writer.close();
    }
  }

  @Test
  void aBadRowInABatch_losesOnlyThatRow_countedWithItsCause() throws Exception {
    // the writer's first connection waits, so the next five rows queue and form one batch
    CountDownLatch firstInside = db.holdNextConnection();
    BrowsingEventWriter w = writer(db);
    List<BrowsingEventWriter.Row> rows = new ArrayList<>();
    rows.add(row("v0"));
    assertThat(w.offer(rows.get(0))).isTrue();
    assertThat(firstInside.await(10, TimeUnit.SECONDS)).isTrue();
    // a visitor id longer than SL_EVENT.VISITOR_ID's 64 characters: bad data, not an outage
    BrowsingEventWriter.Row bad = row("x".repeat(100));
    for (BrowsingEventWriter.Row r : List.of(row("v1"), row("v2"), bad, row("v3"), row("v4"))) {
      rows.add(r);
      assertThat(w.offer(r)).isTrue();
    }
    db.release();
    CompletableFuture.allOf(
            rows.stream()
                .map(r -> r.written().exceptionally(e -> null))
                .toArray(CompletableFuture[]::new))
        .get(30, TimeUnit.SECONDS);

    assertThat(visitors()).containsExactlyInAnyOrder("v0", "v1", "v2", "v3", "v4");
    assertThat(bad.written()).isCompletedExceptionally();
    assertThat(bad.written().handle((v, e) -> e).get())
        .isInstanceOf(DataIntegrityViolationException.class);
    assertThat(rows.stream().filter(r -> r != bad).map(BrowsingEventWriter.Row::written))
        .allMatch(f -> f.isDone() && !f.isCompletedExceptionally());
    // one batch of v0, one of the five that failed, then the five one at a time
    assertThat(db.connections()).isEqualTo(1 + 1 + 5);

    assertThat(status.rejected()).isOne();
    assertThat(status.rejectedByCause())
        .containsExactly(java.util.Map.entry("DataIntegrityViolationException", 1L));
    assertThat(
            registry
                .get(EventLogStatus.REJECTED_METER)
                .tag("cause", "DataIntegrityViolationException")
                .functionCounter()
                .count())
        .isEqualTo(1.0);
    assertThat(status.details()).containsEntry("rejectedEvents", 1L);
    assertThat(status.retried()).as("not retried").isZero();
    assertThat(status.dropped()).isZero();
    assertThat(status.degraded()).as("the database answered: no outage").isFalse();
  }

  @Test
  void databaseAway_theBatchIsRetried_thenWrittenOnce_nothingLostOrDuplicated() throws Exception {
    db.down(true);
    BrowsingEventWriter w = writer(db);
    List<BrowsingEventWriter.Row> rows = new ArrayList<>();
    for (int i = 0; i < 10; i++) {
      rows.add(row("v" + i));
      assertThat(w.offer(rows.get(i))).isTrue();
    }
    // no connection (CannotGetJdbcConnectionException, non-transient in Spring's hierarchy) is the
    // outage itself: retried, never split into rows nor dropped
    Await.until(() -> status.retried() >= 2, "two retries while the database is away", WAIT);
    assertThat(visitors()).isEmpty();
    assertThat(status.degraded()).isTrue();

    db.down(false);
    allWritten(rows);
    assertThat(visitors()).hasSize(10).doesNotHaveDuplicates();
    assertThat(status.rejected()).isZero();
    assertThat(status.dropped()).isZero();
    assertThat(status.degraded()).isFalse();
  }

  @Test
  void connectionLostAtCommit_theBatchIsRetried_notSplit_writtenOnce() throws Exception {
    db.breakNextCommits(1);
    BrowsingEventWriter w = writer(db);
    BrowsingEventWriter.Row row = row("v1");
    assertThat(w.offer(row)).isTrue();
    allWritten(List.of(row));

    assertThat(visitors()).containsExactly("v1");
    assertThat(status.retried()).isOne();
    assertThat(db.connections()).as("the failed attempt and its retry").isEqualTo(2);
    assertThat(status.rejected()).isZero();
  }

  @Test
  void isTransient_outagesAndTryAgains_notRowsTheDatabaseRejects() {
    SQLException lost = new SQLException("I/O error", "08006");
    assertThat(
            BrowsingEventWriter.isTransient(
                new CannotGetJdbcConnectionException(
                    "no connection", new SQLTransientConnectionException("timeout"))))
        .isTrue();
    assertThat(BrowsingEventWriter.isTransient(new DataAccessResourceFailureException("io", lost)))
        .isTrue();
    assertThat(BrowsingEventWriter.isTransient(new QueryTimeoutException("timeout"))).isTrue();
    assertThat(BrowsingEventWriter.isTransient(new PessimisticLockingFailureException("deadlock")))
        .isTrue();
    assertThat(BrowsingEventWriter.isTransient(new RecoverableDataAccessException("recover")))
        .isTrue();
    BatchUpdateException batch = new BatchUpdateException("batch", "XX000", 0, new int[0]);
    batch.setNextException(new SQLException("connection closed", "08003"));
    assertThat(BrowsingEventWriter.isTransient(new UncategorizedSQLException("batch", "", batch)))
        .isTrue();

    assertThat(
            BrowsingEventWriter.isTransient(
                new DataIntegrityViolationException(
                    "too long", new SQLException("value too long", "22001"))))
        .isFalse();
    assertThat(BrowsingEventWriter.isTransient(new DuplicateKeyException("dup"))).isFalse();
    assertThat(
            BrowsingEventWriter.isTransient(
                new BadSqlGrammarException("insert", "", new SQLException("no table", "42P01"))))
        .isFalse();
    assertThat(
            BrowsingEventWriter.isTransient(
                new DataAccessResourceFailureException(
                    "index row too large", new SQLException("too large", "54000"))))
        .as("over a server limit: the same row fails again")
        .isFalse();
    assertThat(BrowsingEventWriter.isTransient(new IllegalArgumentException("bug"))).isFalse();
  }

  private BrowsingEventWriter writer(DataSource dataSource) {
    BrowsingEventWriter w =
        new BrowsingEventWriter(
            new JdbcTemplate(dataSource), JdbcEventPublisher.INSERT, status, 100);
    writer = w;
    return w;
  }

  private static void allWritten(List<BrowsingEventWriter.Row> rows) throws Exception {
    CompletableFuture.allOf(
            rows.stream().map(BrowsingEventWriter.Row::written).toArray(CompletableFuture[]::new))
        .get(30, TimeUnit.SECONDS);
  }

  private List<String> visitors() {
    return new JdbcTemplate(db.target())
        .queryForList("SELECT VISITOR_ID FROM SL_EVENT ORDER BY ID", String.class);
  }

  private static BrowsingEventWriter.Row row(String visitor) {
    return new BrowsingEventWriter.Row(
        "CartChanged", visitor, null, "{}", AT, new CompletableFuture<>());
  }
}
