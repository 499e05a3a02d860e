package io.smartlists.eval;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The offline evaluation command (EVALUATION.md): reads an order-line CSV file and reports, per
 * list type and per baseline, HR@K, MRR@K, catalogue coverage and test cases for the protocols
 * "basket completion" and "next order".
 *
 * <pre>
 * mvn -q compile exec:java -Dexec.mainClass=io.smartlists.eval.Evaluate \
 *     -Dexec.args="--file src/test/resources/eval/groceries-baskets.csv --k 10"
 * </pre>
 *
 * Options: {@code --file PATH} (repeatable), {@code --k N} (10), {@code --seed N} (42), {@code
 * --json}, {@code --protocol basket|next|all} (all), {@code --ease auto|on|off} (auto: on up to
 * 3,000 products; EASE is a dense model).
 */
public final class Evaluate {

  static final int DEFAULT_K = 10;
  static final long DEFAULT_SEED = 42;
  static final int EASE_AUTO_MAX_PRODUCTS = 3_000;

  private Evaluate() {}

  /** Parsed command line. */
  record Options(
      List<Path> files, int k, long seed, boolean json, boolean basket, boolean next, String ease) {

    static Options parse(String[] args) {
      List<Path> files = new ArrayList<>();
      int k = DEFAULT_K;
      long seed = DEFAULT_SEED;
      boolean json = false;
      String protocol = "all";
      String ease = "auto";
      for (int a = 0; a < args.length; a++) {
        switch (args[a]) {
          case "--file" -> files.add(Path.of(value(args, ++a, "--file")));
          case "--k" -> k = Integer.parseInt(value(args, ++a, "--k"));
          case "--seed" -> seed = Long.parseLong(value(args, ++a, "--seed"));
          case "--json" -> json = true;
          case "--protocol" -> protocol = value(args, ++a, "--protocol");
          case "--ease" -> ease = value(args, ++a, "--ease");
          default -> {
            if (args[a].startsWith("--")) {
              throw new IllegalArgumentException("unknown option " + args[a] + "\n" + USAGE);
            }
            files.add(Path.of(args[a]));
          }
        }
      }
      if (files.isEmpty()) {
        throw new IllegalArgumentException("no input file\n" + USAGE);
      }
      if (k <= 0) {
        throw new IllegalArgumentException("--k must be positive");
      }
      if (!List.of("basket", "next", "all").contains(protocol)) {
        throw new IllegalArgumentException("--protocol must be basket, next or all");
      }
      if (!List.of("auto", "on", "off").contains(ease)) {
        throw new IllegalArgumentException("--ease must be auto, on or off");
      }
      return new Options(
          files, k, seed, json, !protocol.equals("next"), !protocol.equals("basket"), ease);
    }

    private static String value(String[] args, int at, String option) {
      if (at >= args.length) {
        throw new IllegalArgumentException(option + " needs a value\n" + USAGE);
      }
      return args[at];
    }
  }

  static final String USAGE =
      "usage: Evaluate --file orders.csv [--file more.csv] [--k 10] "
          + "[--seed 42] [--protocol basket|next|all] [--ease auto|on|off] [--json]";

  public static void main(String[] args) {
    Options options;
    try {
      options = Options.parse(args);
    } catch (IllegalArgumentException e) {
      System.err.println(e.getMessage());
      System.exit(2);
      return;
    }
    try {
      List<Report> reports = new ArrayList<>();
      for (Path file : options.files()) {
        if (!Files.isRegularFile(file)) {
          throw new IOException(file + ": no such file");
        }
        List<OrderCsv.Row> rows = OrderCsv.read(file);
        reports.add(run(Dataset.of(file.toString(), rows), rows, options));
      }
      PrintStream out = System.out;
      if (options.json()) {
        out.println(Report.json(reports));
      } else {
        for (Report r : reports) {
          out.print(r.text());
        }
      }
    } catch (IOException e) {
      System.err.println("error: " + e.getMessage());
      System.exit(1);
    }
  }

  /** Runs the protocols on one data set. */
  static Report run(Dataset data, List<OrderCsv.Row> rows, Options options) {
    Report report =
        new Report(
            data.source,
            data.orderCount(),
            data.productCount(),
            data.customerCount,
            data.hasTimes,
            options.k(),
            options.seed());
    if (options.basket()) {
      BasketCompletion bc = new BasketCompletion(data);
      List<BasketCompletion.Case> drawn = bc.drawn(options.seed());
      List<BasketCompletion.Case> all = bc.exhaustive();
      for (Recommender model : models(data, options)) {
        long t0 = System.nanoTime();
        model.fit(data, bc.trainOrders, bc.customerHistory);
        long fitMillis = (System.nanoTime() - t0) / 1_000_000;
        BasketCompletion.Metrics d =
            BasketCompletion.run(model, drawn, options.k(), data.productCount());
        BasketCompletion.Metrics e =
            BasketCompletion.run(model, all, options.k(), data.productCount());
        report.basket.add(new Report.BasketRow(model.name(), d, e, fitMillis, model.fitted()));
      }
    }
    if (options.next() && data.hasTimes && data.customerCount > 0) {
      report.next.addAll(NextOrder.run(data, rows, options.k()));
    }
    return report;
  }

  static List<Recommender> models(Dataset data, Options options) {
    List<Recommender> models = new ArrayList<>();
    models.add(new SmartCrossSellingModel());
    models.add(new Baselines.Popularity());
    models.add(new Baselines.CoPurchaseCounts());
    models.add(new Baselines.ItemCosine());
    boolean ease =
        switch (options.ease()) {
          case "on" -> true;
          case "off" -> false;
          default -> data.productCount() <= EASE_AUTO_MAX_PRODUCTS;
        };
    if (ease) {
      models.add(new Baselines.Ease());
    }
    return models;
  }

  static String f3(double v) {
    return String.format(Locale.ROOT, "%.3f", v);
  }

  static String f4(double v) {
    return String.format(Locale.ROOT, "%.4f", v);
  }
}
