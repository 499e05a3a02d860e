package io.smartlists.engine;

/**
 * Callbacks for metrics; the Spring side binds them to Micrometer. Implementations must be cheap
 * and must not throw.
 */
public interface EngineListener {

  /** A widget was composed in this many nanoseconds. */
  default void composed(Placement placement, Widget.Outcome outcome, long nanos) {}

  /** Composition failed with this exception (the widget rendered empty). */
  default void failed(Placement placement, Throwable error) {}

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
