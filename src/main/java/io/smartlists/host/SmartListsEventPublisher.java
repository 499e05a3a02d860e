package io.smartlists.host;

/** Where a store sends its events; the module provides the implementation (the event log). */
public interface SmartListsEventPublisher {

  /**
   * Writes the event durably (in the caller's transaction when there is one) and applies it to the
   * signals once committed. Never throws for a well-formed event; a store page must not fail
   * because recommendations could not learn from it.
   */
  void publish(SmartListsEvent event);
}
