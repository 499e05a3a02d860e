package io.smartlists.engine;

import io.smartlists.engine.model.SmartListsConfig;

/** Where the engine reads the current merchandising configuration; called on every widget. */
@FunctionalInterface
public interface ConfigSource {

  /** The configuration in force now (cached by the implementation). */
  SmartListsConfig current();
}
