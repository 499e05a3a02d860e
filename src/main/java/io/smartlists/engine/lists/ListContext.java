package io.smartlists.engine.lists;

import io.smartlists.engine.model.GlobalRules;
import io.smartlists.engine.model.Placement;
import io.smartlists.engine.model.SlotConfig;
import io.smartlists.engine.signals.Signals;
import io.smartlists.host.CustomerInfo;
import java.time.Instant;
import java.util.Arrays;
import java.util.Collection;
import java.util.function.ToIntFunction;
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

  /** The indexes of the slot's chosen categories that the catalogue knows, in the slot's order. */
  int[] chosenCategories(Signals signals) {
    return known(slot.categories(), signals::categoryIndex);
  }

  /**
   * The indexes of the slot's chosen manufacturers that the catalogue knows, in the slot's order.
   */
  int[] chosenManufacturers(Signals signals) {
    return known(slot.manufacturers(), signals::manufacturerIndex);
  }

  private static int[] known(Collection<String> ids, ToIntFunction<String> indexOf) {
    int[] indexes = new int[ids.size()];
    int n = 0;
    for (String id : ids) {
      int i = indexOf.applyAsInt(id);
      if (i >= 0) {
        indexes[n++] = i;
      }
    }
    return n == indexes.length ? indexes : Arrays.copyOf(indexes, n);
  }
}
