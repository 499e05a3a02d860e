package io.smartlists.engine.signals.copurchase;

/**
 * The model's constants (the class comment of {@link CoPurchaseIndex} says what each one does);
 * package-private so tests and the evaluation's variants can compare alternatives.
 */
record Tuning(
    float beta,
    float shrink,
    float customerBeta,
    float customerShrink,
    float contextCustomerWeight,
    float textWeight,
    float textFade,
    float historyWeight,
    float historyDecay,
    int historyLimit,
    int historyNeighbours,
    float prior,
    float evidence,
    float textEvidence,
    float proximity) {

  static final Tuning DEFAULT =
      new Tuning(
          0.4f,
          2f,
          0.5f,
          2f,
          0.3f,
          3f,
          5f,
          0.1f,
          0.9f,
          12,
          CoPurchaseIndex.HISTORY_NEIGHBOURS,
          0.1f,
          0f,
          0f,
          0f);
}
