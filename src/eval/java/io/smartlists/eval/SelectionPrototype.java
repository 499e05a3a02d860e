package io.smartlists.eval;

import io.smartlists.engine.signals.copurchase.CoPurchaseBuilder;
import io.smartlists.engine.signals.copurchase.CoPurchaseIndex;
import io.smartlists.engine.signals.copurchase.Recommendations;
import java.util.Arrays;
import java.util.Locale;

/**
 * Prototype of issue 13's model selection (Phase B), kept in the evaluation until it moves into the
 * engine's co-purchase package: two candidate families, the engine's popularity-corrected
 * neighbourhood ({@link CoPurchaseIndex}, with its own calibrated popularity prior) and EASE
 * restricted to the {@link #HEAD} products carrying most order lines, blended score by score (each
 * model's top {@link #CANDIDATES} scaled by its best), with EASE's λ and the blend weight chosen on
 * a time-ordered validation split of the <b>training</b> orders alone: fitted on the older 90 %,
 * every product of each of the newest 10 % hidden in turn (HR@10), the best of a small fixed grid
 * kept (the neighbourhood alone first, so that ties keep it), then refitted on every training
 * order. Nothing of the test period is read.
 */
final class SelectionPrototype implements Recommender {

  /** Products EASE is dense over, those carrying most order lines (a cost cap, not tuned). */
  static final int HEAD = 2_500;

  static final double[] LAMBDAS = {50, 200, 500};

  /** EASE's share of the blend: 0 (neighbourhood only) first, 1 = EASE only. */
  static final double[] WEIGHTS = {0, 0.2, 0.35, 0.5, 0.65, 0.8, 1};

  static final int CANDIDATES = 50;
  static final int VALIDATION_CASES = 20_000;
  static final int K = 10;

  private int n;
  private CoPurchaseIndex index;
  private int[] head = new int[0];
  private int[] headOf = new int[0];
  private float[] ease;
  private double lambda;
  private double weight;
  private String note = "";
  private int orders;

  @Override
  public String name() {
    return "prototype: selected blend";
  }

  @Override
  public void fit(Dataset data, int[] trainOrders, int[][] customerHistory) {
    n = data.productCount();
    int[] byTime = byTime(data, trainOrders);
    int cut = byTime.length - byTime.length / 10;
    int[] older = Arrays.copyOf(byTime, cut);
    int[] newest = Arrays.copyOfRange(byTime, cut, byTime.length);
    chooseHead(data, older);
    CoPurchaseIndex trial = engine(data, older);
    float[][] trialEase = new float[LAMBDAS.length][];
    for (int l = 0; l < LAMBDAS.length; l++) {
      trialEase[l] = easeWeights(data, older, LAMBDAS[l]);
    }
    double[][] hits = new double[LAMBDAS.length][WEIGHTS.length];
    int cases = validate(data, newest, trial, trialEase, hits);
    int bestL = 0;
    int bestW = 0;
    for (int l = 0; l < LAMBDAS.length; l++) {
      for (int w = 0; w < WEIGHTS.length; w++) {
        if (hits[l][w] > hits[bestL][bestW]) {
          bestL = l;
          bestW = w;
        }
      }
    }
    lambda = LAMBDAS[bestL];
    weight = WEIGHTS[bestW];
    StringBuilder grid = new StringBuilder();
    for (int w = 0; w < WEIGHTS.length; w++) {
      grid.append(w == 0 ? "" : ", ")
          .append(WEIGHTS[w])
          .append(": ")
          .append(String.format(Locale.ROOT, "%.3f", hits[bestL][w] / Math.max(1, orders)));
    }
    note =
        String.format(
            Locale.ROOT,
            "chosen on the newest 10%% of training orders (%d orders, %d cases): EASE share %s,"
                + " λ %s over %d head products; validation HR@10 by EASE share at that λ {%s}",
            orders,
            cases,
            weight,
            Baselines.num(lambda),
            head.length,
            grid);
    trialEase = null;
    chooseHead(data, trainOrders);
    index = engine(data, trainOrders);
    ease = weight > 0 ? easeWeights(data, trainOrders, lambda) : null;
  }

