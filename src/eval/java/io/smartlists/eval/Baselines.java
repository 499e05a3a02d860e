package io.smartlists.eval;

import dev.ludovic.netlib.lapack.LAPACK;
import java.util.Arrays;
import java.util.Locale;
import org.netlib.util.intW;

/**
 * The references a merchant would otherwise use: popularity, raw co-purchase counts (OFBiz's
 * ALSO_BOUGHT and most platform modules), item-to-item cosine, asymmetric cosine (Aiolli 2013) and
 * EASE (Steck, "Embarrassingly Shallow Autoencoders", WWW 2019). Each ranks every product as a
 * dense score vector sorted best first with ties (zero scores included) in order of first
 * appearance in the file, as the reference figures of {@code /work/shared/data/README.md} were
 * computed: a product with no association to the cart ranks after every associated one, in file
 * order, not by popularity (see EVALUATION.md).
 */
final class Baselines {

  private Baselines() {}

  /** Training statistics shared by the baselines: order counts and all co-purchase pairs (CSR). */
  static final class Counts {
    final int[] count;
    final int[] byPopularity;
    final int[] rowStart;
    final int[] neighbour;
    final int[] together;

    private static Dataset cachedData;
    private static int[] cachedTrain;
    private static Counts cached;

    /** The counts of these training orders, computed once for every model of a run. */
    static synchronized Counts of(Dataset data, int[] trainOrders) {
      if (cached == null || cachedData != data || cachedTrain != trainOrders) {
        cached = null;
        cached = new Counts(data, trainOrders);
        cachedData = data;
        cachedTrain = trainOrders;
      }
      return cached;
    }

    Counts(Dataset data, int[] trainOrders) {
      int n = data.productCount();
      count = new int[n];
      long[] degree = new long[n + 1];
      for (int o : trainOrders) {
        int[] ps = data.orders[o];
        for (int p : ps) {
          count[p]++;
          degree[p + 1] += ps.length - 1;
        }
      }
      Integer[] idx = new Integer[n];
      for (int p = 0; p < n; p++) {
        idx[p] = p;
      }
      Arrays.sort(
          idx,
          (a, b) ->
              count[a] != count[b] ? Integer.compare(count[b], count[a]) : Integer.compare(a, b));
      byPopularity = new int[n];
      for (int p = 0; p < n; p++) {
        byPopularity[p] = idx[p];
      }
      // sort-based pair counting, one product's row at a time
      int[][] raw = new int[n][];
      int[] fill = new int[n];
      for (int p = 0; p < n; p++) {
        raw[p] = new int[(int) degree[p + 1]];
      }
      for (int o : trainOrders) {
        int[] ps = data.orders[o];
        for (int a : ps) {
          for (int b : ps) {
            if (a != b) {
              raw[a][fill[a]++] = b;
            }
          }
        }
      }
      rowStart = new int[n + 1];
      int[] nb = new int[16];
      int[] tg = new int[16];
      int m = 0;
      for (int p = 0; p < n; p++) {
        int[] r = raw[p];
        Arrays.sort(r);
        for (int x = 0; x < r.length; ) {
          int y = x;
          while (y < r.length && r[y] == r[x]) {
            y++;
          }
          if (m == nb.length) {
            nb = Arrays.copyOf(nb, m * 2);
            tg = Arrays.copyOf(tg, m * 2);
          }
          nb[m] = r[x];
          tg[m] = y - x;
          m++;
          x = y;
        }
        raw[p] = null;
        rowStart[p + 1] = m;
      }
      neighbour = Arrays.copyOf(nb, m);
      together = Arrays.copyOf(tg, m);
    }
  }

