package io.smartlists.eventlog;

import static org.assertj.core.api.Assertions.assertThat;

import io.smartlists.host.CartChanged;
import io.smartlists.host.CategoryViewed;
import io.smartlists.host.CustomerLoggedIn;
import io.smartlists.host.OrderConfirmed;
import io.smartlists.host.OrderLine;
import io.smartlists.host.OrderRecord;
import io.smartlists.host.ProductViewed;
import io.smartlists.host.SmartListsEvent;
import io.smartlists.stats.ShopperEventRecorder;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The event log on a real (H2) database with the module's own migration: what is committed is
 * applied once on every node, what is rolled back never is, and late commits are not lost.
 */
class EventLogTests {

  private static final Instant NOW = Instant.parse("2026-11-23T10:00:00Z");

  private DataSource db;
  private TransactionTemplate tx;
  private final List<ExecutorService> executors = new ArrayList<>();
  private final AtomicLong nanos = new AtomicLong();

  @BeforeEach
  void database() {
    db = newDatabase();
    // the event log's own migrations are all it needs
    Flyway.configure()
        .dataSource(db)
        .locations("classpath:db/smartlists/eventlog")
        .table("SL_SCHEMA_HISTORY")
        .load()
        .migrate();
    tx = new TransactionTemplate(new DataSourceTransactionManager(db));
  }

  /** A fresh, empty database for one test (H2 here; {@code EventLogPostgresTests} overrides it). */
  DataSource newDatabase() {
    return new DriverManagerDataSource(
        "jdbc:h2:mem:eventlog-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1", "sa", "");
  }

  @AfterEach
  void stop() {
    executors.forEach(ExecutorService::shutdownNow);
  }

  /** One store node: its tailer (on its own thread, like in production) and its publisher. */
  private final class Node {
    Node(@Nullable ShopperEventRecorder recorder) {
      this();
      publisher =
          new JdbcEventPublisher(
              new JdbcTemplate(db),
              new EventCodec(),
              tailer,
              Duration.ofSeconds(5),
              new ViewDeduplicator(Duration.ZERO, System::nanoTime),
              tailer.status(),
              10_000,
              recorder == null ? null : viewsInto(recorder, tailer));
    }

    final List<SmartListsEvent> applied = Collections.synchronizedList(new ArrayList<>());
    final EventLogTailer tailer =
        new EventLogTailer(
            new JdbcTemplate(db),
            new EventCodec(),
            applied::add,
            2,
            Duration.ofMinutes(1),
            nanos::get,
            UUID.randomUUID().toString());
    JdbcEventPublisher publisher =
        new JdbcEventPublisher(
            new JdbcTemplate(db),
            new EventCodec(),
            tailer,
            Duration.ofSeconds(5),
            new ViewDeduplicator(Duration.ZERO, System::nanoTime),
            tailer.status(),
            10_000,
            null);

    Node() {
      ExecutorService executor = Executors.newSingleThreadExecutor();
      executors.add(executor);
      tailer.executor(executor);
      tailer.start();
    }
  }

  /** The statistics recorder's view rows, adapted as the auto-configuration does. */
  private static java.util.function.Consumer<SmartListsEvent> viewsInto(
      ShopperEventRecorder recorder, EventLogTailer tailer) {
    BrowsingEventTable rows = new BrowsingEventTable(new EventCodec(), tailer.origin());
    io.smartlists.stats.StatTable<SmartListsEvent> table =
        new io.smartlists.stats.StatTable<>() {
          @Override
          public String insertSql() {
            return rows.insertSql();
          }

          @Override
          public void bind(java.sql.PreparedStatement statement, SmartListsEvent event)
              throws java.sql.SQLException {
            rows.bind(statement, event);
          }
        };
    return event -> recorder.record(table, event);
  }

  private static ProductViewed viewed(String product) {
    return new ProductViewed("v1", null, product, NOW);
  }

  private static OrderConfirmed order(String id, String... products) {
    List<OrderLine> lines = new ArrayList<>();
    for (String p : products) {
      lines.add(new OrderLine(p, 2, new BigDecimal("19.90")));
    }
    return new OrderConfirmed("v1", new OrderRecord(id, "c1", NOW, lines), NOW);
  }

