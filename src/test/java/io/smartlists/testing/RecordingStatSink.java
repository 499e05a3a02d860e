package io.smartlists.testing;

import io.smartlists.stats.ClickRow;
import io.smartlists.stats.ShopperEventSink;
import io.smartlists.stats.StatTable;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * A {@link ShopperEventSink} for tests that keeps every row it is handed, in order, so that a test
 * reads the clicks (or any row) the storefront or the e-mail links recorded.
 */
public final class RecordingStatSink implements ShopperEventSink {

  private final List<Object> rows = Collections.synchronizedList(new ArrayList<>());

  @Override
  public <T> void record(StatTable<T> table, T row) {
    rows.add(row);
  }

  /** The click rows recorded so far, oldest first. */
  public List<ClickRow> clicks() {
    synchronized (rows) {
      return rows.stream().filter(ClickRow.class::isInstance).map(ClickRow.class::cast).toList();
    }
  }
}
