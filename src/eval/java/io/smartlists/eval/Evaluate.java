package io.smartlists.eval;

import java.io.IOException;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

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
 * --json}, {@code --protocol basket|next|all} (all), {@code --ease auto|on|off} (auto: on when the
 * dense model fits in the heap, {@link #EASE_AUTO_MAX_PRODUCTS} products at most), {@code --threads
 * N} (the available processors), {@code --references on|off} (on; off runs SMART_CROSS_SELLING
 * alone, for a quick look at the engine's model). Progress, times and the peak heap go to stderr.
 */
public final class Evaluate {

  static final int DEFAULT_K = 10;
  static final long DEFAULT_SEED = 42;

  /** EASE's dense float32 model: 20,000 products take 1.6 GB (-Xmx8g in the eval profile). */
  static final int EASE_AUTO_MAX_PRODUCTS = 25_000;

  private Evaluate() {}

  /** Parsed command line. */
  record Options(
      List<Path> files,
      int k,
      long seed,
      boolean json,
      boolean basket,
      boolean next,
      String ease,
      int threads,
      boolean references) {

    static Options parse(String[] args) {
      List<Path> files = new ArrayList<>();
      int k = DEFAULT_K;
      long seed = DEFAULT_SEED;
      boolean json = false;
      String protocol = "all";
      String ease = "auto";
      int threads = Runtime.getRuntime().availableProcessors();
      boolean references = true;
      for (int a = 0; a < args.length; a++) {
        switch (args[a]) {
          case "--file" -> files.add(Path.of(value(args, ++a, "--file")));
          case "--k" -> k = Integer.parseInt(value(args, ++a, "--k"));
          case "--seed" -> seed = Long.parseLong(value(args, ++a, "--seed"));
          case "--json" -> json = true;
          case "--protocol" -> protocol = value(args, ++a, "--protocol");
          case "--ease" -> ease = value(args, ++a, "--ease");
          case "--threads" -> threads = Integer.parseInt(value(args, ++a, "--threads"));
          case "--references" -> {
            String v = value(args, ++a, "--references");
            if (!List.of("on", "off").contains(v)) {
              throw new IllegalArgumentException("--references must be on or off");
            }
            references = v.equals("on");
          }
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
      if (threads <= 0) {
        throw new IllegalArgumentException("--threads must be positive");
      }
      return new Options(
          files,
          k,
          seed,
          json,
          !protocol.equals("next"),
          !protocol.equals("basket"),
          ease,
          threads,
          references);
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
          + "[--seed 42] [--protocol basket|next|all] [--ease auto|on|off] [--threads N] [--references on|off] [--json]";

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
        long t0 = System.nanoTime();
        List<OrderCsv.Row> rows = OrderCsv.read(file);
        Dataset data = Dataset.of(file.toString(), rows);
        progress(
            "%s: read %d lines, %d orders, %d products in %d ms",
            file, rows.size(), data.orderCount(), data.productCount(), millis(t0));
        reports.add(run(data, rows, options));
        progress("%s: done in %d ms, peak heap %d MB", file, millis(t0), peakHeapMegabytes());
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
      int[] drawnAt = BasketCompletion.drawnPositions(drawn, all);
      List<Recommender> models = models(data, bc.trainOrders, options);
      Report.BasketRow[] results = new Report.BasketRow[models.size()];
      // Models run side by side, each pass on every thread as well: the engine's build is single
      // threaded and the longest fit, so the references' passes use the other core meanwhile
      // (perf: the 22,000-order timing file, EVALUATION.md).
      AtomicInteger nextModel = new AtomicInteger();
      AtomicInteger done = new AtomicInteger();
      long start = System.nanoTime();
      BasketCompletion.runOn(
          Math.min(options.threads(), models.size()),
          () -> {
            for (int x = nextModel.getAndIncrement();
                x < models.size();
                x = nextModel.getAndIncrement()) {
              Recommender model = models.get(x);
              long t0 = System.nanoTime();
              model.fit(data, bc.trainOrders, bc.customerHistory);
              long fitMillis = millis(t0);
              long t1 = System.nanoTime();
              BasketCompletion.Metrics[] both =
                  BasketCompletion.runBoth(
                      model, all, drawnAt, options.k(), data.productCount(), options.threads());
              model.release();
              if (!model.fitted().isEmpty()) {
                progress("%s: %s: %s", data.source, model.name(), model.fitted());
              }
              progress(
                  "%s: [%d/%d, %d s, heap %d MB] %s fit %d ms, drawn and expected %d ms: HR@%d"
                      + " %s, expected %s",
                  data.source,
                  done.incrementAndGet(),
                  models.size(),
                  millis(start) / 1000,
                  usedHeap() >> 20,
                  model.name(),
                  fitMillis,
                  millis(t1),
                  options.k(),
                  f3(both[0].hitRate()),
                  f3(both[1].hitRate()));
              results[x] =
                  new Report.BasketRow(model.name(), both[0], both[1], fitMillis, model.fitted());
            }
          });
      Map<String, List<Report.BasketRow>> families = new LinkedHashMap<>();
      for (int x = 0; x < results.length; x++) {
        families.computeIfAbsent(models.get(x).family(), f -> new ArrayList<>()).add(results[x]);
      }
      for (List<Report.BasketRow> variants : families.values()) {
        report.basket.add(best(variants));
      }
    }
    if (options.next() && data.hasTimes && data.customerCount > 0) {
      long t0 = System.nanoTime();
      report.next.addAll(NextOrder.run(data, rows, options.k()));
      progress("%s: next order in %d ms", data.source, millis(t0));
    }
    return report;
  }

  /**
   * A family's best variant by the expected HR@K on the test orders (the first on ties), with the
   * whole grid in its note: the references are reported at the strength of their best setting,
   * which no store could choose without the test orders, so they are an upper bound for each.
   */
  static Report.BasketRow best(List<Report.BasketRow> variants) {
    if (variants.size() == 1) {
      return variants.get(0);
    }
    Report.BasketRow best = variants.get(0);
    StringBuilder grid = new StringBuilder(GRID);
    for (Report.BasketRow v : variants) {
      if (v.expected().hitRate() > best.expected().hitRate()) {
        best = v;
      }
      grid.append(grid.length() > GRID.length() ? ", " : "")
          .append(v.model())
          .append(' ')
          .append(f3(v.expected().hitRate()));
    }
    grid.append(" (expected HR on the test orders)");
    return new Report.BasketRow(
        best.model(), best.drawn(), best.expected(), best.fitMillis(), grid.toString());
  }

  /** How the note of a reference reported at its best setting begins. */
  static final String GRID = "best of ";

  static List<Recommender> models(Dataset data, int[] trainOrders, Options options) {
    List<Recommender> models = new ArrayList<>();
    models.add(new SmartCrossSellingModel());
    if (!options.references()) {
      return models; // SMART_CROSS_SELLING alone
    }
    models.add(new Baselines.Popularity());
    models.add(new Baselines.CoPurchaseCounts());
    models.add(new Baselines.ItemCosine());
    for (double alpha : Baselines.AsymmetricCosine.ALPHAS) {
      models.add(new Baselines.AsymmetricCosine(alpha));
    }
    int live = Baselines.Ease.liveProducts(data, trainOrders);
    // the dense model, LAPACK's work and what the run already holds must fit in the heap
    long room = Runtime.getRuntime().maxMemory() - usedHeap() - 256L * 1024 * 1024;
    boolean fits = Baselines.Ease.bytes(live) * 5 / 4 < room && live <= 46_000;
    boolean ease =
        switch (options.ease()) {
          case "on" -> true;
          case "off" -> false;
          default -> fits && live <= EASE_AUTO_MAX_PRODUCTS;
        };
    if (ease) {
      progress(
          "%s: EASE over %d products, %d MB per model, LAPACK %s",
          data.source, live, Baselines.Ease.bytes(live) >> 20, Baselines.Ease.lapack());
      for (double lambda : Baselines.Ease.LAMBDAS) {
        models.add(new Baselines.Ease(lambda));
      }
    } else if (!options.ease().equals("off")) {
      progress(
          "%s: EASE off: %d products need %d MB, the heap has %d MB free (java -Xmx)",
          data.source, live, Baselines.Ease.bytes(live) >> 20, room >> 20);
    }
    return models;
  }

  static void progress(String format, Object... args) {
    System.err.println(String.format(Locale.ROOT, format, args));
  }

  static long millis(long startNanos) {
    return (System.nanoTime() - startNanos) / 1_000_000;
  }

  static long usedHeap() {
    Runtime r = Runtime.getRuntime();
    return r.totalMemory() - r.freeMemory();
  }

  /** The largest heap the run has used so far, in MB (the sum of the heap pools' peaks). */
  static long peakHeapMegabytes() {
    long peak = 0;
    for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
      if (pool.getType() == MemoryType.HEAP && pool.getPeakUsage() != null) {
        peak += pool.getPeakUsage().getUsed();
      }
    }
    return peak >> 20;
  }

  static String f3(double v) {
    return String.format(Locale.ROOT, "%.3f", v);
  }

  static String f4(double v) {
    return String.format(Locale.ROOT, "%.4f", v);
  }
}
