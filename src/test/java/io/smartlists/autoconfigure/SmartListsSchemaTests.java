package io.smartlists.autoconfigure;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.UUID;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/** The module's schema: one folder per feature, one history, and databases migrated before. */
class SmartListsSchemaTests {

  private final DataSource db =
      new DriverManagerDataSource(
          "jdbc:h2:mem:schema-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1", "sa", "");
  private final JdbcTemplate jdbc = new JdbcTemplate(db);

  @Test
  void eachFeatureMigratesOnlyItsOwnTables() {
    new SmartListsSchema(db, List.of(SmartListsMigrations.EVENT_LOG)).afterPropertiesSet();
    assertThat(table("SL_EVENT")).isOne();
    assertThat(table("SL_CELL")).isZero();

    // the merchandising feature switched on later
    new SmartListsSchema(
            db, List.of(SmartListsMigrations.EVENT_LOG, SmartListsMigrations.MERCHANDISING))
        .afterPropertiesSet();
    assertThat(table("SL_CELL")).isOne();
    assertThat(versions()).containsExactly("1", "1.1", "2");
  }

  @Test
  void statisticsMigrateUnderTheirOwnMajorVersion() {
    new SmartListsSchema(db, List.of(SmartListsMigrations.EVENT_LOG, SmartListsMigrations.STATS))
        .afterPropertiesSet();
    assertThat(table("SL_STAT_IMPRESSION")).isOne();
    assertThat(table("SL_STAT_CLICK")).isOne();
    assertThat(table("SL_STAT_CART_ADD")).isOne();
    assertThat(table("SL_STORE_SECRET")).isOne();
    assertThat(table("SL_CELL")).isZero();
    assertThat(table("SL_STAT_HOURLY")).isOne();
    assertThat(table("SL_STAT_HOURLY_EXPOSURE")).isOne();
    assertThat(table("SL_STAT_ROLLUP")).isOne();
    assertThat(table("SL_STAT_DAILY")).isOne();
    assertThat(versions()).containsExactly("1", "1.1", "3", "3.1", "3.2", "3.3", "3.3.1");

    // merchandising switched on afterwards: its lower version applies out of order
    new SmartListsSchema(
            db,
            List.of(
                SmartListsMigrations.EVENT_LOG,
                SmartListsMigrations.MERCHANDISING,
                SmartListsMigrations.STATS))
        .afterPropertiesSet();
    assertThat(table("SL_CELL")).isOne();
    assertThat(versions()).containsExactly("1", "1.1", "2", "3", "3.1", "3.2", "3.3", "3.3.1");
  }

  @Test
  void aFeatureSwitchedOffLaterIsNotAnError() {
    new SmartListsSchema(
            db, List.of(SmartListsMigrations.EVENT_LOG, SmartListsMigrations.MERCHANDISING))
        .afterPropertiesSet();
    new SmartListsSchema(db, List.of(SmartListsMigrations.EVENT_LOG)).afterPropertiesSet();
    assertThat(versions()).containsExactly("1", "1.1", "2");
  }

  @Test
  void databaseMigratedFromTheSingleFolderLayout_validatesAndMigratesOnlyWhatIsNew() {
    // the module's Flyway as it was configured when every script lived in db/smartlists
    Flyway.configure()
        .dataSource(db)
        .locations("classpath:db/smartlists-before-per-feature-folders")
        .table(SmartListsSchema.HISTORY_TABLE)
        .baselineOnMigrate(true)
        .baselineVersion("0")
        .load()
        .migrate();
    jdbc.update(
        "INSERT INTO SL_EVENT (TYPE, VISITOR_ID, PAYLOAD, OCCURRED_AT) VALUES"
            + " ('ProductViewed', 'v', '{}', CURRENT_TIMESTAMP)");

    new SmartListsSchema(
            db, List.of(SmartListsMigrations.EVENT_LOG, SmartListsMigrations.MERCHANDISING))
        .afterPropertiesSet();

    // 1 and 2 as they were; 1.1 (the views' origin) is the only new migration
    assertThat(versions()).containsExactly("1", "1.1", "2");
    assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM SL_EVENT", Integer.class)).isOne();
    // and Flyway's own validation agrees: same versions, descriptions and checksums
    Flyway.configure()
        .dataSource(db)
        .locations(
            SmartListsMigrations.EVENT_LOG.location(),
            SmartListsMigrations.MERCHANDISING.location())
        .table(SmartListsSchema.HISTORY_TABLE)
        .load()
        .validate();
  }

  private int table(String name) {
    Integer n =
        jdbc.queryForObject(
            "SELECT COUNT(*) FROM INFORMATION_SCHEMA.TABLES WHERE TABLE_NAME = ?",
            Integer.class,
            name);
    return n == null ? 0 : n;
  }

  private List<String> versions() {
    return jdbc.queryForList(
        "SELECT \"version\" FROM SL_SCHEMA_HISTORY WHERE \"success\" AND \"version\" IS NOT NULL ORDER BY \"version\"",
        String.class);
  }
}
