package io.smartlists.stats;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import javax.sql.DataSource;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Rolls the raw statistics ({@code SL_STAT_IMPRESSION}, {@code SL_STAT_CLICK}, {@code
 * SL_STAT_CART_ADD}) up per closed hour into {@code SL_STAT_HOURLY} and {@code
 * SL_STAT_HOURLY_EXPOSURE}, and purges raw rows past the retention. Safe on every node at once: an
 * hour is rolled up in one transaction that starts by inserting the hour's row into {@code
 * SL_STAT_ROLLUP} (its primary key), so exactly one node wins each hour; a node that loses
 * (duplicate key, or a lock wait that times out on H2) rolls back and stops this run, and the next
 * run starts after the last hour that was rolled up, by whichever node. Hours are rolled up in
 * order from the first raw event's hour, so the rolled-up hours are one span, which {@link
 * JdbcStatsQueries} reads from the roll-ups while it reads the rest from the raw rows. The
 * transaction of a UTC day's last hour also sums the day's hours into {@code SL_STAT_DAILY}, which
 * the figures read for the days wholly inside that span.
 *
 * <p>An hour {@code [h, h+1)} is rolled up once {@code h + 1 hour + grace} has passed. Raw events
 * that reach the database later than that (a node whose clock runs more than the grace behind, or a
 * writer stalled that long) stay in the raw tables but are not in the roll-ups; the recorder
 * flushes every second, so the default grace of 2 minutes leaves a wide margin.
 */
public final class StatsRollupJob {

  private static final Logger log = LoggerFactory.getLogger(StatsRollupJob.class);

  /** The raw tables, each with an {@code AT} index. */
  static final List<String> RAW_TABLES =
      List.of("SL_STAT_IMPRESSION", "SL_STAT_CLICK", "SL_STAT_CART_ADD");

  private static final String TS = "CAST(? AS TIMESTAMP WITH TIME ZONE)";
  private static final String RANGE = " WHERE R.AT >= ? AND R.AT < ?";
  private static final String KEY = "PLACEMENT, STAGE, LIST_TYPE, SLOT_POSITION, ARM";
  private static final String CLICK_KEY = "PLACEMENT, STAGE, LIST_TYPE, SLOT_POSITION";
  private static final String EXPOSED = "CAST('EXPOSED' AS VARCHAR(10))";

  /**
   * Rows of {@code table} whose {@code token} column has no earlier row: a click (or an
   * add-to-cart) counts once, at its token's first recording, whichever node recorded it again.
   */
  static String firstOfToken(String table, String token) {
    return " AND NOT EXISTS (SELECT 1 FROM "
        + table
        + " E WHERE E."
        + token
        + " = R."
        + token
        + " AND (E.AT < R.AT OR (E.AT = R.AT AND E.ID < R.ID)))";
  }

  private static final String HOURLY =
      "INSERT INTO SL_STAT_HOURLY (HOUR_START, "
          + KEY
          + ", IMPRESSIONS, CLICKS, CART_ADDS) SELECT "
          + TS
          + ", "
          + KEY
          + ", SUM(I), SUM(C), SUM(A) FROM ("
          + ("SELECT " + KEY + ", COUNT(*) I, 0 C, 0 A FROM SL_STAT_IMPRESSION R" + RANGE)
          + (" GROUP BY " + KEY)
          + (" UNION ALL SELECT " + CLICK_KEY + ", " + EXPOSED + ", 0, COUNT(*), 0")
          + (" FROM SL_STAT_CLICK R" + RANGE + firstOfToken("SL_STAT_CLICK", "TOKEN"))
          + (" GROUP BY " + CLICK_KEY)
          + (" UNION ALL SELECT " + CLICK_KEY + ", " + EXPOSED + ", 0, 0, COUNT(*)")
          + (" FROM SL_STAT_CART_ADD R" + RANGE + firstOfToken("SL_STAT_CART_ADD", "CLICK_TOKEN"))
          + (" GROUP BY " + CLICK_KEY)
          + ") X GROUP BY "
          + KEY;