  /**
   * Ranks for one thread the products whose score is a sum over the context of a row of weights:
   * best first by score, ties by index (first appearance in the file), then every product no
   * context row reaches, in index order. A product's {@code support} counts the context rows that
   * reach it, so an order can be scored once and each product hidden in turn by taking its row out
   * and back in ({@link #recommendEachHidden}) instead of rescoring every cart.
   */
  abstract static class LinearRanker implements Recommender.Ranker {
    final double[] score;
    final int[] support;
    final boolean[] excluded;
    final boolean[] listed;
    final int[] touched;
    int touchedCount;

    LinearRanker(int n) {
      score = new double[n];
      support = new int[n];
      excluded = new boolean[n];
      listed = new boolean[n];
      touched = new int[n];
    }

    /** Adds {@code sign} (+1 or -1) times context product {@code i}'s row with {@link #add}. */
    abstract void row(int i, int sign);

    final void add(int j, double weight, int sign) {
      if (!listed[j]) {
        listed[j] = true;
        touched[touchedCount++] = j;
      }
      int s = support[j] + sign;
      support[j] = s;
      score[j] = s == 0 ? 0 : score[j] + sign * weight; // no rounding residue once unreached
    }

    @Override
    public int recommend(int[] context, int[] history, int k, int[] out) {
      for (int p : context) {
        excluded[p] = true;
      }
      for (int p : context) {
        row(p, 1);
      }
      int m = top(k, out);
      clear(context);
      return m;
    }

    @Override
    public void recommendEachHidden(int[] order, int[] history, int k, int[][] out, int[] written) {
      for (int p : order) {
        excluded[p] = true;
      }
      for (int p : order) {
        row(p, 1);
      }
      for (int h = 0; h < order.length; h++) {
        int hidden = order[h];
        row(hidden, -1);
        excluded[hidden] = false;
        written[h] = top(k, out[h]);
        excluded[hidden] = true;
        row(hidden, 1);
      }
      clear(order);
    }

    private void clear(int[] context) {
      for (int x = 0; x < touchedCount; x++) {
        int j = touched[x];
        score[j] = 0;
        support[j] = 0;
        listed[j] = false;
      }
      touchedCount = 0;
      for (int p : context) {
        excluded[p] = false;
      }
    }

    private int top(int k, int[] out) {
      int m = 0;
      for (int x = 0; x < touchedCount; x++) {
        int j = touched[x];
        if (excluded[j] || support[j] == 0) {
          continue;
        }
        if (m == k && !better(j, out[k - 1])) {
          continue;
        }
        int pos = m < k ? m++ : k - 1;
        while (pos > 0 && better(j, out[pos - 1])) {
          out[pos] = out[pos - 1];
          pos--;
        }
        out[pos] = j;
      }
      for (int p = 0; p < score.length && m < k; p++) {
        if (!excluded[p] && support[p] == 0) {
          out[m++] = p;
        }
      }
      return m;
    }

    private boolean better(int a, int b) {
      return score[a] > score[b] || (score[a] == score[b] && a < b);
    }
  }

  /** The bestsellers of the training period (orders containing the product). */
  static final class Popularity implements Recommender {
    private Counts counts;
    private int n;

    @Override
    public String name() {
      return "popularity";
    }

    @Override
    public void fit(Dataset data, int[] trainOrders, int[][] customerHistory) {
      counts = Counts.of(data, trainOrders);
      n = data.productCount();
    }

    @Override
    public Recommender.Ranker ranker() {
      boolean[] excluded = new boolean[n];
      boolean[] chosen = new boolean[n];
      Counts c = counts;
      return (context, history, k, out) -> {
        for (int p : context) {
          excluded[p] = true;
        }
        int m = 0;
        for (int x = 0; x < c.byPopularity.length && m < k; x++) {
          int p = c.byPopularity[x];
          if (c.count[p] == 0) {
            break;
          }
          if (!excluded[p]) {
            chosen[p] = true;
            out[m++] = p;
          }
        }
        for (int p = 0; p < n && m < k; p++) { // unsold products, in file order
          if (!excluded[p] && !chosen[p]) {
            out[m++] = p;
          }
        }
        for (int x = 0; x < m; x++) {
          chosen[out[x]] = false;
        }
        for (int p : context) {
          excluded[p] = false;
        }
        return m;
      };
    }
  }

