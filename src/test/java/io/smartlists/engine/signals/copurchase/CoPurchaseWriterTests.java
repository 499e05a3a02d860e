package io.smartlists.engine.signals.copurchase;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class CoPurchaseWriterTests {

  @Test
  void addOrder_countsPairsAndOrdersWithoutARebuild() {
    CoPurchaseIndex index = CoPurchaseIndex.builder(4).build();
    for (int i = 0; i < 3; i++) {
      index.addOrder(new int[] {0, 1, 1, -1}, -1, i); // duplicates and negatives ignored
    }
    assertThat(index.orderCount(0)).isEqualTo(3);
    assertThat(index.orderCount(1)).isEqualTo(3);
    assertThat(index.coCount(0, 1)).isEqualTo(3);
    assertThat(index.neighbours(0)).containsExactly(1);
  }

  @Test
  void addOrder_unknownProduct_growsTheIndex() {
    CoPurchaseIndex index = CoPurchaseIndex.builder(2).build();
    index.addOrder(new int[] {0, 9}, -1, 0);
    assertThat(index.productCount()).isEqualTo(10);
    assertThat(index.coCount(9, 0)).isEqualTo(1);
  }

  @Test
  void addOrder_sameCustomer_linksTheirOrders() {
    CoPurchaseIndex index = CoPurchaseIndex.builder(4).build();
    index.addOrder(new int[] {0}, 7, 0);
    index.addOrder(new int[] {2}, 7, 1);
    assertThat(index.sameCustomerCount(2, 0)).isEqualTo(1);
    assertThat(index.sameCustomerCount(0, 2)).isEqualTo(1);
    assertThat(index.coCount(0, 2)).isZero();
  }
}
