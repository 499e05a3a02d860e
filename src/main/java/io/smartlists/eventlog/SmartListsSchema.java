package io.smartlists.eventlog;

import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.output.MigrateResult;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.InitializingBean;

/**
 * Migrates the module's own tables ({@code SL_*}) with its own Flyway: migrations in {@value
 * #LOCATION}, history in {@value #HISTORY_TABLE}, so the store's own Flyway (if any) and its
 * history are untouched. Runs when the bean is initialised; JPA, {@code JdbcTemplate}s and the
 * engine wait for it (a {@code DatabaseInitializerDetector} registered in {@code
 * META-INF/spring.factories} tells Boot so).
 *
 * <p>Deliberately not a {@link Flyway} bean: Boot's own Flyway auto-configuration backs off when
 * one exists, and the store's migrations would silently stop running.
 */
public final class SmartListsSchema implements InitializingBean {

  /** Where the module's migrations live. */
  public static final String LOCATION = "classpath:db/smartlists";

  /** The module's Flyway history table. */
  public static final String HISTORY_TABLE = "SL_SCHEMA_HISTORY";

  private static final Logger log = LoggerFactory.getLogger(SmartListsSchema.class);

  private final DataSource dataSource;

  public SmartListsSchema(DataSource dataSource) {
    this.dataSource = dataSource;
  }

  @Override
  public void afterPropertiesSet() {
    MigrateResult result =
        Flyway.configure(SmartListsSchema.class.getClassLoader())
            .dataSource(dataSource)
            .locations(LOCATION)
            .table(HISTORY_TABLE)
            .baselineOnMigrate(true)
            .baselineVersion("0")
            .load()
            .migrate();
    if (result.migrationsExecuted > 0) {
      log.info(
          "Smart Lists schema migrated to version {} ({} migrations)",
          result.targetSchemaVersion,
          result.migrationsExecuted);
    }
  }
}
