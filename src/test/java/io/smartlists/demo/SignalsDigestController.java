package io.smartlists.demo;

import io.smartlists.engine.SmartListsEngine;
import io.smartlists.engine.signals.PurchaseHistory;
import io.smartlists.engine.signals.Signals;
import io.smartlists.engine.signals.SignalsManager;
import io.smartlists.host.CatalogPort;
import io.smartlists.host.OrderHistoryPort;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Test-only (off unless {@code demo.digest.enabled=true}, which only the multi-node harness sets):
 * a digest of what this node's signals learnt from orders, next to the same digest of signals
 * rebuilt afresh from the order history, so a test can tell that every committed order was applied
 * exactly once. Only exact integer facts go into it, none that depend on when an order was applied:
 * per product the orders containing it (co-purchase index), per customer the orders and the units
 * bought of each product. A lost order makes the live digest differ from the rebuilt one; so does
 * an order applied twice.
 */
@RestController
@ConditionalOnBooleanProperty("demo.digest.enabled")
class SignalsDigestController {

  private final SmartListsEngine engine;
  private final CatalogPort catalog;
  private final OrderHistoryPort orders;
  private final JdbcTemplate jdbc;

  SignalsDigestController(
      SmartListsEngine engine, CatalogPort catalog, OrderHistoryPort orders, JdbcTemplate jdbc) {
    this.engine = engine;
    this.catalog = catalog;
    this.orders = orders;
    this.jdbc = jdbc;
  }

  @GetMapping("/demo/signals-digest")
  Map<String, Object> digest() {
    List<String> customers =
        jdbc.queryForList("SELECT ID FROM STORE_CUSTOMER ORDER BY ID", String.class);
    Long storeOrders = jdbc.queryForObject("SELECT COUNT(*) FROM STORE_ORDER", Long.class);
    Facts live = facts(engine.signals(), customers);
    SignalsManager fresh =
        new SignalsManager(
            catalog, orders, () -> engine.config().globalRules(), 1_000, engine.clock());
    fresh.rebuild();
    Facts rebuilt = facts(fresh.current(), customers);
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("live", live.digest());
    body.put("rebuilt", rebuilt.digest());
    body.put("liveProductOrders", live.productOrders());
    body.put("rebuiltProductOrders", rebuilt.productOrders());
    body.put("liveCustomerOrders", live.customerOrders());
    body.put("rebuiltCustomerOrders", rebuilt.customerOrders());
    body.put("storeOrders", storeOrders == null ? 0 : storeOrders);
    return body;
  }

  private record Facts(String digest, long productOrders, long customerOrders) {}

  private static Facts facts(Signals signals, List<String> customers) {
    long h = 1;
    long productOrders = 0;
    for (int p = 0; p < signals.productCount(); p++) {
      int n = signals.coPurchase().orderCount(p);
      h = mix(h, signals.productId(p).hashCode());
      h = mix(h, n);
      productOrders += n;
    }
    long customerOrders = 0;
    for (String c : customers) {
      int n = signals.orderCount(c);
      customerOrders += n;
      h = mix(h, c.hashCode());
      h = mix(h, n);
      PurchaseHistory history = signals.purchases(c);
      Map<String, Integer> units = new TreeMap<>();
      for (int i = 0; i < history.size(); i++) {
        units.merge(signals.productId(history.product(i)), history.quantity(i), Integer::sum);
      }
      for (Map.Entry<String, Integer> e : units.entrySet()) {
        h = mix(h, e.getKey().hashCode());
        h = mix(h, e.getValue());
      }
    }
    return new Facts(Long.toHexString(h), productOrders, customerOrders);
  }

  private static long mix(long h, long v) {
    h = (h ^ v) * 0x9E3779B97F4A7C15L;
    return h ^ (h >>> 31);
  }
}
