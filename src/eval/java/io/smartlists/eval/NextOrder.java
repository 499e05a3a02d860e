package io.smartlists.eval;

import io.smartlists.engine.EngineSettings;
import io.smartlists.engine.lists.ListContext;
import io.smartlists.engine.lists.SmartList;
import io.smartlists.engine.lists.SmartListRegistry;
import io.smartlists.engine.model.GlobalRules;
import io.smartlists.engine.model.ListType;
import io.smartlists.engine.model.Placement;
import io.smartlists.engine.model.SlotConfig;
import io.smartlists.engine.signals.Signals;
import io.smartlists.engine.signals.SignalsManager;
import io.smartlists.host.CatalogPort;
import io.smartlists.host.CategoryInfo;
import io.smartlists.host.CustomerInfo;
import io.smartlists.host.OrderHistoryPort;
import io.smartlists.host.OrderLine;
import io.smartlists.host.OrderRecord;
import io.smartlists.host.ProductInfo;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Protocol "next order", for files with customers and times. The orders are split as for basket
 * completion (by time, the last {@code floor(0.2 n)} are the test period). The engine's signals
 * ({@link SignalsManager}) are built from the training orders only, with the clock at the start of
 * the test period. Each customer with orders in both periods is a test case: their last order in
 * the test period is the target, their training orders are their history (and so the context of
 * {@code SMART_CROSS_SELLING}, which falls back to the purchase history when the page has no
 * products). Each list emits its top {@code k} as the engine would before the composer's exclusions
 * and eligibility gate, at the target order's time.
 */
final class NextOrder {

  /** The lists measured. */
  static final List<ListType> LISTS =
      List.of(
          ListType.SMART_CROSS_SELLING,
          ListType.ORDER_PRODUCT_REMINDERS,
          ListType.BESTSELLERS_CATALOG,
          ListType.BESTSELLERS_MOST_REPRESENTED_CATEGORY);

  private NextOrder() {}

  static List<Report.NextRow> run(Dataset data, List<OrderCsv.Row> rows, int k) {
    int[] split = data.splitOrder();
    int test = data.testCount();
    int[] train = Arrays.copyOf(split, split.length - test);
    boolean[] inTrain = new boolean[data.orderCount()];
    for (int o : train) {
      inTrain[o] = true;
    }
    // each customer's last test-period order, if they also ordered in the training period
    int[] target = new int[data.customerCount];
    Arrays.fill(target, -1);
    boolean[] hasHistory = new boolean[data.customerCount];
    for (int o = 0; o < data.orderCount(); o++) {
      int c = data.customers[o];
      if (c >= 0 && inTrain[o]) {
        hasHistory[c] = true;
      }
    }
    for (int x = split.length - test; x < split.length; x++) {
      int o = split[x];
      int c = data.customers[o];
      if (c >= 0 && hasHistory[c]) {
        target[c] = o; // later in split order wins: the last
      }
    }
    Instant start =
        test == 0 ? Instant.EPOCH : Instant.ofEpochSecond(data.times[split[split.length - test]]);
    CatalogPort catalog = catalog(rows);
    SignalsManager manager =
        new SignalsManager(
            catalog,
            history(data, rows, inTrain),
            () -> GlobalRules.DEFAULT,
            EngineSettings.DEFAULT.rebuildBatchSize(),
            Clock.fixed(start, ZoneOffset.UTC));
    manager.rebuild();
    Signals signals = manager.current();
    Evaluate.progress(
        "%s: ORDER_PRODUCT_REMINDERS %s", data.source, signals.reminderSelection().summary());
    SmartListRegistry registry = SmartListRegistry.defaults();
    String[] customerIds = customerIds(data, rows);

    List<Report.NextRow> out = new ArrayList<>();
    for (ListType type : LISTS) {
      SmartList list = registry.find(type);
      if (list == null
          || (type == ListType.BESTSELLERS_MOST_REPRESENTED_CATEGORY
              && catalog.categories().isEmpty())) {
        continue; // no categories in the file: nothing to measure
      }
      boolean[] shown = new boolean[data.productCount()];
      int distinctShown = 0;
      int cases = 0;
      double hits = 0;
      double recall = 0;
      double rr = 0;
      for (int c = 0; c < data.customerCount; c++) {
        int o = target[c];
        if (o < 0) {
          continue;
        }
        cases++;
        String customerId = customerIds[c];
        ListContext context =
            new ListContext(
                "eval-" + customerId,
                new CustomerInfo(customerId, customerId, false, Set.of(), Locale.ENGLISH),
                Placement.PRODUCT_PAGE,
                new int[0],
                SlotConfig.of(type),
                GlobalRules.DEFAULT,
                Instant.ofEpochSecond(data.times[o]));
        List<String> top = new ArrayList<>(k);
        list.candidates(
            signals,
            context,
            (product, reason) -> {
              String id = signals.productId(product);
              if (!top.contains(id)) {
                top.add(id);
              }
              return top.size() < k;
            });
        Set<String> bought = boughtIds(data, o);
        int found = 0;
        int firstRank = 0;
        for (int r = 0; r < top.size(); r++) {
          Integer p = data.productIndex(top.get(r));
          if (p != null && !shown[p]) {
            shown[p] = true;
            distinctShown++;
          }
          if (bought.contains(top.get(r))) {
            found++;
            if (firstRank == 0) {
              firstRank = r + 1;
            }
          }
        }
        hits += found > 0 ? 1 : 0;
        recall += (double) found / Math.min(k, bought.size());
        rr += firstRank == 0 ? 0 : 1.0 / firstRank;
      }
      out.add(
          new Report.NextRow(
              type.name(),
              cases == 0 ? 0 : hits / cases,
              cases == 0 ? 0 : recall / cases,
              cases == 0 ? 0 : rr / cases,
              (double) distinctShown / Math.max(1, data.productCount()),
              cases));
    }
    out.addAll(buyAgain(data, train, target, k));
    return out;
  }

