package io.smartlists.engine;

import io.smartlists.engine.compose.CompositionListener;

/**
 * Callbacks for metrics; the Spring side binds them to Micrometer. Implementations must be cheap
 * and must not throw.
 */
public interface EngineListener extends CompositionListener {

  /** Signals were rebuilt from the host's order history; {@code products} are now indexed. */
  default void rebuilt(int products, long nanos) {}

  /**
   * Signals were rebuilt from {@code orders} orders of the host's order history; {@code products}
   * are now indexed. By default reports to {@link #rebuilt(int, long)}.
   */
  default void rebuilt(int products, int orders, long nanos) {
    rebuilt(products, nanos);
  }

  EngineListener NONE = new EngineListener() {};
}
