package io.smartlists.engine;

import io.smartlists.engine.model.SmartListsConfig;
import java.time.Duration;

/**
 * Engine-wide settings that are not merchandising (those are in {@link SmartListsConfig}).
 *
 * @param timeBudget past this, composition gives up and the widget renders empty (default 50 ms)
 * @param rebuildBatchSize orders read per batch from the host when signals are rebuilt
 * @param browsingMaxEntries at most this many anonymous visitors, and separately this many
 *     customers, keep their recent browsing in memory; past it the least recently active are
 *     forgotten first (default 100,000)
 * @param browsingIdle browsing not added to for this long is forgotten (default 90 days)
 */
public record EngineSettings(
    Duration timeBudget, int rebuildBatchSize, long browsingMaxEntries, Duration browsingIdle) {

  public static final long DEFAULT_BROWSING_MAX_ENTRIES = 100_000;
  public static final Duration DEFAULT_BROWSING_IDLE = Duration.ofDays(90);

  public static final EngineSettings DEFAULT =
      new EngineSettings(
          Duration.ofMillis(50), 1000, DEFAULT_BROWSING_MAX_ENTRIES, DEFAULT_BROWSING_IDLE);

  /** The default browsing bounds. */
  public EngineSettings(Duration timeBudget, int rebuildBatchSize) {
    this(timeBudget, rebuildBatchSize, DEFAULT_BROWSING_MAX_ENTRIES, DEFAULT_BROWSING_IDLE);
  }
}
