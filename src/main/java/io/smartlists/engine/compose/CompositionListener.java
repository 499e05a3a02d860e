package io.smartlists.engine.compose;

import io.smartlists.engine.model.Placement;
import io.smartlists.engine.model.Widget;

/** What composition reports for metrics. Implementations must be cheap and must not throw. */
public interface CompositionListener {

  /** A widget was composed in this many nanoseconds. */
  default void composed(Placement placement, Widget.Outcome outcome, long nanos) {}

  /** Composition failed with this exception (the widget rendered empty). */
  default void failed(Placement placement, Throwable error) {}
}
