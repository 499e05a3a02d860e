package io.smartlists.eval;

import java.util.Arrays;

/**
 * The references a merchant would otherwise use: popularity, raw co-purchase counts (OFBiz's
 * ALSO_BOUGHT and most platform modules), item-to-item cosine, and EASE (Steck, "Embarrassingly
 * Shallow Autoencoders", WWW 2019). Each ranks every product as a dense score vector sorted best
 * first with ties (zero scores included) in order of first appearance in the file, as the reference
 * figures of {@code /work/shared/data/README.md} were computed: a product with no association to
 * the cart ranks after every associated one, in file order, not by popularity (see EVALUATION.md).
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
   * Best first by score, ties by index (first appearance in the file); then the zero scores in
   * index order, then (only for a catalogue of fewer than {@code k} other products) the negative
   * ones in index order.
   */
  static int top(
      double[] score, int[] touched, int touchedCount, boolean[] excluded, int k, int[] out) {
    int m = 0;
    for (int x = 0; x < touchedCount; x++) {
      int j = touched[x];
      if (excluded[j] || score[j] <= 0) {
        continue;
      }
      if (m == k && !better(j, out[k - 1], score)) {
        continue;
      }
      int pos = m < k ? m++ : k - 1;
      while (pos > 0 && better(j, out[pos - 1], score)) {
        out[pos] = out[pos - 1];
        pos--;
      }
      out[pos] = j;
    }
    for (int p = 0; p < score.length && m < k; p++) {
      if (!excluded[p] && score[p] == 0) {
        out[m++] = p;
      }
    }
    for (int p = 0; p < score.length && m < k; p++) {
      if (!excluded[p] && score[p] < 0) {
        out[m++] = p;
      }
    }
    return m;
  }

  private static boolean better(int a, int b, double[] score) {
    return score[a] > score[b] || (score[a] == score[b] && a < b);
  }

  /** Scoring buffers for one thread (the evaluation is single-threaded). */
  abstract static class Scored implements Recommender {
    Counts counts;
    double[] score;
    boolean[] excluded;
    boolean[] seen;
    int[] touched;
    int touchedCount;

    @Override
    public void fit(Dataset data, int[] trainOrders, int[][] customerHistory) {
      counts = new Counts(data, trainOrders);
      int n = data.productCount();
      score = new double[n];
      excluded = new boolean[n];
      seen = new boolean[n];
      touched = new int[n];
    }

    @Override
    public final int recommend(int[] context, int[] history, int k, int[] out) {
      for (int p : context) {
        excluded[p] = true;
      }
      touchedCount = 0;
      score(context, k);
      int m = top(score, touched, touchedCount, excluded, k, out);
      for (int x = 0; x < touchedCount; x++) {
        score[touched[x]] = 0;
        seen[touched[x]] = false;
      }
      for (int p : context) {
        excluded[p] = false;
      }
      return m;
    }

    final void add(int j, double s) {
      if (!seen[j]) {
        seen[j] = true;
        touched[touchedCount++] = j;
      }
      score[j] += s;
    }

    /**
     * Adds each product's score for this context with {@link #add} (the top {@code k} is asked).
     */
    abstract void score(int[] context, int k);
  }

  /** The bestsellers of the training period (orders containing the product). */
  static final class Popularity extends Scored {
    @Override
    public String name() {
      return "popularity";
    }

    @Override
    void score(int[] context, int k) {
      // the k best not in the context lie among the first k + |context| by popularity
      Counts c = counts;
      int n = Math.min(c.byPopularity.length, k + context.length);
      for (int x = 0; x < n; x++) {
        int p = c.byPopularity[x];
        if (c.count[p] > 0) {
          add(p, c.count[p]);
        }
      }
    }
  }

  /** Sum over the context of the raw number of orders containing both. */
  static final class CoPurchaseCounts extends Scored {
    @Override
    public String name() {
      return "raw co-purchase counts";
    }

    @Override
    void score(int[] context, int k) {
      Counts c = counts;
      for (int i : context) {
        for (int x = c.rowStart[i]; x < c.rowStart[i + 1]; x++) {
          add(c.neighbour[x], c.together[x]);
        }
      }
    }
  }

  /** Sum over the context of {@code co(i,j) / sqrt(count(i) count(j))}. */
  static final class ItemCosine extends Scored {
    @Override
    public String name() {
      return "item cosine";
    }

    @Override
    void score(int[] context, int k) {
      Counts c = counts;
      for (int i : context) {
        for (int x = c.rowStart[i]; x < c.rowStart[i + 1]; x++) {
          int j = c.neighbour[x];
          add(j, c.together[x] / Math.sqrt((double) c.count[i] * c.count[j]));
        }
      }
    }
  }

  /**
   * EASE with λ = 50: {@code B = I - P diagMat(1/diag(P))}, {@code P = (XᵀX + λI)⁻¹}, dense over
   * the products of the training orders (so only for small catalogues).
   */
  static final class Ease extends Scored {
    static final double LAMBDA = 50;
    private int[] dense;
    private float[][] weights;

    @Override
    public String name() {
      return "EASE (λ=50)";
    }

    @Override
    public void fit(Dataset data, int[] trainOrders, int[][] customerHistory) {
      super.fit(data, trainOrders, customerHistory);
      int n = data.productCount();
      dense = new int[n];
      Arrays.fill(dense, -1);
      int m = 0;
      int[] back = new int[n];
      for (int p = 0; p < n; p++) {
        if (counts.count[p] > 0) {
          back[m] = p;
          dense[p] = m++;
        }
      }
      double[][] g = new double[m][m];
      for (int p = 0; p < n; p++) {
        int a = dense[p];
        if (a < 0) {
          continue;
        }
        g[a][a] = counts.count[p] + LAMBDA;
        for (int x = counts.rowStart[p]; x < counts.rowStart[p + 1]; x++) {
          g[a][dense[counts.neighbour[x]]] = counts.together[x];
        }
      }
      double[][] inv = invertSymmetricPositive(g);
      weights = new float[m][m];
      for (int i = 0; i < m; i++) {
        for (int j = 0; j < m; j++) {
          weights[i][j] = i == j ? 0f : (float) (-inv[i][j] / inv[j][j]);
        }
      }
      int[] backTrim = Arrays.copyOf(back, m);
      this.back = backTrim;
    }

    private int[] back;

    @Override
    void score(int[] context, int k) {
      for (int i : context) {
        int a = dense[i];
        if (a < 0) {
          continue;
        }
        float[] row = weights[a];
        for (int b = 0; b < row.length; b++) {
          if (row[b] != 0f) {
            add(back[b], row[b]);
          }
        }
      }
      // EASE scores may be negative: shift touched scores so that the ranking keeps them all
      double min = 0;
      for (int x = 0; x < touchedCount; x++) {
        min = Math.min(min, score[touched[x]]);
      }
      if (min < 0) {
        for (int x = 0; x < touchedCount; x++) {
          score[touched[x]] += -min + 1e-9;
        }
      }
    }

    /** In-place Gauss-Jordan inverse (the Gram matrix plus λI is symmetric positive definite). */
    static double[][] invertSymmetricPositive(double[][] a) {
      int n = a.length;
      double[][] inv = new double[n][n];
      for (int i = 0; i < n; i++) {
        inv[i][i] = 1;
      }
      for (int c = 0; c < n; c++) {
        double pivot = a[c][c];
        double[] ac = a[c];
        double[] ic = inv[c];
        for (int j = 0; j < n; j++) {
          ac[j] /= pivot;
          ic[j] /= pivot;
        }
        for (int r = 0; r < n; r++) {
          if (r == c) {
            continue;
          }
          double f = a[r][c];
          if (f == 0) {
            continue;
          }
          double[] ar = a[r];
          double[] ir = inv[r];
          for (int j = 0; j < n; j++) {
            ar[j] -= f * ac[j];
            ir[j] -= f * ic[j];
          }
        }
      }
      return inv;
    }
  }
}
