package io.smartlists.testing;

import java.util.Arrays;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;

/** The module's tables of the features named, migrated as the module does it (own history). */
public final class ModuleSchema {

  private ModuleSchema() {}

  /** Migrates {@code classpath:db/smartlists/<feature>} for each feature ("eventlog", "stats"). */
  public static void migrate(DataSource dataSource, String... features) {
    Flyway.configure()
        .dataSource(dataSource)
        .locations(
            Arrays.stream(features).map(f -> "classpath:db/smartlists/" + f).toArray(String[]::new))
        .table("SL_SCHEMA_HISTORY")
        .load()
        .migrate();
  }
}