  private static final String HOURLY_EXPOSURE =
      "INSERT INTO SL_STAT_HOURLY_EXPOSURE (HOUR_START, VISITOR_ID, CUSTOMER_ID, ARM, FIRST_AT)"
          + " SELECT "
          + TS
          + ", VISITOR_ID, CUSTOMER_ID, ARM, MIN(AT) FROM SL_STAT_IMPRESSION R"
          + RANGE
          + " GROUP BY VISITOR_ID, CUSTOMER_ID, ARM";

  /**
   * A UTC day's rows of {@code SL_STAT_DAILY}: the sums of its rolled-up hours, written when its
   * last hour is rolled up (the day, then the day's start and end).
   */
  private static final String DAILY =
      "INSERT INTO SL_STAT_DAILY (EPOCH_DAY, "
          + KEY
          + ", IMPRESSIONS, CLICKS, CART_ADDS) SELECT CAST(? AS BIGINT), "
          + KEY
          + ", SUM(IMPRESSIONS), SUM(CLICKS), SUM(CART_ADDS) FROM SL_STAT_HOURLY"
          + " WHERE HOUR_START >= ? AND HOUR_START < ? GROUP BY "
          + KEY;

  private final DataSource dataSource;
  private final Duration grace;
  private final Duration retention;
  private final String node;
  private final Clock clock;

  /**
   * @param grace how long after an hour ends it is rolled up
   * @param retention raw events older than this are deleted (zero or negative: never)
   * @param node this node's id, kept with each hour it rolled up
   */
  public StatsRollupJob(
      DataSource dataSource, Duration grace, Duration retention, String node, Clock clock) {
    this.dataSource = dataSource;
    this.grace = grace;
    this.retention = retention;
    this.node = node;
    this.clock = clock;
  }

  /** Rolls up every closed hour not rolled up yet; returns how many hours this node rolled up. */
  public int rollUp() {
    return rollUp(clock.instant());
  }

  int rollUp(Instant now) {
    Instant limit = now.minus(grace).truncatedTo(ChronoUnit.HOURS).minus(Duration.ofHours(1));
    int rolled = 0;
    try (Connection c = dataSource.getConnection()) {
      Instant next = next(c);
      while (next != null && !next.isAfter(limit)) {
        if (!rollUpHour(c, next)) {
          break; // another node has this hour (or is on it): it carries on from there
        }
        rolled++;
        next = next.plus(Duration.ofHours(1));
      }
    } catch (SQLException e) {
      throw new IllegalStateException("Smart Lists statistics roll-up failed", e);
    }
    return rolled;
  }

  /** The hour after the last one rolled up, or the first hour with a raw event, or null. */
  private static @Nullable Instant next(Connection c) throws SQLException {
    Instant last = instant(c, "SELECT MAX(HOUR_START) FROM SL_STAT_ROLLUP");
    if (last != null) {
      return last.plus(Duration.ofHours(1));
    }
    Instant first = null;
    for (String table : RAW_TABLES) {
      Instant t = instant(c, "SELECT MIN(AT) FROM " + table);
      if (t != null && (first == null || t.isBefore(first))) {
        first = t;
      }
    }
    return first == null ? null : first.truncatedTo(ChronoUnit.HOURS);
  }

  /** One hour in one transaction; false when another node won it. */
  private boolean rollUpHour(Connection c, Instant hour) throws SQLException {
    OffsetDateTime from = utc(hour);
    OffsetDateTime to = utc(hour.plus(Duration.ofHours(1)));
    boolean autoCommit = c.getAutoCommit();
    c.setAutoCommit(false);
    try {
      try (PreparedStatement claim =
          c.prepareStatement(
              "INSERT INTO SL_STAT_ROLLUP (HOUR_START, ROLLED_AT, NODE) VALUES (?, ?, ?)")) {
        claim.setObject(1, from);
        claim.setObject(2, utc(clock.instant()));
        claim.setString(3, node);
        claim.executeUpdate();
      } catch (SQLException e) {
        if (!lostToAnotherNode(e)) {
          throw e;
        }
        c.rollback();
        log.debug("Smart Lists statistics hour {} is another node's ({})", hour, e.getMessage());
        return false;
      }
      execute(c, HOURLY, from, 3, from, to);
      execute(c, HOURLY_EXPOSURE, from, 1, from, to);
      if (to.getHour() == 0) {
        rollUpDay(c, hour.truncatedTo(ChronoUnit.DAYS));
      }
      c.commit();
      return true;
    } catch (SQLException | RuntimeException e) {
      c.rollback();
      throw e;
    } finally {
      c.setAutoCommit(autoCommit);
    }
  }

