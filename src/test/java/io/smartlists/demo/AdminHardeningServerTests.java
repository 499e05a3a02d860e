package io.smartlists.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Issue 14 item 5, the hardening items that need the real web server (Tomcat's cookie processing
 * and redirects, forwarded headers, the actuator), on the reference store. Requests are written by
 * hand on a socket, so the Host and X-Forwarded-* headers are exactly the attacker's or the
 * proxy's.
 */
@SpringBootTest(
    classes = DemoStoreApplication.class,
    webEnvironment = WebEnvironment.RANDOM_PORT,
    properties = {StoreTesting.TEST_PROPERTIES, StoreTesting.NO_HOLDOUT})
class AdminHardeningServerTests {

  @LocalServerPort int port;

  /** Sends one raw HTTP/1.1 request; returns the status line and headers (body dropped). */
  private List<String> raw(String method, String path, String... headers) throws IOException {
    try (Socket socket = new Socket("127.0.0.1", port)) {
      socket.setSoTimeout(30_000);
      StringBuilder request = new StringBuilder(method + " " + path + " HTTP/1.1\r\n");
      boolean hasHost = false;
      for (String h : headers) {
        hasHost |= h.regionMatches(true, 0, "Host:", 0, 5);
        request.append(h).append("\r\n");
      }
      if (!hasHost) {
        request.append("Host: localhost:").append(port).append("\r\n");
      }
      request.append("Connection: close\r\nContent-Length: 0\r\n\r\n");
      OutputStream out = socket.getOutputStream();
      out.write(request.toString().getBytes(StandardCharsets.US_ASCII));
      out.flush();
      BufferedReader in =
          new BufferedReader(
              new InputStreamReader(socket.getInputStream(), StandardCharsets.ISO_8859_1));
      List<String> lines = new ArrayList<>();
      String line;
      while ((line = in.readLine()) != null && !line.isEmpty()) {
        lines.add(line);
      }
      return lines;
    }
  }

  private static List<String> header(List<String> response, String name) {
    return response.stream()
        .filter(l -> l.regionMatches(true, 0, name + ":", 0, name.length() + 1))
        .map(l -> l.substring(name.length() + 1).strip())
        .toList();
  }

  @Test
  void relativeRedirectsOnly_aForgedHostNeverEndsUpInARedirect() throws IOException {
    List<String> toLogin = raw("GET", "/admin/smartlists", "Host: evil.example");
    assertThat(toLogin.get(0)).contains(" 302");
    assertThat(header(toLogin, "Location")).containsExactly("/admin/smartlists/login");

    List<String> forwarded =
        raw(
            "GET",
            "/admin/smartlists/rules",
            "Host: evil.example",
            "X-Forwarded-Host: evil2.example",
            "X-Forwarded-Proto: https");
    assertThat(header(forwarded, "Location")).singleElement().asString().startsWith("/admin/");
  }

  @Test
  void sameSiteAndSecureCookiesBehindHttps() throws IOException {
    List<String> plain = raw("GET", "/admin/smartlists/login");
    assertThat(header(plain, "Set-Cookie"))
        .filteredOn(c -> c.startsWith("JSESSIONID="))
        .singleElement()
        .asString()
        .contains("SameSite=Lax")
        .contains("HttpOnly")
        .doesNotContain("Secure");

    // a TLS-terminating proxy in front (loopback is a trusted proxy by default)
    List<String> behindTls =
        raw(
            "GET",
            "/admin/smartlists/login",
            "X-Forwarded-Proto: https",
            "X-Forwarded-For: 1.2.3.4");
    assertThat(header(behindTls, "Set-Cookie"))
        .filteredOn(c -> c.startsWith("JSESSIONID="))
        .singleElement()
        .asString()
        .contains("SameSite=Lax")
        .contains("Secure");
    assertThat(header(behindTls, "Content-Security-Policy"))
        .singleElement()
        .asString()
        .doesNotContain("unsafe-inline");
  }

  @Test
  void healthDetailsOnlyToAdmins() {
    StoreClient anonymous = new StoreClient(port);
    String publicHealth = anonymous.get("/actuator/health");
    assertThat(publicHealth).contains("\"status\"").doesNotContain("components");

    StoreClient admin = new StoreClient(port);
    admin.get("/admin/smartlists/login");
    admin.post("/admin/smartlists/login", Map.of("username", "admin", "password", "admin"));
    assertThat(admin.get("/actuator/health")).contains("components").contains("db");

    StoreClient merchant = new StoreClient(port);
    merchant.get("/admin/smartlists/login");
    merchant.postWithoutFollowing(
        "/admin/smartlists/login", Map.of("username", "merchant", "password", "merchant"));
    assertThat(merchant.get("/actuator/health")).doesNotContain("components");
  }
}