  /** What the fit chose. */
  double weight() {
    return weight;
  }

  double lambda() {
    return lambda;
  }

  @Override
  public String fitted() {
    return note;
  }

  @Override
  public void release() {
    ease = null;
  }

  /** Training orders oldest first: by time when the file has times, else in file order. */
  static int[] byTime(Dataset data, int[] trainOrders) {
    int[] out = trainOrders.clone();
    if (data.hasTimes) {
      Integer[] idx = new Integer[out.length];
      for (int x = 0; x < out.length; x++) {
        idx[x] = out[x];
      }
      Arrays.sort(idx, (a, b) -> Long.compare(data.times[a], data.times[b]));
      for (int x = 0; x < out.length; x++) {
        out[x] = idx[x];
      }
    } else {
      Arrays.sort(out); // the engine's calibration, given no time, uses the order of arrival
    }
    return out;
  }

  private void chooseHead(Dataset data, int[] orders) {
    int[] count = new int[n];
    for (int o : orders) {
      for (int p : data.orders[o]) {
        count[p]++;
      }
    }
    Integer[] idx = new Integer[n];
    for (int p = 0; p < n; p++) {
      idx[p] = p;
    }
    Arrays.sort(idx, (a, b) -> count[a] != count[b] ? Integer.compare(count[b], count[a]) : a - b);
    int h = 0;
    while (h < Math.min(HEAD, n) && count[idx[h]] > 0) {
      h++;
    }
    head = new int[h];
    headOf = new int[n];
    Arrays.fill(headOf, -1);
    for (int x = 0; x < h; x++) {
      head[x] = idx[x];
      headOf[idx[x]] = x;
    }
  }

  private static CoPurchaseIndex engine(Dataset data, int[] orders) {
    CoPurchaseBuilder b = CoPurchaseIndex.builder(data.productCount());
    for (int p = 0; p < data.productCount(); p++) {
      if (!data.productTexts[p].isEmpty()) {
        b.productText(p, data.productTexts[p]);
      }
    }
    for (int o : orders) {
      b.addOrder(data.orders[o], data.customers[o], data.hasTimes ? data.times[o] : o);
    }
    return b.build();
  }

