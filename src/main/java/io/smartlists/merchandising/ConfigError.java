package io.smartlists.merchandising;

import java.util.List;

/**
 * One validation problem, for the admin to show next to its field.
 *
 * @param field the form field, e.g. {@code minItems}, or empty for the whole form
 * @param code the message key in the admin bundles, e.g. {@code sl.error.minAboveMax}
 * @param args the message arguments
 */
public record ConfigError(String field, String code, List<Object> args) {

  public ConfigError {
    args = List.copyOf(args);
  }

  static ConfigError of(String field, String code, Object... args) {
    return new ConfigError(field, code, List.of(args));
  }
}
