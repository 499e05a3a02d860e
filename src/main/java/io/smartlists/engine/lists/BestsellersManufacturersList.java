package io.smartlists.engine.lists;

import io.smartlists.engine.model.ListType;
import io.smartlists.engine.model.Reason;
import io.smartlists.engine.signals.Signals;

/**
 * {@link ListType#BESTSELLERS_MANUFACTURERS}: the bestsellers of the merchant's manufacturers
 * (matched ignoring case) as one ranking.
 */
final class BestsellersManufacturersList implements SmartList {

  @Override
  public ListType type() {
    return ListType.BESTSELLERS_MANUFACTURERS;
  }

  @Override
  public void candidates(Signals signals, ListContext context, CandidateSink sink) {
    Ranked.Tally tally = new Ranked.Tally();
    for (int m : context.chosenManufacturers(signals)) {
      tally.add(m, 1);
    }
    int window = signals.bestsellerWindowDays();
    Ranked.mergeManufacturers(
        signals,
        tally,
        sink,
        (source, rank, p) ->
            Reason.of(
                "bestseller.manufacturer",
                rank,
                signals.manufacturerName(tally.keys[source]),
                window));
  }
}