  /** A sum over the context of a weight per co-purchase pair (the counts' sparse rows). */
  abstract static class PairWeights implements Recommender {
    Counts counts;
    double[] weight;
    int n;

    @Override
    public void fit(Dataset data, int[] trainOrders, int[][] customerHistory) {
      counts = Counts.of(data, trainOrders);
      n = data.productCount();
      Counts c = counts;
      weight = new double[c.neighbour.length];
      for (int i = 0; i < n; i++) {
        for (int x = c.rowStart[i]; x < c.rowStart[i + 1]; x++) {
          weight[x] = weight(c.together[x], c.count[i], c.count[c.neighbour[x]]);
        }
      }
    }

    /** The weight of pair (i, j) bought together {@code together} times, i in the context. */
    abstract double weight(int together, int countI, int countJ);

    @Override
    public void release() {
      weight = null;
    }

    @Override
    public Recommender.Ranker ranker() {
      Counts c = counts;
      double[] w = weight;
      return new LinearRanker(n) {
        @Override
        void row(int i, int sign) {
          for (int x = c.rowStart[i]; x < c.rowStart[i + 1]; x++) {
            add(c.neighbour[x], w[x], sign);
          }
        }
      };
    }
  }

  /** Sum over the context of the raw number of orders containing both. */
  static final class CoPurchaseCounts extends PairWeights {
    @Override
    public String name() {
      return "raw co-purchase counts";
    }

    @Override
    double weight(int together, int countI, int countJ) {
      return together;
    }
  }

  /** Sum over the context of {@code co(i,j) / sqrt(count(i) count(j))}. */
  static final class ItemCosine extends PairWeights {
    @Override
    public String name() {
      return "item cosine";
    }

    @Override
    double weight(int together, int countI, int countJ) {
      return together / Math.sqrt((double) countI * countJ);
    }
  }

  /**
   * Asymmetric cosine (Aiolli, RecSys Challenge 2013): sum over the context of {@code co(i,j) /
   * (count(i)^α count(j)^(1-α))}; α = 0.5 is the cosine, α = 1 the conditional probability of j
   * given i. Evaluated over {@link #ALPHAS}, the best reported.
   */
  static final class AsymmetricCosine extends PairWeights {
    static final double[] ALPHAS = {0.6, 0.7, 0.8, 0.9, 1.0};
    private final double alpha;

    AsymmetricCosine(double alpha) {
      this.alpha = alpha;
    }

    @Override
    public String name() {
      return "asym. cosine (α=" + num(alpha) + ")";
    }

    @Override
    public String family() {
      return "asymmetric cosine";
    }

    @Override
    double weight(int together, int countI, int countJ) {
      return together / (Math.pow(countI, alpha) * Math.pow(countJ, 1 - alpha));
    }
  }

  static String num(double v) {
    return v == Math.rint(v) ? Long.toString((long) v) : String.format(Locale.ROOT, "%s", v);
  }

  /**
   * EASE: {@code B = I - P diagMat(1/diag(P))}, {@code P = (XᵀX + λI)⁻¹}, dense in float32 over the
   * products of the training orders, inverted by LAPACK's Cholesky ({@code spotrf}, {@code spotri};
   * native BLAS when the machine has one, e.g. Debian's {@code libopenblas0-pthread}, else the
   * library's Java fallback). Evaluated over {@link #LAMBDAS}, the best reported.
   */
  static final class Ease implements Recommender {
    static final double[] LAMBDAS = {50, 200, 500};
    private final double lambda;
    private int n;
    private int m;
    private int[] dense;
    private int[] back;
    private float[] weights;

    Ease(double lambda) {
      this.lambda = lambda;
    }

    /** Bytes the dense model of this many products takes. */
    static long bytes(int products) {
      return 4L * products * products;
    }

