package io.smartlists.eval;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.commons.rng.core.source32.MersenneTwister;
import org.jspecify.annotations.Nullable;

/**
 * Protocol "basket completion" of {@code /work/shared/data/README.md}: the orders in split order
 * ({@link Dataset#splitOrder()}), the last {@code floor(0.2 n)} tested, the rest trained on. Every
 * test order with at least two distinct products is a test case: one product is hidden, drawn once
 * per test case in split order as Python's {@code random.Random(seed).choice(sorted( product_ids))}
 * would draw it (the generator of the reference figures: MT19937 seeded by {@code init_by_array},
 * {@code _randbelow} by rejection of {@code getrandbits}); the others are the cart, in order of
 * first appearance. A hit when the hidden product is in the top {@code k}, the cart excluded.
 *
 * <p>Because a single draw moves HR@10 by about ±0.01 (one standard deviation on these files), the
 * protocol also reports the expected value over the draw: every product of each test order hidden
 * in turn, weighted {@code 1/len}, which no seed can move.
 */
final class BasketCompletion {

  /** One test case: the hidden product and the cart. */
  record Case(int order, int hidden, int[] cart, int[] history, double weight) {}

  final Dataset data;
  final int[] trainOrders;
  final int[] testOrders;
  final int[][] customerHistory;

  BasketCompletion(Dataset data) {
    this.data = data;
    int[] split = data.splitOrder();
    int test = data.testCount();
    trainOrders = Arrays.copyOf(split, split.length - test);
    testOrders = Arrays.copyOfRange(split, split.length - test, split.length);
    customerHistory = histories(data, trainOrders);
  }

  /** Each customer's distinct products in the given orders, most recently bought first. */
  static int[][] histories(Dataset data, int[] ordersInTimeOrder) {
    List<List<Integer>> h = new ArrayList<>();
    for (int c = 0; c < data.customerCount; c++) {
      h.add(new ArrayList<>());
    }
    for (int x = ordersInTimeOrder.length - 1; x >= 0; x--) {
      int o = ordersInTimeOrder[x];
      int c = data.customers[o];
      if (c < 0) {
        continue;
      }
      List<Integer> list = h.get(c);
      for (int p : data.orders[o]) {
        if (!list.contains(p)) {
          list.add(p);
        }
      }
    }
    int[][] out = new int[data.customerCount][];
    for (int c = 0; c < out.length; c++) {
      out[c] = h.get(c).stream().mapToInt(Integer::intValue).toArray();
    }
    return out;
  }

  /** The seeded draw: one case per eligible test order. */
  List<Case> drawn(long seed) {
    PythonRandom rng = new PythonRandom(seed);
    List<Case> cases = new ArrayList<>();
    for (int o : testOrders) {
      int[] ps = data.orders[o];
      if (ps.length < 2) {
        continue;
      }
      String[] ids = new String[ps.length];
      for (int x = 0; x < ps.length; x++) {
        ids[x] = data.productIds[ps[x]];
      }
      Arrays.sort(ids); // Python's sorted(): by code point, the same as String order for ids
      String chosen = ids[rng.randbelow(ps.length)];
      int hidden = 0;
      while (!data.productIds[ps[hidden]].equals(chosen)) {
        hidden++;
      }
      cases.add(new Case(o, ps[hidden], without(ps, hidden), history(o), 1.0));
    }
    return cases;
  }

  /**
   * Python's {@code random.Random(seed)} for a non-negative integer seed: MT19937 seeded with
   * {@code init_by_array} over the seed's 32-bit words (least significant first), and {@code
   * randbelow(n)} as CPython's {@code _randbelow_with_getrandbits}.
   */
  static final class PythonRandom {
    private final MersenneTwister mt;

    PythonRandom(long seed) {
      long abs = Math.abs(seed);
      int[] key =
          (abs >>> 32) == 0 ? new int[] {(int) abs} : new int[] {(int) abs, (int) (abs >>> 32)};
      mt = new MersenneTwister(key);
    }

    /** A uniform integer in [0, n), n &gt; 0. */
    int randbelow(int n) {
      int k = 32 - Integer.numberOfLeadingZeros(n); // n.bit_length()
      int r;
      do {
        r = mt.nextInt() >>> (32 - k); // getrandbits(k)
      } while (r >= n);
      return r;
    }
  }

