package io.smartlists.privacy;

import io.smartlists.engine.SmartListsEngine;
import io.smartlists.eventlog.ErasureNotice;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import javax.sql.DataSource;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceUtils;

/**
 * Erases one shopper from the module (a GDPR erasure request): every row of the module's tables
 * that holds the customer's id or one of their visitor ids, and what this node keeps in memory
 * under those ids (browsing, which purchase history is theirs).
 *
 * <pre>{@code
 * SmartListsPrivacy.Erasure done = privacy.erase("customer-42");   // a signed-in customer
 * privacy.eraseVisitor(visitors.id(request));                        // an anonymous shopper
 * }</pre>
 *
 * <p>Which tables: every table of the current schema whose name starts with {@code SL_} and that
 * has a {@code VISITOR_ID} or {@code CUSTOMER_ID} column (found through the JDBC metadata, so a
 * table a later version adds is covered as long as it names its columns that way; today: the event
 * log {@code SL_EVENT}). The customer's visitor ids are those the event log saw with the customer
 * (their events and {@code CustomerLoggedIn}), plus any the caller adds.
 *
 * <p>What stays: counts that hold no id (bestseller scores, co-purchase counts, statistics
 * aggregates), and the customer's orders in the host's own order history, which the module reads
 * again at its next rebuild: erase or anonymise them in the store as well.
 *
 * <p>Every node forgets: this node at once; the others when their event-log tailer reads the
 * erasure notice this writes ({@link ErasureNotice}: the ids as salted SHA-256 hashes, no id in
 * clear, purged with the browsing events past the replay window).
 */
public final class SmartListsPrivacy {

  private static final Logger log = LoggerFactory.getLogger(SmartListsPrivacy.class);

  /** The event log's table (where the erasure notice for the other nodes goes). */
  private static final String EVENT_LOG = "SL_EVENT";

  private final DataSource dataSource;
  private final JdbcTemplate jdbc;
  private final @Nullable SmartListsEngine engine;

  /**
   * @param engine the engine whose in-memory browsing to clear, or null for database rows only
   */
  public SmartListsPrivacy(DataSource dataSource, @Nullable SmartListsEngine engine) {
    this.dataSource = dataSource;
    this.jdbc = new JdbcTemplate(dataSource);
    this.engine = engine;
  }

  /**
   * What an erasure deleted.
   *
   * @param visitorIds the visitor ids erased with the customer
   * @param rowsByTable rows deleted per module table
   */
  public record Erasure(Set<String> visitorIds, Map<String, Integer> rowsByTable) {

    /** Rows deleted in all tables. */
    public int rows() {
      return rowsByTable.values().stream().mapToInt(Integer::intValue).sum();
    }
  }

  /** Erases the customer and every visitor id seen with them. */
  public Erasure erase(String customerId) {
    return erase(customerId, List.of());
  }

  /**
   * Erases the customer, every visitor id seen with them and {@code moreVisitorIds} (e.g. the
   * visitor cookie of the request that asked).
   */
  public Erasure erase(String customerId, Collection<String> moreVisitorIds) {
    Set<String> visitors = new LinkedHashSet<>(moreVisitorIds);
    for (Table t : tables()) {
      if (t.visitorColumn != null && t.customerColumn != null) {
        visitors.addAll(
            jdbc.queryForList(
                "SELECT DISTINCT "
                    + t.visitorColumn
                    + " FROM "
                    + t.name
                    + " WHERE "
                    + t.customerColumn
                    + " = ?",
                String.class,
                customerId));
      }
    }
    visitors.remove("");
    return delete(customerId, visitors);
  }

  /** Erases an anonymous visitor (their cookie's id). */
  public Erasure eraseVisitor(String visitorId) {
    return delete(null, Set.of(visitorId));
  }

  private Erasure delete(@Nullable String customerId, Set<String> visitors) {
    Map<String, Integer> rows = new LinkedHashMap<>();
    boolean eventLog = false;
    for (Table t : tables()) {
      eventLog |= t.name.replaceAll("[^A-Za-z_]", "").equalsIgnoreCase(EVENT_LOG);
      int n = 0;
      if (customerId != null && t.customerColumn != null) {
        n +=
            jdbc.update(
                "DELETE FROM " + t.name + " WHERE " + t.customerColumn + " = ?", customerId);
      }
      if (t.visitorColumn != null) {
        for (String v : visitors) {
          n += jdbc.update("DELETE FROM " + t.name + " WHERE " + t.visitorColumn + " = ?", v);
        }
      }
      rows.put(t.name, n);
    }
    SmartListsEngine e = engine;
    if (e != null) {
      e.forget(customerId, visitors);
    }
    if (eventLog) {
      ErasureNotice.of(customerId, visitors).publish(jdbc, Instant.now());
    }
    Erasure erasure = new Erasure(Set.copyOf(visitors), Map.copyOf(rows));
    log.info(
        "Smart Lists erased a shopper: {} rows, {} visitor ids", erasure.rows(), visitors.size());
    return erasure;
  }

  /** A module table holding personal ids. */
  private record Table(
      String name, @Nullable String visitorColumn, @Nullable String customerColumn) {}

  /** The module's tables ({@code SL_*}) of the current schema with a visitor or customer column. */
  private List<Table> tables() {
    Connection connection = DataSourceUtils.getConnection(dataSource);
    try {
      DatabaseMetaData meta = connection.getMetaData();
      String schema = connection.getSchema();
      Map<String, String[]> found = new LinkedHashMap<>();
      for (String prefix : new String[] {"SL", "sl"}) {
        try (ResultSet rs = meta.getColumns(connection.getCatalog(), schema, prefix + "%", null)) {
          while (rs.next()) {
            String table = rs.getString("TABLE_NAME");
            String column = rs.getString("COLUMN_NAME");
            if (!table.toUpperCase(Locale.ROOT).startsWith("SL_")) {
              continue;
            }
            String upper = column.toUpperCase(Locale.ROOT);
            if (upper.equals("VISITOR_ID")) {
              found.computeIfAbsent(table, k -> new String[2])[0] = column;
            } else if (upper.equals("CUSTOMER_ID")) {
              found.computeIfAbsent(table, k -> new String[2])[1] = column;
            }
          }
        }
      }
      String q = meta.getIdentifierQuoteString();
      String quote = q == null || q.isBlank() ? "" : q.strip();
      List<Table> tables = new ArrayList<>();
      found.forEach(
          (name, cols) ->
              tables.add(
                  new Table(
                      quote + name + quote,
                      cols[0] == null ? null : quote + cols[0] + quote,
                      cols[1] == null ? null : quote + cols[1] + quote)));
      return tables;
    } catch (SQLException e) {
      throw new IllegalStateException("cannot read the module's tables", e);
    } finally {
      DataSourceUtils.releaseConnection(connection, dataSource);
    }
  }
}
