package io.smartlists.engine.lists;

import io.smartlists.engine.model.ListType;
import io.smartlists.engine.signals.Signals;

/** {@link ListType#NEW_ARRIVALS_CATALOG}: the newest products of the catalogue. */
final class NewArrivalsCatalogList implements SmartList {

  @Override
  public ListType type() {
    return ListType.NEW_ARRIVALS_CATALOG;
  }

  @Override
  public void candidates(Signals signals, ListContext context, CandidateSink sink) {
    NewArrivals.emit(
        signals,
        context,
        p -> true,
        sink,
        (days, p) -> NewArrivals.reason("new-arrival.catalog", days));
  }
}
