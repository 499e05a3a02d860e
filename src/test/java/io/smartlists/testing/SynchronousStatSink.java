package io.smartlists.testing;

import io.smartlists.stats.ShopperEventSink;
import io.smartlists.stats.StatTable;
import javax.sql.DataSource;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A {@link ShopperEventSink} for tests and the reference store: executes each row's insert at once
 * on the caller's thread (real rows, real queries). The module's asynchronous batched recorder
 * replaces it in production; a store page must never pay for JDBC like this.
 */
public final class SynchronousStatSink implements ShopperEventSink {

  private final JdbcTemplate jdbc;

  public SynchronousStatSink(DataSource dataSource) {
    this.jdbc = new JdbcTemplate(dataSource);
  }

  @Override
  public <T> void record(StatTable<T> table, T row) {
    jdbc.update(table.insertSql(), statement -> table.bind(statement, row));
  }
}