  private float[] easeWeights(Dataset data, int[] orders, double lambda) {
    int m = head.length;
    float[] g = new float[m * m];
    int[] local = new int[64];
    for (int o : orders) {
      int len = 0;
      for (int p : data.orders[o]) {
        int a = headOf[p];
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
    for (int a = 0; a < m; a++) {
      g[a * m + a] += (float) lambda;
    }
    return Baselines.Ease.weightsFromGram(g, m);
  }

  private int validate(
      Dataset data, int[] newest, CoPurchaseIndex trial, float[][] trialEase, double[][] hits) {
    Blender blender = new Blender(n);
    int cases = 0;
    orders = 0;
    for (int o : newest) {
      int[] order = data.orders[o];
      if (order.length < 2 || cases >= VALIDATION_CASES) {
        continue;
      }
      orders++;
      int[] cart = new int[order.length - 1];
      for (int h = 0; h < order.length; h++) {
        System.arraycopy(order, 0, cart, 0, h);
        System.arraycopy(order, h + 1, cart, h, order.length - h - 1);
        blender.engine(trial, cart, new int[0]);
        for (int l = 0; l < trialEase.length; l++) {
          blender.ease(trialEase[l], cart);
          for (int w = 0; w < WEIGHTS.length; w++) {
            int[] top = blender.blend(WEIGHTS[w], K);
            for (int r = 0; r < blender.written; r++) {
              if (top[r] == order[h]) {
                hits[l][w] += 1.0 / order.length;
                break;
              }
            }
          }
        }
        cases++;
      }
    }
    return cases;
  }

  @Override
  public Recommender.Ranker ranker() {
    Blender blender = new Blender(n);
    CoPurchaseIndex model = index;
    float[] b = ease;
    double w = weight;
    return (context, history, k, out) -> {
      blender.engine(model, context, history);
      if (b != null) {
        blender.ease(b, context);
      } else {
        blender.easeCount = 0;
      }
      int[] top = blender.blend(w, k);
      System.arraycopy(top, 0, out, 0, blender.written);
      return blender.written;
    };
  }

  /** One thread's buffers: both models' top candidates and their blend. */
  private final class Blender {
    final Recommendations engineTop = new Recommendations(CANDIDATES);
    final int[] engineIds = new int[CANDIDATES];
    final float[] engineScores = new float[CANDIDATES];
    int engineCount;
    final int[] easeIds = new int[CANDIDATES];
    final float[] easeScores = new float[CANDIDATES];
    int easeCount;
    final float[] dense;
    final boolean[] inContext;
    final double[] blended;
    final int[] touched;
    int[] top = new int[K];
    int written;

    Blender(int n) {
      dense = new float[Math.max(1, head.length)];
      inContext = new boolean[n];
      blended = new double[n];
      touched = new int[2 * CANDIDATES];
    }

    void engine(CoPurchaseIndex model, int[] context, int[] history) {
      engineCount = model.recommend(context, history, engineTop);
      for (int r = 0; r < engineCount; r++) {
        engineIds[r] = engineTop.product(r);
        engineScores[r] = engineTop.score(r);
      }
    }

    void ease(float[] b, int[] context) {
      int m = head.length;
      Arrays.fill(dense, 0f);
      boolean any = false;
      for (int p : context) {
        inContext[p] = true;
        int a = headOf[p];
        if (a >= 0) {
          any = true;
          int base = a * m;
          for (int c = 0; c < m; c++) {
            dense[c] += b[base + c];
          }
        }
      }
      easeCount = 0;
      if (any) {
        for (int c = 0; c < m; c++) {
          float s = dense[c];
          int p = head[c];
          if (s <= 0 || inContext[p]) {
            continue;
          }
          if (easeCount == CANDIDATES && s <= easeScores[CANDIDATES - 1]) {
            continue;
          }
          int pos = easeCount < CANDIDATES ? easeCount++ : CANDIDATES - 1;
          while (pos > 0 && s > easeScores[pos - 1]) {
            easeScores[pos] = easeScores[pos - 1];
            easeIds[pos] = easeIds[pos - 1];
            pos--;
          }
          easeScores[pos] = s;
          easeIds[pos] = p;
        }
      }
      for (int p : context) {
        inContext[p] = false;
      }
    }

    /** The top k of {@code (1 - w) engine/maxEngine + w ease/maxEase} (engine rank on ties). */
    int[] blend(double w, int k) {
      if (top.length < k) {
        top = new int[k];
      }
      int t = 0;
      double e = engineCount == 0 ? 1 : Math.max(1e-30, engineScores[0]);
      double a = easeCount == 0 ? 1 : Math.max(1e-30, easeScores[0]);
      double engineShare = w >= 1 ? 1e-6 : 1 - w; // EASE only: the engine orders what EASE ties
      for (int x = 0; x < engineCount; x++) {
        int p = engineIds[x];
        if (blended[p] == 0) {
          touched[t++] = p;
        }
        blended[p] += engineShare * Math.max(0, engineScores[x]) / e + 1e-12 * (CANDIDATES - x);
      }
      if (w > 0) {
        for (int x = 0; x < easeCount; x++) {
          int p = easeIds[x];
          if (blended[p] == 0) {
            touched[t++] = p;
          }
          blended[p] += w * easeScores[x] / a;
        }
      }
      written = 0;
      for (int x = 0; x < t; x++) {
        int p = touched[x];
        double s = blended[p];
        if (written == k && s <= blended[top[k - 1]]) {
          continue;
        }
        int pos = written < k ? written++ : k - 1;
        while (pos > 0 && s > blended[top[pos - 1]]) {
          top[pos] = top[pos - 1];
          pos--;
        }
        top[pos] = p;
      }
      // blended must stay readable for the comparisons above until the top is final
      for (int x = 0; x < t; x++) {
        blended[touched[x]] = 0;
      }
      return top;
    }
  }
}