  /**
   * The day's row in {@code SL_STAT_DAILY}, from its hours in {@code SL_STAT_HOURLY}; in the
   * transaction of its last hour, so no other node writes it at the same time. Replaces what the
   * migration may have written for the day while it was incomplete.
   */
  private static void rollUpDay(Connection c, Instant day) throws SQLException {
    long epochDay = day.getEpochSecond() / 86_400;
    try (PreparedStatement delete =
        c.prepareStatement("DELETE FROM SL_STAT_DAILY WHERE EPOCH_DAY = ?")) {
      delete.setLong(1, epochDay);
      delete.executeUpdate();
    }
    try (PreparedStatement ps = c.prepareStatement(DAILY)) {
      ps.setLong(1, epochDay);
      ps.setObject(2, utc(day));
      ps.setObject(3, utc(day.plus(Duration.ofDays(1))));
      ps.executeUpdate();
    }
  }

  /**
   * A duplicate key (the other node committed the hour), or a lock wait given up (H2's lock timeout
   * while the other node's transaction is open; PostgreSQL waits for it and reports the duplicate).
   */
  private static boolean lostToAnotherNode(SQLException e) {
    String state = e.getSQLState();
    return state != null
        && (state.startsWith("23")
            || state.equals("HYT00")
            || state.equals("40001")
            || state.equals("40P01")
            || state.equals("55P03"));
  }

  /** Binds the hour, then {@code ranges} times the pair (from, to). */
  private static void execute(
      Connection c,
      String sql,
      OffsetDateTime hour,
      int ranges,
      OffsetDateTime from,
      OffsetDateTime to)
      throws SQLException {
    try (PreparedStatement ps = c.prepareStatement(sql)) {
      ps.setObject(1, hour);
      for (int i = 0; i < ranges; i++) {
        ps.setObject(2 + 2 * i, from);
        ps.setObject(3 + 2 * i, to);
      }
      ps.executeUpdate();
    }
  }

  /**
   * Deletes raw events older than the retention, but never an hour not rolled up yet; a day per
   * transaction. Returns the rows deleted. Safe on every node at once (a row is deleted once).
   */
  public long purge() {
    return purge(clock.instant());
  }

  long purge(Instant now) {
    if (retention.isZero() || retention.isNegative()) {
      return 0;
    }
    long deleted = 0;
    try (Connection c = dataSource.getConnection()) {
      Instant rolled = instant(c, "SELECT MAX(HOUR_START) FROM SL_STAT_ROLLUP");
      if (rolled == null) {
        return 0;
      }
      Instant cutoff = now.minus(retention);
      Instant end = rolled.plus(Duration.ofHours(1));
      if (end.isBefore(cutoff)) {
        cutoff = end;
      }
      for (String table : RAW_TABLES) {
        Instant first = instant(c, "SELECT MIN(AT) FROM " + table);
        if (first == null) {
          continue;
        }
        for (Instant upTo = first.truncatedTo(ChronoUnit.DAYS).plus(Duration.ofDays(1));
            ;
            upTo = upTo.plus(Duration.ofDays(1))) {
          Instant bound = upTo.isBefore(cutoff) ? upTo : cutoff;
          try (PreparedStatement ps =
              c.prepareStatement("DELETE FROM " + table + " WHERE AT < ?")) {
            ps.setObject(1, utc(bound));
            deleted += ps.executeUpdate();
          }
          if (!bound.isBefore(cutoff)) {
            break;
          }
        }
      }
    } catch (SQLException e) {
      throw new IllegalStateException("Smart Lists statistics purge failed", e);
    }
    return deleted;
  }

  private static @Nullable Instant instant(Connection c, String sql) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement(sql);
        ResultSet rs = ps.executeQuery()) {
      if (!rs.next()) {
        return null;
      }
      OffsetDateTime t = rs.getObject(1, OffsetDateTime.class);
      return t == null ? null : t.toInstant();
    }
  }

  static OffsetDateTime utc(Instant instant) {
    return OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
  }
}
