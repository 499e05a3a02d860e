package io.smartlists.engine.model;

import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Asks for the widget of one placement for one visitor.
 *
 * @param placement where it renders
 * @param visitorId the visitor's opaque id
 * @param customerId the signed-in customer, or null
 * @param contextProductIds the host ids of the page's products (viewed product, cart or order
 *     lines)
 * @param now the request time
 * @param trace true to record dropped candidates for the admin preview (slower)
 */
public record WidgetRequest(
    Placement placement,
    String visitorId,
    @Nullable String customerId,
    List<String> contextProductIds,
    Instant now,
    boolean trace) {

  public WidgetRequest {
    contextProductIds = List.copyOf(contextProductIds);
  }
}
