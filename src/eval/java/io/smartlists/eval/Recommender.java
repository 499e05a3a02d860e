package io.smartlists.eval;

/** A model under evaluation, trained on the training orders of a dataset. */
interface Recommender {

  /** The name in the report. */
  String name();

  /**
   * The family a grid of variants belongs to (the report keeps the family's best variant); the name
   * when the model is not one of a grid.
   */
  default String family() {
    return name();
  }

  /** Learns from the training orders. */
  void fit(Dataset data, int[] trainOrders, int[][] customerHistory);

  /** A ranker for one thread over the fitted model (buffers its own, the model shared). */
  Ranker ranker();

  /** What the fit chose from the data (for the report), empty when nothing. */
  default String fitted() {
    return "";
  }

  /** Drops what the fit built (a dense model's memory) once the model has been evaluated. */
  default void release() {}

  /** Ranks for one thread. */
  interface Ranker {

    /**
     * Writes the top {@code k} products for this context (and the customer's past products, most
     * recent first, empty for guests), context excluded; returns how many were written.
     */
    int recommend(int[] context, int[] history, int k, int[] out);

    /**
     * For each {@code h}, the top {@code k} with {@code order[h]} hidden and the other products as
     * the cart (in order), written to {@code out[h]}, how many to {@code written[h]}: the same as
     * {@link #recommend} for each cart; a linear model overrides it to score the order once.
     */
    default void recommendEachHidden(
        int[] order, int[] history, int k, int[][] out, int[] written) {
      int[] cart = new int[order.length - 1];
      for (int h = 0; h < order.length; h++) {
        System.arraycopy(order, 0, cart, 0, h);
        System.arraycopy(order, h + 1, cart, h, order.length - h - 1);
        written[h] = recommend(cart, history, k, out[h]);
      }
    }
  }
}
