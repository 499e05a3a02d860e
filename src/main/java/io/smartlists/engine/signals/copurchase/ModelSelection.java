package io.smartlists.engine.signals.copurchase;

import java.util.Locale;

/**
 * What a build chose on its validation split, and why: the family served, its parameters, and the
 * validation hit rate of each family at its best setting (HR@10 per validation order, each product
 * of an order hidden in turn, weight 1/length). {@link #summary()} is one line for logs, the admin
 * and the evaluation.
 *
 * @param family the family served
 * @param prior the popularity prior's weight served with it
 * @param alpha asymmetric cosine's α (when that family is served, else 0)
 * @param lambda EASE's ridge on every order (when that family is served, else 0): the λ chosen on
 *     the validation split scaled by the ratio of orders, since the Gram matrix grows with them
 * @param easeShare EASE's share of the blend (when that family is served, else 0)
 * @param headProducts products EASE is dense over (0 when not served)
 * @param validationOrders orders of the validation split that were completed (0: too few orders to
 *     validate, the defaults are served)
 * @param validationCases products hidden in them
 * @param popularityHr validation HR@10 of the popularity family
 * @param neighbourhoodHr of the neighbourhood family at its calibrated weights
 * @param asymmetricHr of asymmetric cosine at its best α and prior
 * @param easeHr of the EASE head blend at its best λ and share (over the larger head when that one
 *     was kept)
 * @param largeHead products of the larger EASE head tried when the blend was the best family (0
 *     when not tried)
 * @param largeHeadHr its validation HR@10 at the best share (0 when not tried)
 */
public record ModelSelection(
    Family family,
    float prior,
    float alpha,
    float lambda,
    float easeShare,
    int headProducts,
    int validationOrders,
    int validationCases,
    float popularityHr,
    float neighbourhoodHr,
    float asymmetricHr,
    float easeHr,
    int largeHead,
    float largeHeadHr) {

  /** The neighbourhood at these weights, chosen without validation (too few orders). */
  static ModelSelection unvalidated(float prior) {
    return new ModelSelection(Family.NEIGHBOURHOOD, prior, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0);
  }

  /** One line: the family, its parameters and the validation figures behind the choice. */
  public String summary() {
    if (validationOrders == 0) {
      return "family " + family + " (too few orders to validate: defaults)";
    }
    String params =
        switch (family) {
          case POPULARITY, NEIGHBOURHOOD -> "";
          case ASYMMETRIC_COSINE -> String.format(Locale.ROOT, ", α %s", num(alpha));
          case EASE_HEAD_BLEND ->
              String.format(
                  Locale.ROOT,
                  ", EASE share %s, λ %s over %d head products",
                  num(easeShare),
                  num(lambda),
                  headProducts);
        };
    String large =
        largeHead == 0
            ? ""
            : String.format(Locale.ROOT, " (%d-product head tried: %.4f)", largeHead, largeHeadHr);
    return String.format(
        Locale.ROOT,
        "family %s%s, prior %s; validation HR@10 on the newest %d training orders (%d cases):"
            + " popularity %.4f, neighbourhood %.4f, asymmetric cosine %.4f, EASE head blend %.4f%s",
        family,
        params,
        num(prior),
        validationOrders,
        validationCases,
        popularityHr,
        neighbourhoodHr,
        asymmetricHr,
        easeHr,
        large);
  }

  private static String num(float v) {
    return v == Math.rint(v) && Math.abs(v) < 1e9 ? Long.toString((long) v) : Float.toString(v);
  }
}
