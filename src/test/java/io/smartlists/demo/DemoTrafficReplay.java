package io.smartlists.demo;

import io.smartlists.engine.SmartListsEngine;
import io.smartlists.host.OrderHistoryPort;
import io.smartlists.host.OrderLine;
import io.smartlists.host.OrderRecord;
import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Seeds the Statistics screen of the reference store with replayed traffic: real customers of the
 * shipped order history visit the running store over HTTP, each on one of the last 30 days, and buy
 * their real last order again.
 *
 * <p>Each shopper: a fresh browser (own visitor cookie and session) signs in as the customer
 * ("Browse as…"), views the products of their second-last order and then of their last order (the
 * "next order"); on every page, when a widget recommends a product of the next order not yet in the
 * cart, the shopper follows that tracked link and adds the product. Products of the next order no
 * widget led to are added from their own pages; then the cart, checkout and the order confirmation.
 * A shopper in the holdout sees no widget, so buys the same order without a click.
 *
 * <p>These are replayed figures, not live ones: the replayed shoppers buy the same order whatever
 * the widgets show, so the holdout card measures nothing causal here; it shows the mechanics.
 */
public final class DemoTrafficReplay {

  private static final Logger log = LoggerFactory.getLogger(DemoTrafficReplay.class);
  private static final Pattern LINK =
      Pattern.compile("href=\"(/smartlists/click\\?p=([^&\"]+)&amp;[^\"]*)\"");
  private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

  private final SmartListsEngine engine;
  private final OrderHistoryPort orders;
  private final DemoClock clock;

  DemoTrafficReplay(SmartListsEngine engine, OrderHistoryPort orders, DemoClock clock) {
    this.engine = engine;
    this.orders = orders;
    this.clock = clock;
  }

  /** What a replay did. */
  public record Result(int shoppers, int clicks, int orders) {}

  /**
   * Replays up to {@code shoppers} customers (those with at least two orders, by customer id)
   * against the store at {@code baseUrl}.
   */
  public Result replay(String baseUrl, int shoppers) {
    StoreTesting.awaitSignals(engine);
    List<List<OrderRecord>> histories = histories(shoppers);
    int clicks = 0;
    int placed = 0;
    int day = 0;
    try {
      for (List<OrderRecord> history : histories) {
        clock.setOffset(Duration.ofDays(29 - (day++ % 30)).plusHours(day % 7));
        try {
          Visit v = new Visit(baseUrl);
          clicks += v.shop(history);
          placed++;
        } catch (IOException | RuntimeException e) {
          log.debug("replayed shopper failed", e);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          break;
        }
      }
    } finally {
      clock.setOffset(Duration.ZERO);
    }
    log.info(
        "Traffic replay: {} shoppers, {} widget clicks, {} orders (replayed, not live)",
        histories.size(),
        clicks,
        placed);
    return new Result(histories.size(), clicks, placed);
  }

  /** Each chosen customer's orders, oldest first (at least two). */
  private List<List<OrderRecord>> histories(int limit) {
    Map<String, List<OrderRecord>> byCustomer = new TreeMap<>();
    String last = null;
    while (true) {
      List<OrderRecord> batch = orders.readBatchOrdersFromLastId(last, 2000);
      if (batch.isEmpty()) {
        break;
      }
      for (OrderRecord o : batch) {
        if (o.customerId() != null) {
          byCustomer.computeIfAbsent(o.customerId(), k -> new ArrayList<>()).add(o);
        }
      }
      last = batch.get(batch.size() - 1).orderId();
    }
    List<List<OrderRecord>> chosen = new ArrayList<>();
    for (List<OrderRecord> history : byCustomer.values()) {
      if (history.size() >= 2 && chosen.size() < limit) {
        history.sort((a, b) -> a.placedAt().compareTo(b.placedAt()));
        chosen.add(history);
      }
    }
    return chosen;
  }