  /** The eligible test orders (two distinct products or more), each to be hidden in turn. */
  List<Case> exhaustive() {
    List<Case> cases = new ArrayList<>();
    for (int o : testOrders) {
      int[] ps = data.orders[o];
      if (ps.length >= 2) {
        cases.add(new Case(o, -1, ps, history(o), 1.0));
      }
    }
    return cases;
  }

  private int[] history(int order) {
    int c = data.customers[order];
    return c < 0 ? new int[0] : customerHistory[c];
  }

  private static int[] without(int[] ps, int at) {
    int[] cart = new int[ps.length - 1];
    System.arraycopy(ps, 0, cart, 0, at);
    System.arraycopy(ps, at + 1, cart, at, ps.length - at - 1);
    return cart;
  }

  /**
   * Runs one trained model over the drawn cases (one product hidden per order) on {@code threads}
   * threads, each with its own ranker.
   */
  static Metrics run(Recommender model, List<Case> cases, int k, int productCount, int threads) {
    return runBoth(model, cases, null, k, productCount, threads)[0];
  }

  /**
   * The expectation over the draw: every product of each of the {@link #exhaustive()} orders hidden
   * in turn, weighted {@code 1/len} so that each order weighs 1.
   */
  static Metrics runExpected(
      Recommender model, List<Case> orders, int k, int productCount, int threads) {
    return runBoth(model, orders, new int[orders.size()], k, productCount, threads)[1];
  }

  /**
   * Where each drawn case's hidden product sits in its order, for {@link #runBoth}: {@code
   * drawn.get(x)} and {@code orders.get(x)} are the same test order ({@link #drawn} and {@link
   * #exhaustive} take the same orders in the same sequence).
   */
  static int[] drawnPositions(List<Case> drawn, List<Case> orders) {
    if (drawn.size() != orders.size()) {
      throw new IllegalArgumentException("the draw and the orders differ");
    }
    int[] at = new int[drawn.size()];
    for (int x = 0; x < at.length; x++) {
      Case d = drawn.get(x);
      Case o = orders.get(x);
      if (d.order() != o.order()) {
        throw new IllegalArgumentException("the draw and the orders differ at " + x);
      }
      int h = 0;
      while (o.cart()[h] != d.hidden()) {
        h++;
      }
      at[x] = h;
    }
    return at;
  }

  /**
   * Both passes at once: every product of each of the {@link #exhaustive()} {@code orders} hidden
   * in turn (the expectation, {@code [1]}), and, when {@code drawnAt} is given, the seeded draw
   * ({@code [0]}): its hidden product is one of those, at {@code drawnAt[x]} ({@link
   * #drawnPositions}), and its cart the rest of the order in order, so its top {@code k} is the one
   * the expected pass already ranked (perf: the separate drawn pass was a fifth of the command's
   * time). Without {@code drawnAt}, {@code orders} are drawn cases and only {@code [0]} is filled.
   */
  static Metrics[] runBoth(
      Recommender model,
      List<Case> orders,
      int @Nullable [] drawnAt,
      int k,
      int productCount,
      int threads) {
    boolean eachHidden = drawnAt != null;
    int size = orders.size();
    double[] hitShare = new double[size]; // an order's chance of a hit
    double[] rrShare = new double[size];
    double[] drawnHit = new double[size];
    double[] drawnRr = new double[size];
    boolean[][] shown = new boolean[Math.max(1, threads)][productCount];
    boolean[][] shownAll = new boolean[Math.max(1, threads)][productCount];
    AtomicInteger next = new AtomicInteger();
    int chunk = 32;
    Runnable work =
        () -> {
          Recommender.Ranker ranker = model.ranker();
          int slot = threadSlot(threads);
          boolean[] mine = shown[slot];
          boolean[] mineAll = shownAll[slot];
          int[][] out = new int[1][k];
          int[] written = new int[1];
          for (int from = next.getAndAdd(chunk); from < size; from = next.getAndAdd(chunk)) {
            for (int x = from; x < Math.min(size, from + chunk); x++) {
              Case c = orders.get(x);
              int[] hidden;
              int drawnH;
              if (eachHidden) {
                int len = c.cart().length;
                if (out.length < len) {
                  out = new int[len][k];
                  written = new int[len];
                }
                ranker.recommendEachHidden(c.cart(), c.history(), k, out, written);
                hidden = c.cart();
                drawnH = drawnAt[x];
              } else {
                written[0] = ranker.recommend(c.cart(), c.history(), k, out[0]);
                hidden = new int[] {c.hidden()};
                drawnH = 0;
              }
              double hits = 0;
              double rr = 0;
              for (int h = 0; h < hidden.length; h++) {
                int[] top = out[h];
                boolean drawnOne = h == drawnH;
                for (int r = 0; r < written[h]; r++) {
                  // the whole top k is shown, also what ranks below a hit
                  mineAll[top[r]] = true;
                  if (drawnOne) {
                    mine[top[r]] = true;
                  }
                  if (top[r] == hidden[h]) {
                    hits += 1;
                    rr += 1.0 / (r + 1);
                    if (drawnOne) {
                      drawnHit[x] = 1;
                      drawnRr[x] = 1.0 / (r + 1);
                    }
                  }
                }
              }
              hitShare[x] = hits / hidden.length;
              rrShare[x] = rr / hidden.length;
            }
          }
        };
    runOn(threads, work);
    Metrics all = metrics(model.name(), hitShare, rrShare, shownAll, productCount);
    Metrics drawn =
        eachHidden ? metrics(model.name(), drawnHit, drawnRr, shown, productCount) : all;
    return new Metrics[] {drawn, all};
  }

