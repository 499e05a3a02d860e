package io.smartlists.bench;

import io.smartlists.host.CatalogPort;
import io.smartlists.host.CategoryInfo;
import io.smartlists.host.CustomerInfo;
import io.smartlists.host.CustomerPort;
import io.smartlists.host.EligibilityPort;
import io.smartlists.host.OrderHistoryPort;
import io.smartlists.host.OrderLine;
import io.smartlists.host.OrderRecord;
import io.smartlists.host.ProductInfo;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import org.jspecify.annotations.Nullable;

/**
 * A generated store at catalogue scale, the workload of every benchmark (issue #3):
 *
 * <ul>
 *   <li>100,000 products in 2,000 categories (50 departments of 39 aisles; products sit in an
 *       aisle), 5,000 manufacturers;
 *   <li>1,000,000 orders of 1 to 7 lines (mean ≈ 4) from 200,000 customers over the 365 days before
 *       {@link #NOW}, in time order;
 *   <li>product popularity Zipf-distributed (s = 1.0); 60 % of an order's lines come from the aisle
 *       of its first line (so co-purchase has structure), the rest from the whole catalogue;
 *   <li>2 % of products ineligible (sold out / hidden) for the eligibility gate.
 * </ul>
 *
 * <p>Fully determined by {@code seed} (42 in the benchmarks). Orders are kept in primitive arrays
 * and materialised as {@link OrderRecord}s per batch, the way a host reads them from its database,
 * so the generator's own memory does not count against the engine's.
 */
