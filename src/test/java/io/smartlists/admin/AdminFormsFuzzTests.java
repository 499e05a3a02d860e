package io.smartlists.admin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.BDDMockito.given;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import io.smartlists.autoconfigure.AdminWebConfiguration;
import io.smartlists.autoconfigure.SmartListsAdminAutoConfiguration;
import io.smartlists.engine.SmartListsEngine;
import io.smartlists.engine.model.JourneyStage;
import io.smartlists.engine.model.ListType;
import io.smartlists.engine.model.Placement;
import io.smartlists.engine.model.Reason;
import io.smartlists.engine.model.StageDecision;
import io.smartlists.engine.model.Widget;
import io.smartlists.engine.model.WidgetRequest;
import io.smartlists.host.CatalogPort;
import io.smartlists.host.CustomerPort;
import io.smartlists.merchandising.MerchandisingEditor;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Random;
import java.util.stream.LongStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.security.test.context.support.WithMockUser;
import org.springframework.test.context.ContextConfiguration;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/**
 * Issue 14 item 6: the admin's forms over random input (seeded, so a failure reproduces with its
 * seed; JUnit's own parameterized tests, like {@code EventLogFuzzTests}), signed in as an
 * administrator with a valid CSRF token: slot forms, moves, removals, the rules form, restores and
 * the preview, with random values, missing and repeated fields, unknown enum names, huge and
 * negative numbers, random path segments. No request gets a 500 or a stack trace in its response.
 * The editor and the engine are mocks (the web layer is what is fuzzed; {@code DraftValidator} has
 * its own tests).
 */
@WebMvcTest
@ContextConfiguration(
    classes = {
      AdminWebConfiguration.class,
      SmartListsAdminAutoConfiguration.AdminSecurity.class,
      SmartListsAdminAutoConfiguration.AdminMessages.class
    })
@WithMockUser(username = "admin", roles = "SMARTLISTS_ADMIN")
class AdminFormsFuzzTests {

  private static final String ALPHABET =
      "abcXYZ019 -_.,;:\"'\\/{}[]<>&%$#@!?=+\t\n\r\u0000\u00e9\u20ac";

  static LongStream seeds() {
    return LongStream.range(0, 25);
  }

  @Autowired MockMvc mvc;
  @MockitoBean MerchandisingEditor editor;
  @MockitoBean SmartListsEngine engine;
  @MockitoBean CatalogPort catalog;
  @MockitoBean CustomerPort customers;

  @BeforeEach
  void store() {
    AdminEditorStubs.shippedStore(editor, engine);
    // the real engine always answers with a widget (empty at worst), never null
    given(engine.compose(any()))
        .willAnswer(
            a ->
                new Widget(
                    ((WidgetRequest) a.getArgument(0)).placement(),
                    new StageDecision(JourneyStage.ACQUISITION, Reason.of("stage.acquisition")),
                    List.of(),
                    Widget.Outcome.OK,
                    List.of(),
                    0));
  }

  @ParameterizedTest
  @MethodSource("seeds")
  void randomFormInput_neverA500_neverAStackTrace(long seed) throws Exception {
    Random r = new Random(seed);
    for (int i = 0; i < 30; i++) {
      MockHttpServletRequestBuilder request = request(r);
      MockHttpServletResponse response = mvc.perform(request).andReturn().getResponse();
      String body = response.getContentAsString();
      assertThat(response.getStatus())
          .as("seed %d request %d: %s", seed, i, describe(request))
          .isLessThan(500);
      assertThat(body)
          .as("seed %d request %d: %s", seed, i, describe(request))
          .doesNotContain("Exception")
          .doesNotContain("\tat ")
          .doesNotContain("java.lang.");
    }
  }

  private static String describe(MockHttpServletRequestBuilder request) {
    return request.buildRequest(new org.springframework.mock.web.MockServletContext()).getMethod()
        + " "
        + request
            .buildRequest(new org.springframework.mock.web.MockServletContext())
            .getRequestURI();
  }

