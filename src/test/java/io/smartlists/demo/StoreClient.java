package io.smartlists.demo;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.CookieManager;
import java.net.HttpCookie;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.StringJoiner;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * One shopper talking HTTP to the running store: its own cookies (session, visitor cookie), the
 * CSRF token taken from the last page like a browser's form would send it, redirects followed.
 */
final class StoreClient {

  private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

  private final String baseUrl;
  private final HttpClient http;
  private final CookieManager cookies = new CookieManager();
  private String csrf = "";
  private String lastPath = "/";

  StoreClient(int port) {
    this.baseUrl = "http://localhost:" + port;
    this.http =
        HttpClient.newBuilder()
            .cookieHandler(cookies)
            .followRedirects(HttpClient.Redirect.NORMAL)
            .connectTimeout(Duration.ofSeconds(10))
            .build();
  }

  /** The value of a cookie the store set, or null. */
  @Nullable String cookie(String name) {
    for (HttpCookie c : cookies.getCookieStore().getCookies()) {
      if (c.getName().equals(name)) {
        return c.getValue();
      }
    }
    return null;
  }

  /** The status of a GET, without failing on errors and without following redirects. */
  int status(String path) {
    return raw(HttpRequest.newBuilder(URI.create(baseUrl + path)).GET()).statusCode();
  }

  /** A GET with this shopper's cookies, whatever the status, redirects not followed. */
  HttpResponse<String> getRaw(String path) {
    return raw(HttpRequest.newBuilder(URI.create(baseUrl + path)).GET());
  }

  /** The response of a form POST sent as is (no CSRF token added), redirects not followed. */
  HttpResponse<String> postRaw(String path, Map<String, String> form) {
    return raw(
        HttpRequest.newBuilder(URI.create(baseUrl + path))
            .header("Content-Type", "application/x-www-form-urlencoded")
            .POST(HttpRequest.BodyPublishers.ofString(encode(form))));
  }

  /**
   * POSTs a form with the CSRF token of the last page; the response as is, redirects not followed.
   */
  HttpResponse<String> postWithoutFollowing(String path, Map<String, String> form) {
    Map<String, String> fields = new LinkedHashMap<>(form);
    fields.put("_csrf", csrf);
    return postRaw(path, fields);
  }

  /** GETs a page; fails unless it answers 200. */
  String get(String path) {
    return send(HttpRequest.newBuilder(URI.create(baseUrl + path)).GET(), path);
  }

  /** POSTs a form with the CSRF token of the last page (GETs the page first when there is none). */
  String post(String path, Map<String, String> form) {
    if (csrf.isEmpty()) {
      get(lastPath);
    }
    Map<String, String> fields = new LinkedHashMap<>(form);
    fields.put("_csrf", csrf);
    return send(
        HttpRequest.newBuilder(URI.create(baseUrl + path))
            .header("Content-Type", "application/x-www-form-urlencoded")
            .POST(HttpRequest.BodyPublishers.ofString(encode(fields))),
        path);
  }

  private static String encode(Map<String, String> fields) {
    StringJoiner body = new StringJoiner("&");
    fields.forEach(
        (k, v) ->
            body.add(
                URLEncoder.encode(k, StandardCharsets.UTF_8)
                    + "="
                    + URLEncoder.encode(v, StandardCharsets.UTF_8)));
    return body.toString();
  }

  private HttpResponse<String> raw(HttpRequest.Builder request) {
    HttpClient noRedirects =
        HttpClient.newBuilder()
            .cookieHandler(cookies)
            .followRedirects(HttpClient.Redirect.NEVER)
            .build();
    try {
      return noRedirects.send(
          request.timeout(Duration.ofSeconds(60)).build(), HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /** Adds to the cart and checks out as this shopper; returns the confirmation page. */
  String buy(String productId, int quantity) {
    get("/product/" + productId);
    post("/cart/add", Map.of("productId", productId, "quantity", Integer.toString(quantity)));
    get("/checkout");
    String confirmation = post("/checkout", Map.of("email", ""));
    if (!confirmation.contains("is confirmed")) {
      throw new AssertionError("checkout did not confirm an order:\n" + confirmation);
    }
    return confirmation;
  }

  private String send(HttpRequest.Builder request, String path) {
    try {
      HttpResponse<String> response =
          http.send(
              request.timeout(Duration.ofSeconds(60)).build(),
              HttpResponse.BodyHandlers.ofString());
      if (response.statusCode() != 200) {
        throw new AssertionError(
            path + " answered " + response.statusCode() + ":\n" + response.body());
      }
      Matcher m = CSRF.matcher(response.body());
      if (m.find()) {
        csrf = m.group(1);
      }
      lastPath = response.uri().getRawPath();
      return response.body();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
