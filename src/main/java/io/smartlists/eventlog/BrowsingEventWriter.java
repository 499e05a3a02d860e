package io.smartlists.eventlog;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Writes browsing events (views, cart changes, sign-ins) to {@code SL_EVENT} on a thread of its
 * own, so a request thread never waits for a connection: it enqueues and, while the database
 * answers, waits at most the apply wait for the row to be written and applied. Rows are written in
 * batches, each in one transaction. While the database is away a failed batch is retried with a
 * growing pause (up to {@link #MAX_BACKOFF}) and new events queue behind it; once the queue is full
 * further events are dropped and counted ({@link EventLogStatus#dropped()}). A batch whose commit
 * was cut off mid-way may be written twice on retry: a view counted twice, never an order (orders
 * are written in the store's own transaction, not here). The thread ends after a minute with
 * nothing queued; the next event starts it again.
 */
final class BrowsingEventWriter implements AutoCloseable {

  private static final Logger log = LoggerFactory.getLogger(BrowsingEventWriter.class);

  private static final int BATCH = 200;
  private static final Duration MAX_BACKOFF = Duration.ofSeconds(5);

  /** Polls of 200 ms with nothing queued after which the thread ends (a minute). */
  private static final int IDLE_POLLS = 300;

  record Row(
      String type,
      @Nullable String visitorId,
      @Nullable String customerId,
      String payload,
      OffsetDateTime occurredAt,
      CompletableFuture<Void> written) {}

  private final DatabaseOutage outage =
      new DatabaseOutage(log, "Smart Lists browsing-event writer");
  private final JdbcTemplate jdbc;
  private final String insert;
  private final EventLogStatus status;
  private final BlockingQueue<Row> queue;
  private @Nullable Thread thread;
  private volatile boolean closed;

  BrowsingEventWriter(JdbcTemplate jdbc, String insert, EventLogStatus status, int capacity) {
    this.jdbc = jdbc;
    this.insert = insert;
    this.status = status;
    this.queue = new ArrayBlockingQueue<>(Math.max(1, capacity));
    status.backlog(queue::size);
  }

  /** Enqueues a row; false (and counted as dropped) when the queue is full or the writer closed. */
  boolean offer(Row row) {
    if (closed || !queue.offer(row)) {
      status.droppedOne();
      row.written().completeExceptionally(new IllegalStateException("event queue full"));
      return false;
    }
    ensureStarted();
    return true;
  }

  /** Events waiting to be written. */
  int backlog() {
    return queue.size();
  }

  private synchronized void ensureStarted() {
    if (thread == null && !closed) {
      Thread t = new Thread(this::run, "smartlists-event-writer");
      t.setDaemon(true);
      t.start();
      thread = t;
    }
  }

  private void run() {
    List<Row> batch = new ArrayList<>(BATCH);
    long backoffMillis = 100;
    int idlePolls = 0;
    while (!closed || !queue.isEmpty()) {
      try {
        if (batch.isEmpty()) {
          Row first = queue.poll(200, TimeUnit.MILLISECONDS);
          if (first == null) {
            if (++idlePolls >= IDLE_POLLS && stopIfIdle()) {
              return; // the next offer starts a new thread
            }
            continue;
          }
          idlePolls = 0;
          batch.add(first);
          queue.drainTo(batch, BATCH - 1);
        }
        RuntimeException error = write(batch);
        if (error == null) {
          batch.forEach(r -> r.written().complete(null));
          batch.clear();
          backoffMillis = 100;
          outage.recovered();
        } else {
          if (closed) {
            batch.forEach(r -> status.droppedOne());
            batch.clear();
            continue;
          }
          status.retriedOne();
          outage.failed(
              error,
              "keeps " + batch.size() + " browsing events, retrying in " + backoffMillis + " ms");
          Thread.sleep(backoffMillis);
          backoffMillis = Math.min(MAX_BACKOFF.toMillis(), backoffMillis * 2);
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      }
    }
  }

  /** Ends this thread when nothing is queued; an offer racing with it starts a new one. */
  private synchronized boolean stopIfIdle() {
    if (!queue.isEmpty()) {
      return false;
    }
    thread = null;
    return true;
  }

  private @Nullable RuntimeException write(List<Row> batch) {
    status.writeStarted();
    RuntimeException error = null;
    try {
      var unused =
          jdbc.execute(
              (ConnectionCallback<Integer>)
                  c -> {
                    insert(c, batch);
                    return batch.size();
                  });
    } catch (RuntimeException e) {
      error = e;
    }
    status.writeEnded(error);
    return error;
  }

  private void insert(Connection c, List<Row> batch) throws SQLException {
    boolean autoCommit = c.getAutoCommit();
    c.setAutoCommit(false);
    try (PreparedStatement ps = c.prepareStatement(insert)) {
      for (Row r : batch) {
        ps.setString(1, r.type());
        ps.setString(2, r.visitorId());
        ps.setString(3, r.customerId());
        ps.setString(4, r.payload());
        ps.setObject(5, r.occurredAt());
        ps.addBatch();
      }
      ps.executeBatch();
      c.commit();
    } catch (SQLException | RuntimeException e) {
      try {
        c.rollback();
      } catch (SQLException suppressed) {
        e.addSuppressed(suppressed);
      }
      throw e;
    } finally {
      try {
        c.setAutoCommit(autoCommit);
      } catch (SQLException ignored) {
        // the connection is broken; the pool discards it
      }
    }
  }

  /** Writes what is queued (for at most a few seconds), then stops the thread. */
  @Override
  public void close() {
    closed = true;
    Thread t;
    synchronized (this) {
      t = thread;
    }
    if (t != null) {
      try {
        t.join(5_000);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      t.interrupt();
    }
  }
}
