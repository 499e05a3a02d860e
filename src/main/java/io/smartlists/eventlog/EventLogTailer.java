package io.smartlists.eventlog;

import io.smartlists.host.SmartListsEvent;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import java.util.function.LongSupplier;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowCallbackHandler;

/**
 * Reads committed events from {@code SL_EVENT} and applies each exactly once to this node's
 * signals. Every node runs its own tailer over the shared table, so all nodes apply every event.
 *
 * <p>Ids come from an identity column, and concurrent transactions commit out of id order: a row
 * with id 10 can become visible after id 11 was read. The tailer therefore remembers the ids it
 * skipped over (the "missing" set, normally a handful: transactions still open, or rolled back),
 * re-reads them on every poll until they appear, and forgets a missing id after the gap timeout (a
 * rolled-back transaction's id never appears). Rows above the highest id read are found with an
 * index range scan; nothing is ever applied twice, because each id is applied either as a new row
 * or as a missing one that is then removed from the set.
 */
public final class EventLogTailer {

  private static final Logger log = LoggerFactory.getLogger(EventLogTailer.class);

  /** Larger id jumps are not tracked id by id (an identity cache skipped after a restart). */
  private static final int MAX_TRACKED_GAP = 10_000;

  /** Missing ids re-read per query. */
  private static final int IN_CHUNK = 200;

  private static final String SELECT = "SELECT ID, TYPE, PAYLOAD, ORIGIN FROM SL_EVENT ";

  private final JdbcTemplate jdbc;
  private final EventCodec codec;
  private final Consumer<SmartListsEvent> sink;
  private final int batchSize;
  private final long gapTimeoutNanos;
  private final LongSupplier nanoTime;
  private final String origin;
  private final AtomicReference<@Nullable CompletableFuture<Void>> pending =
      new AtomicReference<>();

  private @Nullable Executor executor;
  private volatile EventLogStatus status =
      new EventLogStatus(Duration.ofSeconds(2), System::nanoTime);

  private volatile Consumer<ErasureNotice> erasures = notice -> {};

  // guarded by this
  private long high = -1;
  private final Map<Long, Long> missing = new LinkedHashMap<>();
  private long applied;

  public EventLogTailer(
      JdbcTemplate jdbc,
      EventCodec codec,
      Consumer<SmartListsEvent> sink,
      int batchSize,
      Duration gapTimeout,
      LongSupplier nanoTime,
      String origin) {
    this.jdbc = jdbc;
    this.codec = codec;
    this.sink = sink;
    this.batchSize = batchSize;
    this.gapTimeoutNanos = gapTimeout.toNanos();
    this.nanoTime = nanoTime;
    this.origin = origin;
  }

  /**
   * This node's id in {@code SL_EVENT.ORIGIN}: views this node applied itself and then wrote in the
   * background carry it, so its own polls skip them (the other nodes apply them).
   */
  public String origin() {
    return origin;
  }

  /**
   * Applies an event on this node at once, without the log (a view this node served; the recorder
   * writes it to the log with this node's origin for the other nodes). Never throws.
   */
  void applyHere(SmartListsEvent event) {
    try {
      sink.accept(event);
    } catch (RuntimeException e) {
      log.warn("Smart Lists could not apply {}", event, e);
    }
  }

  /** Starts tailing after the current last event (older events are in the order history). */
  synchronized void start() {
    Long max = jdbc.queryForObject("SELECT MAX(ID) FROM SL_EVENT", Long.class);
    high = max == null ? 0 : max;
    missing.clear();
  }

  /**
   * Applies the browsing events (views, cart changes, sign-ins) written since {@code since} and up
   * to the start point, oldest first, so a node that starts (or restarts) knows what visitors did
   * before, like the nodes that were already running. Orders and catalogue changes are left out:
   * the rebuild reads them from the host's order history and catalogue. Call after {@link #start()}
   * and before the first {@link #poll()}.
   */
  synchronized int replay(Instant since) {
    long upTo = high;
    long from = 0;
    int count = 0;
    OffsetDateTime after = OffsetDateTime.ofInstant(since, ZoneOffset.UTC);
    while (true) {
      List<Row> rows =
          jdbc.query(
              SELECT
                  + "WHERE ID > ? AND ID <= ? AND TYPE NOT IN ('OrderConfirmed', 'OrderCancelled', 'OrderReturned', 'ProductChanged') AND CREATED_AT >= ? "
                  + "ORDER BY ID FETCH FIRST "
                  + batchSize
                  + " ROWS ONLY",
              EventLogTailer::row,
              from,
              upTo,
              after);
      for (Row row : rows) {
        apply(row); // this node's own views too: it restarted and forgot them
        from = row.id;
        count++;
      }
      if (rows.size() < batchSize) {
        return count;
      }
    }
  }

  /** Deletes events written before {@code before}; returns how many. Safe on every node at once. */
  int purge(Instant before) {
    return jdbc.update(
        "DELETE FROM SL_EVENT WHERE CREATED_AT < ?",
        OffsetDateTime.ofInstant(before, ZoneOffset.UTC));
  }

  /**
   * Deletes browsing events (everything but order confirmations, cancellations and returns, which
   * attributed revenue nets) written before {@code before}: once past the replay window no node
   * reads them again, so views from a flood of cookie-less clients do not pile up until the
   * retention. Returns how many. Safe on every node at once.
   */
  int purgeBrowsing(Instant before) {
    return jdbc.update(
        "DELETE FROM SL_EVENT WHERE TYPE NOT IN ('OrderConfirmed', 'OrderCancelled', 'OrderReturned')"
            + " AND CREATED_AT < ?",
        OffsetDateTime.ofInstant(before, ZoneOffset.UTC));
  }

