package io.smartlists.host;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Every customer of the store, read in batches: optional, only for newsletters sent to "all
 * customers of a journey stage" (customers without an order are known to the store alone, so the
 * module cannot list them from the order history). Broadleaf: {@code CustomerDao} paged by id;
 * OFBiz: {@code Party} with role {@code CUSTOMER} ordered by {@code partyId}. A store's {@link
 * CustomerPort} may implement this interface too.
 */
public interface CustomerDirectoryPort {

  /**
   * A batch of customer ids in the host's own id order, starting after {@code lastCustomerId} (from
   * the first customer when null). An empty list means there are no more. The module keeps one
   * batch in memory at a time.
   */
  List<String> customerIdsAfter(@Nullable String lastCustomerId, int batchSize);
}
