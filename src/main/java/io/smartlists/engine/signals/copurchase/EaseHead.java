package io.smartlists.engine.signals.copurchase;

import java.util.Arrays;
import org.ejml.data.FMatrixRMaj;
import org.ejml.dense.row.CommonOps_FDRM;

/**
 * EASE (Steck, "Embarrassingly Shallow Autoencoders", WWW 2019) over the head of the catalogue: the
 * {@link #MAX_HEAD} products at most that appear in most orders. {@code B = I - P diagMat(1 /
 * diag(P))}, {@code P = (XᵀX + λI)⁻¹} over those products, dense in float32, inverted once per
 * build by EJML's Cholesky ({@code CommonOps_FDRM.invertSPD}, plain Java). A context scores the
 * head products by the sum of its head products' rows; products outside the head get nothing from
 * it (the neighbourhood model scores them). Immutable once built: orders applied between builds
 * change the neighbourhood rows, not this matrix.
 */
final class EaseHead {

  /**
   * Head products at most: a cost cap. The inverse is O(m³): about 1 s of CPU at 1,500 on this
   * project's 2-core machine, four per build (three λ on the validation split, one on every order);
   * BENCHMARKS.md has the rebuild it costs. Not tuned on any data.
   */
  static final int MAX_HEAD = 1_500;

  /**
   * The larger head the selection tries where the blend over {@link #MAX_HEAD} is the best family
   * (twice as many products, eight times the inverse: a cost step, not tuned on any data); served
   * only when the validation split shows it wins by more than one standard error.
   */
  static final int LARGE_HEAD = 2 * MAX_HEAD;

  /** Candidates a context takes from EASE into the blend, strongest first. */
  static final int CANDIDATES = 50;

  final int[] head;
  final int[] headOf;
  final float[] weights;
  final float lambda;

  private EaseHead(int[] head, int[] headOf, float[] weights, float lambda) {
    this.head = head;
    this.headOf = headOf;
    this.weights = weights;
    this.lambda = lambda;
  }

  /** The products in the most orders, most first (ties: the smaller index), {@code max} at most. */
  static int[] chooseHead(int[] orderCount, int max) {
    return CoPurchaseBuilder.topByCount(orderCount, max);
  }

  /**
   * The Gram matrix {@code XᵀX} of the orders over the head (row-major {@code m × m}, {@code m =
   * head.length}): entry (a, b) counts the orders containing both head products.
   */
  static float[] gram(int[] head, int n, int[] starts, int[] lines, int orderCount) {
    int m = head.length;
    int[] headOf = headOf(head, n);
    float[] g = new float[Math.multiplyExact(m, m)];
    int[] local = new int[64];
    for (int o = 0; o < orderCount; o++) {
      int len = 0;
      for (int x = starts[o]; x < starts[o + 1]; x++) {
        int p = lines[x];
        int a = p < headOf.length ? headOf[p] : -1;
        if (a >= 0) {
          if (len == local.length) {
            local = Arrays.copyOf(local, len * 2);
          }
          local[len++] = a;
        }
      }
      for (int x = 0; x < len; x++) {
        int base = local[x] * m;
        for (int y = 0; y < len; y++) {
          g[base + local[y]]++;
        }
      }
    }
    return g;
  }

  /**
   * EASE over {@code head} from its Gram matrix (left as it was) with ridge {@code lambda}, for
   * products {@code 0 .. n-1}.
   */
  static EaseHead fit(int[] head, int n, float[] gram, float lambda) {
    int m = head.length;
    FMatrixRMaj a = new FMatrixRMaj(m, m);
    System.arraycopy(gram, 0, a.data, 0, m * m);
    for (int d = 0; d < m; d++) {
      a.data[d * m + d] += lambda;
    }
    FMatrixRMaj p = new FMatrixRMaj(m, m);
    if (m > 0 && !CommonOps_FDRM.invertSPD(a, p)) {
      throw new IllegalStateException("EASE: the Gram matrix plus λI is not positive definite");
    }
    float[] b = p.data;
    float[] diag = new float[m];
    for (int c = 0; c < m; c++) {
      diag[c] = b[c * m + c];
    }
    for (int r = 0; r < m; r++) {
      int rb = r * m;
      for (int c = 0; c < m; c++) {
        b[rb + c] = r == c ? 0f : -b[rb + c] / diag[c];
      }
    }
    return new EaseHead(head, headOf(head, n), b, lambda);
  }

