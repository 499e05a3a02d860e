package io.smartlists.merchandising;

import com.github.benmanes.caffeine.cache.CacheLoader;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.LoadingCache;
import io.smartlists.engine.ConfigSource;
import io.smartlists.engine.model.DefaultConfiguration;
import io.smartlists.engine.model.Placement;
import io.smartlists.engine.model.SmartListsConfig;
import io.smartlists.eventlog.DatabaseOutage;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The engine's configuration: the stored one, served from a Caffeine cache keyed by the
 * configuration version. The version itself ({@code SELECT MAX(ID)} of the revisions, one indexed
 * aggregate) is refreshed in the background at most every {@code pollInterval}, so a change saved
 * on one store node is live on every node within that interval, without a restart, and a widget
 * never waits for the database. An empty store is seeded with {@link DefaultConfiguration#create()}
 * (once, across nodes).
 *
 * <p>While the database is away every poll fails: the version in force stays, and the outage is
 * logged once ({@link DatabaseOutage}: one {@code WARN} line with the cause when it starts, one
 * {@code INFO} when it ends). The poll reads the version with plain JDBC ({@link
 * RevisionLog#polledVersion()}), not through Hibernate, whose {@code SqlExceptionHelper} would log
 * two {@code WARN} lines of its own for every failed poll.
 */
public final class MerchandisingConfigSource implements ConfigSource {

  private static final Logger log = LoggerFactory.getLogger(MerchandisingConfigSource.class);
  private static final String SYSTEM = "system";

  private final DatabaseOutage outage = new DatabaseOutage(log, "Smart Lists configuration cache");

  private final ConfigStore store;
  private final RevisionLog revisions;
  private final TransactionTemplate tx;
  private final TransactionTemplate readTx;
  private final Clock clock;
  private final LoadingCache<String, Long> version;
  private final LoadingCache<Long, SmartListsConfig> configs;

  /** True once this node checked that every placement has stored cells. */
  private volatile boolean toppedUp;

  public MerchandisingConfigSource(
      CellRepository cells,
      RulesRepository rules,
      RevisionLog revisions,
      PlatformTransactionManager transactions,
      Clock clock,
      Duration pollInterval) {
    this.store = new ConfigStore(cells, rules);
    this.revisions = revisions;
    this.tx = new TransactionTemplate(transactions);
    this.readTx = new TransactionTemplate(transactions);
    this.readTx.setReadOnly(true);
    this.clock = clock;
    this.version =
        Caffeine.newBuilder()
            .refreshAfterWrite(pollInterval)
            .build(
                new CacheLoader<String, Long>() {
                  @Override
                  public Long load(String key) {
                    return readVersion();
                  }

                  /**
                   * A failed refresh keeps the version in force (widgets go on with the cached
                   * configuration) and is logged once per outage, not with a stack trace per poll.
                   */
                  @Override
                  public Long reload(String key, Long inForce) {
                    try {
                      long v = readVersion();
                      outage.recovered();
                      return v;
                    } catch (RuntimeException e) {
                      outage.failed(e, "serving configuration version " + inForce + " from memory");
                      return inForce;
                    }
                  }
                });
    this.configs = Caffeine.newBuilder().maximumSize(4).build(this::load);
  }

  /** The configuration in force on this node (at most {@code pollInterval} behind the store). */
  @Override
  public SmartListsConfig current() {
    return configs.get(version.get(""));
  }

  /** Forgets the cached version, so the next {@link #current()} reads the store. */
  public void refresh() {
    version.invalidateAll();
  }

  /** Seeds an empty store before the editor reads or changes it. */
  void ensureSeeded() {
    var unused = version.get("");
  }

  private long readVersion() {
    Long v = revisions.polledVersion();
    if (v == null) {
      seed();
      v = revisions.latestVersion();
    } else if (!toppedUp) {
      topUp();
      v = revisions.latestVersion();
    }
    toppedUp = true;
    return v == null ? 0 : v;
  }

  /**
   * Gives the placements this version of the module added (the e-mail placements, issue 12) their
   * shipped default cells in a store seeded before them, as one recorded revision, so they are
   * versioned and restorable like the rest; cells the merchant already has are left alone. Runs
   * once per node; two nodes racing are stopped by the cells' unique (placement, stage).
   */
  private void topUp() {
    try {
      tx.executeWithoutResult(
          s -> {
            List<Placement> missing = store.placementsWithoutCells();
            if (missing.isEmpty()) {
              return;
            }
            for (Placement p : missing) {
              store.writeDefaults(p, SYSTEM, clock.instant());
            }
            store.flush();
            Long latest = revisions.latestVersion();
            revisions.record(
                SYSTEM, new Change.Seeded(), store.snapshot(latest == null ? 0 : latest + 1));
            log.info("Smart Lists: seeded the shipped default cells of {}", missing);
          });
    } catch (DataIntegrityViolationException e) {
      log.debug("another node seeded the new placements first", e);
    }
  }

  private SmartListsConfig load(long atVersion) {
    SmartListsConfig c = readTx.execute(s -> store.snapshot(atVersion));
    return c == null ? DefaultConfiguration.create() : c;
  }

  /** Stores the shipped configuration when the store has none yet (once, across nodes). */
  private void seed() {
    try {
      tx.executeWithoutResult(
          s -> {
            if (revisions.latestVersion() != null) {
              return;
            }
            if (store.isEmpty()) {
              store.write(DefaultConfiguration.create(), SYSTEM, clock.instant());
            }
            store.flush();
            revisions.record(SYSTEM, new Change.Seeded(), store.snapshot(0));
          });
      log.info("Smart Lists: seeded the merchandising configuration with the shipped default");
    } catch (DataIntegrityViolationException e) {
      log.debug("another node seeded the configuration first", e);
    }
  }
}
