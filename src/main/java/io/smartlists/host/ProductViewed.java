package io.smartlists.host;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/** A product page was viewed. Broadleaf has no such event: the module's interceptor records it. */
public record ProductViewed(
    String visitorId, @Nullable String customerId, String productId, Instant at)
    implements SmartListsEvent {}
