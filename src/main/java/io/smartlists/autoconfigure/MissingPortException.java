package io.smartlists.autoconfigure;

import java.util.List;

/**
 * Smart Lists is on ({@code smartlists.enabled} is not {@code false}) but the store does not
 * provide some of the ports of {@code io.smartlists.host} as beans. Start-up stops; {@link
 * MissingPortFailureAnalyzer} says which ports and how to provide them.
 */
public final class MissingPortException extends RuntimeException {

  private final List<Class<?>> missing;

  MissingPortException(List<Class<?>> missing) {
    super(
        "Smart Lists needs a bean for each host port; missing: "
            + missing.stream().map(Class::getSimpleName).toList());
    this.missing = List.copyOf(missing);
  }

  /** The port interfaces without a bean. */
  public List<Class<?>> missing() {
    return missing;
  }
}