  /** One shopper's browser. */
  private static final class Visit {

    private final String base;
    private final HttpClient http;

    Visit(String base) {
      this.base = base;
      this.http =
          HttpClient.newBuilder()
              .cookieHandler(new CookieManager())
              .followRedirects(HttpClient.Redirect.NORMAL)
              .connectTimeout(Duration.ofSeconds(10))
              .build();
    }

    int shop(List<OrderRecord> history) throws IOException, InterruptedException {
      OrderRecord next = history.get(history.size() - 1);
      OrderRecord previous = history.get(history.size() - 2);
      String home = get("/");
      post("/browse-as", csrf(get("/browse-as")), Map.of("customerId", next.customerId()));
      Set<String> toBuy = new LinkedHashSet<>();
      Map<String, Integer> quantity = new HashMap<>();
      for (OrderLine line : next.lines()) {
        toBuy.add(line.productId());
        quantity.merge(line.productId(), line.quantity(), Integer::sum);
      }
      List<String> pages = new ArrayList<>();
      for (OrderLine line : previous.lines()) {
        pages.add(line.productId());
      }
      pages.addAll(toBuy);
      int clicks = 0;
      for (String product : pages) {
        String html = get("/product/" + enc(product));
        clicks += followRecommendations(html, toBuy, quantity);
      }
      for (String product : new ArrayList<>(toBuy)) {
        add(get("/product/" + enc(product)), product, quantity.get(product));
      }
      String cart = get("/cart");
      clicks += followRecommendations(cart, toBuy, quantity);
      String checkout = get("/checkout");
      if (home.isEmpty() || !checkout.contains("place-order")) {
        throw new IOException("nothing to check out");
      }
      post("/checkout", csrf(checkout), Map.of());
      return clicks;
    }

    /** Follows the widget links to products still to buy, adding each; returns the clicks. */
    private int followRecommendations(String html, Set<String> toBuy, Map<String, Integer> quantity)
        throws IOException, InterruptedException {
      int clicks = 0;
      Matcher m = LINK.matcher(html);
      while (m.find()) {
        String product = URLDecoder.decode(m.group(2), StandardCharsets.UTF_8);
        if (toBuy.contains(product)) {
          String page = get(m.group(1).replace("&amp;", "&"));
          add(page, product, quantity.get(product));
          clicks++;
        }
      }
      return clicks;
    }

    private void add(String productPage, String product, Integer quantity)
        throws IOException, InterruptedException {
      if (!productPage.contains("id=\"add-to-cart\"")) {
        return;
      }
      post(
          "/cart/add",
          csrf(productPage),
          Map.of(
              "productId", product, "quantity", String.valueOf(quantity == null ? 1 : quantity)));
    }

    private String get(String path) throws IOException, InterruptedException {
      HttpResponse<String> r =
          http.send(
              HttpRequest.newBuilder(URI.create(base + path)).GET().build(),
              HttpResponse.BodyHandlers.ofString());
      return r.statusCode() == 200 ? r.body() : "";
    }

    private void post(String path, String csrf, Map<String, String> form)
        throws IOException, InterruptedException {
      StringBuilder body = new StringBuilder("_csrf=").append(enc(csrf));
      for (Map.Entry<String, String> e : form.entrySet()) {
        body.append('&').append(e.getKey()).append('=').append(enc(e.getValue()));
      }
      http.send(
          HttpRequest.newBuilder(URI.create(base + path))
              .header("Content-Type", "application/x-www-form-urlencoded")
              .POST(HttpRequest.BodyPublishers.ofString(body.toString()))
              .build(),
          HttpResponse.BodyHandlers.discarding());
    }

    private static String csrf(String html) throws IOException {
      Matcher m = CSRF.matcher(html);
      if (!m.find()) {
        throw new IOException("no CSRF token on the page");
      }
      return m.group(1);
    }

    private static String enc(String s) {
      return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
  }
}
