package io.smartlists.engine.lists;

import io.smartlists.engine.model.ListType;
import io.smartlists.engine.model.Reason;
import io.smartlists.engine.signals.Signals;

/**
 * {@link ListType#MANUAL_SELECTION}: the products the merchant picked, in the merchant's order;
 * products the catalogue no longer knows are skipped.
 */
final class ManualSelectionList implements SmartList {

  @Override
  public ListType type() {
    return ListType.MANUAL_SELECTION;
  }

  @Override
  public void candidates(Signals signals, ListContext context, CandidateSink sink) {
    int position = 0;
    for (String id : context.slot().products()) {
      position++;
      int p = signals.indexOf(id);
      if (p >= 0 && !sink.offer(p, Reason.of("manual", position))) {
        return;
      }
    }
  }
}
