package io.smartlists.mail;

import static org.assertj.core.api.Assertions.assertThat;

import io.smartlists.engine.model.Placement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.transaction.support.TransactionTemplate;

/** The UTM settings in their table (migration mail/V4 on H2): saved, updated, with history. */
class JdbcMailUtmStoreTests {

  @Test
  void save_updateAndHistory_andAnotherNodeSeesTheChange() {
    DataSource db =
        new DriverManagerDataSource(
            "jdbc:h2:mem:mail-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1", "sa", "");
    Flyway.configure()
        .dataSource(db)
        .locations("classpath:db/smartlists/mail")
        .table("SL_SCHEMA_HISTORY")
        .load()
        .migrate();
    JdbcTemplate jdbc = new JdbcTemplate(db);
    JdbcMailUtmStore store =
        new JdbcMailUtmStore(jdbc, new TransactionTemplate(new DataSourceTransactionManager(db)));
    assertThat(store.load()).isEmpty();
    Instant t1 = Instant.parse("2026-06-01T12:00:00Z");
    store.save(Placement.EMAIL_NEWSLETTER, new MailUtm.Setting("a", "email", ""), "ann", t1);
    store.save(
        Placement.EMAIL_NEWSLETTER,
        new MailUtm.Setting("b", "", "{placement}"),
        "bob",
        t1.plusSeconds(60));
    Map<Placement, MailUtm.Saved> saved = store.load();
    assertThat(saved).containsOnlyKeys(Placement.EMAIL_NEWSLETTER);
    assertThat(saved.get(Placement.EMAIL_NEWSLETTER).setting())
        .isEqualTo(new MailUtm.Setting("b", "", "{placement}"));
    assertThat(saved.get(Placement.EMAIL_NEWSLETTER).author()).isEqualTo("bob");
    assertThat(saved.get(Placement.EMAIL_NEWSLETTER).at()).isEqualTo(t1.plusSeconds(60));
    assertThat(
            jdbc.queryForList("SELECT AUTHOR FROM SL_MAIL_UTM_HISTORY ORDER BY ID", String.class))
        .containsExactly("ann", "bob");

    // two nodes: the second re-reads the table after its refresh interval
    MailUtm node1 = new MailUtm(Map.of(), store, Clock.systemUTC(), Duration.ofSeconds(30));
    MailUtm node2 = new MailUtm(Map.of(), store, Clock.systemUTC(), Duration.ZERO);
    node1.save(Placement.EMAIL_REACTIVATION, new MailUtm.Setting("win-back", "", ""), "ann");
    assertThat(node2.parameters("EMAIL_REACTIVATION")).containsEntry("utm_source", "win-back");
    assertThat(node2.parameters("EMAIL_NEWSLETTER"))
        .containsEntry("utm_campaign", "email_newsletter");
  }
}
