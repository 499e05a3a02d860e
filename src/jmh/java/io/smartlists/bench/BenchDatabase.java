package io.smartlists.bench;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.util.UUID;
import org.flywaydb.core.Flyway;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The database of a storage benchmark, migrated with the module's event-log and statistics
 * migrations (its own Flyway history table, like a store). {@code h2}: embedded in-memory H2.
 * {@code postgres}: a fresh schema in the database of {@code SMARTLISTS_TEST_POSTGRES_URL} (what
 * {@code .ci/postgres.sh start} prints), dropped again by {@link #close()}; {@code
 * postgres-rewrite}: the same with the driver's {@code reWriteBatchedInserts=true}.
 */
final class BenchDatabase implements AutoCloseable {

  final String db;
  final HikariDataSource dataSource;
  final JdbcTemplate jdbc;
  private final String url;
  private final String schema;

  private BenchDatabase(String db, String url, String schema, HikariDataSource dataSource) {
    this.db = db;
    this.url = url;
    this.schema = schema;
    this.dataSource = dataSource;
    this.jdbc = new JdbcTemplate(dataSource);
  }

  static BenchDatabase open(String db, int poolSize) {
    HikariConfig config = new HikariConfig();
    config.setMaximumPoolSize(poolSize);
    String schema = "sl_bench_" + UUID.randomUUID().toString().replace("-", "");
    String url;
    switch (db) {
      case "h2" -> {
        url = "jdbc:h2:mem:" + schema + ";DB_CLOSE_DELAY=-1";
        config.setJdbcUrl(url);
      }
      case "postgres", "postgres-rewrite" -> {
        url = System.getenv("SMARTLISTS_TEST_POSTGRES_URL");
        if (url == null) {
          throw new IllegalStateException(
              "db=" + db + " needs SMARTLISTS_TEST_POSTGRES_URL (source <(.ci/postgres.sh start))");
        }
        try (HikariDataSource admin = admin(url)) {
          new JdbcTemplate(admin).execute("CREATE SCHEMA " + schema);
        }
        String sep = url.contains("?") ? "&" : "?";
        config.setJdbcUrl(
            url
                + sep
                + "currentSchema="
                + schema
                + (db.equals("postgres-rewrite") ? "&reWriteBatchedInserts=true" : ""));
      }
      default -> throw new IllegalArgumentException("db must be h2, postgres or postgres-rewrite");
    }
    HikariDataSource dataSource = new HikariDataSource(config);
    Flyway.configure()
        .dataSource(dataSource)
        .locations("classpath:db/smartlists/eventlog", "classpath:db/smartlists/stats")
        .table("SL_SCHEMA_HISTORY")
        .outOfOrder(true)
        .load()
        .migrate();
    return new BenchDatabase(db, url, schema, dataSource);
  }

  boolean postgres() {
    return db.startsWith("postgres");
  }

  private static HikariDataSource admin(String url) {
    HikariConfig admin = new HikariConfig();
    admin.setJdbcUrl(url);
    admin.setMaximumPoolSize(1);
    return new HikariDataSource(admin);
  }

  @Override
  public void close() {
    dataSource.close();
    if (postgres()) {
      try (HikariDataSource admin = admin(url)) {
        new JdbcTemplate(admin).execute("DROP SCHEMA " + schema + " CASCADE");
      }
    }
  }
}
