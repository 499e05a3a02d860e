package io.smartlists.mail;

import io.smartlists.stats.ClickSigner;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The links of an e-mail block: absolute (mail clients have no base URL), every one through the
 * store with a signed {@link MailToken}, with the store's optional UTM parameters; and the check of
 * a followed link's token (signature, then age: an e-mail is read days after it is sent, so e-mail
 * links live longer than a storefront's, 30 days by default).
 */
public final class MailLinks {

  /** Clock skew tolerated between the node that rendered a block and the one that is clicked. */
  private static final Duration SKEW = Duration.ofMinutes(5);

  private final ClickSigner signer;
  private final String baseUrl;
  private final String sitePath;
  private final Duration maxAge;
  private final MailUtm utm;
  private final Clock clock;

  /**
   * @param baseUrl the storefront's public origin, e.g. {@code https://shop.example.com}
   * @param sitePath the module's storefront prefix, e.g. {@code /smartlists}
   * @param maxAge how long a link keeps personalising and counting
   * @param utm UTM parameters added to every link ({@code utm_source=newsletter}...); a value's
   *     {@code {placement}} becomes the placement in lower case
   */
  public MailLinks(
      ClickSigner signer,
      String baseUrl,
      String sitePath,
      Duration maxAge,
      Map<String, String> utm,
      Clock clock) {
    this(signer, baseUrl, sitePath, maxAge, MailUtm.of(utm), clock);
  }

  /**
   * @param utm the UTM parameters of each e-mail placement (the properties overridden by the
   *     admin's settings)
   */
  public MailLinks(
      ClickSigner signer,
      String baseUrl,
      String sitePath,
      Duration maxAge,
      MailUtm utm,
      Clock clock) {
    if (!baseUrl.startsWith("https://") && !baseUrl.startsWith("http://")) {
      throw new IllegalArgumentException(
          "smartlists.mail.base-url must be an absolute http(s) URL, was " + baseUrl);
    }
    this.signer = signer;
    this.baseUrl = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
    this.sitePath = sitePath;
    this.maxAge = maxAge;
    this.utm = utm;
    this.clock = clock;
  }

  /** The tracked, absolute link of a recommended product. */
  public String clickUrl(MailToken token) {
    return baseUrl
        + sitePath
        + "/mail/click?t="
        + token.encode(signer.sign(token.fields()))
        + utm(token);
  }

  /** The absolute link to the personalised landing page. */
  public String landingUrl(MailToken token) {
    return baseUrl
        + sitePath
        + "/for-you?t="
        + token.encode(signer.sign(token.fields()))
        + utm(token);
  }

  /** The landing page of {@code token} below the store's context path (for a redirect). */
  public String landingPath(MailToken token) {
    return sitePath + "/for-you?t=" + token.encode(signer.sign(token.fields()));
  }

  /** The landing page without a token: nothing personal. */
  public String anonymousLandingPath() {
    return sitePath + "/for-you";
  }

  /** {@code url} made absolute against the storefront's origin (images, product pages). */
  public String absolute(String url) {
    if (url.startsWith("https://") || url.startsWith("http://")) {
      return url;
    }
    if (url.startsWith("//")) {
      return baseUrl.substring(0, baseUrl.indexOf(':') + 1) + url;
    }
    return baseUrl + (url.startsWith("/") ? url : "/" + url);
  }

  /**
   * The token of a followed link when it verifies and is neither expired nor from the future; null
   * otherwise (tampered, forged, expired: the link personalises and counts nothing).
   */
  public @Nullable MailToken verify(@Nullable String t) {
    MailToken.Signed signed = MailToken.decode(t);
    if (signed == null || !signer.verify(signed.token().fields(), signed.signature())) {
      return null;
    }
    Instant now = clock.instant();
    Instant issued = Instant.ofEpochSecond(signed.token().issuedAt());
    if (issued.isAfter(now.plus(SKEW)) || issued.plus(maxAge).isBefore(now)) {
      return null;
    }
    return signed.token();
  }

  /** The signature part of a verified link's token (the figures count each once). */
  static String signature(String t) {
    return t.substring(t.lastIndexOf('.') + 1);
  }

  /** The UTM parameters of the links (for the admin). */
  public MailUtm utm() {
    return utm;
  }

  private String utm(MailToken token) {
    Map<String, String> params = utm.parameters(token.placement());
    if (params.isEmpty()) {
      return "";
    }
    StringBuilder s = new StringBuilder();
    for (Map.Entry<String, String> e : params.entrySet()) {
      s.append('&')
          .append(URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8))
          .append('=')
          .append(URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8));
    }
    return s.toString();
  }
}
