package io.smartlists.engine.lists;

import io.smartlists.engine.model.ListType;
import io.smartlists.engine.model.Reason;
import io.smartlists.engine.signals.Signals;

/** {@link ListType#BESTSELLERS_CATALOG}: the top of the whole catalogue. */
final class BestsellersCatalogList implements SmartList {

  @Override
  public ListType type() {
    return ListType.BESTSELLERS_CATALOG;
  }

  @Override
  public void candidates(Signals signals, ListContext context, CandidateSink sink) {
    int window = signals.bestsellerWindowDays();
    Ranked.emit(
        signals.bestsellers(), sink, (rank, p) -> Reason.of("bestseller.catalog", rank, window));
  }
}