  @Test
  void publish_rolledBackTransaction_isNeverApplied() {
    Node node = new Node();
    tx.executeWithoutResult(
        status -> {
          node.publisher.publish(order("o-rolled-back", "p1"));
          status.setRollbackOnly();
        });
    node.tailer.poll();
    tx.executeWithoutResult(status -> node.publisher.publish(order("o-committed", "p2")));
    node.tailer.poll();
    node.tailer.poll();

    assertThat(node.applied).containsExactly(order("o-committed", "p2"));
  }

  @Test
  void publish_committedTransaction_isAppliedOnceAtCommit() {
    Node node = new Node();
    tx.executeWithoutResult(
        status -> {
          node.publisher.publish(order("o1", "p1", "p2"));
          node.publisher.publish(viewed("p3"));
          // nothing is applied before the commit
          assertThat(node.applied).isEmpty();
        });
    // the publisher waited for its node's tailer after the commit: applied without a scheduled poll
    assertThat(node.applied).containsExactly(order("o1", "p1", "p2"), viewed("p3"));
    node.tailer.poll();
    node.tailer.poll();
    assertThat(node.applied).hasSize(2);
  }

  @Test
  void publish_withoutTransaction_isAppliedAtOnce() {
    Node node = new Node();
    node.publisher.publish(viewed("p1"));
    assertThat(node.applied).containsExactly(viewed("p1"));
  }

  @Test
  void poll_twoNodesOverOneDatabase_bothApplyEveryEventOnce() {
    Node a = new Node();
    Node b = new Node();
    List<SmartListsEvent> published = new ArrayList<>();
    for (int i = 0; i < 7; i++) {
      SmartListsEvent e = i % 2 == 0 ? order("o" + i, "p" + i) : viewed("p" + i);
      published.add(e);
      // alternate the node the shopper's request landed on
      Node entry = i % 3 == 0 ? b : a;
      tx.executeWithoutResult(status -> entry.publisher.publish(e));
    }
    a.tailer.poll();
    b.tailer.poll();

    assertThat(a.applied).containsExactlyInAnyOrderElementsOf(published);
    assertThat(b.applied).containsExactlyInAnyOrderElementsOf(published);
  }

  @Test
  void poll_idsCommittedOutOfOrder_lateCommitIsAppliedOnce() {
    Node node = new Node();
    TransactionTemplate requiresNew = new TransactionTemplate(tx.getTransactionManager());
    requiresNew.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);

    tx.executeWithoutResult(
        outer -> {
          node.publisher.publish(order("slow", "p1")); // takes the lower id, commits last
          requiresNew.executeWithoutResult(inner -> node.publisher.publish(order("fast", "p2")));
          // another thread (the tailer's) sees only the committed, higher id
          CompletableFuture.runAsync(node.tailer::poll).join();
          assertThat(node.applied).containsExactly(order("fast", "p2"));
          assertThat(node.tailer.missing()).hasSize(1);
        });
    node.tailer.poll();
    node.tailer.poll();

