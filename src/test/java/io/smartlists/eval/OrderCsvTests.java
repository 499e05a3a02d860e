package io.smartlists.eval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.StringReader;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The order-line reader names the file and the line of a malformed row. */
class OrderCsvTests {

  static final String HEADER = OrderCsv.HEADER + "\n";

  static List<OrderCsv.Row> read(String text) throws Exception {
    return OrderCsv.read(new StringReader(text), "orders.csv");
  }

  @Test
  void read_quotedFieldsWithCommasAndQuotes() throws Exception {
    List<OrderCsv.Row> rows =
        read(
            HEADER
                + "o1,c1,2010-12-01T08:26:00Z,85123A,6,2.55,,,\"WHITE HANGING HEART, T-LIGHT \"\"HOLDER\"\"\"\n"
                + "o1,c1,2010-12-01T08:26:00Z,71053,1,,,,\n");
    assertThat(rows).hasSize(2);
    assertThat(rows.get(0).productName()).isEqualTo("WHITE HANGING HEART, T-LIGHT \"HOLDER\"");
    assertThat(rows.get(1).unitPrice()).isNull();
    assertThat(rows.get(1).lineNumber()).isEqualTo(3);
    assertThat(OrderCsv.orders(rows)).hasSize(1);
  }

  @Test
  void read_wrongFieldCountNamesTheLine() {
    assertThatThrownBy(() -> read(HEADER + "o1,,,p1,1,,,,\no2,,,p2,1\n"))
        .isInstanceOf(OrderCsv.MalformedRowException.class)
        .hasMessage("orders.csv:3: expected 9 fields but found 5")
        .satisfies(e -> assertThat(((OrderCsv.MalformedRowException) e).lineNumber()).isEqualTo(3));
  }

  @Test
  void read_badQuantityNamesTheLine() {
    assertThatThrownBy(() -> read(HEADER + "\n\no1,,,p1,two,,,,\n"))
        .hasMessage("orders.csv:4: quantity is not an integer: two");
  }

  @Test
  void read_badTimeNamesTheLine() {
    assertThatThrownBy(() -> read(HEADER + "o1,c1,01/12/2010 08:26,p1,1,,,,\n"))
        .hasMessageStartingWith("orders.csv:2: placed_at is not an ISO-8601 UTC instant");
  }

  @Test
  void read_missingProductNamesTheLine() {
    assertThatThrownBy(() -> read(HEADER + "o1,,,p1,1,,,,\no1,,,,1,,,,\n"))
        .hasMessage("orders.csv:3: product_id is empty");
  }

  @Test
  void read_unterminatedQuoteNamesTheLine() {
    assertThatThrownBy(() -> read(HEADER + "o1,,,p1,1,,,,\"open\n"))
        .hasMessage("orders.csv:2: unterminated quoted field");
  }

  @Test
  void read_wrongHeaderIsLineOne() {
    assertThatThrownBy(() -> read("order,product\no1,p1\n"))
        .hasMessageStartingWith("orders.csv:1: expected the header");
  }
}
