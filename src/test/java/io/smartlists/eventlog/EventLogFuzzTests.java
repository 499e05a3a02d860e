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
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import org.flywaydb.core.Flyway;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * Issue 14 item 6: the event codec and the tailer over random input (seeded, so a failure
 * reproduces with its seed; JUnit's own parameterized tests: jqwik targets the JUnit 5 platform,
 * this project runs JUnit 6). Every event round-trips exactly; garbage rows never stop the tailer,
 * and every valid event among them is applied exactly once, in order.
 */
class EventLogFuzzTests {

  private static final String ALPHABET =
      "abcXYZ019 ,;:\"'\\/{}[]<>&%$#@!?\t\n\r\u0000\u007f\u00e9\u00df\u20ac\u4e2d";

  static String text(Random r, int max) {
    StringBuilder s = new StringBuilder();
    int n = r.nextInt(max + 1);
    for (int i = 0; i < n; i++) {
      if (r.nextInt(10) == 0) {
        s.appendCodePoint(0x1F600 + r.nextInt(50)); // outside the BMP: a surrogate pair
      } else {
        s.append(ALPHABET.charAt(r.nextInt(ALPHABET.length())));
      }
    }
    return s.toString();
  }

  static @Nullable String maybe(Random r) {
    return r.nextInt(4) == 0 ? null : text(r, 40);
  }

  static Instant instant(Random r) {
    return Instant.ofEpochSecond(r.nextInt(2_000_000_000), r.nextInt(1_000_000_000));
  }

  static List<OrderLine> lines(Random r) {
    List<OrderLine> lines = new ArrayList<>();
    int n = r.nextInt(6);
    for (int i = 0; i < n; i++) {
      lines.add(
          new OrderLine(
              text(r, 20),
              r.nextInt(),
              BigDecimal.valueOf(r.nextLong() % 10_000_000_000L, r.nextInt(5))));
    }
    return lines;
  }

  static SmartListsEvent event(Random r) {
    String visitor = text(r, 40);
    return switch (r.nextInt(5)) {
      case 0 -> new ProductViewed(visitor, maybe(r), text(r, 30), instant(r));
      case 1 -> new CategoryViewed(visitor, maybe(r), text(r, 30), instant(r));
      case 2 -> new CartChanged(visitor, maybe(r), lines(r), instant(r));
      case 3 ->
          new OrderConfirmed(
              visitor, new OrderRecord(text(r, 30), maybe(r), instant(r), lines(r)), instant(r));
      default -> new CustomerLoggedIn(visitor, text(r, 30), instant(r));
    };
  }

  /** A payload mangled the way a corrupt row, a truncated write or a hand edit would. */
  static String mangle(Random r, String payload) {
    StringBuilder s = new StringBuilder(payload);
    int edits = 1 + r.nextInt(4);
    for (int i = 0; i < edits && s.length() > 0; i++) {
      int at = r.nextInt(s.length());
      switch (r.nextInt(5)) {
        case 0 -> s.setLength(at); // truncated
        case 1 -> s.deleteCharAt(at);
        case 2 -> s.insert(at, ALPHABET.charAt(r.nextInt(ALPHABET.length())));
        case 3 -> s.insert(at, "[".repeat(1 + r.nextInt(5_000))); // deep nesting
        default -> s.setCharAt(at, ALPHABET.charAt(r.nextInt(ALPHABET.length())));
      }
    }
    return s.toString();
  }

  @ParameterizedTest(name = "seed {0}")
  @ValueSource(longs = {1, 2, 3, 14, 2026})
  void codec_everyRandomEvent_roundTripsExactly(long seed) {
    Random r = new Random(seed);
    EventCodec codec = new EventCodec();
    for (int i = 0; i < 2_000; i++) {
      SmartListsEvent e = event(r);
      assertThat(codec.read(EventCodec.type(e), codec.write(e)))
          .as("seed %d #%d", seed, i)
          .isEqualTo(e);
    }
  }

  @ParameterizedTest(name = "seed {0}")
  @ValueSource(longs = {1, 2, 3, 14, 2026})
  void codec_mangledPayloadsAndTypes_neverThrowAnErrorOnlyARuntimeExceptionOrNull(long seed) {
    Random r = new Random(seed);
    EventCodec codec = new EventCodec();
    for (int i = 0; i < 2_000; i++) {
      SmartListsEvent e = event(r);
      String type = r.nextInt(10) == 0 ? text(r, 15) : EventCodec.type(e);
      String payload = mangle(r, codec.write(e));
      try {
        codec.read(type, payload);
      } catch (RuntimeException expected) {
        // the tailer logs and skips such a row
      }
    }
  }

  @ParameterizedTest(name = "seed {0}")
  @ValueSource(longs = {7, 42})
  void tailer_garbageRowsAmongValidOnes_eachValidEventAppliedExactlyOnceInOrder(long seed) {
    Random r = new Random(seed);
    DriverManagerDataSource db =
        new DriverManagerDataSource(
            "jdbc:h2:mem:fuzz-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1", "sa", "");
    Flyway.configure()
        .dataSource(db)
        .locations("classpath:db/smartlists/eventlog")
        .table("SL_SCHEMA_HISTORY")
        .load()
        .migrate();
    JdbcTemplate jdbc = new JdbcTemplate(db);
    EventCodec codec = new EventCodec();
    List<SmartListsEvent> applied = new ArrayList<>();
    EventLogTailer tailer =
        new EventLogTailer(
            jdbc, codec, applied::add, 7, Duration.ofMinutes(1), System::nanoTime, "node-a");
    tailer.start();

    List<SmartListsEvent> valid = new ArrayList<>();
    for (int i = 0; i < 400; i++) {
      SmartListsEvent e = event(r);
      boolean garbage = r.nextInt(3) == 0;
      String random = text(r, 15);
      String type =
          garbage && r.nextBoolean()
              ? random.substring(0, Math.min(40, random.length()))
              : EventCodec.type(e);
      String payload = garbage ? mangle(r, codec.write(e)) : codec.write(e);
      if (garbage) {
        // a mangled payload can still be valid JSON for the type: then it is an event too
        SmartListsEvent readable;
        try {
          readable = codec.read(type, payload);
        } catch (RuntimeException ex) {
          readable = null;
        }
        if (readable != null) {
          valid.add(readable);
        }
      } else {
        valid.add(e);
      }
      jdbc.update(
          "INSERT INTO SL_EVENT (TYPE, VISITOR_ID, CUSTOMER_ID, PAYLOAD, OCCURRED_AT)"
              + " VALUES (?, ?, ?, ?, ?)",
          type,
          "v",
          null,
          payload,
          OffsetDateTime.ofInstant(Instant.now(), ZoneOffset.UTC));
      if (r.nextInt(20) == 0) {
        tailer.poll();
      }
    }
    tailer.poll();
    tailer.poll();
    assertThat(applied).containsExactlyElementsOf(valid);
  }
}
