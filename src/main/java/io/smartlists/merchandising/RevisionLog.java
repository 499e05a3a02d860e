package io.smartlists.merchandising;

import io.smartlists.engine.model.SmartListsConfig;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;
import org.jspecify.annotations.Nullable;
import org.springframework.data.domain.PageRequest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.json.JsonMapper;

/**
 * The configuration's history: every saved change with its author, its typed {@link Change} and a
 * snapshot of the whole configuration after it. A revision's id is the configuration version every
 * node polls, so recording a revision is what makes a change visible to the other nodes.
 */
public final class RevisionLog {

  private final RevisionRepository revisions;
  private final @Nullable JdbcTemplate versions;
  private final TransactionTemplate readTx;
  private final Clock clock;
  private final JsonMapper json = JsonMapper.builder().build();

  /** A log whose version polls go through JPA like the rest (tests on one node). */
  public RevisionLog(
      RevisionRepository revisions, PlatformTransactionManager transactions, Clock clock) {
    this(revisions, null, transactions, clock);
  }

  /**
   * @param dataSource the database of the JPA entities, for the version polls ({@link
   *     #polledVersion()}), or null to poll through JPA
   */
  public RevisionLog(
      RevisionRepository revisions,
      @Nullable DataSource dataSource,
      PlatformTransactionManager transactions,
      Clock clock) {
    this.revisions = revisions;
    this.versions = dataSource == null ? null : new JdbcTemplate(dataSource);
    this.readTx = new TransactionTemplate(transactions);
    this.readTx.setReadOnly(true);
    this.clock = clock;
  }

  /** The newest changes first. */
  public List<Revision> history(int limit) {
    List<Revision> out =
        readTx.execute(
            s -> {
              List<Revision> list = new ArrayList<>();
              for (RevisionEntity r : revisions.newestFirst(PageRequest.of(0, limit))) {
                list.add(
                    new Revision(
                        r.id(), r.author(), r.changedAt(), ChangeCodec.decode(r.summary())));
              }
              return list;
            });
    return out == null ? List.of() : out;
  }

  /** The newest version, or null when nothing was ever recorded (an empty store). */
  @Nullable Long latestVersion() {
    return revisions.maxVersion();
  }

  /**
   * {@link #latestVersion()} for the background poll, outside any transaction, with plain JDBC when
   * a data source was given: during a database outage every poll fails, and Hibernate logs each
   * failed JPA statement itself ({@code SqlExceptionHelper}: two {@code WARN} lines, {@code
   * HHH000247} with the SQL state and then the message, per poll) before the caller can report the
   * outage once. The same aggregate as {@link RevisionRepository#maxVersion()}.
   */
  @Nullable Long polledVersion() {
    JdbcTemplate jdbc = versions;
    return jdbc == null
        ? revisions.maxVersion()
        : jdbc.queryForObject("SELECT MAX(ID) FROM SL_CONFIG_REVISION", Long.class);
  }

  /**
   * Records a change with the configuration as it now stands; runs in the caller's transaction.
   *
   * @return the new configuration version
   */
  long record(String author, Change change, SmartListsConfig after) {
    String snapshot = json.writeValueAsString(after);
    RevisionEntity saved =
        revisions.saveAndFlush(
            new RevisionEntity(author, clock.instant(), ChangeCodec.encode(change), snapshot));
    return saved.id();
  }

  /** The whole configuration as it stood at a version; runs in the caller's transaction. */
  Optional<SmartListsConfig> configurationAt(long version) {
    return revisions
        .findById(version)
        .map(r -> json.readValue(r.snapshot(), SmartListsConfig.class));
  }
}
