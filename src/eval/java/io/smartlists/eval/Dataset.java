package io.smartlists.eval;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.CRC32;
import org.jspecify.annotations.Nullable;

/**
 * An order-line file as dense arrays: products and customers numbered in order of first appearance,
 * each order's distinct products in file order, and the split of the evaluation protocol (see
 * EVALUATION.md).
 */
final class Dataset {

  /** Share of the orders held out for testing: the last {@code floor(0.2 n)} in split order. */
  static final double TEST_FRACTION = 0.2;

  final String source;
  final String[] productIds;
  final String[] productNames;

  /** Name, category and manufacturer of each product as the file first gives them. */
  final String[] productTexts;

  final String[] orderIds;

  /** Distinct products per order, in order of first appearance in the file. */
  final int[][] orders;

  /** Dense customer index per order, -1 for none. */
  final int[] customers;

  /** Placement time per order in epoch seconds, {@link Long#MIN_VALUE} when unknown. */
  final long[] times;

  final int customerCount;
  final boolean hasTimes;
  private final Map<String, Integer> productIndex;

  private Dataset(
      String source,
      String[] productIds,
      String[] productNames,
      String[] productTexts,
      String[] orderIds,
      int[][] orders,
      int[] customers,
      long[] times,
      int customerCount,
      boolean hasTimes,
      Map<String, Integer> productIndex) {
    this.source = source;
    this.productIds = productIds;
    this.productNames = productNames;
    this.productTexts = productTexts;
    this.orderIds = orderIds;
    this.orders = orders;
    this.customers = customers;
    this.times = times;
    this.customerCount = customerCount;
    this.hasTimes = hasTimes;
    this.productIndex = productIndex;
  }

  /** The product's dense index, or null when the file does not have it. */
  @Nullable Integer productIndex(String productId) {
    return productIndex.get(productId);
  }

  static Dataset of(String source, List<OrderCsv.Row> rows) {
    Map<String, Integer> productIndex = new HashMap<>();
    List<String> ids = new ArrayList<>();
    List<String> names = new ArrayList<>();
    List<String> texts = new ArrayList<>();
    Map<String, Integer> customerIndex = new HashMap<>();
    List<OrderCsv.Order> grouped = OrderCsv.orders(rows);
    int n = grouped.size();
    String[] orderIds = new String[n];
    int[][] orders = new int[n][];
    int[] customers = new int[n];
    long[] times = new long[n];
    boolean hasTimes = n > 0;
    for (int o = 0; o < n; o++) {
      OrderCsv.Order order = grouped.get(o);
      orderIds[o] = order.orderId();
      int[] products = new int[order.lines().size()];
      int m = 0;
      for (OrderCsv.Row line : order.lines()) {
        Integer p = productIndex.get(line.productId());
        if (p == null) {
          p = ids.size();
          productIndex.put(line.productId(), p);
          ids.add(line.productId());
          names.add(line.productName() == null ? line.productId() : line.productName());
          texts.add(text(line));
        }
        if (!contains(products, m, p)) {
          products[m++] = p;
        }
      }
      orders[o] = Arrays.copyOf(products, m);
      String customer = order.customerId();
      customers[o] =
          customer == null
              ? -1
              : customerIndex.computeIfAbsent(customer, k -> customerIndex.size());
      Instant at = order.placedAt();
      times[o] = at == null ? Long.MIN_VALUE : at.getEpochSecond();
      hasTimes &= at != null;
    }
    return new Dataset(
        source,
        ids.toArray(String[]::new),
        names.toArray(String[]::new),
        texts.toArray(String[]::new),
        orderIds,
        orders,
        customers,
        times,
        customerIndex.size(),
        hasTimes,
        productIndex);
  }

  private static String text(OrderCsv.Row line) {
    StringBuilder b = new StringBuilder();
    for (String s : new String[] {line.productName(), line.category(), line.manufacturer()}) {
      if (s != null) {
        b.append(b.length() == 0 ? "" : " ").append(s);
      }
    }
    return b.toString();
  }

  int productCount() {
    return productIds.length;
  }

  int orderCount() {
    return orders.length;
  }

  /**
   * The orders in split order: by placement time (ties keep file order) when every order has one,
   * else by the unsigned CRC-32 of the UTF-8 {@code order_id} (ties by {@code order_id}).
   */
  int[] splitOrder() {
    Integer[] idx = new Integer[orders.length];
    for (int o = 0; o < idx.length; o++) {
      idx[o] = o;
    }
    if (hasTimes) {
      Arrays.sort(idx, (a, b) -> Long.compare(times[a], times[b]));
    } else {
      long[] hash = new long[orders.length];
      CRC32 crc = new CRC32();
      for (int o = 0; o < hash.length; o++) {
        crc.reset();
        crc.update(orderIds[o].getBytes(StandardCharsets.UTF_8));
        hash[o] = crc.getValue();
      }
      Arrays.sort(
          idx,
          (a, b) ->
              hash[a] != hash[b]
                  ? Long.compare(hash[a], hash[b])
                  : orderIds[a].compareTo(orderIds[b]));
    }
    int[] out = new int[idx.length];
    for (int o = 0; o < out.length; o++) {
      out[o] = idx[o];
    }
    return out;
  }

  /** How many orders of the split order are tested: {@code floor(0.2 n)}. */
  int testCount() {
    return (int) Math.floor(orders.length * TEST_FRACTION);
  }

  private static boolean contains(int[] a, int len, int v) {
    for (int x = 0; x < len; x++) {
      if (a[x] == v) {
        return true;
      }
    }
    return false;
  }
}
