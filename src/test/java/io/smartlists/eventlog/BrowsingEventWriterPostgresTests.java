package io.smartlists.eventlog;

import io.smartlists.testing.TestPostgres;
import javax.sql.DataSource;
import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;

/**
 * Every {@link BrowsingEventWriterTests} scenario on PostgreSQL: its own error for a value too long
 * inside a JDBC batch (which aborts the transaction) is a rejected row too. Runs when {@code
 * SMARTLISTS_TEST_POSTGRES_URL} is set (as {@code .ci/run} does); each test gets a schema of its
 * own.
 */
@EnabledIfEnvironmentVariable(named = "SMARTLISTS_TEST_POSTGRES_URL", matches = ".+")
class BrowsingEventWriterPostgresTests extends BrowsingEventWriterTests {

  @Override
  DataSource newDatabase() {
    return TestPostgres.freshSchema("sl_test_");
  }
}
