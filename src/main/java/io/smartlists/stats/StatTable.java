package io.smartlists.stats;

import java.sql.PreparedStatement;
import java.sql.SQLException;

/**
 * One table of shopper events (views, impressions, clicks, add-to-carts) that the recorder fills in
 * JDBC batches: the insert statement and how one row binds to it.
 *
 * @param <T> the row type, an immutable record built on the request thread
 */
public interface StatTable<T> {

  /** The parameterised {@code INSERT} statement, one row per execution. */
  String insertSql();

  /** Binds one row's values to the statement's parameters. */
  void bind(PreparedStatement statement, T row) throws SQLException;
}
