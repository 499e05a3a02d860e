package io.smartlists.engine.signals;

import io.smartlists.engine.model.GlobalRules;
import io.smartlists.engine.signals.copurchase.CoPurchaseBuilder;
import io.smartlists.engine.signals.copurchase.CoPurchaseIndex;
import io.smartlists.host.CategoryInfo;
import io.smartlists.host.OrderLine;
import io.smartlists.host.OrderRecord;
import io.smartlists.host.ProductInfo;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * One full rebuild: reads the catalogue into a {@link CatalogueIndex}, streams the order history
 * into an {@link OrderLog} (and the co-purchase builder), then has each signal build itself from
 * them: {@link BestsellerRanks}, {@link CustomerHistories} with the gaps for {@link
 * RepurchaseIntervals}, the {@link CoPurchaseIndex}. The previous snapshot's indexes are kept, so
 * browsing recorded before the rebuild stays valid.
 */
final class SignalsBuilder {

  private final @Nullable SignalsSnapshot previous;
  private final GlobalRules rules;
  private final Instant builtAt;
  private final BrowsingStore browsing;
  private final OrderLog log = new OrderLog();
  private final CustomerHistories customers = new CustomerHistories();
  private CatalogueIndex catalogue;
  private CoPurchaseBuilder coBuilder = CoPurchaseIndex.builder(0);
  private int[] scratch = new int[16];

  SignalsBuilder(
      @Nullable SignalsSnapshot previous, GlobalRules rules, Instant now, BrowsingStore browsing) {
    this.previous = previous;
    this.rules = rules;
    this.builtAt = now;
    this.browsing = browsing;
    this.catalogue = CatalogueIndex.EMPTY;
  }

  /** Reads the host's catalogue; call before {@link #addOrder}. */
  void readCatalog(List<ProductInfo> products, List<CategoryInfo> categories) {
    catalogue =
        CatalogueIndex.build(previous == null ? null : previous.catalogue, products, categories);
    coBuilder = CoPurchaseIndex.builder(catalogue.productCount());
    catalogue.describeProducts(coBuilder);
  }

  /** Streams one order of the history in; lines of unknown products are left out. */
  void addOrder(OrderRecord order) {
    List<OrderLine> ls = order.lines();
    log.ensureRoom(ls.size());
    int start = log.lines;
    int distinct = 0;
    for (OrderLine line : ls) {
      Integer p = catalogue.productIndex.get(line.productId());
      if (p == null || line.quantity() <= 0) {
        continue;
      }
      log.addLine(p, line.quantity(), line.unitPrice().floatValue());
      if (CatalogueIndex.indexOf(scratch, distinct, p) < 0) {
        if (distinct == scratch.length) {
          scratch = Arrays.copyOf(scratch, distinct * 2);
        }
        scratch[distinct++] = p;
      }
    }
    String customerId = order.customerId();
    int customer = customerId == null ? -1 : customers.register(customerId);
    long t = order.placedAt().getEpochSecond();
    log.endOrder(customer, t, order.orderId());
    if (log.lines > start) {
      coBuilder.addOrder(Arrays.copyOf(scratch, distinct), customer, t);
    }
  }

  /** True when an order with this id was streamed in (64-bit hash; call after {@link #build}). */
  boolean seen(String orderId) {
    return log.seen(orderId);
  }

  /** Orders streamed in. */
  int orderCount() {
    return log.orders;
  }

  /** Has every signal build itself from what was read, then lets the streamed arrays go. */
  SignalsSnapshot build() {
    BestsellerRanks ranks = BestsellerRanks.build(catalogue, log, rules, builtAt);
    RepurchaseIntervals.Gaps gaps = new RepurchaseIntervals.Gaps();
    customers.build(log, gaps, catalogue.productCount());
    ReminderSelection reminders = customers.reminders();
    LOG.log(
        reminders.validationOrders() == 0 ? System.Logger.Level.DEBUG : System.Logger.Level.INFO,
        "order product reminders over {0} orders: {1}",
        log.orders,
        reminders.summary());
    RepurchaseIntervals repurchase = gaps.build(catalogue.productCount());
    CoPurchaseIndex coPurchase = coBuilder.build();
    coBuilder = CoPurchaseIndex.builder(0); // let the builder's arrays go
    log.release();
    return new SignalsSnapshot(
        catalogue, ranks, customers, repurchase, coPurchase, browsing, builtAt);
  }

  private static final System.Logger LOG = System.getLogger(SignalsBuilder.class.getName());
}
