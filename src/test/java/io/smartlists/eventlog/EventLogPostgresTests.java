package io.smartlists.eventlog;

import io.smartlists.testing.TestPostgres;
import javax.sql.DataSource;
import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;

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
    return TestPostgres.freshSchema("sl_test_");
  }
}
