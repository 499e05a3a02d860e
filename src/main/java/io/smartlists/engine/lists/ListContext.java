package io.smartlists.engine.lists;

import io.smartlists.engine.model.GlobalRules;
import io.smartlists.engine.model.Placement;
import io.smartlists.engine.model.SlotConfig;
import io.smartlists.host.CustomerInfo;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * What a smart list knows about the request it ranks for.
 *
 * @param visitorId the visitor's opaque id
 * @param customer the signed-in customer, or null
 * @param placement where the widget renders
 * @param contextProducts the indexes of the products the page is about (viewed product, cart or
 *     order lines); unknown products are left out
 * @param slot the slot's configuration (parameters, limits)
 * @param rules the global rules in force
 * @param now the request time
 */
public record ListContext(
    String visitorId,
    @Nullable CustomerInfo customer,
    Placement placement,
    int[] contextProducts,
    SlotConfig slot,
    GlobalRules rules,
    Instant now) {

  /** The customer id, or null when anonymous. */
  public @Nullable String customerId() {
    return customer == null ? null : customer.id();
  }
}
