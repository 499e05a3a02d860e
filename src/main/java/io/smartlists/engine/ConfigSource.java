package io.smartlists.engine;

/** Where the engine reads the current merchandising configuration; called on every widget. */
@FunctionalInterface
public interface ConfigSource {

  /** The configuration in force now (cached by the implementation). */
  SmartListsConfig current();
}
