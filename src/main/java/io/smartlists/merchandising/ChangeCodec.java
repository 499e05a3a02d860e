package io.smartlists.merchandising;

import io.smartlists.engine.model.JourneyStage;
import io.smartlists.engine.model.ListType;
import io.smartlists.engine.model.Placement;
import java.util.HashMap;
import java.util.Map;

/**
 * The stored form of a {@link Change} in {@code SL_CONFIG_REVISION.SUMMARY}: a key, then {@code
 * kind:value} arguments, tab-separated ({@code sl.history.slotRemoved\tlist:MANUAL_SELECTION\t
 * placement:CART\tstage:B2B}). Every revision written before the summary was typed has this form,
 * so existing histories read back unchanged without a data migration; the format is private to this
 * class.
 */
final class ChangeCodec {

  private static final String SEP = "\t";
  private static final String SEEDED = "sl.history.seeded";
  private static final String RULES = "sl.history.rulesChanged";
  private static final String RESTORED = "sl.history.restored";

  private ChangeCodec() {}

  static String encode(Change change) {
    if (change instanceof Change.SlotChanged s) {
      return String.join(
          SEP,
          slotKey(s.action()),
          "list:" + s.list(),
          "placement:" + s.placement(),
          "stage:" + s.stage());
    }
    if (change instanceof Change.Restored r) {
      return RESTORED + SEP + "version:" + r.version();
    }
    if (change instanceof Change.Seeded) {
      return SEEDED;
    }
    if (change instanceof Change.RulesChanged) {
      return RULES;
    }
    return ((Change.Unreadable) change).stored();
  }

  static Change decode(String stored) {
    String[] parts = stored.split(SEP);
    Map<String, String> args = new HashMap<>();
    for (int i = 1; i < parts.length; i++) {
      int colon = parts[i].indexOf(':');
      if (colon > 0) {
        args.put(parts[i].substring(0, colon), parts[i].substring(colon + 1));
      }
    }
    try {
      switch (parts[0]) {
        case SEEDED:
          return new Change.Seeded();
        case RULES:
          return new Change.RulesChanged();
        case RESTORED:
          return new Change.Restored(Long.parseLong(required(args, "version")));
        default:
          for (Change.SlotAction action : Change.SlotAction.values()) {
            if (slotKey(action).equals(parts[0])) {
              return new Change.SlotChanged(
                  action,
                  ListType.valueOf(required(args, "list")),
                  Placement.valueOf(required(args, "placement")),
                  JourneyStage.valueOf(required(args, "stage")));
            }
          }
          return new Change.Unreadable(stored);
      }
    } catch (IllegalArgumentException e) {
      return new Change.Unreadable(stored);
    }
  }

  private static String slotKey(Change.SlotAction action) {
    return switch (action) {
      case ADDED -> "sl.history.slotAdded";
      case EDITED -> "sl.history.slotEdited";
      case REMOVED -> "sl.history.slotRemoved";
      case MOVED_UP -> "sl.history.slotMovedUp";
      case MOVED_DOWN -> "sl.history.slotMovedDown";
    };
  }

  private static String required(Map<String, String> args, String kind) {
    String value = args.get(kind);
    if (value == null) {
      throw new IllegalArgumentException("no " + kind);
    }
    return value;
  }
}