  /** True once {@link #start()} ran. */
  synchronized boolean started() {
    return high >= 0;
  }

  /** Events applied by this tailer since it was created. */
  synchronized long applied() {
    return applied;
  }

  /** Ids skipped over and not (yet) seen, for tests and diagnostics. */
  synchronized List<Long> missing() {
    return new ArrayList<>(missing.keySet());
  }

  /** Where this tailer reports its reads (shared with the publisher's writer). */
  public EventLogStatus status() {
    return status;
  }

  /** Reports reads to {@code status} from now on. */
  public void status(EventLogStatus status) {
    this.status = status;
  }

  /** Where the erasure notices of the log go (this node's engine forgets the shopper). */
  public void onErasure(Consumer<ErasureNotice> erasures) {
    this.erasures = erasures;
  }

  /** Where on-demand polls run (the lifecycle's single tailer thread); null runs them inline. */
  void executor(@Nullable Executor executor) {
    this.executor = executor;
  }

  /**
   * Asks for a poll that starts after this call: the returned future completes once every event
   * committed before the call has been applied on this node. Concurrent requests share one poll.
   */
  CompletableFuture<Void> requestPoll() {
    Executor ex = executor;
    if (ex == null) {
      poll();
      return CompletableFuture.completedFuture(null);
    }
    while (true) {
      CompletableFuture<Void> queued = pending.get();
      if (queued != null) {
        return queued;
      }
      CompletableFuture<Void> next = new CompletableFuture<>();
      if (pending.compareAndSet(null, next)) {
        try {
          ex.execute(
              () -> {
                // from here on, a new request needs a new poll (its row may not be seen by this
                // one)
                pending.compareAndSet(next, null);
                try {
                  poll();
                  next.complete(null);
                } catch (RuntimeException e) {
                  next.completeExceptionally(e);
                }
              });
        } catch (RuntimeException rejected) {
          pending.compareAndSet(next, null);
          next.completeExceptionally(rejected);
        }
        return next;
      }
    }
  }

  /** Reads and applies what is new; returns the number of events applied. */
  synchronized int poll() {
    if (high < 0) {
      return 0;
    }
    EventLogStatus s = status;
    s.pollStarted();
    try {
      int n = readNew();
      s.pollEnded(null);
      return n;
    } catch (RuntimeException e) {
      s.pollEnded(e);
      throw e;
    }
  }

  private int readNew() {
    long now = nanoTime.getAsLong();
    int count = 0;
    if (!missing.isEmpty()) {
      count += rereadMissing(now);
    }
    while (true) {
      List<Row> rows =
          jdbc.query(
              SELECT + "WHERE ID > ? ORDER BY ID FETCH FIRST " + batchSize + " ROWS ONLY",
              EventLogTailer::row,
              high);
      for (Row row : rows) {
        long gap = row.id - high - 1;
        if (gap > 0 && gap <= MAX_TRACKED_GAP) {
          for (long id = high + 1; id < row.id; id++) {
            missing.put(id, now);
          }
        } else if (gap > MAX_TRACKED_GAP) {
          log.warn(
              "Smart Lists event ids jumped from {} to {}; not waiting for the gap", high, row.id);
        }
        high = row.id;
        if (!origin.equals(row.origin)) {
          apply(row);
          count++;
        }
      }
      if (rows.size() < batchSize) {
        return count;
      }
    }
  }

  private int rereadMissing(long now) {
    Iterator<Map.Entry<Long, Long>> it = missing.entrySet().iterator();
    while (it.hasNext()) {
      if (now - it.next().getValue() >= gapTimeoutNanos) {
        it.remove(); // rolled back, or a transaction open longer than the gap timeout
      }
    }
    int count = 0;
    List<Long> ids = new ArrayList<>(missing.keySet());
    for (int from = 0; from < ids.size(); from += IN_CHUNK) {
      List<Long> chunk = ids.subList(from, Math.min(ids.size(), from + IN_CHUNK));
      StringBuilder sql = new StringBuilder(SELECT).append("WHERE ID IN (");
      for (int i = 0; i < chunk.size(); i++) {
        sql.append(i == 0 ? "?" : ",?");
      }
      sql.append(") ORDER BY ID");
      List<Row> rows = new ArrayList<>();
      RowCallbackHandler collect = rs -> rows.add(row(rs, 0));
      jdbc.query(sql.toString(), collect, chunk.toArray());
      for (Row row : rows) {
        if (missing.remove(row.id) != null && !origin.equals(row.origin)) {
          apply(row);
          count++;
        }
      }
    }
    return count;
  }

  private void apply(Row row) {
    if (ErasureNotice.TYPE.equals(row.type)) {
      try {
        erasures.accept(ErasureNotice.read(row.payload));
        applied++;
      } catch (RuntimeException e) {
        log.warn("Smart Lists could not apply erasure notice {}", row.id, e);
      }
      return;
    }
    SmartListsEvent event;
    try {
      event = codec.read(row.type, row.payload);
    } catch (RuntimeException e) {
      log.warn("Smart Lists event {} ({}) cannot be read, skipped", row.id, row.type, e);
      return;
    }
    if (event == null) {
      log.warn("Smart Lists event {} has an unknown type {}, skipped", row.id, row.type);
      return;
    }
    try {
      sink.accept(event);
      applied++;
    } catch (RuntimeException e) {
      log.warn("Smart Lists could not apply event {} ({})", row.id, row.type, e);
    }
  }

  private static Row row(ResultSet rs, int n) throws SQLException {
    return new Row(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4));
  }

  private record Row(long id, String type, String payload, @Nullable String origin) {}
}
