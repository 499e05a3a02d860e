package io.smartlists.engine.model;

/** Where a shopper is in the customer journey (DESIGN.md §2). */
public enum JourneyStage {
  ACQUISITION,
  CONVERSION,
  REACTIVATION,
  RETENTION_FIRST_PURCHASE,
  RETENTION_REPEAT,
  B2B
}
