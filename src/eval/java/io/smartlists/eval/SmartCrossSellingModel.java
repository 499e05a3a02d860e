package io.smartlists.eval;

import io.smartlists.engine.signals.copurchase.CoPurchaseBuilder;
import io.smartlists.engine.signals.copurchase.CoPurchaseIndex;
import io.smartlists.engine.signals.copurchase.Recommendations;

/** {@code SMART_CROSS_SELLING}'s model, {@link CoPurchaseIndex}, trained on the training orders. */
final class SmartCrossSellingModel implements Recommender {

  private CoPurchaseIndex index;

  @Override
  public String name() {
    return "SMART_CROSS_SELLING";
  }

  @Override
  public void fit(Dataset data, int[] trainOrders, int[][] customerHistory) {
    CoPurchaseBuilder b = CoPurchaseIndex.builder(data.productCount());
    for (int p = 0; p < data.productCount(); p++) {
      if (!data.productTexts[p].isEmpty()) {
        b.productText(p, data.productTexts[p]);
      }
    }
    for (int o : trainOrders) {
      b.addOrder(data.orders[o], data.customers[o], data.hasTimes ? data.times[o] : o);
    }
    index = b.build();
  }

  @Override
  public String fitted() {
    return String.format(
        java.util.Locale.ROOT,
        "line proximity %s, text weight %s; %s",
        num(index.proximity()),
        num(index.textWeight()),
        index.selection().summary());
  }

  private static String num(float v) {
    return v == Math.rint(v) ? Integer.toString((int) v) : Float.toString(v);
  }

  CoPurchaseIndex index() {
    return index;
  }

  @Override
  public Recommender.Ranker ranker() {
    CoPurchaseIndex model = index;
    return new Recommender.Ranker() {
      private Recommendations result = new Recommendations(0);

      @Override
      public int recommend(int[] context, int[] history, int k, int[] out) {
        if (result.capacity() != k) {
          result = new Recommendations(k);
        }
        int n = model.recommend(context, history, result);
        for (int i = 0; i < n; i++) {
          out[i] = result.product(i);
        }
        return n;
      }
    };
  }
}
