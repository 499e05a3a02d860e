package io.smartlists.demo;

import static org.assertj.core.api.Assertions.assertThat;

import io.smartlists.demo.catalog.DemoCatalog;
import io.smartlists.demo.catalog.Product;
import io.smartlists.demo.customer.Customer;
import io.smartlists.demo.customer.DemoCustomers;
import io.smartlists.demo.data.DemoDataLoader;
import io.smartlists.demo.order.DemoOrderHistory;
import io.smartlists.host.CustomerInfo;
import io.smartlists.host.OrderHistoryPort;
import io.smartlists.host.OrderRecord;
import io.smartlists.stats.ShopperEventRecorder;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The reference store on its real data: the events it publishes, its eligibility rules, its order
 * history port, the date shift, and its security (CSRF on the storefront, the demo administrator).
 */
@SpringBootTest(
    classes = DemoStoreApplication.class,
    webEnvironment = WebEnvironment.RANDOM_PORT,
    properties = {StoreTesting.TEST_PROPERTIES, StoreTesting.NO_HOLDOUT})
class DemoStoreTests {

  @LocalServerPort int port;

  @Autowired JdbcTemplate jdbc;

  @Autowired DemoCatalog catalog;

  @Autowired DemoCustomers customers;

  @Autowired OrderHistoryPort orderHistory;

  @Autowired DemoDataLoader data;

  @Autowired ShopperEventRecorder recorder;

  @Test
  void shopping_publishesEachEventOnceInTheEventLog() {
    List<Product> eligible = StoreTesting.eligibleByUnitsSold(catalog);
    Product first = eligible.get(0);
    Product second = eligible.get(1);
    StoreClient shopper = new StoreClient(port);

    shopper.get(first.getUrl());
    shopper.get("/category/" + first.getCategoryId());
    shopper.post("/cart/add", Map.of("productId", first.getId(), "quantity", "1"));
    shopper.post("/cart/add", Map.of("productId", second.getId(), "quantity", "1"));
    shopper.post("/cart/update", Map.of("productId", first.getId(), "quantity", "3"));
    shopper.post("/cart/remove", Map.of("productId", second.getId()));
    shopper.get("/checkout");
    String confirmation = shopper.post("/checkout", Map.of("email", ""));
    // any customer but the featured ones, whose stages other tests check
    CustomerInfo someone =
        customers.search("household", 50).stream()
            .filter(c -> customers.find(c.id()).getPersona() == null)
            .findFirst()
            .orElseThrow();
    shopper.post("/browse-as", Map.of("customerId", someone.id(), "returnTo", "/"));

    String visitor = shopper.cookie("sl_vid");
    assertThat(visitor).as("the module's visitor cookie").isNotNull();
    // views reach SL_EVENT through the statistics recorder's batches, after the events written
    // at once: each is there once, the order of IDs is not the order of the pages
    recorder.flush();
    List<String> types =
        jdbc.queryForList(
            "SELECT TYPE FROM SL_EVENT WHERE VISITOR_ID = ? ORDER BY ID", String.class, visitor);
    assertThat(types)
        .containsExactlyInAnyOrder(
            "ProductViewed",
            "CategoryViewed",
            "CartChanged",
            "CartChanged",
            "CartChanged",
            "CartChanged",
            "OrderConfirmed",
            "CustomerLoggedIn");

    String orderId = confirmation.replaceAll("(?s).*id=\"order-id\">(\\d+)<.*", "$1");
    String payload =
        jdbc.queryForObject(
            "SELECT PAYLOAD FROM SL_EVENT WHERE VISITOR_ID = ? AND TYPE = 'OrderConfirmed'",
            String.class,
            visitor);
    assertThat(payload)
        .contains("\"" + orderId + "\"")
        .contains(first.getId())
        .doesNotContain(second.getId());
    assertThat(
            orderHistory.readBatchOrdersFromLastId(Long.toString(Long.parseLong(orderId) - 1), 1))
        .singleElement()
        .satisfies(
            o ->
                assertThat(o.lines())
                    .singleElement()
                    .satisfies(
                        l -> {
                          assertThat(l.productId()).isEqualTo(first.getId());
                          assertThat(l.quantity()).isEqualTo(3);
                        }));
  }

