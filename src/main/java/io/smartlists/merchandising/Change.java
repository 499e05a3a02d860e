package io.smartlists.merchandising;

import io.smartlists.engine.model.JourneyStage;
import io.smartlists.engine.model.ListType;
import io.smartlists.engine.model.Placement;

/**
 * What one saved change did, as the history shows it: typed, so the admin translates each part
 * (list, placement, stage) without parsing strings.
 */
public sealed interface Change {

  /** The shipped default configuration stored into an empty store. */
  record Seeded() implements Change {}

  /** A slot of one cell added, edited, removed or moved. */
  record SlotChanged(SlotAction action, ListType list, Placement placement, JourneyStage stage)
      implements Change {}

  /** The stage thresholds or global rules saved. */
  record RulesChanged() implements Change {}

  /**
   * An earlier version made current again.
   *
   * @param version the version restored
   */
  record Restored(long version) implements Change {}

  /**
   * A stored summary this version of the module cannot read (written by a later version, or naming
   * a list type that no longer exists); shown as stored.
   *
   * @param stored the summary as stored
   */
  record Unreadable(String stored) implements Change {}

  /** What happened to a slot. */
  enum SlotAction {
    ADDED,
    EDITED,
    REMOVED,
    MOVED_UP,
    MOVED_DOWN
  }
}
