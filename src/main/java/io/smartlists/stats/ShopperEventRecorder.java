package io.smartlists.stats;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.smartlists.eventlog.DatabaseOutage;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;
import java.util.concurrent.locks.LockSupport;
import javax.sql.DataSource;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

/**
 * The bounded, batched, asynchronous {@link ShopperEventSink}: request threads only enqueue, one
 * writer thread per node inserts what they enqueued in JDBC batches, one transaction per batch.
 *
 * <ul>
 *   <li>{@link #record} is lock-free: an atomic increment of the queue size and an offer to a
 *       {@link ConcurrentLinkedQueue}. When the queue already holds {@code capacity} events the
 *       event is dropped and counted ({@code smartlists.stats.events{outcome=dropped}}); the
 *       request never waits and never touches the database.
 *   <li>The writer wakes every {@code flushInterval}, or as soon as a full batch is queued, takes
 *       up to {@code batchSize} events, and inserts them: per table one prepared statement, {@code
 *       addBatch} per row, {@code executeBatch}, then one commit for the whole batch.
 *   <li>A batch that fails because the database cannot be reached (no connection, or a connection
 *       error: SQL state class {@code 08}, {@code 57P}, a broken connection) is rolled back and
 *       kept: the writer tries it again after 250 ms, then after twice as long each time, at most
 *       every {@value #MAX_BACKOFF_MILLIS} ms, until it is written ({@code
 *       smartlists.stats.retries} counts the attempts). Meanwhile the queue keeps its capacity:
 *       requests go on enqueueing, and what does not fit is dropped and counted as ever. A batch
 *       that fails for another reason (a constraint, a bad row) is rolled back and counted ({@code
 *       outcome=failed}) at once; the writer goes on with the next.
 *   <li>Stopping the context (this is a {@link SmartLifecycle} that stops after the web server)
 *       flushes the queue before the data source closes; what is still unwritten after {@code
 *       shutdownTimeout} (the database is away) is counted as failed.
 * </ul>
 *
 * <p>Loss window: a crash (or {@code kill -9}) loses what is queued and not yet committed: at most
 * the events of the last {@code flushInterval} plus one batch in flight (about the last second of
 * views, impressions and clicks with the defaults) while the database answers; during an outage,
 * everything queued since it began (up to {@code capacity} events plus the batch being retried). An
 * outage loses events only once the queue is full (then the newest are dropped and counted), or
 * when the node stops before the database returns. A commit whose acknowledgement is lost with the
 * connection is written again by the retry (a duplicate, never a loss). Orders never come here:
 * they are written in the host's transaction through the event log.
 */
public final class ShopperEventRecorder implements ShopperEventSink, SmartLifecycle {

  private static final Logger log = LoggerFactory.getLogger(ShopperEventRecorder.class);
  private static final long QUIET_NANOS = TimeUnit.MINUTES.toNanos(1);
  private static final long FIRST_BACKOFF_MILLIS = 250;

  /** The longest wait between two attempts at a batch the database did not take. */
  static final long MAX_BACKOFF_MILLIS = 5_000;

  private final DataSource dataSource;
  private final int capacity;
  private final int batchSize;
  private final long flushNanos;
  private final Duration shutdownTimeout;

  private final ConcurrentLinkedQueue<Pending> queue = new ConcurrentLinkedQueue<>();
  private final AtomicInteger size = new AtomicInteger();
  private final LongAdder dropped = new LongAdder();
  private final LongAdder written = new LongAdder();
  private final LongAdder failed = new LongAdder();
  private final LongAdder batches = new LongAdder();
  private final LongAdder retries = new LongAdder();

  /** Held by whoever takes a batch until it is committed, so {@link #flush} returns after it. */
  private final Object writeLock = new Object();

  /** A batch the database did not take, waiting for its next attempt (guarded by writeLock). */
  private @Nullable List<Pending> retrying;

  private int retryAttempts;
  private long retryAtNanos;

  /** Events of the batch being retried, for {@link #queued()} (read without the lock). */
  private volatile int retryingSize;

