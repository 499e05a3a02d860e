package io.smartlists.testing;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import javax.sql.DataSource;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.datasource.DelegatingDataSource;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * A database that fails on demand, for the outage tests of the event log, the statistics recorder
 * and the configuration cache: while {@link #down(boolean) down} every new connection is refused
 * with a {@link SQLTransientConnectionException}, as a pool refuses once its connection timeout
 * expires; {@link #holdNextConnection()} makes the next connection wait (a database that hangs);
 * {@link #breakNextCommits(int)} cuts the connection off at the commit (SQL state {@code 08006}).
 */
public class OutageDataSource extends DelegatingDataSource {

  private final AtomicBoolean down = new AtomicBoolean();
  private final AtomicInteger connections = new AtomicInteger();
  private final AtomicInteger refused = new AtomicInteger();
  private final AtomicInteger brokenCommits = new AtomicInteger();
  private final AtomicReference<@Nullable Hold> nextHold = new AtomicReference<>();
  private volatile @Nullable Hold lastHold;

  private record Hold(CountDownLatch waiting, CountDownLatch released) {}

  public OutageDataSource(DataSource target) {
    super(target);
  }

  /** A fresh H2 in-memory database (kept until the JVM ends), answering. */
  public static OutageDataSource h2(String name) {
    return new OutageDataSource(
        new DriverManagerDataSource(
            "jdbc:h2:mem:" + name + "-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1", "sa", ""));
  }

  /** Switches the database off ({@code true}) or on again. */
  public void down(boolean down) {
    this.down.set(down);
  }

  /**
   * The next connection asked for waits until {@link #release()}; the latch returned opens once it
   * is waiting.
   */
  public CountDownLatch holdNextConnection() {
    Hold hold = new Hold(new CountDownLatch(1), new CountDownLatch(1));
    lastHold = hold;
    nextHold.set(hold);
    return hold.waiting();
  }

  /** Lets the held connection through (and cancels a hold nobody reached yet). */
  public void release() {
    nextHold.set(null);
    Hold hold = lastHold;
    if (hold != null) {
      hold.released().countDown();
    }
  }

  /** The commits of the next {@code n} connections fail as if the connection broke (08006). */
  public void breakNextCommits(int n) {
    brokenCommits.set(n);
  }

  /** The database behind this one, which always answers (to check what was written). */
  public DataSource target() {
    return obtainTargetDataSource();
  }

  /** Connections asked for so far, refused ones included. */
  public int connections() {
    return connections.get();
  }

  /** Connections refused so far. */
  public int refused() {
    return refused.get();
  }

  @Override
  public Connection getConnection() throws SQLException {
    return decorate(super::getConnection);
  }

  @Override
  public Connection getConnection(String username, String password) throws SQLException {
    return decorate(() -> super.getConnection(username, password));
  }

  private interface Opener {
    Connection open() throws SQLException;
  }

  private Connection decorate(Opener opener) throws SQLException {
    connections.incrementAndGet();
    if (down.get()) {
      refused.incrementAndGet();
      throw new SQLTransientConnectionException("database unreachable (test)");
    }
    Hold hold = nextHold.getAndSet(null);
    if (hold != null) {
      hold.waiting().countDown();
      try {
        hold.released().await();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
    Connection c = opener.open();
    if (brokenCommits.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
      return commitBreaks(c);
    }
    return c;
  }

  private static Connection commitBreaks(Connection c) {
    return (Connection)
        Proxy.newProxyInstance(
            Connection.class.getClassLoader(),
            new Class<?>[] {Connection.class},
            (proxy, method, args) -> {
              if (method.getName().equals("commit")) {
                throw new SQLException("I/O error (test)", "08006");
              }
              try {
                return method.invoke(c, args);
              } catch (InvocationTargetException e) {
                throw e.getCause();
              }
            });
  }
}