  private static int[] headOf(int[] head, int n) {
    int[] headOf = new int[n];
    Arrays.fill(headOf, -1);
    for (int x = 0; x < head.length; x++) {
      headOf[head[x]] = x;
    }
    return headOf;
  }

  /** Number of head products. */
  int size() {
    return head.length;
  }

  /**
   * Scores the head for this context in the scratch's EASE buffer and keeps its {@link #CANDIDATES}
   * best positive products that the context does not hold ({@code s.easeIds}, {@code s.easeScores},
   * strongest first; {@code s.easeCount} of them), each with the context product that contributed
   * most ({@code s.easeAnchors}). The scratch's excluded products must be marked.
   */
  void candidates(Scratch s, int[] context) {
    int m = head.length;
    float[] dense = s.dense(m);
    Arrays.fill(dense, 0, m, 0f);
    s.easeCount = 0;
    if (sum(context, dense)) {
      select(s, context);
    }
  }

  /**
   * Adds the rows of the head products among {@code products} to {@code into} (length at least
   * {@link #size()}); true when there was one.
   */
  boolean sum(int[] products, float[] into) {
    int m = head.length;
    boolean any = false;
    float[] b = weights;
    for (int p : products) {
      int a = p >= 0 && p < headOf.length ? headOf[p] : -1;
      if (a >= 0) {
        any = true;
        int base = a * m;
        for (int c = 0; c < m; c++) {
          into[c] += b[base + c];
        }
      }
    }
    return any;
  }

  /** As {@link #sum(int[], float[])} in double, so that a row can be taken out again exactly. */
  void sum(int[] products, double[] into) {
    int m = head.length;
    float[] b = weights;
    for (int p : products) {
      int a = p >= 0 && p < headOf.length ? headOf[p] : -1;
      if (a >= 0) {
        int base = a * m;
        for (int c = 0; c < m; c++) {
          into[c] += b[base + c];
        }
      }
    }
  }

  /**
   * As {@link #candidates} for {@code context} = an order without its product {@code hidden}, from
   * {@code orderSum}, the order's {@link #sum(int[], double[])} (perf: the build's validation hides
   * each product of an order in turn; one row is taken out instead of adding up the others again).
   * The same scores but for the last bit of rounding (the sum is kept in double).
   */
  void candidatesWithout(Scratch s, int[] context, double[] orderSum, int hidden) {
    int m = head.length;
    float[] dense = s.dense(m);
    s.easeCount = 0;
    boolean any = false;
    for (int p : context) {
      if (p >= 0 && p < headOf.length && headOf[p] >= 0) {
        any = true;
        break;
      }
    }
    if (!any) {
      return;
    }
    int a = hidden >= 0 && hidden < headOf.length ? headOf[hidden] : -1;
    if (a >= 0) {
      int base = a * m;
      for (int c = 0; c < m; c++) {
        dense[c] = (float) (orderSum[c] - weights[base + c]);
      }
    } else {
      for (int c = 0; c < m; c++) {
        dense[c] = (float) orderSum[c];
      }
    }
    select(s, context);
  }

  /** Keeps the best of the scratch's dense head scores as the EASE candidates. */
  private void select(Scratch s, int[] context) {
    int m = head.length;
    float[] dense = s.dense;
    float[] b = weights;
    int[] ids = s.easeIds;
    float[] scores = s.easeScores;
    int count = 0;
    for (int c = 0; c < m; c++) {
      float v = dense[c];
      if (v <= 0 || (count == CANDIDATES && v <= scores[CANDIDATES - 1])) {
        continue;
      }
      int j = head[c];
      if (s.isExcluded(j)) {
        continue;
      }
      int pos = count < CANDIDATES ? count++ : CANDIDATES - 1;
      while (pos > 0 && v > scores[pos - 1]) {
        scores[pos] = scores[pos - 1];
        ids[pos] = ids[pos - 1];
        pos--;
      }
      scores[pos] = v;
      ids[pos] = j;
    }
    s.easeCount = count;
    for (int x = 0; x < count; x++) {
      int c = headOf[ids[x]];
      int anchor = -1;
      float strongest = 0;
      for (int p : context) {
        int a = p >= 0 && p < headOf.length ? headOf[p] : -1;
        if (a >= 0 && b[a * m + c] > strongest) {
          strongest = b[a * m + c];
          anchor = p;
        }
      }
      s.easeAnchors[x] = anchor;
    }
  }
}
