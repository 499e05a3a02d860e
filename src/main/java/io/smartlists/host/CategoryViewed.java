package io.smartlists.host;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/** A category page was viewed. */
public record CategoryViewed(
    String visitorId, @Nullable String customerId, String categoryId, Instant at)
    implements SmartListsEvent {}
