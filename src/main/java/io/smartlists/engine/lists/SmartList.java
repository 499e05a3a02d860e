package io.smartlists.engine.lists;

import io.smartlists.engine.model.ListType;
import io.smartlists.engine.signals.Signals;

/**
 * One list type of the catalogue: a small, pure strategy over (signals, visitor context, slot
 * parameters) that emits ranked candidates with their reasons. A new list type is one
 * implementation plus its registration in {@link SmartListRegistry}.
 *
 * <p>Implementations must not filter for eligibility or exclusions (the composer does, and records
 * why in the preview) and should emit candidates lazily, best first, stopping when the sink says
 * so.
 */
public interface SmartList {

  /** The list type this strategy implements. */
  ListType type();

  /** Emits candidates, best first, until exhausted or the sink returns false. */
  void candidates(Signals signals, ListContext context, CandidateSink sink);
}