    /** The products of the training orders (those EASE is dense over). */
    static int liveProducts(Dataset data, int[] trainOrders) {
      int live = 0;
      for (int c : Counts.of(data, trainOrders).count) {
        live += c > 0 ? 1 : 0;
      }
      return live;
    }

    @Override
    public String name() {
      return "EASE (λ=" + num(lambda) + ")";
    }

    @Override
    public String family() {
      return "EASE";
    }

    @Override
    public void fit(Dataset data, int[] trainOrders, int[][] customerHistory) {
      Counts counts = Counts.of(data, trainOrders);
      n = data.productCount();
      dense = new int[n];
      Arrays.fill(dense, -1);
      back = new int[n];
      int live = 0;
      for (int p = 0; p < n; p++) {
        if (counts.count[p] > 0) {
          back[live] = p;
          dense[p] = live++;
        }
      }
      m = live;
      back = Arrays.copyOf(back, m);
      float[] a = new float[Math.multiplyExact(m, m)];
      for (int p = 0; p < n; p++) {
        int r = dense[p];
        if (r < 0) {
          continue;
        }
        long base = (long) r * m;
        a[(int) (base + r)] = (float) (counts.count[p] + lambda);
        for (int x = counts.rowStart[p]; x < counts.rowStart[p + 1]; x++) {
          a[(int) (base + dense[counts.neighbour[x]])] = counts.together[x];
        }
      }
      weights = weightsFromGram(a, m);
    }

    /**
     * EASE's weights from the Gram matrix plus λI ({@code m × m}, row-major, overwritten and
     * returned): {@code B = -P / diag(P)} with a zero diagonal, {@code P} its inverse.
     */
    static float[] weightsFromGram(float[] a, int m) {
      // symmetric, so row-major is column-major: "L" is the row-major upper triangle
      LAPACK lapack = LAPACK.getInstance();
      intW info = new intW(0);
      lapack.spotrf("L", m, a, m, info);
      if (info.val != 0) {
        throw new IllegalStateException("EASE: Cholesky failed, info " + info.val);
      }
      lapack.spotri("L", m, a, m, info);
      if (info.val != 0) {
        throw new IllegalStateException("EASE: inverse failed, info " + info.val);
      }
      // P is in the row-major upper triangle; mirror it, then B = -P / diag(P), zero diagonal
      int tile = 64;
      for (int r0 = 0; r0 < m; r0 += tile) {
        for (int c0 = 0; c0 <= r0; c0 += tile) {
          for (int r = r0; r < Math.min(m, r0 + tile); r++) {
            long rb = (long) r * m;
            for (int c = c0; c < Math.min(r, c0 + tile); c++) {
              a[(int) (rb + c)] = a[(int) ((long) c * m + r)];
            }
          }
        }
      }
      float[] diag = new float[m];
      for (int c = 0; c < m; c++) {
        diag[c] = a[(int) ((long) c * m + c)];
      }
      for (int r = 0; r < m; r++) {
        long rb = (long) r * m;
        for (int c = 0; c < m; c++) {
          a[(int) (rb + c)] = r == c ? 0f : -a[(int) (rb + c)] / diag[c];
        }
      }
      return a;
    }

    /** Which LAPACK implementation inverts (native or the Java fallback), for the report. */
    static String lapack() {
      return LAPACK.getInstance().getClass().getSimpleName();
    }

    @Override
    public void release() {
      weights = null;
    }

    @Override
    public Recommender.Ranker ranker() {
      float[] b = weights;
      int[] d = dense;
      int[] bk = back;
      int size = m;
      return new LinearRanker(n) {
        @Override
        void row(int i, int sign) {
          int r = d[i];
          if (r < 0) {
            return;
          }
          int base = r * size;
          for (int c = 0; c < size; c++) {
            float w = b[base + c];
            if (w != 0f) {
              add(bk[c], w, sign);
            }
          }
        }
      };
    }
  }
}