  private final DatabaseOutage outage = new DatabaseOutage(log, "Smart Lists statistics writer");

  private final AtomicLong lastFailureLogged = new AtomicLong(System.nanoTime() - QUIET_NANOS);

  private volatile @Nullable Thread writer;
  private volatile boolean stopping;
  private volatile boolean stopped;

  /**
   * @param dataSource the store's database
   * @param capacity events queued at most; more are dropped and counted
   * @param batchSize events inserted per transaction at most
   * @param flushInterval how long a partly filled batch waits for more events
   * @param shutdownTimeout how long stopping waits for the queue to drain
   */
  public ShopperEventRecorder(
      DataSource dataSource,
      int capacity,
      int batchSize,
      Duration flushInterval,
      Duration shutdownTimeout) {
    if (capacity < 1 || batchSize < 1) {
      throw new IllegalArgumentException("capacity and batch size must be positive");
    }
    this.dataSource = dataSource;
    this.capacity = capacity;
    this.batchSize = batchSize;
    this.flushNanos = Math.max(1, flushInterval.toNanos());
    this.shutdownTimeout = shutdownTimeout;
  }

  @Override
  public <T> void record(StatTable<T> table, T row) {
    if (stopped) {
      dropped.increment();
      return;
    }
    int n = size.incrementAndGet();
    if (n > capacity) {
      size.decrementAndGet();
      dropped.increment();
      return;
    }
    queue.offer(new Pending(table, row));
    if (n == batchSize) {
      Thread w = writer;
      if (w != null) {
        LockSupport.unpark(w); // a full batch is waiting: do not wait for the flush interval
      }
    }
  }

  /** Events dropped because the queue was full (or arrived after shutdown). */
  public long dropped() {
    return dropped.sum();
  }

  /** Events committed to the database. */
  public long written() {
    return written.sum();
  }

  /**
   * Events lost because their batch failed (rolled back) for another reason than an unreachable
   * database, a row could not be bound, or the node stopped before the database returned.
   */
  public long failed() {
    return failed.sum();
  }

  /** Transactions committed. */
  public long batches() {
    return batches.sum();
  }

  /** Events waiting for the writer, the batch it is retrying included. */
  public int queued() {
    return size.get() + retryingSize;
  }

  /** Attempts at a batch after the database did not take it. */
  public long retries() {
    return retries.sum();
  }

  /**
   * Registers the recorder's meters. Not a {@code MeterBinder} on purpose: Boot's metrics
   * auto-configuration would bind it a second time.
   */
  public void bindTo(MeterRegistry registry) {
    FunctionCounter.builder("smartlists.stats.events", dropped, LongAdder::sum)
        .description("Shopper events dropped because the recorder's queue was full")
        .tag("outcome", "dropped")
        .register(registry);
    FunctionCounter.builder("smartlists.stats.events", written, LongAdder::sum)
        .description("Shopper events written to the statistics tables")
        .tag("outcome", "written")
        .register(registry);
    FunctionCounter.builder("smartlists.stats.events", failed, LongAdder::sum)
        .description("Shopper events lost because their batch insert failed")
        .tag("outcome", "failed")
        .register(registry);
    FunctionCounter.builder("smartlists.stats.retries", retries, LongAdder::sum)
        .description("Attempts at a batch of shopper events the database did not take")
        .register(registry);
    Gauge.builder("smartlists.stats.queue", this, ShopperEventRecorder::queued)
        .description("Shopper events waiting for the statistics writer")
        .register(registry);
  }

  @Override
  public synchronized void start() {
    if (writer != null) {
      return;
    }
    stopping = false;
    stopped = false;
    Thread t = new Thread(this::run, "smartlists-stats-writer");
    t.setDaemon(true);
    writer = t;
    t.start();
  }

  /**
   * After the web server (Boot stops it in phase {@code DEFAULT_PHASE - 2048}): the last requests'
   * events are queued before the writer flushes and ends.
   */
  @Override
  public int getPhase() {
    return SmartLifecycle.DEFAULT_PHASE - 4096;
  }

