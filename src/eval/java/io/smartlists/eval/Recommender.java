package io.smartlists.eval;

/** A model under evaluation, trained on the training orders of a dataset. */
interface Recommender {

  /** The name in the report. */
  String name();

  /** Learns from the training orders. */
  void fit(Dataset data, int[] trainOrders, int[][] customerHistory);

  /**
   * Writes the top {@code k} products for this context (and the customer's past products, most
   * recent first, empty for guests), context excluded; returns how many were written.
   */
  int recommend(int[] context, int[] history, int k, int[] out);

  /** What the fit chose from the data (for the report), empty when nothing. */
  default String fitted() {
    return "";
  }
}
