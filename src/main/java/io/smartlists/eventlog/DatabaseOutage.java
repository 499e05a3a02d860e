package io.smartlists.eventlog;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTransientConnectionException;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Predicate;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;

/**
 * How a background poller or writer of the module (the configuration cache, the event-log tailer,
 * the browsing-event writer, the statistics recorder and roll-up) reports a database it cannot
 * reach: one {@code WARN} when the outage starts, with the cause's message and no stack trace;
 * {@code DEBUG} (with the stack trace) for each failure while it lasts; one {@code INFO} when the
 * database answers again, with how long it was away. A first failure that is not a connection
 * failure (a bug, a missing table) is logged at {@code WARN} with its stack trace, then the same
 * way. Thread-safe.
 */
public final class DatabaseOutage {

  private final Logger log;
  private final String who;
  private final AtomicBoolean down = new AtomicBoolean();
  private final AtomicLong failures = new AtomicLong();
  private volatile long sinceNanos;

  /**
   * @param log the component's own logger
   * @param who what fails, as the start of a sentence ("Smart Lists configuration cache")
   */
  public DatabaseOutage(Logger log, String who) {
    this.log = log;
    this.who = who;
  }

  /** One more failure; {@code consequence} says what the component does meanwhile. */
  public void failed(Throwable e, String consequence) {
    failures.incrementAndGet();
    if (down.compareAndSet(false, true)) {
      sinceNanos = System.nanoTime();
      if (isConnectionFailure(e)) {
        log.warn("{} cannot reach the database: {}; {}", who, message(e), consequence);
      } else {
        log.warn("{} failed: {}; {}", who, message(e), consequence, e);
      }
    } else if (log.isDebugEnabled()) {
      log.debug("{} still cannot reach the database; {}", who, consequence, e);
    }
  }

  /** The database answered: logs the end of the outage when there was one. */
  public void recovered() {
    if (down.get() && down.compareAndSet(true, false)) {
      long seconds = TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - sinceNanos);
      log.info(
          "{} reaches the database again after {} s ({} failed attempts)",
          who,
          seconds,
          failures.getAndSet(0));
    }
  }

  /** True between a failure and the next success. */
  public boolean down() {
    return down.get();
  }

  /** The exception's message and its root cause's, on one line. */
  static String message(Throwable e) {
    Throwable root = e;
    Set<Throwable> seen = Collections.newSetFromMap(new IdentityHashMap<>());
    while (root.getCause() != null && seen.add(root)) {
      root = root.getCause();
    }
    String first = e.getClass().getSimpleName() + ": " + e.getMessage();
    return root == e
        ? first
        : first + " (cause " + root.getClass().getSimpleName() + ": " + root.getMessage() + ")";
  }

  /**
   * True when {@code e} means the database could not be reached, not that the statement was wrong:
   * a connection exception (JDBC's connection exception types, SQL state class {@code 08}, {@code
   * 57P} for a server shutting down or starting, {@code 53} for a server out of resources) anywhere
   * in its causes, or a connection that is no longer valid.
   *
   * @param connection the connection the statement ran on, or null when none was obtained
   */
  public static boolean isOutage(Throwable e, @Nullable Connection connection) {
    if (isConnectionFailure(e)) {
      return true;
    }
    if (connection == null) {
      return true;
    }
    try {
      return !connection.isValid(2);
    } catch (SQLException invalid) {
      return true;
    }
  }

  /**
   * True when {@code e} or one of its causes is a connection exception (JDBC's connection exception
   * types, SQL state class {@code 08}, {@code 57P}, {@code 53}).
   */
  public static boolean isConnectionFailure(Throwable e) {
    return anyCause(e, t -> t instanceof SQLException sql && connectionError(sql));
  }

  /** True when {@code e} or one of its causes passes {@code test} (a cause cycle ends the walk). */
  static boolean anyCause(Throwable e, Predicate<Throwable> test) {
    Set<Throwable> seen = Collections.newSetFromMap(new IdentityHashMap<>());
    for (Throwable t = e; t != null && seen.add(t); t = t.getCause()) {
      if (test.test(t)) {
        return true;
      }
    }
    return false;
  }

  private static boolean connectionError(SQLException e) {
    for (SQLException s = e; s != null; s = s.getNextException()) {
      if (s instanceof SQLTransientConnectionException
          || s instanceof SQLNonTransientConnectionException
          || s instanceof SQLRecoverableException) {
        return true;
      }
      String state = s.getSQLState();
      if (state != null
          && (state.startsWith("08") || state.startsWith("57P") || state.startsWith("53"))) {
        return true;
      }
      if (s.getNextException() == s) {
        break;
      }
    }
    return false;
  }
}
