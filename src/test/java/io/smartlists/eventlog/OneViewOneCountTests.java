package io.smartlists.eventlog;

import static org.assertj.core.api.Assertions.assertThat;

import io.smartlists.host.ProductViewed;
import io.smartlists.host.SmartListsEvent;
import io.smartlists.site.ViewTracker;
import io.smartlists.site.Visitors;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.mock.web.MockHttpServletRequest;

/**
 * One view, one count: a store that publishes {@code ProductViewed} in its controller AND has
 * {@code sl:track-view} in the template (which calls {@link ViewTracker}) records the page view
 * once, in the event log and in the signals.
 */
class OneViewOneCountTests {

  private static final String VISITOR = UUID.randomUUID().toString();

  private final AtomicLong nanos = new AtomicLong();
  private final List<SmartListsEvent> applied = Collections.synchronizedList(new ArrayList<>());
  private ExecutorService executor;
  private JdbcTemplate jdbc;
  private JdbcEventPublisher publisher;
  private ViewTracker tracker;

  @BeforeEach
  void store() {
    DataSource db =
        new DriverManagerDataSource(
            "jdbc:h2:mem:views-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1", "sa", "");
    Flyway.configure()
        .dataSource(db)
        .locations("classpath:db/smartlists/eventlog")
        .table("SL_SCHEMA_HISTORY")
        .load()
        .migrate();
    jdbc = new JdbcTemplate(db);
    EventLogTailer tailer =
        new EventLogTailer(
            jdbc, new EventCodec(), applied::add, 100, Duration.ofMinutes(1), nanos::get, "node-a");
    executor = Executors.newSingleThreadExecutor();
    tailer.executor(executor);
    tailer.start();
    publisher =
        new JdbcEventPublisher(
            jdbc,
            new EventCodec(),
            tailer,
            Duration.ofSeconds(5),
            new ViewDeduplicator(Duration.ofSeconds(10), nanos::get),
            tailer.status(),
            10_000,
            null);
    tracker =
        new ViewTracker(
            publisher,
            () -> null,
            new Visitors("sl_vid", Duration.ofDays(1), null),
            Clock.systemUTC());
  }

  @AfterEach
  void stop() {
    executor.shutdownNow();
  }

  /** One product page request: the controller publishes, then the template's sl:track-view. */
  private void productPage(String productId) {
    MockHttpServletRequest request = new MockHttpServletRequest("GET", "/product/" + productId);
    request.setAttribute(Visitors.ATTRIBUTE, VISITOR);
    publisher.publish(new ProductViewed(VISITOR, null, productId, Instant.now())); // controller
    tracker.productViewed(request, productId); // sl:track-view="${product.id}"
  }

  private int rows() {
    Integer n =
        jdbc.queryForObject(
            "SELECT COUNT(*) FROM SL_EVENT WHERE TYPE = 'ProductViewed' AND VISITOR_ID = ?",
            Integer.class,
            VISITOR);
    return n == null ? 0 : n;
  }

  @Test
  void aViewRecordedBothWaysCountsOnce() throws Exception {
    productPage("p1");

    assertThat(rows()).isEqualTo(1);
    TimeUnit.MILLISECONDS.sleep(50);
    assertThat(applied).hasSize(1);
  }

  @Test
  void anotherProductOrTheSameOneLaterCountsAgain() {
    productPage("p1");
    productPage("p2");
    assertThat(rows()).isEqualTo(2);

    nanos.addAndGet(Duration.ofSeconds(11).toNanos()); // past the 10 s window
    productPage("p1");

    assertThat(rows()).isEqualTo(3);
  }
}