  private static Metrics metrics(
      String model, double[] hitShare, double[] rrShare, boolean[][] shown, int productCount) {
    int size = hitShare.length;
    double hits = 0;
    double rr = 0;
    double var = 0;
    for (int x = 0; x < size; x++) {
      hits += hitShare[x];
      rr += rrShare[x];
      var += hitShare[x] * (1 - hitShare[x]);
    }
    int distinctShown = 0;
    for (int p = 0; p < productCount; p++) {
      for (boolean[] s : shown) {
        if (s[p]) {
          distinctShown++;
          break;
        }
      }
    }
    return new Metrics(
        model,
        size == 0 ? 0 : hits / size,
        size == 0 ? 0 : rr / size,
        productCount == 0 ? 0 : (double) distinctShown / productCount,
        size,
        size == 0 ? 0 : Math.sqrt(var) / size);
  }

  private static final ThreadLocal<Integer> SLOT = new ThreadLocal<>();

  private static int threadSlot(int threads) {
    Integer s = SLOT.get();
    return s == null ? 0 : Math.min(s, Math.max(1, threads) - 1);
  }

  /** Runs {@code work} on {@code threads} threads (the caller's one among them) and waits. */
  static void runOn(int threads, Runnable work) {
    if (threads <= 1) {
      work.run();
      return;
    }
    Thread[] pool = new Thread[threads - 1];
    Throwable[] failure = new Throwable[1];
    for (int t = 0; t < pool.length; t++) {
      int slot = t + 1;
      pool[t] =
          new Thread(
              () -> {
                SLOT.set(slot);
                try {
                  work.run();
                } catch (Throwable e) {
                  synchronized (failure) {
                    failure[0] = e;
                  }
                }
              },
              "eval-" + slot);
      pool[t].start();
    }
    Integer outer = SLOT.get(); // the caller may itself be a worker of an outer runOn
    SLOT.set(0);
    try {
      work.run();
    } finally {
      SLOT.set(outer);
    }
    for (Thread t : pool) {
      try {
        t.join();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException(e);
      }
    }
    synchronized (failure) {
      if (failure[0] != null) {
        throw new IllegalStateException(failure[0]);
      }
    }
  }

  /**
   * One model's figures.
   *
   * @param hitRate share of test cases whose hidden product is in the top k
   * @param mrr mean reciprocal rank of the hidden product (0 when not in the top k)
   * @param coverage share of the catalogue (products in the file) recommended at least once
   * @param cases test cases (test orders with at least two distinct products)
   * @param drawDeviation for the expectation: how far one seeded draw's HR typically lies from it
   */
  record Metrics(
      String model, double hitRate, double mrr, double coverage, int cases, double drawDeviation) {}
}
