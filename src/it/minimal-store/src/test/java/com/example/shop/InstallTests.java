package com.example.shop;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.CookieManager;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The install test: the store starts with the module on its classpath (from the local Maven
 * repository only), and a shopper's product page, cart and order confirmation each render their
 * Smart Lists widget with bestsellers, over real HTTP.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class InstallTests {

  private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");
  private static final Pattern ITEM_LIST = Pattern.compile("data-sl-item-list=\"([A-Z_]+)\"");

  @LocalServerPort int port;

  private final HttpClient http =
      HttpClient.newBuilder()
          .cookieHandler(new CookieManager())
          .followRedirects(HttpClient.Redirect.NORMAL)
          .connectTimeout(Duration.ofSeconds(10))
          .build();

  @Test
  void theThreeWidgetsRenderWithBestsellers() throws Exception {
    // The signals are rebuilt from the order history in the background at start-up.
    String product = untilBestsellers("/product/p1");
    assertThat(product).contains("data-sl-placement=\"PRODUCT_PAGE\"");
    assertThat(product).contains("€"); // prices in the store's currency

    String cart = post("/login", "customer=alice", product);
    cart = post("/cart", "product=p1", cart);
    assertThat(cart).contains("data-sl-placement=\"CART\"");
    assertThat(bestsellerItems(cart)).isNotEmpty();

    String confirmation = post("/checkout", "", cart);
    assertThat(confirmation).contains("confirmed").contains("data-sl-placement=\"ORDER_CONFIRMATION\"");
    assertThat(bestsellerItems(confirmation)).isNotEmpty();

    // The JSON endpoint answers for headless fronts with the same widget.
    String json = get("/smartlists/api/widget?placement=PRODUCT_PAGE&product=p1").body();
    assertThat(json).contains("\"placement\":\"PRODUCT_PAGE\"").contains("\"currency\":\"EUR\"");
  }

  private String untilBestsellers(String path) throws Exception {
    long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
    while (true) {
      HttpResponse<String> page = get(path);
      assertThat(page.statusCode()).isEqualTo(200);
      if (!bestsellerItems(page.body()).isEmpty() || System.nanoTime() > deadline) {
        assertThat(bestsellerItems(page.body())).as(page.body()).isNotEmpty();
        return page.body();
      }
      Thread.sleep(250);
    }
  }

  private static List<String> bestsellerItems(String html) {
    List<String> lists = new ArrayList<>();
    Matcher m = ITEM_LIST.matcher(html);
    while (m.find()) {
      if (m.group(1).startsWith("BESTSELLERS")) {
        lists.add(m.group(1));
      }
    }
    return lists;
  }

  private HttpResponse<String> get(String path) throws Exception {
    return http.send(
        HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).build(),
        HttpResponse.BodyHandlers.ofString());
  }

  /** Posts a form with the CSRF token of the page the shopper is on; returns the next page. */
  private String post(String path, String form, String currentPage) throws Exception {
    Matcher token = CSRF.matcher(currentPage);
    assertThat(token.find()).as("a CSRF token on the page").isTrue();
    String body = (form.isEmpty() ? "" : form + "&") + "_csrf=" + token.group(1);
    HttpResponse<String> response =
        http.send(
            HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    return response.body();
  }
}
