package io.smartlists.engine.signals.copurchase;

/**
 * The model families a build chooses among on its validation split ({@link ModelSelection}), from
 * the simplest to the most costly (ties within one standard error go to the simpler one).
 */
public enum Family {
  /** The bestsellers alone, the context left out: what wins where association carries nothing. */
  POPULARITY,
  /**
   * The popularity-corrected neighbourhood model of {@link CoPurchaseIndex} (each context product's
   * votes scaled so its strongest is 1), with its calibrated popularity prior: the default.
   */
  NEIGHBOURHOOD,
  /**
   * Asymmetric cosine (Aiolli 2013) on the same-order rows: {@code co(i,j) / (count(i)^α
   * count(j)^(1-α))} summed over the context, a context product weighing by its own evidence rather
   * than equally; the same-customer, text and history votes and the prior as in the neighbourhood.
   */
  ASYMMETRIC_COSINE,
  /**
   * EASE over the head products carrying most orders ({@code EaseHead}) blended with the
   * neighbourhood model, which alone scores the tail.
   */
  EASE_HEAD_BLEND
}
