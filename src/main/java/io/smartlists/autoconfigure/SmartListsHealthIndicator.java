package io.smartlists.autoconfigure;

import io.smartlists.engine.SmartListsEngine;
import io.smartlists.eventlog.EventLogStatus;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.health.contributor.Status;

/**
 * The module's component of {@code /actuator/health} ({@code smartLists}): {@code UP}, or {@code
 * DEGRADED} while its event log cannot reach the database (widgets are then served from the signals
 * in memory, browsing events wait in a bounded queue or are dropped and counted, the tailer catches
 * up once the database answers). {@code DEGRADED} is not in Boot's default status order, so it does
 * not turn the node's aggregate status {@code DOWN}: the node keeps serving. Its details (queue,
 * drops, retries, last error) are shown to whom the store shows health details (the reference
 * store: Smart Lists administrators only).
 */
final class SmartListsHealthIndicator implements HealthIndicator {

  /** The status while the event log cannot reach the database. */
  static final Status DEGRADED =
      new Status("DEGRADED", "database unreachable: widgets served from memory");

  private final EventLogStatus status;
  private final SmartListsEngine engine;

  SmartListsHealthIndicator(EventLogStatus status, SmartListsEngine engine) {
    this.status = status;
    this.engine = engine;
  }

  @Override
  public Health health() {
    Map<String, Object> details = new LinkedHashMap<>(status.details());
    details.put("signalsBuiltAt", engine.signalsBuiltAt().toString());
    return Health.status(status.degraded() ? DEGRADED : Status.UP).withDetails(details).build();
  }
}