    assertThat(node.applied).containsExactly(order("fast", "p2"), order("slow", "p1"));
    assertThat(node.tailer.missing()).isEmpty();
  }

  @Test
  void poll_concurrentPublishersWithRollbacks_everyNodeAppliesExactlyTheCommittedEvents()
      throws Exception {
    Node a = new Node();
    Node b = new Node();
    List<SmartListsEvent> committed = Collections.synchronizedList(new ArrayList<>());
    java.util.concurrent.atomic.AtomicBoolean publishing =
        new java.util.concurrent.atomic.AtomicBoolean(true);
    List<Thread> tailing = new ArrayList<>();
    for (Node node : List.of(a, b)) {
      Thread t =
          new Thread(
              () -> {
                while (publishing.get()) {
                  node.tailer.poll();
                  try {
                    Thread.sleep(2);
                  } catch (InterruptedException e) {
                    return;
                  }
                }
              });
      t.start();
      tailing.add(t);
    }
    ExecutorService shoppers = Executors.newFixedThreadPool(4);
    executors.add(shoppers);
    List<java.util.concurrent.Future<?>> done = new ArrayList<>();
    for (int thread = 0; thread < 4; thread++) {
      int shopper = thread;
      Node entry = shopper % 2 == 0 ? a : b;
      done.add(
          shoppers.submit(
              () -> {
                java.util.Random random = new java.util.Random(shopper);
                for (int i = 0; i < 40; i++) {
                  SmartListsEvent e = viewed("s" + shopper + "-" + i);
                  boolean rollback = random.nextInt(5) == 0;
                  int holdMillis = random.nextInt(4);
                  tx.executeWithoutResult(
                      status -> {
                        entry.publisher.publish(e);
                        try {
                          Thread.sleep(holdMillis); // commits land out of id order
                        } catch (InterruptedException ex) {
                          Thread.currentThread().interrupt();
                        }
                        if (rollback) {
                          status.setRollbackOnly();
                        }
                      });
                  if (!rollback) {
                    committed.add(e);
                  }
                }
              }));
    }
    for (var f : done) {
      f.get();
    }
    publishing.set(false);
    for (Thread t : tailing) {
      t.join();
    }
    a.tailer.poll();
    b.tailer.poll();

    assertThat(committed).hasSizeBetween(100, 159);
    assertThat(a.applied).containsExactlyInAnyOrderElementsOf(committed);
    assertThat(b.applied).containsExactlyInAnyOrderElementsOf(committed);
  }

  @Test
  void poll_gapOfARolledBackId_isForgottenAfterTheGapTimeout() {
    Node node = new Node();
    tx.executeWithoutResult(
        status -> {
          node.publisher.publish(viewed("p1"));
          status.setRollbackOnly();
        });
    tx.executeWithoutResult(status -> node.publisher.publish(viewed("p2")));
    assertThat(node.tailer.missing()).hasSize(1);

    nanos.addAndGet(Duration.ofSeconds(59).toNanos());
    node.tailer.poll();
    assertThat(node.tailer.missing()).hasSize(1);
    nanos.addAndGet(Duration.ofSeconds(2).toNanos());
    node.tailer.poll();
    assertThat(node.tailer.missing()).isEmpty();
    assertThat(node.applied).containsExactly(viewed("p2"));
  }

  @Test
  void start_tailsFromTheCurrentLastEvent() {
    Node first = new Node();
    first.publisher.publish(viewed("before"));
    Node restarted = new Node(); // a node started after that event: it is in the order history
    first.publisher.publish(viewed("after"));
    restarted.tailer.poll();

    assertThat(restarted.applied).containsExactly(viewed("after"));
  }

  @Test
  void poll_moreEventsThanOneBatch_appliesThemAllInOrder() {
    Node node = new Node(); // batch size 2
    List<SmartListsEvent> published = new ArrayList<>();
    tx.executeWithoutResult(
        status -> {
          for (int i = 0; i < 5; i++) {
            published.add(viewed("p" + i));
            node.publisher.publish(published.get(i));
          }
        });
    assertThat(node.applied).containsExactlyElementsOf(published);
  }

  @Test
  void replay_newNode_learnsRecentBrowsingButNotOrders() {
    Node running = new Node();
    running.publisher.publish(new ProductViewed("v1", null, "old", NOW));
    new JdbcTemplate(db).update("UPDATE SL_EVENT SET CREATED_AT = CREATED_AT - INTERVAL '40' DAY");
    running.publisher.publish(viewed("p1"));
    running.publisher.publish(order("o1", "p1"));
    running.publisher.publish(new CustomerLoggedIn("v1", "c1", NOW));
    running.publisher.publish(new CategoryViewed("v1", "c1", "shoes", NOW));

    Node started = new Node();
    started.tailer.replay(Instant.now().minus(Duration.ofDays(30)));
    started.tailer.poll();

    // what the running node learned from browsing, in order; the order comes from the rebuild
    assertThat(started.applied)
        .containsExactly(
            viewed("p1"),
            new CustomerLoggedIn("v1", "c1", NOW),
            new CategoryViewed("v1", "c1", "shoes", NOW));
  }

  @Test
  void purge_deletesOnlyEventsPastTheRetention() {
    Node node = new Node();
    node.publisher.publish(viewed("old"));
    new JdbcTemplate(db).update("UPDATE SL_EVENT SET CREATED_AT = CREATED_AT - INTERVAL '100' DAY");
    node.publisher.publish(viewed("recent"));

    assertThat(node.tailer.purge(Instant.now().minus(Duration.ofDays(90)))).isEqualTo(1);
    assertThat(new JdbcTemplate(db).queryForList("SELECT PAYLOAD FROM SL_EVENT", String.class))
        .singleElement()
        .asString()
        .contains("recent");
  }

  @Test
  void purgeBrowsing_deletesViewsPastTheReplayWindowButKeepsOrders() {
    Node node = new Node();
    node.publisher.publish(viewed("old"));
    node.publisher.publish(order("o-old", "p1"));
    node.publisher.publish(
        new io.smartlists.host.OrderCancelled("", order("o-old", "p1").order(), NOW));
    new JdbcTemplate(db).update("UPDATE SL_EVENT SET CREATED_AT = CREATED_AT - INTERVAL '40' DAY");
    node.publisher.publish(viewed("recent"));

    assertThat(node.tailer.purgeBrowsing(Instant.now().minus(Duration.ofDays(30)))).isEqualTo(1);
    assertThat(
            new JdbcTemplate(db)
                .queryForList("SELECT TYPE FROM SL_EVENT ORDER BY ID", String.class))
        .containsExactly("OrderConfirmed", "OrderCancelled", "ProductViewed");
  }

  @Test
  void codec_everyEventType_roundTrips() {
    EventCodec codec = new EventCodec();
    List<SmartListsEvent> events =
        List.of(
            new ProductViewed("v1", "c1", "p1", NOW),
            new CategoryViewed("v1", null, "shoes", NOW),
            new CartChanged(
                "v1", null, List.of(new OrderLine("p1", 3, new BigDecimal("4.50"))), NOW),
            order("o1", "p1", "p2"),
            new CustomerLoggedIn("v1", "c1", NOW));
    for (SmartListsEvent e : events) {
      assertThat(codec.read(EventCodec.type(e), codec.write(e))).isEqualTo(e);
    }
  }

  @Test
  void publish_viewWithRecorder_appliedHereAtOnceAndByOtherNodesAfterTheBatch_issue11() {
    ShopperEventRecorder recorder =
        new ShopperEventRecorder(db, 1000, 100, Duration.ofSeconds(1), Duration.ofSeconds(5));
    Node serving = new Node(recorder);
    Node other = new Node();

    serving.publisher.publish(viewed("p1"));
    serving.publisher.publish(new CategoryViewed("v1", null, "shoes", NOW));

    // the serving node knows at once; nothing is in the log yet (the page did no JDBC)
    assertThat(serving.applied)
        .containsExactly(viewed("p1"), new CategoryViewed("v1", null, "shoes", NOW));
    assertThat(count()).isZero();
    assertThat(recorder.queued()).isEqualTo(2);

    // the writer's batch puts them in the log with the serving node's origin
    assertThat(recorder.flush()).isEqualTo(2);
    assertThat(count()).isEqualTo(2);
    other.tailer.poll();
    serving.tailer.poll();
    assertThat(other.applied)
        .containsExactly(viewed("p1"), new CategoryViewed("v1", null, "shoes", NOW));
    assertThat(serving.applied).hasSize(2); // its own views are not applied twice

    // an order still goes through the log in the caller's transaction, for every node
    tx.executeWithoutResult(status -> serving.publisher.publish(order("o1", "p1")));
    other.tailer.poll();
    assertThat(serving.applied).endsWith(order("o1", "p1"));
    assertThat(other.applied).endsWith(order("o1", "p1"));

    // a node that restarts replays the views, its own included
    Node restarted = new Node();
    restarted.tailer.replay(NOW.minus(Duration.ofDays(1)));
    assertThat(restarted.applied)
        .containsExactly(viewed("p1"), new CategoryViewed("v1", null, "shoes", NOW));
  }

  private long count() {
    Long n = new JdbcTemplate(db).queryForObject("SELECT COUNT(*) FROM SL_EVENT", Long.class);
    return n == null ? 0 : n;
  }
}
