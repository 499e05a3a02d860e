package io.smartlists.stats;

import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * {@link HoldoutSqlEqualityTests} on PostgreSQL: the same dataset, the SQL path against the old
 * Java path. Runs when {@code SMARTLISTS_TEST_POSTGRES_URL} names a database the tests may create
 * schemas in; each test gets a schema of its own.
 */
@EnabledIfEnvironmentVariable(named = "SMARTLISTS_TEST_POSTGRES_URL", matches = ".+")
class HoldoutSqlEqualityPostgresTests extends HoldoutSqlEqualityTests {

  @Override
  DataSource newDatabase() {
    String url = System.getenv("SMARTLISTS_TEST_POSTGRES_URL");
    String schema = "sl_holdout_" + UUID.randomUUID().toString().replace("-", "");
    new JdbcTemplate(new DriverManagerDataSource(url)).execute("CREATE SCHEMA " + schema);
    return new DriverManagerDataSource(
        url + (url.contains("?") ? "&" : "?") + "currentSchema=" + schema);
  }
}
