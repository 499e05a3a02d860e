package io.smartlists.eventlog;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTransientException;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.RecoverableDataAccessException;
import org.springframework.dao.TransientDataAccessException;
import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Writes browsing events (views, cart changes, sign-ins) to {@code SL_EVENT} on a thread of its
 * own, so a request thread never waits for a connection: it enqueues and, while the database
 * answers, waits at most the apply wait for the row to be written and applied. Rows are written in
 * batches, each in one transaction. What happens to a batch the database does not take depends on
 * why ({@link #isTransient}, by Spring's exception hierarchy):
 *
 * <ul>
 *   <li><b>Transient</b>: the database could not be reached or said "try again": no connection
 *       ({@code CannotGetJdbcConnectionException}) or a lost one (a {@link
 *       DataAccessResourceFailureException}, which Spring makes of SQL state class {@code 08};
 *       Spring files it under the non-transient exceptions, but for this writer it is the outage it
 *       must ride out), a {@link TransientDataAccessException} (a lock, a deadlock, a timeout, any
 *       {@link SQLTransientException}), a {@link RecoverableDataAccessException}, or a connection
 *       failure anywhere in the causes ({@link DatabaseOutage#isConnectionFailure}). The batch is
 *       rolled back, kept and retried with a growing pause (up to {@link #MAX_BACKOFF}); new events
 *       queue behind it, and once the queue is full further events are dropped and counted ({@link
 *       EventLogStatus#dropped()}). A batch whose commit was cut off mid-way may be written twice
 *       on retry: a view counted twice, never an order (orders are written in the store's own
 *       transaction, not here).
 *   <li><b>Anything else</b> (a constraint violation, a value too long for its column or other bad
 *       data, i.e. a {@code DataIntegrityViolationException}; a statement over a server limit, SQL
 *       state class {@code 54}; a missing table): the same batch would fail again on every retry
 *       and hold up every event behind it. The rolled-back batch is written again one row at a time
 *       (each in its own transaction): the rows the database takes are kept, and each row it
 *       rejects is dropped, counted by cause ({@link EventLogStatus#rejected()}, the Micrometer
 *       counter {@value EventLogStatus#REJECTED_METER} with a {@code cause} tag, the exception's
 *       simple class name) and logged at most once a minute. A transient failure on the way resumes
 *       the retry with the rows not written yet. One bad row therefore costs that row only.
 * </ul>
 *
 * <p>The thread ends after a minute with nothing queued; the next event starts it again.
 */
final class BrowsingEventWriter implements AutoCloseable {

  private static final Logger log = LoggerFactory.getLogger(BrowsingEventWriter.class);

  private static final int BATCH = 200;
  private static final Duration MAX_BACKOFF = Duration.ofSeconds(5);

  /** Polls of 200 ms with nothing queued after which the thread ends (a minute). */
  private static final int IDLE_POLLS = 300;

  /** At most one report of rejected rows a minute. */
  private static final long QUIET_NANOS = TimeUnit.MINUTES.toNanos(1);

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
  private final AtomicLong lastRejectionLogged = new AtomicLong(System.nanoTime() - QUIET_NANOS);
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
        if (error != null && !isTransient(error)) {
          error = writeOneByOne(batch); // the database answered: keep what it takes
        }
        if (error == null) {
          batch.forEach(r -> r.written().complete(null));
          batch.clear();
          backoffMillis = 100;
          outage.recovered();
        } else {
          if (closed) {
            drop(batch);
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
        // close() gave up waiting: what is still here is lost, and counted
        drop(batch);
        queue.drainTo(batch);
        drop(batch);
        Thread.currentThread().interrupt();
        return;
      }
    }
  }

  private void drop(List<Row> rows) {
    for (Row r : rows) {
      status.droppedOne();
      r.written().completeExceptionally(new IllegalStateException("event writer closed"));
    }
    rows.clear();
  }

  /**
   * Writes the rows of a batch the database rejected one at a time: completes and removes the rows
   * it takes, drops, counts and removes those it rejects. Returns null when none is left, or the
   * transient failure that stopped it, with the rows not written yet left in {@code batch}.
   */
  private @Nullable RuntimeException writeOneByOne(List<Row> batch) {
    for (Iterator<Row> it = batch.iterator(); it.hasNext(); ) {
      Row row = it.next();
      RuntimeException error = write(List.of(row));
      if (error != null && isTransient(error)) {
        return error;
      }
      it.remove();
      if (error == null) {
        row.written().complete(null);
      } else {
        rejected(row, error);
      }
    }
    return null;
  }

  private void rejected(Row row, RuntimeException error) {
    long total = status.rejectedOne(error.getClass().getSimpleName());
    row.written().completeExceptionally(error);
    long now = System.nanoTime();
    long previous = lastRejectionLogged.get();
    if (now - previous >= QUIET_NANOS && lastRejectionLogged.compareAndSet(previous, now)) {
      log.warn(
          "Smart Lists dropped a {} event the database rejected: {} ({} rejected since start;"
              + " at most one report a minute)",
          row.type(),
          DatabaseOutage.message(error),
          total);
    }
  }

  /**
   * True when a failed write is worth trying again as it is: the database could not be reached or
   * asked for a retry (see the class comment). False for a statement the database answered with an
   * error that the same rows would get again.
   */
  static boolean isTransient(Throwable e) {
    if (e instanceof TransientDataAccessException || e instanceof RecoverableDataAccessException) {
      return true;
    }
    if (e instanceof DataAccessResourceFailureException && !overServerLimit(e)) {
      return true; // no connection, a lost one, a server shutting down or out of resources
    }
    return DatabaseOutage.anyCause(
            e, t -> t instanceof SQLTransientException || t instanceof SQLRecoverableException)
        || DatabaseOutage.isConnectionFailure(e);
  }

  /** SQL state class 54 (a statement or row over a server limit): the same rows fail again. */
  private static boolean overServerLimit(Throwable e) {
    return DatabaseOutage.anyCause(
        e,
        t ->
            t instanceof SQLException sql
                && sql.getSQLState() != null
                && sql.getSQLState().startsWith("54"));
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
    // a row the database rejected is no outage: it answered
    status.writeEnded(error != null && isTransient(error) ? error : null);
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
