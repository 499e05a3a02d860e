package io.smartlists.eval;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.StringReader;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Issue 14 item 6: the order-line CSV reader over random input (seeded). Well-formed rows, quoted
 * or not, come back field for field; any other input is either read or refused with a {@link
 * OrderCsv.MalformedRowException} naming the line, never another exception.
 */
class OrderCsvFuzzTests {

  private static final String ALPHABET = "ab,\"\n\r 1.-Z\u00e9\u20ac;\t";

  private static String field(Random r) {
    StringBuilder s = new StringBuilder();
    int n = r.nextInt(12);
    for (int i = 0; i < n; i++) {
      s.append(ALPHABET.charAt(r.nextInt(ALPHABET.length())));
    }
    return s.toString();
  }

  /** A field as a CSV writer would put it: quoted (quotes doubled) when it needs to be. */
  private static String quote(String v) {
    return v.contains(",") || v.contains("\"") || v.startsWith(" ")
        ? "\"" + v.replace("\"", "\"\"") + "\""
        : v;
  }

  private static String noBreaks(String v) {
    return v.replace("\n", "").replace("\r", "");
  }

  @ParameterizedTest(name = "seed {0}")
  @ValueSource(longs = {1, 2, 3, 14, 2026})
  void wellFormedRows_comeBackFieldForField(long seed) throws IOException {
    Random r = new Random(seed);
    StringBuilder csv = new StringBuilder(OrderCsv.HEADER).append('\n');
    List<String[]> expected = new ArrayList<>();
    for (int i = 0; i < 500; i++) {
      String order = "o" + noBreaks(field(r));
      String customer = noBreaks(field(r));
      Instant at = Instant.ofEpochSecond(r.nextInt(2_000_000_000));
      String product = "p" + noBreaks(field(r));
      int quantity = 1 + r.nextInt(100);
      BigDecimal price = BigDecimal.valueOf(r.nextInt(1_000_000), 2);
      String category = noBreaks(field(r));
      String manufacturer = noBreaks(field(r));
      String name = noBreaks(field(r));
      csv.append(
              String.join(
                  ",",
                  quote(order),
                  quote(customer),
                  at.toString(),
                  quote(product),
                  Integer.toString(quantity),
                  price.toPlainString(),
                  quote(category),
                  quote(manufacturer),
                  quote(name)))
          .append('\n');
      expected.add(
          new String[] {order, customer, at.toString(), product, "" + quantity, price.toString()});
    }
    List<OrderCsv.Row> rows = OrderCsv.read(new StringReader(csv.toString()), "fuzz");
    assertThat(rows).hasSize(expected.size());
    for (int i = 0; i < rows.size(); i++) {
      OrderCsv.Row row = rows.get(i);
      String[] e = expected.get(i);
      assertThat(row.orderId()).isEqualTo(e[0]);
      assertThat(row.customerId() == null ? "" : row.customerId()).isEqualTo(e[1]);
      assertThat(String.valueOf(row.placedAt())).isEqualTo(e[2]);
      assertThat(row.productId()).isEqualTo(e[3]);
      assertThat(row.quantity()).isEqualTo(Integer.parseInt(e[4]));
      assertThat(row.unitPrice()).isEqualTo(new BigDecimal(e[5]));
      assertThat(row.lineNumber()).isEqualTo(i + 2);
    }
  }

  @ParameterizedTest(name = "seed {0}")
  @ValueSource(longs = {1, 2, 3, 14, 2026})
  void randomInput_isReadOrRefusedWithTheLineNeverAnotherException(long seed) {
    Random r = new Random(seed);
    for (int i = 0; i < 3_000; i++) {
      StringBuilder csv = new StringBuilder(r.nextInt(5) == 0 ? "" : OrderCsv.HEADER + "\n");
      int lines = r.nextInt(4);
      for (int l = 0; l < lines; l++) {
        int fields = r.nextInt(12);
        for (int f = 0; f < fields; f++) {
          if (f > 0) {
            csv.append(',');
          }
          csv.append(
              switch (r.nextInt(6)) {
                case 0 -> Integer.toString(r.nextInt() % 1000);
                case 1 -> "2026-11-" + r.nextInt(40) + "T10:00:00Z";
                case 2 -> "1e" + r.nextInt(100_000);
                default -> field(r);
              });
        }
        csv.append(r.nextBoolean() ? "\n" : "\r\n");
      }
      try {
        OrderCsv.orders(OrderCsv.read(new StringReader(csv.toString()), "fuzz"));
      } catch (OrderCsv.MalformedRowException e) {
        assertThat(e.getMessage()).startsWith("fuzz:");
      } catch (IOException | RuntimeException e) {
        throw new AssertionError("seed " + seed + " input:\n" + csv, e);
      }
    }
  }
}
