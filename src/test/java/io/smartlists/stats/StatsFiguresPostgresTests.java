package io.smartlists.stats;

import io.smartlists.testing.TestPostgres;
import javax.sql.DataSource;
import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;

/**
 * Every {@link StatsFiguresJdbcTests} scenario on PostgreSQL, the production database: the
 * migration, the day grouping, the figures. Runs when {@code SMARTLISTS_TEST_POSTGRES_URL} names a
 * database the tests may create schemas in; each test gets a schema of its own.
 */
@EnabledIfEnvironmentVariable(named = "SMARTLISTS_TEST_POSTGRES_URL", matches = ".+")
class StatsFiguresPostgresTests extends StatsFiguresJdbcTests {

  @Override
  DataSource newDatabase() {
    return TestPostgres.freshSchema("sl_stats_");
  }
}
