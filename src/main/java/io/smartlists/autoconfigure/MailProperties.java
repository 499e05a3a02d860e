package io.smartlists.autoconfigure;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Settings of the e-mail blocks under {@code smartlists.mail.*} (issue 12). The blocks, their links
 * and the landing page are on once {@code base-url} is set.
 */
@ConfigurationProperties("smartlists.mail")
public class MailProperties {

  /**
   * The storefront's public origin, e.g. {@code https://shop.example.com}: every link and image of
   * an e-mail is absolute against it. Unset: no e-mail blocks.
   */
  private @Nullable String baseUrl;

  /** How long an e-mail's links keep personalising the landing page and counting clicks. */
  private Duration linkMaxAge = Duration.ofDays(30);

  /**
   * UTM parameters added to every e-mail link, e.g. {@code utm_source=smartlists}, {@code
   * utm_medium=email}, {@code utm_campaign={placement}} ({@code {placement}} becomes the e-mail
   * placement in lower case).
   */
  private Map<String, String> utm = new LinkedHashMap<>();

  /** The block's templates below {@code templates/}, without {@code .mjml} / {@code .txt}. */
  private String template = "smartlists/mail/block";

  /** The landing page's template (a theme's own, in its layout). */
  private String landingTemplate = "smartlists/for-you";

  /** Items per list in an e-mail at most (rows of two). */
  private int maxItemsPerSlot = 4;

  /** The HTML's size limit in bytes (Gmail clips a message over about 102 KB). */
  private int maxBytes = 100_000;

  /**
   * The store's key for the REST endpoint {@code /smartlists/api/mail} (at least 16 characters);
   * unset: no endpoint.
   */
  private @Nullable String apiKey;

  /** How often a node re-reads the UTM parameters saved in the admin (from another node). */
  private Duration utmRefresh = Duration.ofSeconds(30);

  /** The admin's newsletter job. */
  private final Newsletter newsletter = new Newsletter();

  /** The admin's newsletter job ({@code smartlists.mail.newsletter.*}). */
  public static class Newsletter {

    /** Rendering threads (on 2 cores, 1 leaves the storefront a core). */
    private int threads = 1;

    /** Blocks per second at most (0: unthrottled). */
    private double maxPerSecond = 1_000;

    /** Where result files go; unset: {@code smartlists-newsletters} in the temporary directory. */
    private @Nullable String directory;

    public int getThreads() {
      return threads;
    }

    public void setThreads(int threads) {
      this.threads = threads;
    }

    public double getMaxPerSecond() {
      return maxPerSecond;
    }

    public void setMaxPerSecond(double maxPerSecond) {
      this.maxPerSecond = maxPerSecond;
    }

    public @Nullable String getDirectory() {
      return directory;
    }

    public void setDirectory(@Nullable String directory) {
      this.directory = directory;
    }
  }

  public Duration getUtmRefresh() {
    return utmRefresh;
  }

  public void setUtmRefresh(Duration utmRefresh) {
    this.utmRefresh = utmRefresh;
  }

  public Newsletter getNewsletter() {
    return newsletter;
  }

  public @Nullable String getBaseUrl() {
    return baseUrl;
  }

  public void setBaseUrl(@Nullable String baseUrl) {
    this.baseUrl = baseUrl;
  }

  public Duration getLinkMaxAge() {
    return linkMaxAge;
  }

  public void setLinkMaxAge(Duration linkMaxAge) {
    this.linkMaxAge = linkMaxAge;
  }

  public Map<String, String> getUtm() {
    return utm;
  }

  public void setUtm(Map<String, String> utm) {
    this.utm = utm;
  }

  public String getTemplate() {
    return template;
  }

  public void setTemplate(String template) {
    this.template = template;
  }

  public String getLandingTemplate() {
    return landingTemplate;
  }

  public void setLandingTemplate(String landingTemplate) {
    this.landingTemplate = landingTemplate;
  }

  public int getMaxItemsPerSlot() {
    return maxItemsPerSlot;
  }

  public void setMaxItemsPerSlot(int maxItemsPerSlot) {
    this.maxItemsPerSlot = maxItemsPerSlot;
  }

  public int getMaxBytes() {
    return maxBytes;
  }

  public void setMaxBytes(int maxBytes) {
    this.maxBytes = maxBytes;
  }

  public @Nullable String getApiKey() {
    return apiKey;
  }

  public void setApiKey(@Nullable String apiKey) {
    this.apiKey = apiKey;
  }
}
