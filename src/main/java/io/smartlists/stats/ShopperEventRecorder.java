package io.smartlists.stats;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
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
 *       addBatch} per row, {@code executeBatch}, then one commit for the whole batch. A batch that
 *       fails is rolled back and counted ({@code outcome=failed}); the writer goes on with the
 *       next.
 *   <li>Stopping the context (this is a {@link SmartLifecycle} that stops after the web server)
 *       flushes the queue before the data source closes.
 * </ul>
 *
 * <p>Loss window: a crash (or {@code kill -9}) loses what is queued and not yet committed: at most
 * the events of the last {@code flushInterval} plus one batch in flight (about the last second of
 * views, impressions and clicks with the defaults). Orders never come here: they are written in the
 * host's transaction through the event log.
 */
public final class ShopperEventRecorder implements ShopperEventSink, SmartLifecycle {

  private static final Logger log = LoggerFactory.getLogger(ShopperEventRecorder.class);
  private static final long QUIET_NANOS = TimeUnit.MINUTES.toNanos(1);

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

  /** Held by whoever takes a batch until it is committed, so {@link #flush} returns after it. */
  private final Object writeLock = new Object();

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

  /** Events lost because their batch failed (rolled back) or a row could not be bound. */
  public long failed() {
    return failed.sum();
  }

  /** Transactions committed. */
  public long batches() {
    return batches.sum();
  }

  /** Events waiting for the writer. */
  public int queued() {
    return size.get();
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
    Gauge.builder("smartlists.stats.queue", size, AtomicInteger::get)
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
          size.get());
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
   * counted as failed).
   */
  public int flush() {
    int total = 0;
    List<Pending> batch = new ArrayList<>(batchSize);
    while (true) {
      synchronized (writeLock) {
        int n = drainLocked(batch);
        if (n == 0) {
          return total;
        }
        total += n;
        write(batch);
        batch.clear();
      }
    }
  }

  private void run() {
    List<Pending> batch = new ArrayList<>(batchSize);
    while (true) {
      boolean last = stopping;
      int n;
      synchronized (writeLock) {
        n = drainLocked(batch);
        if (n > 0) {
          write(batch);
          batch.clear();
        }
      }
      if (n == batchSize) {
        continue; // more may be waiting
      }
      if (last) {
        if (queue.isEmpty()) {
          return;
        }
        continue;
      }
      if (size.get() < batchSize) {
        LockSupport.parkNanos(this, flushNanos);
      }
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

  /** One transaction: per table, in the order of first appearance, one JDBC batch. */
  @SuppressWarnings({"unchecked", "rawtypes"})
  private void write(List<Pending> batch) {
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
    try (Connection c = dataSource.getConnection()) {
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
        logFailure("could not write " + batch.size() + " shopper events", e);
      } finally {
        if (autoCommit) {
          c.setAutoCommit(true);
        }
      }
    } catch (SQLException | RuntimeException e) {
      // no connection, or resetting auto-commit failed (the batch's outcome is known already)
      logFailure("could not write " + batch.size() + " shopper events", e);
    }
    if (committed) {
      written.add(batch.size() - unbound);
      failed.add(unbound);
      batches.increment();
    } else {
      failed.add(batch.size());
    }
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
