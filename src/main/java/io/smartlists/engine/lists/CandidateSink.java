package io.smartlists.engine.lists;

import io.smartlists.engine.model.Reason;

/**
 * Receives a list's candidates, best first. The composer's sink applies the eligibility gate, the
 * exclusions and the cap; a list stops producing as soon as {@link #offer} returns false.
 */
@FunctionalInterface
public interface CandidateSink {

  /**
   * Offers the next-best product.
   *
   * @return false when the sink needs no more candidates
   */
  boolean offer(int product, Reason reason);
}
