package io.smartlists.stats;

import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * Every {@link StatsStorageTests} scenario on PostgreSQL (the production database), each test in a
 * schema of its own. Runs when {@code SMARTLISTS_TEST_POSTGRES_URL} is set, as in {@code .ci/run}.
 */
@EnabledIfEnvironmentVariable(named = "SMARTLISTS_TEST_POSTGRES_URL", matches = ".+")
class StatsStoragePostgresTests extends StatsStorageTests {

  @Override
  DataSource newDatabase() {
    String url = System.getenv("SMARTLISTS_TEST_POSTGRES_URL");
    String schema = "sl_test_" + UUID.randomUUID().toString().replace("-", "");
    new JdbcTemplate(new DriverManagerDataSource(url)).execute("CREATE SCHEMA " + schema);
    return new DriverManagerDataSource(
        url + (url.contains("?") ? "&" : "?") + "currentSchema=" + schema);
  }
}
