package io.smartlists.mail;

import io.smartlists.engine.model.Placement;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The e-mail block for external e-mail tools: {@code GET
 * /smartlists/api/mail?customer=42&placement=EMAIL_POST_PURCHASE&order=1001&product=12&product=34&locale=fr&format=json}
 * with the store's API key in the {@code X-SmartLists-Key} header ({@code Authorization: Bearer
 * <key>} works too). {@code format} is {@code json} (the {@link MailBlock}, default), {@code html}
 * or {@code text}. The key is the store's own ({@code smartlists.mail.api-key}), not an admin
 * session, and is compared in constant time; a wrong or missing key is a 401, a request the
 * endpoint cannot read a 400 with {@code {"error": "..."}}. Every call is a send: its impression is
 * recorded and its links count clicks.
 */
@RestController
public final class MailApiController {

  private final SmartListsMail mail;
  private final byte[] keyDigest;

  /**
   * @param apiKey the store's API key (at least 16 characters)
   */
  public MailApiController(SmartListsMail mail, String apiKey) {
    if (apiKey.length() < 16) {
      throw new IllegalArgumentException("smartlists.mail.api-key needs at least 16 characters");
    }
    this.mail = mail;
    this.keyDigest = digest(apiKey);
  }

  @GetMapping("${smartlists.site.path:/smartlists}/api/mail")
  ResponseEntity<?> block(
      @RequestHeader(name = "X-SmartLists-Key", required = false) @Nullable String key,
      @RequestHeader(name = "Authorization", required = false) @Nullable String authorization,
      @RequestParam(name = "customer", required = false) @Nullable String customer,
      @RequestParam(name = "placement", required = false) @Nullable String placement,
      @RequestParam(name = "order", required = false) @Nullable String order,
      @RequestParam(name = "product", required = false) @Nullable List<String> products,
      @RequestParam(name = "locale", required = false) @Nullable String locale,
      @RequestParam(name = "send", required = false) @Nullable String send,
      @RequestParam(name = "format", defaultValue = "json") String format) {
    String given = key;
    if (given == null && authorization != null && authorization.startsWith("Bearer ")) {
      given = authorization.substring("Bearer ".length()).trim();
    }
    if (given == null || !MessageDigest.isEqual(keyDigest, digest(given))) {
      return error(HttpStatus.UNAUTHORIZED, "missing or wrong API key");
    }
    Placement p = parse(placement);
    if (p == null) {
      return error(HttpStatus.BAD_REQUEST, "placement must be one of " + Placement.emails());
    }
    if (customer == null || customer.isBlank() || customer.length() > 200) {
      return error(HttpStatus.BAD_REQUEST, "customer is required");
    }
    if (!List.of("json", "html", "text").contains(format)) {
      return error(HttpStatus.BAD_REQUEST, "format must be json, html or text");
    }
    List<String> ids = products == null ? List.of() : products;
    if (ids.size() > 500 || (send != null && send.length() > 100)) {
      return error(HttpStatus.BAD_REQUEST, "too many products or send id too long");
    }
    MailBlock block =
        mail.render(
            new MailRequest(
                customer,
                p,
                order,
                ids,
                locale == null || locale.isBlank() ? null : Locale.forLanguageTag(locale),
                send));
    ResponseEntity.BodyBuilder ok = ResponseEntity.ok().cacheControl(CacheControl.noStore());
    return switch (format) {
      case "html" ->
          ok.contentType(new MediaType(MediaType.TEXT_HTML, StandardCharsets.UTF_8))
              .body(block.html());
      case "text" ->
          ok.contentType(new MediaType(MediaType.TEXT_PLAIN, StandardCharsets.UTF_8))
              .body(block.text());
      default -> ok.contentType(MediaType.APPLICATION_JSON).body(block);
    };
  }

  private static @Nullable Placement parse(@Nullable String name) {
    if (name == null) {
      return null;
    }
    try {
      Placement p = Placement.valueOf(name.trim().toUpperCase(Locale.ROOT));
      return p.email() ? p : null;
    } catch (IllegalArgumentException e) {
      return null;
    }
  }

  private static ResponseEntity<Map<String, String>> error(HttpStatus status, String message) {
    return ResponseEntity.status(status)
        .cacheControl(CacheControl.noStore())
        .contentType(MediaType.APPLICATION_JSON)
        .body(Map.of("error", message));
  }

  /** SHA-256 of the key: equal-length digests, so the comparison leaks not even the length. */
  private static byte[] digest(String key) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is missing from this JVM", e);
    }
  }
}
