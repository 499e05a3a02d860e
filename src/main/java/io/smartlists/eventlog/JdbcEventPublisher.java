package io.smartlists.eventlog;

import io.smartlists.host.CartChanged;
import io.smartlists.host.CategoryViewed;
import io.smartlists.host.CustomerLoggedIn;
import io.smartlists.host.ProductViewed;
import io.smartlists.host.SmartListsEvent;
import io.smartlists.host.SmartListsEventPublisher;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
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
 * <p>Browsing events (views, cart changes, sign-ins) published outside a transaction are handed to
 * a {@link BrowsingEventWriter} instead, so a request thread never waits for a database connection:
 * while the database answers, the thread waits (at most the apply wait) for the event to be written
 * and applied, as before; while the {@link EventLogStatus} says the database is away it does not
 * wait at all, and the writer retries, or drops and counts once its queue is full. A row the
 * database rejects (bad data) is dropped and counted at once, without holding up the others (see
 * {@link BrowsingEventWriter}). Orders, returns, cancellations and catalogue changes are always
 * written on the caller's thread.
 *
 * <p>Product and category views take another path when a view recorder is given (the statistics
 * recorder, writing {@link BrowsingEventTable} rows): this node applies the view to its signals at
 * once, and the recorder writes it to {@code SL_EVENT} in its next batch (within about a second)
 * with this node's origin, for the other nodes' tailers and for replays after a restart. The page
 * neither inserts nor waits; a crash can lose the views of the last second, never an order.
 */
public final class JdbcEventPublisher implements SmartListsEventPublisher, AutoCloseable {

  private static final Logger log = LoggerFactory.getLogger(JdbcEventPublisher.class);

  static final String INSERT =
      "INSERT INTO SL_EVENT (TYPE, VISITOR_ID, CUSTOMER_ID, PAYLOAD, OCCURRED_AT) VALUES (?, ?, ?, ?, ?)";

  private final JdbcTemplate jdbc;
  private final EventCodec codec;
  private final EventLogTailer tailer;
  private final long applyWaitMillis;
  private final ViewDeduplicator views;
  private final @Nullable Consumer<SmartListsEvent> viewRecorder;
  private final EventLogStatus status;
  private final BrowsingEventWriter writer;

  /**
   * @param status where the writer reports (share the tailer's, so both see the database alike)
   * @param queueCapacity browsing events kept for a retry while the database is away
   * @param viewRecorder enqueues a view for the statistics recorder, which writes it to {@code
   *     SL_EVENT} in its batches ({@link BrowsingEventTable}), or null to send views through this
   *     publisher's own browsing writer like cart changes and sign-ins
   */
  public JdbcEventPublisher(
      JdbcTemplate jdbc,
      EventCodec codec,
      EventLogTailer tailer,
      Duration applyWait,
      ViewDeduplicator views,
      EventLogStatus status,
      int queueCapacity,
      @Nullable Consumer<SmartListsEvent> viewRecorder) {
    this.jdbc = jdbc;
    this.codec = codec;
    this.tailer = tailer;
    this.applyWaitMillis = applyWait.toMillis();
    this.views = views;
    this.viewRecorder = viewRecorder;
    this.status = status;
    this.writer = new BrowsingEventWriter(jdbc, INSERT, status, queueCapacity);
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
    boolean inTransaction =
        TransactionSynchronizationManager.isSynchronizationActive()
            && TransactionSynchronizationManager.isActualTransactionActive();
    if (!inTransaction && isBrowsing(event)) {
      publishBrowsing(event);
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
    if (inTransaction) {
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

  private static boolean isBrowsing(SmartListsEvent event) {
    return event instanceof ProductViewed
        || event instanceof CategoryViewed
        || event instanceof CartChanged
        || event instanceof CustomerLoggedIn;
  }

  /** Hands the event to the writer; waits for it to be written and applied unless degraded. */
  private void publishBrowsing(SmartListsEvent event) {
    CompletableFuture<Void> written = new CompletableFuture<>();
    boolean queued =
        writer.offer(
            new BrowsingEventWriter.Row(
                EventCodec.type(event),
                event.visitorId(),
                EventCodec.customerId(event),
                codec.write(event),
                OffsetDateTime.ofInstant(event.at(), ZoneOffset.UTC),
                written));
    if (!queued) {
      log.debug("Smart Lists dropped {}: the event queue is full", event);
      return;
    }
    if (status.degraded()) {
      return; // the writer retries; the page does not wait for the database
    }
    awaitApplied(tailer.started() ? written.thenCompose(v -> tailer.requestPoll()) : written);
  }

  /** Browsing events waiting for the database. */
  public int backlog() {
    return writer.backlog();
  }

  /** Writes the queued browsing events (a few seconds at most) and stops the writer. */
  @Override
  public void close() {
    writer.close();
  }

  /** Polls on the tailer's own thread (never on the committing connection) and waits a little. */
  private void applySoon() {
    if (tailer.started()) {
      awaitApplied(tailer.requestPoll());
    }
  }

  /**
   * Waits at most the apply wait for an event to be applied on this node. A write or poll that
   * failed is logged at {@code DEBUG} only: the writer retries (or counts what it drops) and the
   * tailer's next poll catches up, and both report an outage once, not once per request.
   */
  private void awaitApplied(CompletableFuture<Void> applied) {
    try {
      applied.get(applyWaitMillis, TimeUnit.MILLISECONDS);
    } catch (TimeoutException e) {
      log.debug(
          "Smart Lists event not applied within {} ms; the tailer will catch up", applyWaitMillis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (ExecutionException | RuntimeException e) {
      log.debug("Smart Lists event not applied yet; the writer and the tailer catch up", e);
    }
  }
}
