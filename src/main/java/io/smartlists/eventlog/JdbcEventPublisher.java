package io.smartlists.eventlog;

import io.smartlists.host.CategoryViewed;
import io.smartlists.host.ProductViewed;
import io.smartlists.host.SmartListsEvent;
import io.smartlists.host.SmartListsEventPublisher;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Writes events to {@code SL_EVENT} with a {@link JdbcTemplate} over the store's data source, so
 * the insert joins the store's transaction when there is one (JPA or JDBC): an order that rolls
 * back takes its event with it. Once committed (at once without a transaction), it asks this node's
 * tailer to poll and waits briefly for it, so the page after "place order" already sees the change;
 * the other nodes pick the event up on their next poll.
 *
 * <p>Product and category views are the exception when a view recorder is given (the statistics
 * recorder, writing {@link BrowsingEventTable} rows): this node applies the view to its signals at
 * once, and the recorder writes it to {@code SL_EVENT} in its next batch (within about a second)
 * with this node's origin, for the other nodes' tailers and for replays after a restart. The page
 * neither inserts nor waits; a crash can lose the views of the last second, never an order.
 */
public final class JdbcEventPublisher implements SmartListsEventPublisher {

  private static final Logger log = LoggerFactory.getLogger(JdbcEventPublisher.class);

  private static final String INSERT =
      "INSERT INTO SL_EVENT (TYPE, VISITOR_ID, CUSTOMER_ID, PAYLOAD, OCCURRED_AT) VALUES (?, ?, ?, ?, ?)";

  private final JdbcTemplate jdbc;
  private final EventCodec codec;
  private final EventLogTailer tailer;
  private final long applyWaitMillis;
  private final ViewDeduplicator views;
  private final @Nullable Consumer<SmartListsEvent> viewRecorder;

  /**
   * @param viewRecorder enqueues a view for the statistics recorder, which writes it to {@code
   *     SL_EVENT} in its batches ({@link BrowsingEventTable}), or null to insert views at once like
   *     every other event
   */
  public JdbcEventPublisher(
      JdbcTemplate jdbc,
      EventCodec codec,
      EventLogTailer tailer,
      Duration applyWait,
      ViewDeduplicator views,
      @Nullable Consumer<SmartListsEvent> viewRecorder) {
    this.jdbc = jdbc;
    this.codec = codec;
    this.tailer = tailer;
    this.applyWaitMillis = applyWait.toMillis();
    this.views = views;
    this.viewRecorder = viewRecorder;
  }

  @Override
  public void publish(SmartListsEvent event) {
    if (!views.firstView(event)) {
      log.debug("Smart Lists counted this view already: {}", event);
      return;
    }
    Consumer<SmartListsEvent> recorder = viewRecorder;
    if (recorder != null && (event instanceof ProductViewed || event instanceof CategoryViewed)) {
      tailer.applyHere(event);
      recorder.accept(event);
      return;
    }
    try {
      jdbc.update(
          INSERT,
          EventCodec.type(event),
          event.visitorId(),
          EventCodec.customerId(event),
          codec.write(event),
          OffsetDateTime.ofInstant(event.at(), ZoneOffset.UTC));
    } catch (RuntimeException e) {
      log.warn("Smart Lists could not record {}", event, e);
      return;
    }
    if (TransactionSynchronizationManager.isSynchronizationActive()
        && TransactionSynchronizationManager.isActualTransactionActive()) {
      TransactionSynchronizationManager.registerSynchronization(
          new TransactionSynchronization() {
            @Override
            public void afterCommit() {
              applySoon();
            }
          });
    } else {
      applySoon();
    }
  }

  /** Polls on the tailer's own thread (never on the committing connection) and waits a little. */
  private void applySoon() {
    if (!tailer.started()) {
      return;
    }
    try {
      tailer.requestPoll().get(applyWaitMillis, TimeUnit.MILLISECONDS);
    } catch (TimeoutException e) {
      log.debug(
          "Smart Lists event not applied within {} ms; the tailer will catch up", applyWaitMillis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (Exception e) {
      log.warn("Smart Lists event log poll failed", e);
    }
  }
}
