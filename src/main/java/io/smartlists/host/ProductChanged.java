package io.smartlists.host;

import java.time.Instant;

/**
 * A product was added to the catalogue or changed (name, category, manufacturer, price,
 * availability, creation date): the signals are refreshed from {@link CatalogPort} soon after,
 * without waiting for the scheduled rebuild. Not a shopper's event: its visitor id is empty.
 */
public record ProductChanged(String productId, Instant at) implements SmartListsEvent {

  /** Empty: a catalogue change belongs to no visitor. */
  @Override
  public String visitorId() {
    return "";
  }
}
