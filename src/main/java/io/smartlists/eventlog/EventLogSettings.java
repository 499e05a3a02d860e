package io.smartlists.eventlog;

import java.time.Duration;

/**
 * How the event log is read and kept, as plain values (the Spring side binds them from {@code
 * smartlists.event-log.*}).
 *
 * @param pollInterval how often every node reads new events from the log
 * @param batchSize at most this many events are read per poll
 * @param gapTimeout how long a gap in event ids (a transaction still open, or rolled back) is
 *     waited for
 * @param applyWait how long the publishing request waits, after commit, for its event to be applied
 *     locally
 * @param replayWindow browsing events of this trailing window are replayed when a node starts; zero
 *     for none
 * @param retention events older than this are deleted hourly; zero keeps them forever
 */
public record EventLogSettings(
    Duration pollInterval,
    int batchSize,
    Duration gapTimeout,
    Duration applyWait,
    Duration replayWindow,
    Duration retention) {

  /** The documented defaults. */
  public static final EventLogSettings DEFAULT =
      new EventLogSettings(
          Duration.ofSeconds(1),
          500,
          Duration.ofMinutes(1),
          Duration.ofSeconds(1),
          Duration.ofDays(30),
          Duration.ofDays(90));
}
