package io.smartlists.eval;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Reads the order-line CSV format of the shared data sets, one row per order line: {@code
 * order_id,customer_id,placed_at,product_id,quantity,unit_price,category,manufacturer,product_name}.
 * Empty fields are unknown. Fields may be double-quoted (RFC 4180). A malformed row fails with the
 * file name and line number.
 */
public final class OrderCsv {

  static final String HEADER =
      "order_id,customer_id,placed_at,product_id,quantity,unit_price,category,manufacturer,product_name";

  private OrderCsv() {}

  /** One order line as the file has it. */
  public record Row(
      int lineNumber,
      String orderId,
      @Nullable String customerId,
      @Nullable Instant placedAt,
      String productId,
      int quantity,
      @Nullable BigDecimal unitPrice,
      @Nullable String category,
      @Nullable String manufacturer,
      @Nullable String productName) {}

  /** The rows of one order, in file order. */
  public record Order(
      String orderId, @Nullable String customerId, @Nullable Instant placedAt, List<Row> lines) {}

  /** A row that cannot be read; the message names the file and the line. */
  public static final class MalformedRowException extends IOException {
    private final int lineNumber;

    MalformedRowException(String source, int lineNumber, String problem) {
      super(source + ":" + lineNumber + ": " + problem);
      this.lineNumber = lineNumber;
    }

    /** The 1-based line number of the bad row (the header is line 1). */
    public int lineNumber() {
      return lineNumber;
    }
  }

  /** Reads every row of a file. */
  public static List<Row> read(Path file) throws IOException {
    try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      return read(r, file.toString());
    }
  }

  /** Reads every row; {@code source} names the input in error messages. */
  public static List<Row> read(Reader reader, String source) throws IOException {
    BufferedReader in = reader instanceof BufferedReader b ? b : new BufferedReader(reader);
    String header = in.readLine();
    if (header == null) {
      throw new MalformedRowException(source, 1, "empty file, expected the header " + HEADER);
    }
    if (header.startsWith("\uFEFF")) {
      header = header.substring(1);
    }
    if (!header.strip().equals(HEADER)) {
      throw new MalformedRowException(
          source, 1, "expected the header " + HEADER + " but found " + header);
    }
    List<Row> rows = new ArrayList<>();
    int lineNumber = 1;
    String line;
    while ((line = in.readLine()) != null) {
      lineNumber++;
      if (line.isBlank()) {
        continue;
      }
      rows.add(parse(line, lineNumber, source));
    }
    return rows;
  }

  /** Groups rows into orders, in order of first appearance. */
  public static List<Order> orders(List<Row> rows) {
    Map<String, List<Row>> byOrder = new LinkedHashMap<>();
    for (Row row : rows) {
      byOrder.computeIfAbsent(row.orderId(), k -> new ArrayList<>()).add(row);
    }
    List<Order> orders = new ArrayList<>(byOrder.size());
    for (List<Row> lines : byOrder.values()) {
      Row first = lines.get(0);
      orders.add(
          new Order(first.orderId(), first.customerId(), first.placedAt(), List.copyOf(lines)));
    }
    return orders;
  }

  private static Row parse(String line, int lineNumber, String source)
      throws MalformedRowException {
    List<String> f = split(line, lineNumber, source);
    if (f.size() != 9) {
      throw new MalformedRowException(
          source, lineNumber, "expected 9 fields but found " + f.size());
    }
    String orderId = f.get(0);
    String productId = f.get(3);
    if (orderId.isEmpty()) {
      throw new MalformedRowException(source, lineNumber, "order_id is empty");
    }
    if (productId.isEmpty()) {
      throw new MalformedRowException(source, lineNumber, "product_id is empty");
    }
    Instant placedAt = null;
    if (!f.get(2).isEmpty()) {
      try {
        placedAt = Instant.parse(f.get(2));
      } catch (DateTimeParseException e) {
        throw new MalformedRowException(
            source, lineNumber, "placed_at is not an ISO-8601 UTC instant: " + f.get(2));
      }
    }
    int quantity = 1;
    if (!f.get(4).isEmpty()) {
      try {
        quantity = Integer.parseInt(f.get(4));
      } catch (NumberFormatException e) {
        throw new MalformedRowException(
            source, lineNumber, "quantity is not an integer: " + f.get(4));
      }
      if (quantity <= 0) {
        throw new MalformedRowException(
            source, lineNumber, "quantity must be positive: " + quantity);
      }
    }
    BigDecimal price = null;
    if (!f.get(5).isEmpty()) {
      try {
        price = new BigDecimal(f.get(5));
      } catch (NumberFormatException e) {
        throw new MalformedRowException(
            source, lineNumber, "unit_price is not a number: " + f.get(5));
      }
    }
    return new Row(
        lineNumber,
        orderId,
        emptyToNull(f.get(1)),
        placedAt,
        productId,
        quantity,
        price,
        emptyToNull(f.get(6)),
        emptyToNull(f.get(7)),
        emptyToNull(f.get(8)));
  }

  private static @Nullable String emptyToNull(String s) {
    return s.isEmpty() ? null : s;
  }

  private static List<String> split(String line, int lineNumber, String source)
      throws MalformedRowException {
    List<String> fields = new ArrayList<>(9);
    StringBuilder cur = new StringBuilder();
    boolean quoted = false;
    for (int i = 0; i < line.length(); i++) {
      char c = line.charAt(i);
      if (quoted) {
        if (c == '"') {
          if (i + 1 < line.length() && line.charAt(i + 1) == '"') {
            cur.append('"');
            i++;
          } else {
            quoted = false;
          }
        } else {
          cur.append(c);
        }
      } else if (c == '"' && cur.length() == 0) {
        quoted = true;
      } else if (c == ',') {
        fields.add(cur.toString());
        cur.setLength(0);
      } else {
        cur.append(c);
      }
    }
    if (quoted) {
      throw new MalformedRowException(source, lineNumber, "unterminated quoted field");
    }
    fields.add(cur.toString());
    return fields;
  }
}
