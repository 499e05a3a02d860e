package io.smartlists.engine.signals;

import io.smartlists.engine.signals.copurchase.CoPurchaseIndex;
import java.util.Collection;
import java.util.Locale;
import java.util.TreeMap;

/**
 * What the smart lists read of the order signals, as one comparable text keyed by host ids (so two
 * snapshots with different dense indexes compare): bestsellers of every scope in rank order, each
 * customer's history (products with units and last purchase, order count, last order), every
 * product's repurchase interval, co-purchase order counts and same-order pair counts. Left out: the
 * decayed scores themselves (their scale depends on when the ranks were built), the co-purchase
 * pair weights and same-customer counts (recomputed by the next build).
 */
final class SignalsDigest {

  private SignalsDigest() {}

  static String of(Signals s, Collection<String> customers) {
    StringBuilder out = new StringBuilder();
    out.append("bestsellers ").append(ids(s, s.bestsellers())).append('\n');
    out.append("new arrivals ").append(ids(s, s.newArrivals())).append('\n');
    TreeMap<String, String> scopes = new TreeMap<>();
    for (int c = 0; c < s.categoryCount(); c++) {
      scopes.put("category " + s.categoryId(c), ids(s, s.categoryBestsellers(c)));
    }
    for (int p = 0; p < s.productCount(); p++) {
      int m = s.productManufacturer(p);
      if (m >= 0) {
        scopes.put("manufacturer " + s.manufacturerName(m), ids(s, s.manufacturerBestsellers(m)));
      }
    }
    scopes.forEach((k, v) -> out.append(k).append(' ').append(v).append('\n'));
    for (String customer : new java.util.TreeSet<>(customers)) {
      PurchaseHistory h = s.purchases(customer);
      out.append("customer ").append(customer).append(" orders ").append(h.orderCount());
      out.append(" last ").append(h.lastOrderEpochSecond()).append(" [");
      // most recent first, as the history keeps them; products bought at the same time in the
      // order of their ids (the history does not define their order)
      TreeMap<String, String> lines = new TreeMap<>();
      for (int i = 0; i < h.size(); i++) {
        lines.put(
            String.format(
                Locale.ROOT,
                "%020d %s",
                Long.MAX_VALUE - h.lastBoughtEpochSecond(i),
                s.productId(h.product(i))),
            String.format(
                Locale.ROOT,
                " %s x%d @%d",
                s.productId(h.product(i)),
                h.quantity(i),
                h.lastBoughtEpochSecond(i)));
      }
      lines.values().forEach(out::append);
      out.append(" ]\n");
    }
    TreeMap<String, String> products = new TreeMap<>();
    CoPurchaseIndex co = s.coPurchase();
    for (int p = 0; p < s.productCount(); p++) {
      StringBuilder pairs = new StringBuilder();
      TreeMap<String, Integer> counts = new TreeMap<>();
      for (int q = 0; q < s.productCount(); q++) {
        if (q != p && co.coCount(p, q) != 0) {
          counts.put(s.productId(q), co.coCount(p, q));
        }
      }
      pairs.append(counts);
      products.put(
          s.productId(p),
          s.productName(p)
              + " in "
              + categories(s, p)
              + " by "
              + (s.productManufacturer(p) < 0 ? "-" : s.manufacturerName(s.productManufacturer(p)))
              + " interval "
              + s.repurchaseIntervalDays(p)
              + " orders "
              + co.orderCount(p)
              + " with "
              + pairs);
    }
    products.forEach((k, v) -> out.append("product ").append(k).append(' ').append(v).append('\n'));
    return out.toString();
  }

  private static String categories(Signals s, int product) {
    TreeMap<String, Boolean> in = new TreeMap<>();
    for (int c = 0; c < s.categoryCount(); c++) {
      if (s.isInCategory(product, c)) {
        in.put(s.categoryId(c), true);
      }
    }
    return in.keySet().toString();
  }

  private static String ids(Signals s, int[] products) {
    StringBuilder b = new StringBuilder("[");
    for (int p : products) {
      b.append(' ').append(s.productId(p));
    }
    return b.append(" ]").toString();
  }
}
