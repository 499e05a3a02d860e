package io.smartlists.engine.lists;

import io.smartlists.engine.signals.Browsing;
import io.smartlists.engine.signals.Signals;

/**
 * The categories a visitor browsed: the category pages they viewed, each view counting once; a
 * store that records no category views still gets the most specific category of every product
 * viewed.
 */
final class BrowsedCategories {

  private BrowsedCategories() {}

  /** Adds the visitor's browsed categories to the tally, most recent first; true for page views. */
  static boolean tally(Signals signals, Browsing browsing, Ranked.Tally tally) {
    if (browsing.categoryViewCount() > 0) {
      for (int i = 0; i < browsing.categoryViewCount(); i++) {
        tally.add(browsing.categoryView(i), 1);
      }
      return true;
    }
    for (int i = 0; i < browsing.productViewCount(); i++) {
      int c = Ranked.primaryCategory(signals, browsing.productView(i));
      if (c >= 0) {
        tally.add(c, 1);
      }
    }
    return false;
  }

  /** The category viewed last (page), else the category of the product viewed last, or -1. */
  static int last(Signals signals, Browsing browsing) {
    if (browsing.categoryViewCount() > 0) {
      return browsing.categoryView(0);
    }
    for (int i = 0; i < browsing.productViewCount(); i++) {
      int c = Ranked.primaryCategory(signals, browsing.productView(i));
      if (c >= 0) {
        return c;
      }
    }
    return -1;
  }
}
