package io.smartlists.stats;

import io.smartlists.testing.TestPostgres;
import javax.sql.DataSource;
import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;

/**
 * Every {@link StatsStorageTests} scenario on PostgreSQL (the production database), each test in a
 * schema of its own. Runs when {@code SMARTLISTS_TEST_POSTGRES_URL} is set, as in {@code .ci/run}.
 */
@EnabledIfEnvironmentVariable(named = "SMARTLISTS_TEST_POSTGRES_URL", matches = ".+")
class StatsStoragePostgresTests extends StatsStorageTests {

  @Override
  DataSource newDatabase() {
    return TestPostgres.freshSchema("sl_test_");
  }
}