  /**
   * The "buy again" references for {@code ORDER_PRODUCT_REMINDERS}: the customer's products of the
   * training period, most frequent first (orders containing them; ties: bought more recently, then
   * file order), and most recent first (the latest order's products in their order, then the order
   * before, ...), each scored as the lists are.
   */
  static List<Report.NextRow> buyAgain(Dataset data, int[] train, int[] target, int k) {
    List<List<Integer>> orders = new ArrayList<>(); // each customer's training orders, in time
    for (int c = 0; c < data.customerCount; c++) {
      orders.add(new ArrayList<>());
    }
    for (int o : train) { // split order: time order
      int c = data.customers[o];
      if (c >= 0 && target[c] >= 0) {
        orders.get(c).add(o);
      }
    }
    List<Report.NextRow> rows = new ArrayList<>();
    for (String name : List.of(BUY_AGAIN_FREQUENT, BUY_AGAIN_RECENT)) {
      boolean frequent = name.equals(BUY_AGAIN_FREQUENT);
      boolean[] shown = new boolean[data.productCount()];
      int distinctShown = 0;
      int cases = 0;
      double hits = 0;
      double recall = 0;
      double rr = 0;
      for (int c = 0; c < data.customerCount; c++) {
        if (target[c] < 0) {
          continue;
        }
        cases++;
        Map<Integer, int[]> seen = new LinkedHashMap<>(); // product -> {orders containing it}
        List<Integer> mine = orders.get(c);
        for (int x = mine.size() - 1; x >= 0; x--) { // most recent order first
          for (int p : data.orders[mine.get(x)]) {
            int[] s = seen.computeIfAbsent(p, q -> new int[1]);
            s[0]++;
          }
        }
        List<Integer> ranked = new ArrayList<>(seen.keySet()); // most recent first already
        if (frequent) {
          ranked.sort((a, b) -> Integer.compare(seen.get(b)[0], seen.get(a)[0])); // stable
        }
        Set<Integer> bought = new java.util.HashSet<>();
        for (int p : data.orders[target[c]]) {
          bought.add(p);
        }
        int found = 0;
        int firstRank = 0;
        for (int r = 0; r < Math.min(k, ranked.size()); r++) {
          int p = ranked.get(r);
          if (!shown[p]) {
            shown[p] = true;
            distinctShown++;
          }
          if (bought.contains(p)) {
            found++;
            if (firstRank == 0) {
              firstRank = r + 1;
            }
          }
        }
        hits += found > 0 ? 1 : 0;
        recall += (double) found / Math.min(k, bought.size());
        rr += firstRank == 0 ? 0 : 1.0 / firstRank;
      }
      rows.add(
          new Report.NextRow(
              name,
              cases == 0 ? 0 : hits / cases,
              cases == 0 ? 0 : recall / cases,
              cases == 0 ? 0 : rr / cases,
              (double) distinctShown / Math.max(1, data.productCount()),
              cases));
    }
    return rows;
  }

  static final String BUY_AGAIN_FREQUENT = "buy again: most frequent (reference)";
  static final String BUY_AGAIN_RECENT = "buy again: most recent (reference)";

