package io.smartlists.stats;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Decides whether a followed link counts as a click: its token must verify against the store's
 * secret (so the item was really shown), must not be older than {@code maxAge} nor issued in the
 * future, and must not have been used before on this node (a replay counts nothing; across nodes
 * the figures count each token once). An accepted click is recorded and remembered for add-to-cart
 * tracking. Whatever it decides, the storefront still redirects to the product.
 */
public final class ClickTracking {

  /** Clock skew tolerated between the node that rendered a link and the one that receives it. */
  private static final Duration SKEW = Duration.ofMinutes(5);

  private final ShopperEventSink sink;
  private final ClickSigner signer;
  private final CartAddTracker cartAdds;
  private final Duration maxAge;
  private final Clock clock;
  private final Cache<String, Boolean> used;

  /**
   * @param maxAge how long a rendered link keeps counting (the attribution window)
   */
  public ClickTracking(
      ShopperEventSink sink,
      ClickSigner signer,
      CartAddTracker cartAdds,
      Duration maxAge,
      Clock clock) {
    this.sink = sink;
    this.signer = signer;
    this.cartAdds = cartAdds;
    this.maxAge = maxAge;
    this.clock = clock;
    this.used =
        Caffeine.newBuilder().expireAfterWrite(maxAge.plus(SKEW)).maximumSize(1_000_000).build();
  }

  /**
   * The click a request's parameters describe, recorded, or null when it counts nothing (missing,
   * forged, expired or replayed token).
   */
  public @Nullable ClickRow click(
      Map<String, String> params, String visitorId, @Nullable String customerId) {
    ClickToken token = ClickToken.parse(params);
    String signature = params.get("h");
    if (token == null || signature == null || !signer.verify(token.fields(), signature)) {
      return null;
    }
    Instant now = clock.instant();
    Instant issued = Instant.ofEpochSecond(token.issuedAt());
    if (issued.isAfter(now.plus(SKEW)) || issued.plus(maxAge).isBefore(now)) {
      return null;
    }
    if (used.asMap().putIfAbsent(signature, Boolean.TRUE) != null) {
      return null;
    }
    ClickRow row = new ClickRow(now, signature, token, visitorId, customerId);
    sink.record(ClickRow.TABLE, row);
    cartAdds.clicked(row);
    return row;
  }
}
