package io.smartlists.eval;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.commons.rng.core.source32.MersenneTwister;

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

  /** Every product of every eligible test order hidden in turn, weighted 1/len per order. */
  List<Case> exhaustive() {
    List<Case> cases = new ArrayList<>();
    for (int o : testOrders) {
      int[] ps = data.orders[o];
      if (ps.length < 2) {
        continue;
      }
      for (int h = 0; h < ps.length; h++) {
        cases.add(new Case(o, ps[h], without(ps, h), history(o), 1.0 / ps.length));
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

  /** Runs one trained model over the cases. */
  static Metrics run(Recommender model, List<Case> cases, int k, int productCount) {
    int[] out = new int[k];
    boolean[] shown = new boolean[productCount];
    boolean[] hit = new boolean[cases.size()];
    double hits = 0;
    double rr = 0;
    double weight = 0;
    int distinctShown = 0;
    for (int x = 0; x < hit.length; x++) {
      Case c = cases.get(x);
      int m = model.recommend(c.cart(), c.history(), k, out);
      for (int r = 0; r < m; r++) {
        if (!shown[out[r]]) { // the whole top k is shown, also what ranks below a hit
          shown[out[r]] = true;
          distinctShown++;
        }
        if (out[r] == c.hidden() && !hit[x]) {
          hit[x] = true;
          hits += c.weight();
          rr += c.weight() / (r + 1);
        }
      }
      weight += c.weight();
    }
    return new Metrics(
        model.name(),
        weight == 0 ? 0 : hits / weight,
        weight == 0 ? 0 : rr / weight,
        productCount == 0 ? 0 : (double) distinctShown / productCount,
        orders(cases),
        drawDeviation(cases, hit));
  }

  private static int orders(List<Case> cases) {
    int orders = 0;
    int last = -1;
    for (Case c : cases) {
      if (c.order() != last) {
        orders++;
        last = c.order();
      }
    }
    return orders;
  }

  /**
   * The standard deviation of the HR of one seeded draw around the expectation, from each test
   * order's chance {@code p} of a hit: {@code sqrt(sum p(1-p)) / orders}. Meaningful for the
   * exhaustive cases (every product hidden in turn).
   */
  private static double drawDeviation(List<Case> cases, boolean[] hit) {
    double var = 0;
    int orders = 0;
    int x = 0;
    while (x < cases.size()) {
      int order = cases.get(x).order();
      double p = 0;
      while (x < cases.size() && cases.get(x).order() == order) {
        p += hit[x] ? cases.get(x).weight() : 0;
        x++;
      }
      var += p * (1 - p);
      orders++;
    }
    return orders == 0 ? 0 : Math.sqrt(var) / orders;
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
