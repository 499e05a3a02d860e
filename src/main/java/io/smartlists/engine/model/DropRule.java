package io.smartlists.engine.model;

/** The composition rule that removed a candidate (shown in the admin preview). */
public enum DropRule {
  /** The host's eligibility gate refused it (inactive, hidden, sold out, not entitled). */
  INELIGIBLE,
  /** It is one of the page's context products. */
  CONTEXT_PRODUCT,
  /** The customer bought it before. */
  ALREADY_BOUGHT,
  /** An earlier slot on the same page already shows it. */
  SHOWN_IN_EARLIER_SLOT,
  /** The host's catalogue no longer knows it. */
  UNKNOWN_PRODUCT
}
