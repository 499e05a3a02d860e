package io.smartlists.demo.mail;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The store's own event after checkout (published in the order's transaction, handled after it
 * commits): what the post-purchase e-mail needs.
 */
public record OrderPlaced(
    String orderId, @Nullable String customerId, @Nullable String email, List<String> productIds) {}