  @Override
  public synchronized void stop() {
    Thread t = writer;
    if (t == null) {
      return;
    }
    stopping = true;
    LockSupport.unpark(t);
    try {
      t.join(shutdownTimeout.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    stopped = true;
    if (t.isAlive()) {
      log.warn(
          "Smart Lists statistics writer did not flush within {}; {} events left unwritten",
          shutdownTimeout,
          queued());
      LockSupport.unpark(t); // a writer waiting to retry gives up now (and counts what it had)
    }
    writer = null;
  }

  @Override
  public synchronized boolean isRunning() {
    return writer != null;
  }

  /**
   * Writes what is queued now on the calling thread, after the batch the writer may have in flight
   * is committed, and returns how many events this call wrote. Tests and benchmarks call it instead
   * of sleeping: once it returns, every event recorded before the call is in the database (or
   * counted as failed), unless the database cannot be reached: then the batch it could not write is
   * kept for the writer to retry, the rest stays queued, and it returns at once.
   */
  public int flush() {
    int total = 0;
    List<Pending> batch = new ArrayList<>(batchSize);
    while (true) {
      synchronized (writeLock) {
        List<Pending> again = retrying;
        if (again != null) {
          retrying = null;
          retryingSize = 0;
          if (!attemptLocked(again, retryAttempts + 1)) {
            return total;
          }
          total += again.size();
          continue;
        }
        int n = drainLocked(batch);
        if (n == 0) {
          return total;
        }
        if (!attemptLocked(batch, 1)) {
          return total;
        }
        total += n;
        batch = new ArrayList<>(batchSize);
      }
    }
  }

  private void run() {
    while (true) {
      long waitNanos;
      synchronized (writeLock) {
        waitNanos = stepLocked(stopping);
      }
      if (waitNanos < 0) {
        return;
      }
      if (waitNanos > 0) {
        LockSupport.parkNanos(this, waitNanos);
      }
    }
  }

  /**
   * One step of the writer: retries the kept batch when it is due, else writes the next batch.
   * Returns 0 to go on at once, the nanoseconds to wait, or -1 when the writer ends.
   *
   * @param last the recorder is stopping: end once the queue is empty
   */
  private long stepLocked(boolean last) {
    List<Pending> again = retrying;
    if (again != null) {
      if (stopped) {
        abandonLocked();
        return -1;
      }
      long wait = retryAtNanos - System.nanoTime();
      if (wait > 0) {
        return wait;
      }
      retrying = null;
      retryingSize = 0;
      attemptLocked(again, retryAttempts + 1);
      return 0;
    }
    List<Pending> batch = new ArrayList<>(batchSize);
    int n = drainLocked(batch);
    if (n > 0) {
      attemptLocked(batch, 1);
      if (retrying != null || n == batchSize) {
        return 0; // wait for the retry, or more may be waiting
      }
    }
    if (last) {
      return queue.isEmpty() ? -1 : 0;
    }
    return size.get() < batchSize ? flushNanos : 0;
  }

  /**
   * Writes the batch; when the database could not be reached, keeps it for another attempt after
   * the backoff and returns false.
   *
   * @param attempt 1 for a batch's first attempt
   */
  private boolean attemptLocked(List<Pending> batch, int attempt) {
    if (attempt > 1) {
      retries.increment();
    }
    if (write(batch)) {
      return true;
    }
    long backoff = Math.min(MAX_BACKOFF_MILLIS, FIRST_BACKOFF_MILLIS << Math.min(attempt - 1, 10));
    retrying = batch;
    retryingSize = batch.size();
    retryAttempts = attempt;
    retryAtNanos = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(backoff);
    return false;
  }

  /** The node stopped before the database came back: what is left is lost, and counted. */
  private void abandonLocked() {
    List<Pending> again = retrying;
    int lost = again == null ? 0 : again.size();
    retrying = null;
    retryingSize = 0;
    List<Pending> rest = new ArrayList<>(batchSize);
    int n;
    while ((n = drainLocked(rest)) > 0) {
      lost += n;
      rest.clear();
    }
    failed.add(lost);
    if (lost > 0) {
      log.warn(
          "Smart Lists statistics writer stopped before the database came back: {} events lost",
          lost);
    }
  }

  private int drainLocked(List<Pending> into) {
    int n = 0;
    while (n < batchSize) {
      Pending p = queue.poll();
      if (p == null) {
        break;
      }
      into.add(p);
      n++;
    }
    if (n > 0) {
      size.addAndGet(-n);
    }
    return n;
  }

  /**
   * One transaction: per table, in the order of first appearance, one JDBC batch. Returns false
   * when the database could not be reached (the batch is rolled back and nothing is counted: the
   * caller keeps it), true when the batch is done with: committed, or failed for another reason and
   * counted.
   */
  @SuppressWarnings({"unchecked", "rawtypes"})
  private boolean write(List<Pending> batch) {
    Map<StatTable<?>, Group> byTable = new IdentityHashMap<>(4);
    List<Group> groups = new ArrayList<>(4);
    for (Pending p : batch) {
      Group g = byTable.get(p.table);
      if (g == null) {
        g = new Group(p.table, new ArrayList<>(batch.size()));
        byTable.put(p.table, g);
        groups.add(g);
      }
      g.rows.add(p.row);
    }
    int unbound = 0;
    boolean committed = false;
    boolean connected = false;
    @Nullable Exception unreachable = null;
    try (Connection c = dataSource.getConnection()) {
      connected = true;
      boolean autoCommit = c.getAutoCommit();
      try {
        if (autoCommit) {
          c.setAutoCommit(false);
        }
        for (Group g : groups) {
          StatTable table = g.table;
          try (PreparedStatement ps = c.prepareStatement(table.insertSql())) {
            int inStatement = 0;
            for (Object row : g.rows) {
              try {
                table.bind(ps, row);
                ps.addBatch();
                inStatement++;
              } catch (SQLException | RuntimeException e) {
                unbound++;
                ps.clearParameters();
                logFailure("could not bind a row of " + table, e);
              }
            }
            if (inStatement > 0) {
              ps.executeBatch();
            }
          }
        }
        c.commit();
        committed = true;
      } catch (SQLException | RuntimeException e) {
        try {
          c.rollback();
        } catch (SQLException ignored) {
          // the connection is broken; the pool discards it
        }
        if (DatabaseOutage.isOutage(e, c)) {
          unreachable = e;
        } else {
          logFailure("could not write " + batch.size() + " shopper events", e);
        }
      } finally {
        if (autoCommit) {
          try {
            c.setAutoCommit(true);
          } catch (SQLException e) {
            // a broken connection: the pool discards it; the batch's outcome is known already
          }
        }
      }
    } catch (SQLException | RuntimeException e) {
      // no connection; with one, closing it failed and the batch's outcome is known already
      if (!connected) {
        unreachable = e;
      }
    }
    if (unreachable != null) {
      outage.failed(
          unreachable,
          "keeps " + batch.size() + " events to write when it answers (" + queued() + " queued)");
      return false;
    }
    outage.recovered();
    if (committed) {
      written.add(batch.size() - unbound);
      failed.add(unbound);
      batches.increment();
    } else {
      failed.add(batch.size());
    }
    return true;
  }

  private void logFailure(String what, Exception e) {
    long now = System.nanoTime();
    long previous = lastFailureLogged.get();
    if (now - previous >= QUIET_NANOS && lastFailureLogged.compareAndSet(previous, now)) {
      log.warn(
          "Smart Lists {} (at most one report a minute; {} events lost so far)",
          what,
          failed.sum(),
          e);
    }
  }

  private record Pending(StatTable<?> table, Object row) {}

  /** The rows of one table within a batch, in the order they were recorded. */
  private record Group(StatTable<?> table, List<Object> rows) {}
}
