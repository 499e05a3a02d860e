package io.smartlists.engine;

import io.smartlists.engine.model.SmartListsConfig;
import java.time.Duration;

/**
 * Engine-wide settings that are not merchandising (those are in {@link SmartListsConfig}).
 *
 * @param timeBudget past this, composition gives up and the widget renders empty (default 50 ms)
 * @param rebuildBatchSize orders read per batch from the host when signals are rebuilt
 */
public record EngineSettings(Duration timeBudget, int rebuildBatchSize) {

  public static final EngineSettings DEFAULT = new EngineSettings(Duration.ofMillis(50), 1000);
}
