package io.smartlists.admin;

import io.smartlists.engine.model.JourneyStage;
import io.smartlists.engine.model.ListType;
import io.smartlists.engine.model.Placement;
import io.smartlists.merchandising.Change;
import java.util.Locale;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;

/** Resolves admin strings in the current request's locale. */
final class Labels {

  private final MessageSource messages;

  Labels(MessageSource messages) {
    this.messages = messages;
  }

  String get(String code, Object... args) {
    Locale locale = LocaleContextHolder.getLocale();
    String message = messages.getMessage(code, args, code, locale);
    return message != null ? message : code;
  }

  String list(ListType type) {
    return get("sl.list." + type);
  }

  String placement(Placement placement) {
    return get("sl.placement." + placement);
  }

  String stage(JourneyStage stage) {
    return get("sl.stage." + stage);
  }

  /** One change of the history in words: lists, placements and stages by their admin names. */
  String history(Change change) {
    if (change instanceof Change.SlotChanged s) {
      return get(slotKey(s.action()), list(s.list()), placement(s.placement()), stage(s.stage()));
    }
    if (change instanceof Change.Restored r) {
      // as text, so that the version is not formatted as a number with grouping separators
      return get("sl.history.restored", String.valueOf(r.version()));
    }
    if (change instanceof Change.RulesChanged) {
      return get("sl.history.rulesChanged");
    }
    if (change instanceof Change.Seeded) {
      return get("sl.history.seeded");
    }
    return ((Change.Unreadable) change).stored();
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
}
