package io.smartlists.eval;

import static org.assertj.core.api.Assertions.assertThat;

import io.smartlists.engine.signals.copurchase.ModelSelection;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Issue 13: the engine's model selection ({@code CoPurchaseIndex.selection()}, made at build time)
 * reads the training orders' validation split, never the evaluation's test period.
 */
class SmartCrossSellingSelectionTests {

  @Test
  void selection_isMadeOnTheValidationSplitAlone() throws Exception {
    Path file = Path.of(getClass().getResource("/eval/groceries-baskets.csv").toURI());
    List<OrderCsv.Row> rows = OrderCsv.read(file);
    Dataset data = Dataset.of("groceries", rows);
    BasketCompletion bc = new BasketCompletion(data);
    SmartCrossSellingModel original = new SmartCrossSellingModel();
    original.fit(data, bc.trainOrders, bc.customerHistory);

    // shuffle the test period: its order ids permuted, so each tested id holds another test
    // order's products; rows stay in place, so the training orders and product numbers are the same
    List<String> testIds = new ArrayList<>();
    for (int o : bc.testOrders) {
      testIds.add(data.orderIds[o]);
    }
    List<String> shuffled = new ArrayList<>(testIds);
    Collections.shuffle(shuffled, new Random(5));
    Map<String, String> rename = new HashMap<>();
    for (int x = 0; x < testIds.size(); x++) {
      rename.put(testIds.get(x), shuffled.get(x));
    }
    List<OrderCsv.Row> changed = new ArrayList<>();
    for (OrderCsv.Row r : rows) {
      String id = rename.getOrDefault(r.orderId(), r.orderId());
      changed.add(
          new OrderCsv.Row(
              r.lineNumber(),
              id,
              r.customerId(),
              r.placedAt(),
              r.productId(),
              r.quantity(),
              r.unitPrice(),
              r.category(),
              r.manufacturer(),
              r.productName()));
    }
    Dataset data2 = Dataset.of("groceries, test period shuffled", changed);
    BasketCompletion bc2 = new BasketCompletion(data2);
    Set<String> tested2 = new HashSet<>();
    int moved = 0;
    for (int o : bc2.testOrders) {
      tested2.add(data2.orderIds[o]);
      int before = index(data, data2.orderIds[o]);
      if (!Set.of(box(data.orders[before])).equals(Set.of(box(data2.orders[o])))) {
        moved++;
      }
    }
    assertThat(tested2).isEqualTo(new HashSet<>(testIds)); // the same ids are tested
    assertThat(moved).isGreaterThan(testIds.size() / 2); // with other products
    for (int x = 0; x < bc.trainOrders.length; x++) { // and the training orders are the same
      assertThat(data2.orders[bc2.trainOrders[x]]).isEqualTo(data.orders[bc.trainOrders[x]]);
    }

    SmartCrossSellingModel again = new SmartCrossSellingModel();
    again.fit(data2, bc2.trainOrders, bc2.customerHistory);
    ModelSelection chosen = original.index().selection();
    assertThat(chosen.validationOrders()).isPositive();
    assertThat(again.index().selection()).isEqualTo(chosen);
    assertThat(again.fitted()).isEqualTo(original.fitted()).contains("family " + chosen.family());
  }

  @Test
  void selection_doesNotChangeWhenTheTestOrdersAreReplacedByNoise() throws Exception {
    // Stronger than the shuffle (which keeps the test period's baskets as a set): every test order
    // becomes random products of the catalogue, so a selection that read the test period in any
    // way would see baskets without association and validate other hit rates.
    Path file = Path.of(getClass().getResource("/eval/groceries-baskets.csv").toURI());
    Dataset data = Dataset.of("groceries", OrderCsv.read(file));
    BasketCompletion bc = new BasketCompletion(data);
    SmartCrossSellingModel original = new SmartCrossSellingModel();
    original.fit(data, bc.trainOrders, bc.customerHistory);

    Dataset noisy = Dataset.of("groceries, test period noise", OrderCsv.read(file));
    Random random = new Random(13);
    for (int o : bc.testOrders) {
      int[] order = new int[noisy.orders[o].length];
      for (int x = 0; x < order.length; x++) {
        order[x] = random.nextInt(noisy.productCount());
      }
      noisy.orders[o] = order;
    }
    SmartCrossSellingModel again = new SmartCrossSellingModel();
    again.fit(noisy, bc.trainOrders, bc.customerHistory);
    assertThat(again.index().selection()).isEqualTo(original.index().selection());
    assertThat(again.fitted()).isEqualTo(original.fitted());
    // and the noise is noise: the model scores far worse on it than on the real test period
    assertThat(hitRate(again, noisy, bc)).isLessThan(hitRate(original, data, bc) / 2);
  }

  private static double hitRate(SmartCrossSellingModel model, Dataset data, BasketCompletion bc) {
    List<BasketCompletion.Case> orders = new ArrayList<>();
    for (int o : bc.testOrders) {
      if (data.orders[o].length >= 2) {
        orders.add(new BasketCompletion.Case(o, -1, data.orders[o], new int[0], 1.0));
      }
    }
    return BasketCompletion.runExpected(model, orders, 10, data.productCount(), 1).hitRate();
  }

  private static int index(Dataset data, String orderId) {
    for (int o = 0; o < data.orderIds.length; o++) {
      if (data.orderIds[o].equals(orderId)) {
        return o;
      }
    }
    throw new IllegalArgumentException(orderId);
  }

  private static Integer[] box(int[] a) {
    Integer[] b = new Integer[a.length];
    for (int x = 0; x < a.length; x++) {
      b[x] = a[x];
    }
    return b;
  }
}
