package io.smartlists.site;

import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.time.Duration;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseCookie;

/**
 * The anonymous visitor id: an opaque random UUID in the module's own cookie ({@code sl_vid} by
 * default, HttpOnly, SameSite=Lax). The visitor filter issues it on the first request and exposes
 * it as the request attribute {@link #ATTRIBUTE}; stores read it with {@link #id} when they publish
 * events ({@code new OrderConfirmed(visitors.id(request), ...)}).
 */
public final class Visitors {

  /** The request attribute that holds the current visitor id. */
  public static final String ATTRIBUTE = Visitors.class.getName() + ".ID";

  private final String cookieName;
  private final Duration maxAge;
  private final @Nullable Boolean secure;

  public Visitors(String cookieName, Duration maxAge, @Nullable Boolean secure) {
    this.cookieName = cookieName;
    this.maxAge = maxAge;
    this.secure = secure;
  }

  /** The name of the visitor cookie. */
  public String cookieName() {
    return cookieName;
  }

  /**
   * The current visitor's id: the one the filter exposed, else the cookie's, else a new random id
   * remembered for this request only (the filter was not applied to it).
   */
  public String id(HttpServletRequest request) {
    Object id = request.getAttribute(ATTRIBUTE);
    if (id instanceof String s) {
      return s;
    }
    String fromCookie = fromCookie(request);
    String visitor = fromCookie != null ? fromCookie : UUID.randomUUID().toString();
    request.setAttribute(ATTRIBUTE, visitor);
    return visitor;
  }

  /** Reads the visitor id, or issues a new cookie; exposes it as {@link #ATTRIBUTE}. */
  String ensure(HttpServletRequest request, HttpServletResponse response) {
    String id = fromCookie(request);
    if (id == null) {
      id = UUID.randomUUID().toString();
      ResponseCookie cookie =
          ResponseCookie.from(cookieName, id)
              .path(request.getContextPath().isEmpty() ? "/" : request.getContextPath())
              .maxAge(maxAge)
              .httpOnly(true)
              .secure(secure != null ? secure : request.isSecure())
              .sameSite("Lax")
              .build();
      response.addHeader(HttpHeaders.SET_COOKIE, cookie.toString());
    }
    request.setAttribute(ATTRIBUTE, id);
    return id;
  }

  private @Nullable String fromCookie(HttpServletRequest request) {
    Cookie[] cookies = request.getCookies();
    if (cookies == null) {
      return null;
    }
    for (Cookie c : cookies) {
      if (cookieName.equals(c.getName()) && wellFormed(c.getValue())) {
        return c.getValue();
      }
    }
    return null;
  }

  /**
   * Only ids this module could have issued (a UUID), so a forged cookie cannot inject markup or
   * SQL.
   */
  static boolean wellFormed(@Nullable String value) {
    if (value == null || value.length() != 36) {
      return false;
    }
    for (int i = 0; i < 36; i++) {
      char c = value.charAt(i);
      boolean ok =
          (i == 8 || i == 13 || i == 18 || i == 23)
              ? c == '-'
              : (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
      if (!ok) {
        return false;
      }
    }
    return true;
  }
}
