package io.smartlists.site;

import io.smartlists.host.CategoryViewed;
import io.smartlists.host.CurrentCustomerPort;
import io.smartlists.host.ProductViewed;
import io.smartlists.host.SmartListsEvent;
import io.smartlists.host.SmartListsEventPublisher;
import jakarta.servlet.http.HttpServletRequest;
import java.time.Clock;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Records product and category views, which Broadleaf does not publish: used by {@code
 * sl:track-view} / {@code sl:track-category}, and callable from a store's controller. Never throws.
 */
public final class ViewTracker {

  private static final Logger log = LoggerFactory.getLogger(ViewTracker.class);

  private final @Nullable SmartListsEventPublisher publisher;
  private final CurrentCustomerPort currentCustomer;
  private final Visitors visitors;
  private final Clock clock;

  /**
   * @param publisher the event log, or null when the module has no database (views are not
   *     recorded)
   */
  public ViewTracker(
      @Nullable SmartListsEventPublisher publisher,
      CurrentCustomerPort currentCustomer,
      Visitors visitors,
      Clock clock) {
    this.publisher = publisher;
    this.currentCustomer = currentCustomer;
    this.visitors = visitors;
    this.clock = clock;
  }

  /** The current visitor viewed this product. */
  public void productViewed(HttpServletRequest request, String productId) {
    publish(request, productId, true);
  }

  /** The current visitor viewed this category. */
  public void categoryViewed(HttpServletRequest request, String categoryId) {
    publish(request, categoryId, false);
  }

  private void publish(HttpServletRequest request, String id, boolean product) {
    if (publisher == null || id.isBlank()) {
      return;
    }
    try {
      String visitor = visitors.id(request);
      String customer = currentCustomer.currentCustomerId();
      SmartListsEvent event =
          product
              ? new ProductViewed(visitor, customer, id, clock.instant())
              : new CategoryViewed(visitor, customer, id, clock.instant());
      publisher.publish(event);
    } catch (RuntimeException e) {
      log.warn("Smart Lists could not record a view of {}", id, e);
    }
  }
}
