package io.smartlists.host;

import org.jspecify.annotations.Nullable;

/**
 * The customer signed in on the current request. Broadleaf: {@code CustomerState.getCustomer()};
 * OFBiz: the {@code userLogin} session attribute's {@code partyId}. The anonymous visitor id is the
 * module's own cookie.
 */
public interface CurrentCustomerPort {

  /** The signed-in customer's id, or null for an anonymous visitor. */
  @Nullable String currentCustomerId();
}
