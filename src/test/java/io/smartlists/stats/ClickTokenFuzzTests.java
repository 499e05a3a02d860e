package io.smartlists.stats;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.LongStream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Issue 14 item 6: the click token over random and mutated input (seeded, so a failure reproduces
 * with its seed; JUnit's own parameterized tests, like {@code EventLogFuzzTests}). Whatever a
 * client sends, {@link ClickTracking#click} never throws; a click is recorded only for a token this
 * store signed, at most once per issued link (no variant of a link counts it again), and never for
 * a forged, altered, expired or replayed one.
 */
class ClickTokenFuzzTests {

  private static final Instant NOW = Instant.parse("2026-11-23T12:00:00Z");
  private static final String ALPHABET =
      "abcXYZ019-_=+/ ,;:\"'\\{}[]<>&%$#@!?\t\n\r\u0000\u00e9\u20ac";

  static LongStream seeds() {
    return LongStream.range(0, 40);
  }

  private final List<ClickRow> recorded = new ArrayList<>();
  private final ShopperEventSink sink =
      new ShopperEventSink() {
        @Override
        public <T> void record(StatTable<T> table, T row) {
          recorded.add((ClickRow) row);
        }
      };
  private final ClickSigner signer =
      new ClickSigner("fuzzing-secret-0123456789".getBytes(StandardCharsets.UTF_8));
  private final ClickTracking tracking =
      new ClickTracking(
          sink,
          signer,
          new CartAddTracker(sink, Duration.ofMinutes(30)),
          Duration.ofDays(7),
          Clock.fixed(NOW, ZoneOffset.UTC));

  @ParameterizedTest
  @MethodSource("seeds")
  void mutatedLinks_countAtMostOnceAndOnlyWhenSigned(long seed) {
    Random r = new Random(seed);
    int links = 20;
    List<Map<String, String>> issued = new ArrayList<>();
    for (int n = 0; n < links; n++) {
      ClickToken token =
          new ClickToken(
              "w" + r.nextInt(1_000_000),
              r.nextBoolean() ? "PRODUCT_PAGE" : text(r, 12),
              "ACQUISITION",
              "BESTSELLERS_CATALOG",
              r.nextInt(6),
              r.nextInt(12),
              r.nextBoolean() ? Integer.toString(r.nextInt(100_000)) : text(r, 20),
              NOW.minusSeconds(r.nextInt(3 * 86_400)).getEpochSecond());
      issued.add(params(token, signer.sign(token.fields())));
    }
    // every request a client could send: the issued links, mutated ones, replays, garbage
    List<Map<String, String>> requests = new ArrayList<>();
    for (int i = 0; i < 400; i++) {
      Map<String, String> base = issued.get(r.nextInt(links));
      requests.add(r.nextInt(4) == 0 ? new LinkedHashMap<>(base) : mutate(r, base));
    }
    issued.forEach(p -> requests.add(new LinkedHashMap<>(p)));

    for (Map<String, String> request : requests) {
      ClickRow row = tracking.click(request, "visitor", null);
      if (row != null) {
        assertThat(issued)
            .as("only a signed link counts: %s", request)
            .anySatisfy(p -> assertThat(sameLink(p, request)).isTrue());
      }
    }
    // each issued link counted exactly once, whatever variants and replays were sent
    assertThat(recorded).hasSize(links);
    for (Map<String, String> p : issued) {
      ClickToken token = ClickToken.parse(p);
      long sameLinks = issued.stream().filter(q -> sameLink(q, p)).count();
      assertThat(recorded.stream().filter(c -> c.click().equals(token)).count())
          .as("clicks counted for %s", p)
          .isEqualTo(sameLinks);
    }
  }

  /** The same link: every signed field equal (parameters may be re-encoded, not changed). */
  private static boolean sameLink(Map<String, String> issued, Map<String, String> request) {
    ClickToken a = ClickToken.parse(issued);
    ClickToken b = ClickToken.parse(request);
    return a != null && a.equals(b);
  }

  private static Map<String, String> params(ClickToken t, String signature) {
    Map<String, String> p = new LinkedHashMap<>();
    p.put("p", t.productId());
    p.put("w", t.widgetId());
    p.put("pl", t.placement());
    p.put("st", t.stage());
    p.put("l", t.list());
    p.put("s", Integer.toString(t.slot()));
    p.put("i", Integer.toString(t.position()));
    p.put("t", Long.toString(t.issuedAt()));
    p.put("h", signature);
    return p;
  }

  private static Map<String, String> mutate(Random r, Map<String, String> base) {
    Map<String, String> p = new LinkedHashMap<>(base);
    List<String> keys = new ArrayList<>(p.keySet());
    String key = keys.get(r.nextInt(keys.size()));
    String value = p.get(key);
    switch (r.nextInt(8)) {
      case 0 -> p.remove(key);
      case 1 -> p.put(key, text(r, 30));
      case 2 -> p.put(key, value.isEmpty() ? "x" : value.substring(0, r.nextInt(value.length())));
      case 3 -> p.put(key, value + text(r, 3));
      case 4 -> p.put(key, flip(r, value));
      case 5 -> p.put("h", flip(r, p.getOrDefault("h", "")));
      case 6 -> p.put(key, Long.toString(r.nextLong()));
      default -> p.put("h", lastCharVariant(r, p.getOrDefault("h", "")));
    }
    return p;
  }

  /** Changes one character of {@code s} to another base64url character. */
  private static String flip(Random r, String s) {
    if (s.isEmpty()) {
      return "A";
    }
    String b64 = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
    char[] c = s.toCharArray();
    c[r.nextInt(c.length)] = b64.charAt(r.nextInt(b64.length()));
    return new String(c);
  }

  /** The signature with its last character changed: the same bytes when only padding bits move. */
  private static String lastCharVariant(Random r, String s) {
    if (s.isEmpty()) {
      return s;
    }
    String b64 = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
    int last = b64.indexOf(s.charAt(s.length() - 1));
    int variant = last < 0 ? r.nextInt(64) : (last & ~3) | r.nextInt(4);
    return s.substring(0, s.length() - 1) + b64.charAt(variant);
  }

  private static String text(Random r, int max) {
    StringBuilder s = new StringBuilder();
    int n = r.nextInt(max + 1);
    for (int i = 0; i < n; i++) {
      s.append(ALPHABET.charAt(r.nextInt(ALPHABET.length())));
    }
    return s.toString();
  }
}
