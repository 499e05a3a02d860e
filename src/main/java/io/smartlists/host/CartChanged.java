package io.smartlists.host;

import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** The cart now holds these lines (Broadleaf {@code CartOperationRequest} workflows). */
public record CartChanged(
    String visitorId, @Nullable String customerId, List<OrderLine> lines, Instant at)
    implements SmartListsEvent {

  public CartChanged {
    lines = List.copyOf(lines);
  }
}
