package io.smartlists.engine.signals;

import java.util.Arrays;

/**
 * The order history of one rebuild in primitive arrays (one int per line for the product, one for
 * the quantity, one float for the price; one int, one long and one end offset per order) that the
 * signals' builds read with counting passes instead of boxed maps per pair. The order-id hashes
 * outlive the rest, so that orders applied during the rebuild are not counted twice.
 */
final class OrderLog {

  int orders;
  int[] orderCustomer = new int[1024];
  long[] orderTime = new long[1024];
  int[] orderEnd = new int[1024];
  private long[] orderIdHash = new long[1024];
  int lines;
  int[] lineProduct = new int[4096];
  int[] lineQuantity = new int[4096];
  float[] linePrice = new float[4096];
  private boolean sortedHashes;

  /** Makes room for one more order of up to {@code lineCount} lines. */
  void ensureRoom(int lineCount) {
    if (orders + 1 >= orderCustomer.length) {
      int size = orderCustomer.length * 2;
      orderCustomer = Arrays.copyOf(orderCustomer, size);
      orderTime = Arrays.copyOf(orderTime, size);
      orderEnd = Arrays.copyOf(orderEnd, size);
      orderIdHash = Arrays.copyOf(orderIdHash, size);
    }
    if (lines + lineCount > lineProduct.length) {
      int size = Math.max(lines + lineCount, lineProduct.length * 2);
      lineProduct = Arrays.copyOf(lineProduct, size);
      lineQuantity = Arrays.copyOf(lineQuantity, size);
      linePrice = Arrays.copyOf(linePrice, size);
    }
  }

  void addLine(int product, int quantity, float price) {
    lineProduct[lines] = product;
    lineQuantity[lines] = quantity;
    linePrice[lines] = price;
    lines++;
  }

  /** Closes the order whose lines were added since the last one. */
  void endOrder(int customer, long placedAtEpochSecond, String orderId) {
    orderCustomer[orders] = customer;
    orderTime[orders] = placedAtEpochSecond;
    orderEnd[orders] = lines;
    orderIdHash[orders] = hash(orderId);
    orders++;
  }

  /** Lets the line and order arrays go once every signal is built (the id hashes stay). */
  void release() {
    lineProduct = CatalogueIndex.NONE;
    lineQuantity = CatalogueIndex.NONE;
    linePrice = new float[0];
    orderCustomer = CatalogueIndex.NONE;
    orderEnd = CatalogueIndex.NONE;
    orderTime = new long[0];
  }

  /** True when an order with this id was added (64-bit hash). */
  boolean seen(String orderId) {
    if (!sortedHashes) {
      Arrays.sort(orderIdHash, 0, orders);
      sortedHashes = true;
    }
    return Arrays.binarySearch(orderIdHash, 0, orders, hash(orderId)) >= 0;
  }

  private static long hash(String s) {
    long h = 0xcbf29ce484222325L;
    for (int i = 0; i < s.length(); i++) {
      h ^= s.charAt(i);
      h *= 0x100000001b3L;
    }
    return h ^ ((long) s.length() << 56);
  }
}