  @Test
  void productPages_soldOutCannotBeBoughtHiddenAndB2bOnlyAreNotShown() {
    List<Product> soldOut = new ArrayList<>();
    List<Product> hidden = new ArrayList<>();
    List<Product> b2bOnly = new ArrayList<>();
    for (var info : catalog.allProducts()) {
      Product p = catalog.find(info.id());
      if (p.getStock() == 0) {
        soldOut.add(p);
      }
      if (!p.isVisible()) {
        hidden.add(p);
      }
      if (p.isB2bOnly()) {
        b2bOnly.add(p);
      }
    }
    assertThat(soldOut).hasSize(2);
    assertThat(hidden).hasSize(1);
    assertThat(b2bOnly).hasSize(6);

    StoreClient anonymous = new StoreClient(port);
    String soldOutPage = anonymous.get(soldOut.get(0).getUrl());
    assertThat(soldOutPage).contains("Out of stock").doesNotContain("id=\"add-to-cart\"");
    anonymous.post("/cart/add", Map.of("productId", soldOut.get(0).getId(), "quantity", "1"));
    assertThat(anonymous.get("/cart"))
        .doesNotContain("data-cart-line=\"" + soldOut.get(0).getId() + "\"");
    assertThat(anonymous.status(hidden.get(0).getUrl())).isEqualTo(404);
    assertThat(anonymous.status(b2bOnly.get(0).getUrl())).isEqualTo(404);

    Customer business = customers.persona("B2B customer");
    CustomerInfo businessInfo = customers.customer(business.getId());
    assertThat(businessInfo.b2b()).isTrue();
    StoreClient b2b = new StoreClient(port);
    b2b.get("/");
    b2b.post("/browse-as", Map.of("customerId", business.getId(), "returnTo", "/"));
    assertThat(b2b.get(b2bOnly.get(0).getUrl()))
        .contains("id=\"add-to-cart\"")
        .contains("Business customers only");
    assertThat(catalog.isEligible(b2bOnly.get(0).getId(), businessInfo)).isTrue();
    assertThat(catalog.isEligible(b2bOnly.get(0).getId(), null)).isFalse();
  }

  @Test
  void history_endsThreeDaysBeforeTodayAndPersonasMatchTheirStage() {
    LocalDate today = LocalDate.now(data.clock());
    assertThat(data.historyEnd().atZone(ZoneOffset.UTC).toLocalDate())
        .isEqualTo(today.minusDays(3));

    List<OrderRecord> oneTime =
        ((DemoOrderHistory) orderHistory)
            .findOrdersForCustomer(customers.persona("one-time buyer").getId());
    assertThat(oneTime).hasSize(1);
    List<OrderRecord> repeat =
        ((DemoOrderHistory) orderHistory)
            .findOrdersForCustomer(customers.persona("repeat buyer").getId());
    assertThat(repeat).hasSizeGreaterThanOrEqualTo(8);
    List<OrderRecord> lapsed =
        ((DemoOrderHistory) orderHistory)
            .findOrdersForCustomer(customers.persona("lapsed buyer").getId());
    assertThat(lapsed).hasSizeGreaterThanOrEqualTo(3);
    assertThat(Duration.between(lapsed.get(lapsed.size() - 1).placedAt(), data.clock().instant()))
        .isGreaterThan(Duration.ofDays(180));
    assertThat(repeat.get(0).placedAt()).isBefore(repeat.get(repeat.size() - 1).placedAt());
  }

  @Test
  void readBatchOrdersFromLastId_walksEveryOrderOnceInIdOrder() {
    Long submitted =
        jdbc.queryForObject(
            "SELECT COUNT(*) FROM STORE_ORDER WHERE STATUS = 'SUBMITTED'", Long.class);
    long seen = 0;
    long lines = 0;
    long previous = Long.MIN_VALUE;
    String last = null;
    List<OrderRecord> batch;
    while (!(batch = orderHistory.readBatchOrdersFromLastId(last, 1000)).isEmpty()) {
      for (OrderRecord order : batch) {
        long id = Long.parseLong(order.orderId());
        assertThat(id).isGreaterThan(previous);
        previous = id;
        seen++;
        lines += order.lines().size();
      }
      last = batch.get(batch.size() - 1).orderId();
    }
    assertThat(seen).isGreaterThanOrEqualTo(submitted);
    assertThat(seen).isGreaterThanOrEqualTo(21_068);
    assertThat(lines).isGreaterThanOrEqualTo(26_097);
  }

  @Test
  void storefrontForms_refuseAPostWithoutTheCsrfToken() {
    StoreClient shopper = new StoreClient(port);
    Product product = StoreTesting.eligibleByUnitsSold(catalog).get(0);
    shopper.get(product.getUrl());
    HttpResponse<String> response =
        shopper.postRaw("/cart/add", Map.of("productId", product.getId()));
    assertThat(response.statusCode()).isEqualTo(403);
    assertThat(shopper.get("/cart")).doesNotContain("data-cart-line=");
  }

  @Test
  void adminLogin_adminEntersMerchantIsRefused() {
    StoreClient admin = new StoreClient(port);
    assertThat(admin.status("/admin/smartlists")).isEqualTo(302);
    admin.get("/admin/smartlists/login");
    String home =
        admin.post("/admin/smartlists/login", Map.of("username", "admin", "password", "admin"));
    assertThat(home).doesNotContain("name=\"password\"");
    assertThat(admin.status("/admin/smartlists")).isEqualTo(200);

    StoreClient merchant = new StoreClient(port);
    merchant.get("/admin/smartlists/login");
    assertThat(
            merchant
                .postWithoutFollowing(
                    "/admin/smartlists/login",
                    Map.of("username", "merchant", "password", "merchant"))
                .headers()
                .firstValue("Location"))
        .hasValueSatisfying(location -> assertThat(location).doesNotContain("error"));
    assertThat(merchant.status("/admin/smartlists")).isEqualTo(403);

    StoreClient stranger = new StoreClient(port);
    stranger.get("/admin/smartlists/login");
    String failed =
        stranger.post("/admin/smartlists/login", Map.of("username", "admin", "password", "wrong"));
    assertThat(failed).contains("name=\"password\"");
    assertThat(stranger.status("/admin/smartlists")).isEqualTo(302);
  }
}
