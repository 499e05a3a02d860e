package io.smartlists.host;

import org.jspecify.annotations.Nullable;

/**
 * The eligibility gate every recommended product passes at render time: active, visible,
 * purchasable, in stock, and entitled to this customer (customer group / B2B catalogue). Broadleaf:
 * {@code Product.isActive()}, {@code InventoryService.isAvailable}, customer segment rules; OFBiz:
 * {@code ProductWorker.isSellable}, {@code ProductStoreCatalog}, {@code ProductCategoryMember} date
 * ranges, {@code getInventoryAvailableByFacility}.
 *
 * <p>Called for every candidate on the widget path: keep it in memory.
 */
public interface EligibilityPort {

  /** True when the product may be shown to (and bought by) the customer; null is anonymous. */
  boolean isEligible(String productId, @Nullable CustomerInfo customer);
}
