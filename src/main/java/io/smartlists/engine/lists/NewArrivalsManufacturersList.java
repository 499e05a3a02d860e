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
    int[] makers = new int[context.slot().manufacturers().size()];
    int n = 0;
    for (String name : context.slot().manufacturers()) {
      int m = signals.manufacturerIndex(name);
      if (m >= 0) {
        makers[n++] = m;
      }
    }
    if (n == 0) {
      return;
    }
    int count = n;
    NewArrivals.emit(
        signals,
        context,
        p -> {
          int m = signals.productManufacturer(p);
          for (int i = 0; i < count; i++) {
            if (makers[i] == m) {
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
