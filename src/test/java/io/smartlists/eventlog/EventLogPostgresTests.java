package io.smartlists.eventlog;

import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * Every {@link EventLogTests} scenario on PostgreSQL, the production database: the module's
 * migration, the insert in the caller's transaction, out-of-order commits and the replay. Runs when
 * {@code SMARTLISTS_TEST_POSTGRES_URL} names a database the tests may create schemas in, e.g.
 * {@code jdbc:postgresql://localhost:5432/sltest?user=sl}; each test gets a schema of its own.
 */
@EnabledIfEnvironmentVariable(named = "SMARTLISTS_TEST_POSTGRES_URL", matches = ".+")
class EventLogPostgresTests extends EventLogTests {

  @Override
  DataSource newDatabase() {
    String url = System.getenv("SMARTLISTS_TEST_POSTGRES_URL");
    String schema = "sl_test_" + UUID.randomUUID().toString().replace("-", "");
    new JdbcTemplate(new DriverManagerDataSource(url)).execute("CREATE SCHEMA " + schema);
    return new DriverManagerDataSource(
        url + (url.contains("?") ? "&" : "?") + "currentSchema=" + schema);
  }
}
