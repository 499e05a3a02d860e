package io.smartlists.host;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * A product page was viewed. Broadleaf has no such event: put the module's {@code sl:track-view} on
 * the product page (or call {@code ViewTracker.productViewed} from a headless front's controller).
 * The same visitor's repeated view of a product within a few seconds counts once, so recording it
 * both ways does no harm.
 */
public record ProductViewed(
    String visitorId, @Nullable String customerId, String productId, Instant at)
    implements SmartListsEvent {}
