package io.smartlists.admin;

import io.smartlists.engine.model.JourneyStage;
import io.smartlists.engine.model.ListType;
import io.smartlists.engine.model.Placement;
import java.util.List;
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
    return messages.getMessage(code, args, code, locale);
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

  /**
   * Translates a history argument of the form {@code kind:value}: list types, placements and stages
   * by their admin names, versions and texts as they are.
   */
  String historyArg(String arg) {
    int colon = arg.indexOf(':');
    if (colon < 0) {
      return arg;
    }
    String kind = arg.substring(0, colon);
    String value = arg.substring(colon + 1);
    return switch (kind) {
      case "list" -> get("sl.list." + value);
      case "placement" -> get("sl.placement." + value);
      case "stage" -> get("sl.stage." + value);
      default -> value;
    };
  }

  String history(String key, List<String> args) {
    Object[] resolved = new Object[args.size()];
    for (int i = 0; i < resolved.length; i++) {
      resolved[i] = historyArg(args.get(i));
    }
    return get(key, resolved);
  }
}
