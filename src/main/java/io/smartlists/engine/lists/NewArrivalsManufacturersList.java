package io.smartlists.engine.lists;

import io.smartlists.engine.model.ListType;
import io.smartlists.engine.signals.Signals;

/**
 * {@link ListType#NEW_ARRIVALS_MANUFACTURERS}: the newest products of the merchant's manufacturers.
 */
final class NewArrivalsManufacturersList implements SmartList {

  @Override
  public ListType type() {
    return ListType.NEW_ARRIVALS_MANUFACTURERS;
  }

  @Override
  public void candidates(Signals signals, ListContext context, CandidateSink sink) {
    int[] makers = context.chosenManufacturers(signals);
    if (makers.length == 0) {
      return;
    }
    NewArrivals.emit(
        signals,
        context,
        p -> {
          int m = signals.productManufacturer(p);
          for (int maker : makers) {
            if (maker == m) {
              return true;
            }
          }
          return false;
        },
        sink,
        (days, p) ->
            NewArrivals.reason(
                "new-arrival.manufacturer",
                days,
                signals.manufacturerName(signals.productManufacturer(p))));
  }
}