  private MockHttpServletRequestBuilder request(Random r) {
    String cell =
        "/admin/smartlists/cells/"
            + pick(r, Placement.values())
            + "/"
            + pick(r, JourneyStage.values());
    MockHttpServletRequestBuilder b;
    switch (r.nextInt(7)) {
      case 0 -> {
        b = post(uri(cell, "slots", r.nextBoolean() ? "new" : number(r)));
        field(r, b, "type", enumOrJunk(r, ListType.values()));
        field(r, b, "titleEn", text(r, 200));
        field(r, b, "titleFr", text(r, 200));
        field(r, b, "minItems", number(r));
        field(r, b, "maxItems", number(r));
        field(r, b, "fallback", enumOrJunk(r, ListType.values()));
        field(r, b, "categories", text(r, 80));
        field(r, b, "manufacturers", text(r, 80));
        field(r, b, "products", text(r, 80));
        field(r, b, "cellVersion", number(r));
      }
      case 1 -> {
        b = post(uri(cell, "slots", number(r), "move"));
        field(r, b, "direction", r.nextBoolean() ? (r.nextBoolean() ? "up" : "down") : text(r, 8));
        field(r, b, "cellVersion", number(r));
      }
      case 2 -> {
        b = post(uri(cell, "slots", number(r), "remove"));
        field(r, b, "cellVersion", number(r));
      }
      case 3 -> {
        b = post("/admin/smartlists/rules");
        for (String f :
            List.of(
                "inactivityDays",
                "browsingThreshold",
                "bestsellerWindowDays",
                "bestsellerHalfLifeDays",
                "newArrivalMaxAgeDays",
                "rulesVersion")) {
          field(r, b, f, number(r));
        }
        field(r, b, "b2bGroup", text(r, 60));
        field(r, b, "excludeAlreadyBought", r.nextBoolean() ? "true" : text(r, 5));
        field(r, b, "allowRepeatBuy", r.nextBoolean() ? "on" : text(r, 5));
      }
      case 4 -> b = post(uri("/admin/smartlists/history", number(r), "restore"));
      case 5 -> {
        b = get("/admin/smartlists/preview");
        field(r, b, "placement", enumOrJunk(r, Placement.values()));
        field(r, b, "customer", text(r, 30));
        field(r, b, "visitor", text(r, 30));
        field(r, b, "products", text(r, 60));
      }
      default -> b = get(uri(cell, "slots", number(r)));
    }
    return b.with(csrf());
  }

  /** The path, each segment after the first percent-encoded as a browser would send it. */
  private static URI uri(String base, String... segments) {
    StringBuilder s = new StringBuilder(base);
    for (String segment : segments) {
      s.append('/').append(URLEncoder.encode(segment, StandardCharsets.UTF_8).replace("+", "%20"));
    }
    return URI.create(s.toString());
  }

  /** Sets the field (sometimes twice, sometimes not at all). */
  private static void field(Random r, MockHttpServletRequestBuilder b, String name, String value) {
    int n = r.nextInt(8);
    if (n == 0) {
      return;
    }
    b.param(name, value);
    if (n == 1) {
      b.param(name, text(r, 10));
    }
  }

  private static <E extends Enum<E>> String enumOrJunk(Random r, E[] values) {
    return r.nextInt(3) == 0 ? text(r, 20) : pick(r, values).name();
  }

  private static <T> T pick(Random r, T[] values) {
    return values[r.nextInt(values.length)];
  }

  private static String number(Random r) {
    return switch (r.nextInt(6)) {
      case 0 -> Integer.toString(r.nextInt(10));
      case 1 -> Long.toString(r.nextLong());
      case 2 -> "-" + r.nextInt(1000);
      case 3 -> "99999999999999999999999";
      case 4 -> text(r, 6);
      default -> "";
    };
  }

  private static String text(Random r, int max) {
    StringBuilder s = new StringBuilder();
    int n = r.nextInt(max + 1);
    for (int i = 0; i < n; i++) {
      if (r.nextInt(15) == 0) {
        s.appendCodePoint(0x1F600 + r.nextInt(50));
      } else {
        s.append(ALPHABET.charAt(r.nextInt(ALPHABET.length())));
      }
    }
    return s.toString();
  }
}
