package io.smartlists.autoconfigure;

import java.util.List;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.output.MigrateResult;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.InitializingBean;

/**
 * Migrates the module's own tables ({@code SL_*}) with its own Flyway instance: the locations of
 * the features that are on ({@link SmartListsMigrations}), one history table {@value
 * #HISTORY_TABLE}, so the store's own Flyway (if any) and its history are untouched. Runs when the
 * bean is initialised; JPA, {@code JdbcTemplate}s and the engine wait for it (a {@code
 * DatabaseInitializerDetector} registered in {@code META-INF/spring.factories} tells Boot so).
 *
 * <p>Deliberately not a {@link Flyway} bean and not Boot's Flyway auto-configuration: a {@code
 * Flyway} bean would make the store's own Flyway auto-configuration back off, and Boot's
 * auto-configuration would create {@code flyway_schema_history} in a store that has no migrations
 * and turn Hibernate's embedded {@code ddl-auto} default to {@code none}.
 *
 * <p>Databases migrated before the tables moved to one folder per feature keep working: the scripts
 * kept their versions, names and contents, which is all Flyway checks. Migrations run out of order
 * (a feature switched on later adds its older version), and applied migrations of a feature that is
 * now off are not an error.
 */
public final class SmartListsSchema implements InitializingBean {

  /** The module's Flyway history table. */
  public static final String HISTORY_TABLE = "SL_SCHEMA_HISTORY";

  private static final Logger log = LoggerFactory.getLogger(SmartListsSchema.class);

  private final DataSource dataSource;
  private final List<SmartListsMigrations> features;

  /** Migrates the tables of {@code features} on {@code dataSource}. */
  public SmartListsSchema(DataSource dataSource, List<SmartListsMigrations> features) {
    this.dataSource = dataSource;
    this.features = List.copyOf(features);
  }

  @Override
  public void afterPropertiesSet() {
    if (features.isEmpty()) {
      return;
    }
    MigrateResult result =
        Flyway.configure(SmartListsSchema.class.getClassLoader())
            .dataSource(dataSource)
            .locations(features.stream().map(SmartListsMigrations::location).toArray(String[]::new))
            .table(HISTORY_TABLE)
            .baselineOnMigrate(true)
            .baselineVersion("0")
            .outOfOrder(true)
            .ignoreMigrationPatterns("*:missing", "*:future")
            .load()
            .migrate();
    if (result.migrationsExecuted > 0) {
      log.info(
          "Smart Lists schema migrated to version {} ({} migrations: {})",
          result.targetSchemaVersion,
          result.migrationsExecuted,
          features.stream().map(SmartListsMigrations::feature).toList());
    }
  }
}
