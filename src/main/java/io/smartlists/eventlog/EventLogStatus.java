package io.smartlists.eventlog;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.IntSupplier;
import java.util.function.LongSupplier;
import org.jspecify.annotations.Nullable;

/**
 * What this node's event log last saw of the database: whether its writes and its tailer's reads
 * succeed, and how many browsing events it dropped. The event log is degraded while its last write
 * or read failed (and nothing succeeded since), or while one has been waiting for the database
 * longer than the stall limit: the database is down or unreachable. Widgets are then served from
 * memory, browsing events are kept for a retry (and dropped, counted, once the queue is full), and
 * request threads no longer wait for the event log. A browsing event the database rejects (bad
 * data, see {@code BrowsingEventWriter}) is no outage: it is counted by cause ({@link
 * #rejected()}).
 */
public final class EventLogStatus {

  /** The Micrometer counter of rejected browsing events, tagged {@code cause}. */
  public static final String REJECTED_METER = "smartlists.eventlog.rejected";

  private final LongSupplier nanoTime;
  private final long stallNanos;

  private volatile long lastSuccess;
  private volatile long lastFailure;
  private volatile long writeSince;
  private volatile long pollSince;
  private volatile @Nullable String lastError;
  private final AtomicLong dropped = new AtomicLong();
  private final AtomicLong retried = new AtomicLong();
  private final AtomicLong failures = new AtomicLong();
  private final ConcurrentMap<String, AtomicLong> rejected = new ConcurrentHashMap<>();
  private volatile @Nullable MeterRegistry registry;
  private volatile IntSupplier backlog = () -> 0;

  /**
   * @param stall a write or read waiting this long for the database makes the event log degraded
   */
  public EventLogStatus(Duration stall, LongSupplier nanoTime) {
    this.stallNanos = stall.toNanos();
    this.nanoTime = nanoTime;
  }

  /** True while the database looks down or stalled to this node's event log. */
  public boolean degraded() {
    long now = nanoTime.getAsLong();
    long failed = lastFailure;
    if (failed != 0 && failed - lastSuccess > 0) {
      return true;
    }
    long w = writeSince;
    long p = pollSince;
    return (w != 0 && now - w > stallNanos) || (p != 0 && now - p > stallNanos);
  }

  /** Browsing events dropped (queue full while the database was away) since start. */
  public long dropped() {
    return dropped.get();
  }

  /** Writes retried after a failure since start. */
  public long retried() {
    return retried.get();
  }

  /**
   * Browsing events dropped because the database rejected them (a constraint, bad data), not
   * retried; since start.
   */
  public long rejected() {
    return rejected.values().stream().mapToLong(AtomicLong::get).sum();
  }

  /** {@link #rejected()} by cause (the exception's simple class name). */
  public Map<String, Long> rejectedByCause() {
    Map<String, Long> out = new TreeMap<>();
    rejected.forEach((cause, n) -> out.put(cause, n.get()));
    return out;
  }

  /**
   * Counts the rejected events in {@code registry} ({@value #REJECTED_METER}, one counter per
   * cause), those before this call included. Not a {@code MeterBinder} on purpose: Boot's metrics
   * auto-configuration would bind it a second time.
   */
  public void bindTo(MeterRegistry registry) {
    this.registry = registry;
    rejected.forEach(this::register);
  }

  private void register(String cause, AtomicLong count) {
    MeterRegistry r = registry;
    if (r != null) {
      // registering the same counter twice (a race with bindTo) returns the first one
      FunctionCounter.builder(REJECTED_METER, count, AtomicLong::get)
          .description("Browsing events the database rejected, dropped without a retry")
          .tag("cause", cause)
          .register(r);
    }
  }

  /** Failed writes and reads since start. */
  public long failures() {
    return failures.get();
  }

  /** What a health endpoint shows administrators. */
  public Map<String, Object> details() {
    Map<String, Object> d = new LinkedHashMap<>();
    d.put("degraded", degraded());
    d.put("queuedEvents", backlog.getAsInt());
    d.put("droppedEvents", dropped.get());
    d.put("retriedWrites", retried.get());
    d.put("rejectedEvents", rejected());
    d.put("failures", failures.get());
    long now = nanoTime.getAsLong();
    long ok = lastSuccess;
    if (ok != 0) {
      d.put("lastSuccessMillisAgo", (now - ok) / 1_000_000);
    }
    String error = lastError;
    if (error != null && degraded()) {
      d.put("lastError", error);
    }
    return d;
  }

  /** Browsing events waiting for the database. */
  public int backlog() {
    return backlog.getAsInt();
  }

  void backlog(IntSupplier backlog) {
    this.backlog = backlog;
  }

  void writeStarted() {
    writeSince = nonZero(nanoTime.getAsLong());
  }

  /**
   * A write ended; {@code error} null when the database answered (took the rows or rejected them).
   */
  void writeEnded(@Nullable RuntimeException error) {
    writeSince = 0;
    ended(error);
  }

  void pollStarted() {
    pollSince = nonZero(nanoTime.getAsLong());
  }

  void pollEnded(@Nullable RuntimeException error) {
    pollSince = 0;
    ended(error);
  }

  void droppedOne() {
    dropped.incrementAndGet();
  }

  void retriedOne() {
    retried.incrementAndGet();
  }

  /** One browsing event rejected for {@code cause}; returns all rejected since start. */
  long rejectedOne(String cause) {
    rejected
        .computeIfAbsent(
            cause,
            c -> {
              AtomicLong n = new AtomicLong();
              register(c, n);
              return n;
            })
        .incrementAndGet();
    return rejected();
  }

  private void ended(@Nullable RuntimeException error) {
    long now = nonZero(nanoTime.getAsLong());
    if (error == null) {
      lastSuccess = now;
    } else {
      failures.incrementAndGet();
      lastFailure = now;
      String message = error.getMessage();
      lastError =
          error.getClass().getSimpleName() + (message == null ? "" : ": " + firstLine(message));
    }
  }

  private static String firstLine(String s) {
    int nl = s.indexOf('\n');
    String line = nl < 0 ? s : s.substring(0, nl);
    return line.length() > 200 ? line.substring(0, 200) : line;
  }

  private static long nonZero(long t) {
    return t == 0 ? 1 : t;
  }
}