  private static Set<String> boughtIds(Dataset data, int order) {
    String[] ids = new String[data.orders[order].length];
    for (int x = 0; x < ids.length; x++) {
      ids[x] = data.productIds[data.orders[order][x]];
    }
    return Set.of(ids);
  }

  private static String[] customerIds(Dataset data, List<OrderCsv.Row> rows) {
    String[] ids = new String[data.customerCount];
    Map<String, Integer> orderIndex = new LinkedHashMap<>();
    for (int o = 0; o < data.orderCount(); o++) {
      orderIndex.put(data.orderIds[o], o);
    }
    for (OrderCsv.Row row : rows) {
      int o = orderIndex.get(row.orderId());
      int c = data.customers[o];
      if (c >= 0 && ids[c] == null && row.customerId() != null) {
        ids[c] = row.customerId();
      }
    }
    return ids;
  }

  /** The file's products as a catalogue: first name, category and manufacturer, last price. */
  static CatalogPort catalog(List<OrderCsv.Row> rows) {
    Map<String, ProductInfo> products = new LinkedHashMap<>();
    Map<String, CategoryInfo> categories = new LinkedHashMap<>();
    for (OrderCsv.Row row : rows) {
      String category = row.category();
      if (category != null) {
        categories.putIfAbsent(category, new CategoryInfo(category, category, null));
      }
      ProductInfo known = products.get(row.productId());
      BigDecimal price =
          row.unitPrice() != null
              ? row.unitPrice()
              : known != null ? known.price() : BigDecimal.ZERO;
      products.put(
          row.productId(),
          new ProductInfo(
              row.productId(),
              known != null
                  ? known.name()
                  : row.productName() != null ? row.productName() : row.productId(),
              known != null
                  ? known.categoryIds()
                  : category == null ? List.of() : List.of(category),
              known != null ? known.manufacturer() : row.manufacturer(),
              null,
              price,
              null,
              "/product/" + row.productId(),
              null));
    }
    List<ProductInfo> all = List.copyOf(products.values());
    List<CategoryInfo> tree = List.copyOf(categories.values());
    return new CatalogPort() {
      @Override
      public @Nullable ProductInfo product(String productId) {
        return products.get(productId);
      }

      @Override
      public List<ProductInfo> allProducts() {
        return all;
      }

      @Override
      public List<CategoryInfo> categories() {
        return tree;
      }

      @Override
      public List<ProductInfo> searchProducts(String query, int limit) {
        List<ProductInfo> found = new ArrayList<>();
        for (ProductInfo p : all) {
          if (found.size() < limit && (p.id().contains(query) || p.name().contains(query))) {
            found.add(p);
          }
        }
        return found;
      }
    };
  }

  /** The training orders as the host's order history, in order-id order. */
  static OrderHistoryPort history(Dataset data, List<OrderCsv.Row> rows, boolean[] include) {
    Map<String, Integer> orderIndex = new LinkedHashMap<>();
    for (int o = 0; o < data.orderCount(); o++) {
      orderIndex.put(data.orderIds[o], o);
    }
    Map<String, List<OrderLine>> lines = new LinkedHashMap<>();
    Map<String, OrderCsv.Row> firstRow = new HashMap<>();
    for (OrderCsv.Row row : rows) {
      int o = orderIndex.get(row.orderId());
      if (include[o]) {
        firstRow.putIfAbsent(row.orderId(), row);
        lines
            .computeIfAbsent(row.orderId(), x -> new ArrayList<>())
            .add(
                new OrderLine(
                    row.productId(),
                    row.quantity(),
                    row.unitPrice() == null ? BigDecimal.ZERO : row.unitPrice()));
      }
    }
    List<OrderRecord> orders = new ArrayList<>();
    for (Map.Entry<String, List<OrderLine>> e : lines.entrySet()) {
      int o = orderIndex.get(e.getKey());
      String customer = firstRow.get(e.getKey()).customerId(); // every listed order has a row
      orders.add(
          new OrderRecord(
              e.getKey(), customer, Instant.ofEpochSecond(data.times[o]), e.getValue()));
    }
    orders.sort(Comparator.comparing(OrderRecord::orderId));
    List<OrderRecord> byId = List.copyOf(orders);
    return new OrderHistoryPort() {
      @Override
      public List<OrderRecord> readBatchOrdersFromLastId(
          @Nullable String lastOrderId, int batchSize) {
        int from = 0;
        if (lastOrderId != null) {
          from = byId.size();
          for (int x = 0; x < byId.size(); x++) {
            if (byId.get(x).orderId().compareTo(lastOrderId) > 0) {
              from = x;
              break;
            }
          }
        }
        return byId.subList(from, Math.min(byId.size(), from + batchSize));
      }
    };
  }
}
