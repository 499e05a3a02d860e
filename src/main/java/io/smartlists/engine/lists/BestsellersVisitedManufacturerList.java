package io.smartlists.engine.lists;

import io.smartlists.engine.model.ListType;
import io.smartlists.engine.model.Reason;
import io.smartlists.engine.signals.Browsing;
import io.smartlists.engine.signals.Signals;

/**
 * {@link ListType#BESTSELLERS_VISITED_MANUFACTURER}: the bestsellers of the manufacturers of the
 * products the visitor viewed, merged by bestseller score weighted by the manufacturer's views.
 */
final class BestsellersVisitedManufacturerList implements SmartList {

  @Override
  public ListType type() {
    return ListType.BESTSELLERS_VISITED_MANUFACTURER;
  }

  @Override
  public void candidates(Signals signals, ListContext context, CandidateSink sink) {
    Browsing browsing = signals.browsing(context.visitorId(), context.customerId());
    Ranked.Tally tally = new Ranked.Tally();
    for (int i = 0; i < browsing.productViewCount(); i++) {
      int m = signals.productManufacturer(browsing.productView(i));
      if (m >= 0) {
        tally.add(m, 1);
      }
    }
    int window = signals.bestsellerWindowDays();
    Ranked.mergeManufacturers(
        signals,
        tally,
        sink,
        (source, rank, p) ->
            Reason.of(
                Ranked.counted(
                    "bestseller.visited-manufacturer", Math.round(tally.weights[source])),
                rank,
                signals.manufacturerName(tally.keys[source]),
                window,
                Math.round(tally.weights[source])));
  }
}
