package io.smartlists.eval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The basket-completion protocol on the two small real data sets (issue 4): the baselines against
 * the reference figures of the shared data README, and SMART_CROSS_SELLING against its targets.
 *
 * <p>Reference figures (HR@10): groceries popularity 0.378, raw co-purchase 0.397; online retail
 * popularity 0.031, raw co-purchase 0.102. A single seeded draw of the hidden products moves HR@10
 * by one standard deviation of 0.011 to 0.02 on these files, so the comparisons use the
 * expectation over the draw (every product hidden in turn), which no seed can move.
 */
class EvaluateTests {

  static Report groceries;
  static Report retail;

  @BeforeAll
  static void evaluate() throws Exception {
    Evaluate.Options options = Evaluate.Options.parse(new String[] {"--file", "x", "--ease", "off",
        "--protocol", "basket"});
    groceries = evaluate("groceries-baskets.csv", options);
    retail = evaluate("online-retail-2010-12.csv", options);
  }

  static Report evaluate(String name, Evaluate.Options options) throws Exception {
    Path file = Path.of(EvaluateTests.class.getResource("/eval/" + name).toURI());
    List<OrderCsv.Row> rows = OrderCsv.read(file);
    return Evaluate.run(Dataset.of(name, rows), rows, options);
  }

  static double expected(Report r, String model) {
    return r.basket(model).expected().hitRate();
  }

  @Test
  void basketCompletion_groceriesBaselinesReproduceTheReference() {
    assertThat(expected(groceries, "popularity")).isCloseTo(0.378, within(0.005));
    assertThat(expected(groceries, "raw co-purchase counts")).isCloseTo(0.397, within(0.005));
    assertThat(groceries.basket("popularity").drawn().cases()).isEqualTo(1510);
  }

  @Test
  void basketCompletion_onlineRetailBaselinesWithinOneDrawOfTheReference() {
    // same test cases as the reference: 6/196 = 0.031 and 20/196 = 0.102 are the only fractions
    // of up to 225 cases that round to both reference figures
    assertThat(retail.basket("popularity").drawn().cases()).isEqualTo(196);
    for (String model : List.of("popularity", "raw co-purchase counts")) {
      BasketCompletion.Metrics e = retail.basket(model).expected();
      double reference = model.equals("popularity") ? 0.031 : 0.102;
      assertThat(Math.abs(e.hitRate() - reference))
          .as("%s: expected %.4f, one draw's sd %.4f", model, e.hitRate(), e.drawDeviation())
          .isLessThan(1.5 * e.drawDeviation());
    }
  }

  @Test
  void basketCompletion_smartCrossSellingMeetsItsTargets() {
    assertThat(expected(groceries, "SMART_CROSS_SELLING")).isGreaterThanOrEqualTo(0.41);
    assertThat(expected(retail, "SMART_CROSS_SELLING")).isGreaterThanOrEqualTo(0.25);
  }

  @Test
  void basketCompletion_smartCrossSellingBeatsEveryBaseline() {
    for (Report r : List.of(groceries, retail)) {
      double smart = expected(r, "SMART_CROSS_SELLING");
      double smartDrawn = r.basket("SMART_CROSS_SELLING").drawn().hitRate();
      for (String model : List.of("popularity", "raw co-purchase counts", "item cosine")) {
        assertThat(smart).as(r.source + " vs " + model).isGreaterThan(expected(r, model));
        assertThat(smartDrawn).as(r.source + " drawn vs " + model)
            .isGreaterThan(r.basket(model).drawn().hitRate());
      }
    }
  }

  @Test
  void report_jsonCarriesEveryModel() {
    String json = Report.json(List.of(groceries));
    assertThat(json).startsWith("[{\"file\":\"groceries-baskets.csv\"")
        .contains("\"model\":\"SMART_CROSS_SELLING\"", "\"model\":\"popularity\"",
            "\"model\":\"raw co-purchase counts\"", "\"model\":\"item cosine\"",
            "\"cases\":1510");
  }
}
