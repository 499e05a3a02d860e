package io.smartlists.merchandising;

import java.util.List;

/** A change the service refused because it does not validate; carries every problem found. */
public final class ConfigValidationException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  private final transient List<ConfigError> errors;

  public ConfigValidationException(List<ConfigError> errors) {
    super("invalid configuration: " + errors);
    this.errors = List.copyOf(errors);
  }

  public List<ConfigError> errors() {
    return errors;
  }
}
