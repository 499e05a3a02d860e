package io.smartlists.testing;

import java.util.UUID;
import javax.sql.DataSource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * The PostgreSQL the {@code *PostgresTests} run on: the database named by {@code
 * SMARTLISTS_TEST_POSTGRES_URL} (set by {@code .ci/run} from {@code .ci/postgres.sh start}), which
 * the tests may create schemas in. Those classes are enabled only when the variable is set.
 */
public final class TestPostgres {

  /** The variable naming the test database, e.g. {@code jdbc:postgresql://localhost/sl?user=sl}. */
  public static final String URL_VARIABLE = "SMARTLISTS_TEST_POSTGRES_URL";

  private TestPostgres() {}

  /** A new empty schema named {@code prefix} and a random suffix, as the connections' default. */
  public static DataSource freshSchema(String prefix) {
    String url = System.getenv(URL_VARIABLE);
    if (url == null || url.isBlank()) {
      throw new IllegalStateException(URL_VARIABLE + " is not set");
    }
    String schema = prefix + UUID.randomUUID().toString().replace("-", "");
    new JdbcTemplate(new DriverManagerDataSource(url)).execute("CREATE SCHEMA " + schema);
    return new DriverManagerDataSource(
        url + (url.contains("?") ? "&" : "?") + "currentSchema=" + schema);
  }
}
