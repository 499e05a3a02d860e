package io.smartlists.stats;

/** The two arms of the holdout: shoppers who see the widgets, and those who do not. */
public enum Arm {
  /** Sees the widgets. */
  EXPOSED,
  /** Sees no widget; what it would have seen is still recorded. */
  HOLDOUT
}
