package io.smartlists.eval;

import java.util.ArrayList;
import java.util.List;

/** One data set's figures, as text for people and as JSON for tools. */
final class Report {

  /** A model's basket-completion figures: the seeded draw and the expectation over the draw. */
  record BasketRow(
      String model,
      BasketCompletion.Metrics drawn,
      BasketCompletion.Metrics expected,
      long fitMillis,
      String fitted) {}

  /**
   * A list's next-order figures.
   *
   * @param hitRate share of customers with at least one product of their next order in the top k
   * @param recall products of the next order found in the top k over min(k, products bought)
   * @param mrr reciprocal rank of the first product bought
   * @param coverage share of the catalogue recommended at least once
   * @param cases customers tested
   */
  record NextRow(
      String list, double hitRate, double recall, double mrr, double coverage, int cases) {}

  final String source;
  final int orders;
  final int products;
  final int customers;
  final boolean hasTimes;
  final int k;
  final long seed;
  final List<BasketRow> basket = new ArrayList<>();
  final List<NextRow> next = new ArrayList<>();

  Report(
      String source, int orders, int products, int customers, boolean hasTimes, int k, long seed) {
    this.source = source;
    this.orders = orders;
    this.products = products;
    this.customers = customers;
    this.hasTimes = hasTimes;
    this.k = k;
    this.seed = seed;
  }

  BasketRow basket(String model) {
    for (BasketRow r : basket) {
      if (r.model().equals(model)) {
        return r;
      }
    }
    throw new IllegalArgumentException("no basket row for " + model);
  }

  NextRow next(String list) {
    for (NextRow r : next) {
      if (r.list().equals(list)) {
        return r;
      }
    }
    throw new IllegalArgumentException("no next-order row for " + list);
  }

  String text() {
    StringBuilder b = new StringBuilder();
    b.append(source)
        .append(": ")
        .append(orders)
        .append(" orders, ")
        .append(products)
        .append(" products, ")
        .append(customers)
        .append(" customers, split by ")
        .append(hasTimes ? "time" : "CRC-32 of order_id")
        .append('\n');
    if (!basket.isEmpty()) {
      b.append(
          String.format(
              "%nbasket completion, K=%d, seed %d (expected = every product hidden" + " in turn)%n",
              k, seed));
      b.append(
          String.format(
              "%-24s %8s %8s %9s %7s %10s %9s %10s %8s%n",
              "model",
              "HR@" + k,
              "MRR@" + k,
              "coverage",
              "cases",
              "exp. HR@" + k,
              "draw sd",
              "exp. MRR",
              "fit ms"));
      for (BasketRow r : basket) {
        b.append(
            String.format(
                "%-24s %8s %8s %9s %7d %10s %9s %10s %8d%n",
                r.model(),
                Evaluate.f3(r.drawn().hitRate()),
                Evaluate.f3(r.drawn().mrr()),
                Evaluate.f3(r.drawn().coverage()),
                r.drawn().cases(),
                Evaluate.f3(r.expected().hitRate()),
                Evaluate.f3(r.expected().drawDeviation()),
                Evaluate.f3(r.expected().mrr()),
                r.fitMillis()));
      }
      for (BasketRow r : basket) {
        if (r.fitted().startsWith(Evaluate.GRID)) {
          b.append(r.model()).append(": ").append(r.fitted()).append('\n');
        } else if (!r.fitted().isEmpty()) {
          b.append(r.model())
              .append(" calibrated on the newest training orders: ")
              .append(r.fitted())
              .append('\n');
        }
      }
    }
    if (!next.isEmpty()) {
      b.append(
          String.format(
              "%nnext order, K=%d (each customer's last order in the test period;"
                  + " context = their earlier orders)%n",
              k));
      b.append(
          String.format(
              "%-52s %8s %9s %8s %9s %7s%n",
              "list", "HR@" + k, "recall@" + k, "MRR@" + k, "coverage", "cases"));
      for (NextRow r : next) {
        b.append(
            String.format(
                "%-52s %8s %9s %8s %9s %7d%n",
                r.list(),
                Evaluate.f3(r.hitRate()),
                Evaluate.f3(r.recall()),
                Evaluate.f3(r.mrr()),
                Evaluate.f3(r.coverage()),
                r.cases()));
      }
    }
    b.append('\n');
    return b.toString();
  }

  static String json(List<Report> reports) {
    StringBuilder b = new StringBuilder("[");
    for (int i = 0; i < reports.size(); i++) {
      if (i > 0) {
        b.append(',');
      }
      reports.get(i).json(b);
    }
    return b.append(']').toString();
  }

  private void json(StringBuilder b) {
    b.append("{\"file\":")
        .append(quote(source))
        .append(",\"orders\":")
        .append(orders)
        .append(",\"products\":")
        .append(products)
        .append(",\"customers\":")
        .append(customers)
        .append(",\"split\":")
        .append(quote(hasTimes ? "time" : "crc32(order_id)"))
        .append(",\"k\":")
        .append(k)
        .append(",\"seed\":")
        .append(seed)
        .append(",\"basketCompletion\":[");
    for (int i = 0; i < basket.size(); i++) {
      BasketRow r = basket.get(i);
      if (i > 0) {
        b.append(',');
      }
      b.append("{\"model\":")
          .append(quote(r.model()))
          .append(",\"hitRate\":")
          .append(Evaluate.f4(r.drawn().hitRate()))
          .append(",\"mrr\":")
          .append(Evaluate.f4(r.drawn().mrr()))
          .append(",\"coverage\":")
          .append(Evaluate.f4(r.drawn().coverage()))
          .append(",\"cases\":")
          .append(r.drawn().cases())
          .append(",\"expectedHitRate\":")
          .append(Evaluate.f4(r.expected().hitRate()))
          .append(",\"expectedMrr\":")
          .append(Evaluate.f4(r.expected().mrr()))
          .append(",\"drawDeviation\":")
          .append(Evaluate.f4(r.expected().drawDeviation()))
          .append(",\"fitMillis\":")
          .append(r.fitMillis());
      if (!r.fitted().isEmpty()) {
        b.append(",\"fitted\":").append(quote(r.fitted()));
      }
      b.append('}');
    }
    b.append("],\"nextOrder\":[");
    for (int i = 0; i < next.size(); i++) {
      NextRow r = next.get(i);
      if (i > 0) {
        b.append(',');
      }
      b.append("{\"list\":")
          .append(quote(r.list()))
          .append(",\"hitRate\":")
          .append(Evaluate.f4(r.hitRate()))
          .append(",\"recall\":")
          .append(Evaluate.f4(r.recall()))
          .append(",\"mrr\":")
          .append(Evaluate.f4(r.mrr()))
          .append(",\"coverage\":")
          .append(Evaluate.f4(r.coverage()))
          .append(",\"cases\":")
          .append(r.cases())
          .append('}');
    }
    b.append("]}");
  }

  static String quote(String s) {
    StringBuilder b = new StringBuilder("\"");
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '"' -> b.append("\\\"");
        case '\\' -> b.append("\\\\");
        case '\n' -> b.append("\\n");
        case '\r' -> b.append("\\r");
        case '\t' -> b.append("\\t");
        default -> {
          if (c < 0x20) {
            b.append(String.format("\\u%04x", (int) c));
          } else {
            b.append(c);
          }
        }
      }
    }
    return b.append('"').toString();
  }
}