public final class SyntheticStore
    implements CatalogPort, OrderHistoryPort, CustomerPort, EligibilityPort {

  public static final Instant NOW = Instant.parse("2026-11-20T12:00:00Z");

  public final int productCount;
  public final int customerCount;
  public final int orderCount;
  final ProductInfo[] products;
  final Map<String, Integer> productIndex;
  final List<CategoryInfo> categories;
  final boolean[] ineligible;
  final int[] orderStart; // orderCount + 1 offsets into lineProduct/lineQty
  final int[] lineProduct;
  final byte[] lineQty;
  final int[] orderCustomer;
  final long[] orderEpochSecond;
  final String[] customerIds;
  final int[] productAisle;

  /**
   * The benchmark workload: 100,000 products, 2,000 categories, 1,000,000 orders, 200,000
   * customers.
   */
  public static SyntheticStore catalogueScale() {
    return new SyntheticStore(100_000, 50, 39, 5_000, 200_000, 1_000_000, 42L);
  }

  public SyntheticStore(
      int productCount,
      int departments,
      int aislesPerDepartment,
      int manufacturers,
      int customerCount,
      int orderCount,
      long seed) {
    this.productCount = productCount;
    this.customerCount = customerCount;
    this.orderCount = orderCount;
    SplittableRandom rnd = new SplittableRandom(seed);

    categories = new ArrayList<>(departments * (aislesPerDepartment + 1));
    List<String> aisles = new ArrayList<>();
    for (int d = 0; d < departments; d++) {
      String dep = "d" + d;
      categories.add(new CategoryInfo(dep, "Department " + d, null));
      for (int a = 0; a < aislesPerDepartment; a++) {
        String aisle = dep + "-a" + a;
        categories.add(new CategoryInfo(aisle, "Aisle " + d + "." + a, dep));
        aisles.add(aisle);
      }
    }

    products = new ProductInfo[productCount];
    productIndex = new HashMap<>(productCount * 2);
    productAisle = new int[productCount];
    ineligible = new boolean[productCount];
    // Aisle members in popularity order, for the "same aisle" draws.
    int[][] aisleMembers = new int[aisles.size()][];
    int[] aisleSize = new int[aisles.size()];
    for (int p = 0; p < productCount; p++) {
      productAisle[p] = rnd.nextInt(aisles.size());
      aisleSize[productAisle[p]]++;
    }
    for (int a = 0; a < aisles.size(); a++) {
      aisleMembers[a] = new int[aisleSize[a]];
      aisleSize[a] = 0;
    }
    for (int p = 0; p < productCount; p++) {
      int a = productAisle[p];
      aisleMembers[a][aisleSize[a]++] = p;
      String id = "P" + p;
      Instant available = NOW.minusSeconds(86_400L * rnd.nextInt(720));
      BigDecimal price = BigDecimal.valueOf(100 + rnd.nextInt(9_900), 2);
      products[p] =
          new ProductInfo(
              id,
              "Product " + p,
              List.of(aisles.get(a)),
              "Manufacturer " + rnd.nextInt(manufacturers),
              available,
              price,
              null,
              "/product/" + id,
              null);
      productIndex.put(id, p);
      ineligible[p] = rnd.nextInt(50) == 0;
    }

    double[] globalCdf = zipfCdf(productCount, 1.0);
    double[][] aisleCdf = new double[aisles.size()][];
    for (int a = 0; a < aisles.size(); a++) {
      aisleCdf[a] = zipfCdf(aisleMembers[a].length, 1.0);
    }

    orderStart = new int[orderCount + 1];
    int[] lp = new int[orderCount * 5];
    byte[] lq = new byte[orderCount * 5];
    orderCustomer = new int[orderCount];
    orderEpochSecond = new long[orderCount];
    long start = NOW.getEpochSecond() - 365L * 86_400;
    long step = 365L * 86_400 / orderCount;
    int lines = 0;
    int[] picked = new int[8];
    for (int o = 0; o < orderCount; o++) {
      orderStart[o] = lines;
      orderCustomer[o] = rnd.nextInt(customerCount);
      orderEpochSecond[o] = start + o * step + rnd.nextInt((int) Math.max(1, step));
      int n = 1 + Math.min(6, (int) (-Math.log(1 - rnd.nextDouble()) * 4.5)); // mean ≈ 3.96
      int count = 0;
      int first = sample(globalCdf, rnd);
      picked[count++] = first;
      int aisle = productAisle[first];
      while (count < n) {
        int p =
            rnd.nextDouble() < 0.6 && aisleMembers[aisle].length > 1
                ? aisleMembers[aisle][sample(aisleCdf[aisle], rnd)]
                : sample(globalCdf, rnd);
        boolean dup = false;
        for (int i = 0; i < count; i++) {
          dup |= picked[i] == p;
        }
        if (!dup) {
          picked[count++] = p;
        } else if (aisleMembers[aisle].length <= count) {
          break;
        }
      }
      if (lines + count > lp.length) {
        lp = Arrays.copyOf(lp, lp.length * 3 / 2);
        lq = Arrays.copyOf(lq, lq.length * 3 / 2);
      }
      for (int i = 0; i < count; i++) {
        lp[lines] = picked[i];
        lq[lines] = (byte) (1 + (rnd.nextInt(4) == 0 ? rnd.nextInt(3) : 0));
        lines++;
      }
    }
    orderStart[orderCount] = lines;
    lineProduct = Arrays.copyOf(lp, lines);
    lineQty = Arrays.copyOf(lq, lines);
    customerIds = new String[customerCount];
    for (int c = 0; c < customerCount; c++) {
      customerIds[c] = "C" + c;
    }
  }

  /** Total order lines generated. */
  public int lineCount() {
    return orderStart[orderCount];
  }

  /** The order at this position as a host would return it. */
  public OrderRecord order(int o) {
    List<OrderLine> lines = new ArrayList<>(orderStart[o + 1] - orderStart[o]);
    for (int l = orderStart[o]; l < orderStart[o + 1]; l++) {
      ProductInfo p = products[lineProduct[l]];
      lines.add(new OrderLine(p.id(), lineQty[l], p.price()));
    }
    return new OrderRecord(
        "O" + o, customerIds[orderCustomer[o]], Instant.ofEpochSecond(orderEpochSecond[o]), lines);
  }

  /** Product ids of an order's lines (cart contexts for the benchmarks). */
  public List<String> orderProductIds(int o) {
    List<String> ids = new ArrayList<>();
    for (int l = orderStart[o]; l < orderStart[o + 1]; l++) {
      ids.add(products[lineProduct[l]].id());
    }
    return ids;
  }

  /** The id of the customer who placed order {@code o}. */
  public String orderCustomerId(int o) {
    return customerIds[orderCustomer[o]];
  }

  public String productId(int p) {
    return products[p].id();
  }

  private static double[] zipfCdf(int n, double s) {
    double[] cdf = new double[n];
    double sum = 0;
    for (int i = 0; i < n; i++) {
      sum += 1.0 / Math.pow(i + 1, s);
      cdf[i] = sum;
    }
    for (int i = 0; i < n; i++) {
      cdf[i] /= sum;
    }
    return cdf;
  }

  private static int sample(double[] cdf, SplittableRandom rnd) {
    int i = Arrays.binarySearch(cdf, rnd.nextDouble());
    return Math.min(cdf.length - 1, i < 0 ? -i - 1 : i);
  }

  // ------------------------------------------------------------------ host ports

  @Override
  public @Nullable ProductInfo product(String productId) {
    Integer p = productIndex.get(productId);
    return p == null ? null : products[p];
  }

  @Override
  public List<ProductInfo> allProducts() {
    return Arrays.asList(products);
  }

  @Override
  public List<CategoryInfo> categories() {
    return categories;
  }

  @Override
  public List<ProductInfo> searchProducts(String query, int limit) {
    return List.of();
  }

  /** Every order of the customer (no longer part of OrderHistoryPort). */
  public List<OrderRecord> findOrdersForCustomer(String customerId) {
    List<OrderRecord> result = new ArrayList<>();
    for (int o = 0; o < orderCount; o++) {
      if (customerIds[orderCustomer[o]].equals(customerId)) {
        result.add(order(o));
      }
    }
    return result;
  }

  @Override
  public List<OrderRecord> readBatchOrdersFromLastId(@Nullable String lastOrderId, int batchSize) {
    int from = lastOrderId == null ? 0 : Integer.parseInt(lastOrderId.substring(1)) + 1;
    int to = Math.min(orderCount, from + batchSize);
    List<OrderRecord> batch = new ArrayList<>(Math.max(0, to - from));
    for (int o = from; o < to; o++) {
      batch.add(order(o));
    }
    return batch;
  }

  @Override
  public @Nullable CustomerInfo customer(String customerId) {
    return new CustomerInfo(customerId, customerId, false, Set.of(), Locale.ENGLISH);
  }

  @Override
  public List<CustomerInfo> search(String query, int limit) {
    return List.of();
  }

  @Override
  public boolean isEligible(String productId, @Nullable CustomerInfo customer) {
    Integer p = productIndex.get(productId);
    return p != null && !ineligible[p];
  }
}
