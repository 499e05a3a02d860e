package io.smartlists.site;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.BDDMockito.given;
import static org.mockito.BDDMockito.willReturn;
import static org.mockito.BDDMockito.willThrow;
import static org.mockito.Mockito.atLeastOnce;
import static org.mockito.Mockito.verify;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.smartlists.autoconfigure.SmartListsAutoConfiguration;
import io.smartlists.engine.SmartListsEngine;
import io.smartlists.engine.model.JourneyStage;
import io.smartlists.engine.model.ListType;
import io.smartlists.engine.model.Placement;
import io.smartlists.engine.model.Reason;
import io.smartlists.engine.model.SlotConfig;
import io.smartlists.engine.model.StageDecision;
import io.smartlists.engine.model.Widget;
import io.smartlists.engine.model.WidgetRequest;
import io.smartlists.host.ProductInfo;
import io.smartlists.host.ProductViewed;
import io.smartlists.host.SmartListsEvent;
import io.smartlists.host.SmartListsEventPublisher;
import io.smartlists.stats.CartAddTracker;
import io.smartlists.stats.ClickRow;
import io.smartlists.stats.ClickSigner;
import io.smartlists.stats.ClickTracking;
import io.smartlists.stats.Holdout;
import io.smartlists.stats.WidgetTracking;
import io.smartlists.testing.InMemoryTemplates;
import io.smartlists.testing.RecordingStatSink;
import jakarta.servlet.http.Cookie;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.security.autoconfigure.SecurityAutoConfiguration;
import org.springframework.boot.security.autoconfigure.UserDetailsServiceAutoConfiguration;
import org.springframework.boot.security.autoconfigure.web.servlet.SecurityFilterAutoConfiguration;
import org.springframework.boot.security.autoconfigure.web.servlet.ServletWebSecurityAutoConfiguration;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.stereotype.Controller;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.thymeleaf.templateresolver.StringTemplateResolver;

/**
 * The storefront slice: store pages using the {@code sl:} dialect, the widget fragment shipped in
 * {@code site-templates}, click tracking and the JSON endpoint, over a mocked engine whose widget
 * is known, so the markup contract can be checked item by item.
 */
@WebMvcTest(
    excludeAutoConfiguration = {
      SecurityAutoConfiguration.class,
      UserDetailsServiceAutoConfiguration.class,
      SecurityFilterAutoConfiguration.class,
      ServletWebSecurityAutoConfiguration.class
    },
    properties = "smartlists.rebuild.on-startup=false")
class SiteTests {

  @Autowired MockMvc mvc;
  @Autowired TestShop shop;
  @Autowired RecordingPublisher events;
  @Autowired MeterRegistry meters;
  @Autowired RecordingStatSink sink;
  @MockitoBean SmartListsEngine engine;

  /** Cross-selling (own titles, two items) then catalogue bestsellers (fallback item). */
  static Widget widget(Placement placement) {
    SlotConfig cross =
        new SlotConfig(
            ListType.SMART_CROSS_SELLING,
            Map.of("en", "Bought together", "fr", "Souvent achetés ensemble"),
            1,
            4,
            null,
            List.of(),
            List.of(),
            List.of());
    SlotConfig best = SlotConfig.of(ListType.BESTSELLERS_CATALOG);
    return new Widget(
        placement,
        new StageDecision(JourneyStage.CONVERSION, Reason.of("stage.conversion", 3, 2)),
        List.of(
            new Widget.Slot(
                0,
                cross,
                List.of(
                    new Widget.Item(
                        TestShop.SOCKS, ListType.SMART_CROSS_SELLING, Reason.of("manual", 1)),
                    new Widget.Item(
                        TestShop.POLISH, ListType.SMART_CROSS_SELLING, Reason.of("manual", 2)))),
            new Widget.Slot(
                1,
                best,
                List.of(
                    new Widget.Item(
                        TestShop.BOOTS,
                        ListType.BESTSELLERS_CATALOG,
                        Reason.of("manual", 3).asFallback())))),
        Widget.Outcome.OK,
        List.of(),
        7);
  }

  @BeforeEach
  void engineComposesTheKnownWidget() {
    given(engine.compose(any()))
        .willAnswer(inv -> widget(inv.<WidgetRequest>getArgument(0).placement()));
    shop.signIn(null);
    events.events.clear();
  }

  private String page(String url, Cookie... cookies) throws Exception {
    var request = get(url);
    if (cookies.length > 0) {
      request.cookie(cookies);
    }
    return mvc.perform(request)
        .andExpect(status().isOk())
        .andReturn()
        .getResponse()
        .getContentAsString();
  }

  private WidgetRequest lastRequest() {
    ArgumentCaptor<WidgetRequest> captor = ArgumentCaptor.forClass(WidgetRequest.class);
    verify(engine, atLeastOnce()).compose(captor.capture());
    return captor.getValue();
  }

  private static int count(String html, String needle) {
    return html.split(Pattern.quote(needle), -1).length - 1;
  }

  @Test
  void productPage_widgetFollowsTheMarkupContract() throws Exception {
    String html = page("/test/product/p1");

    // the host element stays (with the store's class) and holds the widget root
    assertThat(html).contains("<div class=\"store-recs\">");
    assertThat(html)
        .contains("data-sl-placement=\"PRODUCT_PAGE\"")
        .contains("data-sl-stage=\"CONVERSION\"");
    // slots in order, each with its list type and its title
    assertThat(html.indexOf("data-sl-list=\"SMART_CROSS_SELLING\""))
        .isPositive()
        .isLessThan(html.indexOf("data-sl-list=\"BESTSELLERS_CATALOG\""));
    assertThat(html)
        .contains(">Bought together</h2>")
        // the second slot holds only fallback items: titled by what they are
        .contains(">Bestsellers</h2>");
    // every item: its product id, name, price, image and a tracked link to its product page
    for (String id : List.of("p2", "p3", "p1")) {
      assertThat(count(html, "data-sl-product=\"" + id + "\"")).as(id).isEqualTo(1);
      assertThat(html)
          .contains("data-sl-url=\"/product/" + id + "\"")
          .contains("src=\"/img/" + id + ".jpg\"");
    }
    // tracked links carry a signed token: widget, placement, stage, list, slot, position, product
    String token = "&amp;w=[0-9a-f-]{36}&amp;pl=PRODUCT_PAGE&amp;st=CONVERSION";
    assertThat(html)
        .containsPattern(
            "href=\"/smartlists/click\\?p=p2"
                + token
                + "&amp;l=SMART_CROSS_SELLING&amp;s=0&amp;i=0&amp;t=\\d+&amp;h=[A-Za-z0-9_-]{43}\"")
        .containsPattern(
            "href=\"/smartlists/click\\?p=p1"
                + token
                + "&amp;l=BESTSELLERS_CATALOG&amp;s=1&amp;i=0&amp;t=\\d+&amp;h=[A-Za-z0-9_-]{43}\"")
        .contains(">Wool socks</span>")
        .contains(">9.50</span>");
    // the fallback item is marked
    assertThat(html).containsPattern("class=\"sl-item sl-fallback\"[^>]*data-sl-product=\"p1\"");
    // the engine was asked for this page's product as context
    WidgetRequest request = lastRequest();
    assertThat(request.placement()).isEqualTo(Placement.PRODUCT_PAGE);
    assertThat(request.contextProductIds()).containsExactly("p1");
    assertThat(request.customerId()).isNull();
    // no dialect attribute leaks into the page
    assertThat(html).doesNotContain("sl:");
  }

  @Test
  void cards_cachedByContent_aChangedPriceAndAnotherPlacementRenderAfresh_issue11()
      throws Exception {
    String first = page("/test/product/p1");
    assertThat(first).contains(">9.50</span>");

    // the same cards on the cart page: cached HTML, each with the cart's own tracked link
    String cart = page("/test/cart");
    assertThat(cart)
        .contains("href=\"/smartlists/click?p=p2&amp;w=")
        .contains("&amp;pl=CART&amp;st=CONVERSION&amp;l=SMART_CROSS_SELLING&amp;s=0&amp;i=0&amp;t=")
        .doesNotContain("pl=PRODUCT_PAGE")
        .doesNotContain(WidgetAttributeProcessor.CLICK_MARKER);

    // the socks' price changes in the catalogue: the next page shows the new price, not a stale
    // card
    ProductInfo socks = TestShop.SOCKS;
    ProductInfo cheaper =
        new ProductInfo(
            socks.id(),
            socks.name(),
            socks.categoryIds(),
            socks.manufacturer(),
            socks.availableFrom(),
            new java.math.BigDecimal("7.25"),
            socks.imageUrl(),
            socks.url(),
            socks.rating());
    Widget known = widget(Placement.PRODUCT_PAGE);
    Widget.Slot cross = known.slots().get(0);
    Widget repriced =
        new Widget(
            known.placement(),
            known.stage(),
            List.of(
                new Widget.Slot(
                    0,
                    cross.config(),
                    List.of(
                        new Widget.Item(
                            cheaper, ListType.SMART_CROSS_SELLING, Reason.of("manual", 1)))),
                known.slots().get(1)),
            Widget.Outcome.OK,
            List.of(),
            7);
    org.mockito.BDDMockito.willReturn(repriced).given(engine).compose(any());
    String second = page("/test/product/p1");
    assertThat(second).contains(">7.25</span>").doesNotContain(">9.50</span>");
  }

  @Test
  void frames_cachedByContent_eachImpressionKeepsItsOwnSignedLinks_issue11() throws Exception {
    String first = page("/test/product/p1");
    String second = page("/test/product/p1");
    // the same widget twice: the second comes from the fragment cache, with its own impression's
    // links (another widget id and token) at the same places, and no marker left
    List<String> a = links(first);
    List<String> b = links(second);
    assertThat(a).hasSameSizeAs(b).isNotEmpty();
    for (int k = 0; k < a.size(); k++) {
      assertThat(b.get(k)).isNotEqualTo(a.get(k));
      assertThat(b.get(k).replaceAll("(?<=[?;])(w|t|h)=[^&]*", ""))
          .isEqualTo(a.get(k).replaceAll("(?<=[?;])(w|t|h)=[^&]*", ""));
    }
    assertThat(second).doesNotContain(WidgetAttributeProcessor.CLICK_MARKER);
    assertThat(second.replaceAll("/smartlists/click[^\"]*", ""))
        .isEqualTo(first.replaceAll("/smartlists/click[^\"]*", ""));
  }

  @Test
  void fill_replacesEachPositionalMarkerWithItsLink() {
    String m = WidgetAttributeProcessor.CLICK_MARKER;
    String frame =
        "<a href=\"" + m + "-0-1-\">x</a><a href=\"" + m + "-1-10-\">y</a>" + m + "-0-0-";
    String[][] links = new String[2][11];
    links[0][0] = "A";
    links[0][1] = "B";
    links[1][10] = "C";
    assertThat(WidgetAttributeProcessor.fill(frame, links))
        .isEqualTo("<a href=\"B\">x</a><a href=\"C\">y</a>A");
  }

  private static List<String> links(String html) {
    java.util.regex.Matcher m =
        java.util.regex.Pattern.compile("href=\"(/smartlists/click[^\"]*)\"").matcher(html);
    List<String> out = new java.util.ArrayList<>();
    while (m.find()) {
      out.add(m.group(1));
    }
    return out;
  }

  @Test
  void productPage_productNamesAreEscaped() throws Exception {
    String html = page("/test/product/p1");

    assertThat(html).doesNotContain("<b>Polish</b>");
    assertThat(html).contains("&lt;b&gt;Polish&lt;/b&gt; &amp; &quot;shine&quot;");
  }

  @Test
  void productPage_frenchVisitor_getsTheFrenchTitle() throws Exception {
    String html =
        mvc.perform(get("/test/product/p1").header("Accept-Language", "fr-FR"))
            .andReturn()
            .getResponse()
            .getContentAsString();

    assertThat(html).contains(">Souvent achetés ensemble</h2>");
    assertThat(html).contains(">79,90</span>"); // French decimal comma
  }

  @Test
  void cartPage_everyCartLineIsContext() throws Exception {
    String html = page("/test/cart");

    assertThat(html).contains("data-sl-placement=\"CART\"");
    assertThat(lastRequest().contextProductIds()).containsExactly("p1", "p2");
  }

  @Test
  void confirmationPage_commaSeparatedIds_areContext() throws Exception {
    String html = page("/test/confirmation");

    assertThat(html).contains("data-sl-placement=\"ORDER_CONFIRMATION\"");
    assertThat(lastRequest().contextProductIds()).containsExactly("p3", "p1");
  }

  @Test
  void productPage_throwingEngine_rendersThePageWithoutWidget() throws Exception {
    willThrow(new IllegalStateException("signals on fire")).given(engine).compose(any());

    String html = page("/test/product/p1");

    assertThat(html).contains("<h1>Leather boots</h1>").contains("<footer>end</footer>");
    assertThat(html).doesNotContain("sl-widget").doesNotContain("store-recs");
  }

  @Test
  void productPage_emptyWidget_rendersNoEmptyBox() throws Exception {
    willReturn(Widget.empty(Placement.PRODUCT_PAGE, Widget.Outcome.TIMEOUT, 7))
        .given(engine)
        .compose(any());

    String html = page("/test/product/p1");

    assertThat(html).contains("<footer>end</footer>");
    assertThat(html).doesNotContain("sl-widget").doesNotContain("store-recs");
  }

  @Test
  void visitorCookie_issuedOnceHttpOnlyLax_andUsedForTheWidget() throws Exception {
    MvcResult first = mvc.perform(get("/test/product/p1")).andReturn();
    String setCookie = first.getResponse().getHeader("Set-Cookie");
    assertThat(setCookie).startsWith("sl_vid=").contains("HttpOnly").contains("SameSite=Lax");
    String visitor = setCookie.substring("sl_vid=".length(), setCookie.indexOf(';'));
    assertThat(Visitors.wellFormed(visitor)).isTrue();
    assertThat(lastRequest().visitorId()).isEqualTo(visitor);

    MvcResult second =
        mvc.perform(get("/test/cart").cookie(new Cookie("sl_vid", visitor))).andReturn();
    assertThat(second.getResponse().getHeader("Set-Cookie")).isNull();
    assertThat(lastRequest().visitorId()).isEqualTo(visitor);
  }

  @Test
  void visitorCookie_forgedValue_isReplaced() throws Exception {
    MvcResult result =
        mvc.perform(get("/test/cart").cookie(new Cookie("sl_vid", "<script>alert(1)</script>")))
            .andReturn();

    assertThat(result.getResponse().getHeader("Set-Cookie")).startsWith("sl_vid=");
    assertThat(Visitors.wellFormed(lastRequest().visitorId())).isTrue();
  }

  @Test
  void productPage_signedInCustomer_isPassedToTheEngine() throws Exception {
    shop.signIn("c1");

    page("/test/product/p1");

    assertThat(lastRequest().customerId()).isEqualTo("c1");
  }

  @Test
  void trackView_recordsProductViewedForTheVisitor() throws Exception {
    String visitor = "0b7f5d7e-3c1a-4c2e-9d7e-2f1a3b4c5d6e";
    page("/test/product/p3", new Cookie("sl_vid", visitor));

    assertThat(events.events).hasSize(1);
    ProductViewed viewed = (ProductViewed) events.events.get(0);
    assertThat(viewed.visitorId()).isEqualTo(visitor);
    assertThat(viewed.productId()).isEqualTo("p3");
  }

  /** The tracked link of {@code product} on a freshly rendered product page. */
  private String trackedLink(String product) throws Exception {
    String html = page("/test/product/p1");
    var m =
        Pattern.compile("href=\"(/smartlists/click\\?p=" + product + "&amp;[^\"]+)\"")
            .matcher(html);
    assertThat(m.find()).as("tracked link of " + product).isTrue();
    return m.group(1).replace("&amp;", "&");
  }

  @Test
  void click_redirectsOnlyToTheCataloguesUrl_andCountsIt() throws Exception {
    double before = clicks("PRODUCT_PAGE", "SMART_CROSS_SELLING");
    int rows = sink.clicks().size();

    mvc.perform(get(trackedLink("p2") + "&url=https://evil.example/phish&redirect=//evil.example"))
        .andExpect(status().isFound())
        .andExpect(header().string("Location", "/product/p2"));

    assertThat(clicks("PRODUCT_PAGE", "SMART_CROSS_SELLING")).isEqualTo(before + 1);
    assertThat(sink.clicks()).hasSize(rows + 1);
    ClickRow click = sink.clicks().get(rows);
    assertThat(click.click().productId()).isEqualTo("p2");
    assertThat(click.click().list()).isEqualTo("SMART_CROSS_SELLING");
    assertThat(click.click().stage()).isEqualTo("CONVERSION");
    assertThat(click.click().slot()).isZero();
    assertThat(click.click().position()).isZero();
  }

  @Test
  void click_forgedToken_countsNothingButStillRedirects() throws Exception {
    double before = clicks("PRODUCT_PAGE", "SMART_CROSS_SELLING");
    int rows = sink.clicks().size();
    String link = trackedLink("p2");
    // the same token moved to another product, another slot, or with a made-up signature
    String otherProduct = link.replace("?p=p2&", "?p=p3&");
    String otherSlot = link.replace("&s=0&", "&s=1&");
    String madeUp = link.replaceAll("&h=[^&]+", "&h=" + "A".repeat(43));

    for (String forged : List.of(otherProduct, otherSlot, madeUp)) {
      mvc.perform(get(forged)).andExpect(status().isFound());
    }

    assertThat(clicks("PRODUCT_PAGE", "SMART_CROSS_SELLING")).isEqualTo(before);
    assertThat(sink.clicks()).hasSize(rows);
  }

  @Test
  void click_replayedToken_countsOnce() throws Exception {
    int rows = sink.clicks().size();
    String link = trackedLink("p3");

    mvc.perform(get(link)).andExpect(status().isFound());
    mvc.perform(get(link)).andExpect(status().isFound());
    mvc.perform(get(link)).andExpect(header().string("Location", "/product/p3"));

    assertThat(sink.clicks()).hasSize(rows + 1);
  }

  @Test
  void click_withoutToken_redirectsAndCountsNothing() throws Exception {
    int rows = sink.clicks().size();

    mvc.perform(get("/smartlists/click").param("p", "p2").param("pl", "CART").param("s", "0"))
        .andExpect(status().isFound())
        .andExpect(header().string("Location", "/product/p2"));

    assertThat(sink.clicks()).hasSize(rows);
  }

  @Test
  void click_underAContextPath_redirectsWithinTheStore() throws Exception {
    mvc.perform(get("/shop/smartlists/click").contextPath("/shop").param("p", "p1"))
        .andExpect(status().isFound())
        .andExpect(header().string("Location", "/shop/product/p1"));
  }

  @Test
  void click_unknownProduct_is404() throws Exception {
    mvc.perform(get("/smartlists/click").param("p", "nope").param("url", "https://evil.example"))
        .andExpect(status().isNotFound())
        .andExpect(header().doesNotExist("Location"));
  }

  @Test
  void jsonWidget_returnsTheSameModel() throws Exception {
    mvc.perform(
            get("/smartlists/api/widget")
                .param("placement", "CART")
                .param("product", "p1")
                .param("product", "p2"))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.placement").value("CART"))
        .andExpect(jsonPath("$.stage").value("CONVERSION"))
        .andExpect(jsonPath("$.slots[0].list").value("SMART_CROSS_SELLING"))
        .andExpect(jsonPath("$.slots[0].title").value("Bought together"))
        .andExpect(jsonPath("$.slots[0].items[0].productId").value("p2"))
        .andExpect(jsonPath("$.slots[0].items[0].name").value("Wool socks"))
        .andExpect(jsonPath("$.slots[0].items[0].url").value("/product/p2"))
        .andExpect(jsonPath("$.slots[0].items[0].priceText").value("9.50"))
        .andExpect(
            jsonPath("$.slots[0].items[0].reason").value("picked by the merchant (position 1)"))
        .andExpect(jsonPath("$.slots[1].items[0].fallback").value(true));

    assertThat(lastRequest().contextProductIds()).containsExactly("p1", "p2");
  }

  @Test
  void jsonWidget_throwingEngine_isAnEmptyWidgetNotAnError() throws Exception {
    willThrow(new IllegalStateException("boom")).given(engine).compose(any());

    mvc.perform(
            get("/smartlists/api/widget").param("placement", "PRODUCT_PAGE").param("product", "p1"))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.slots").isEmpty())
        .andExpect(jsonPath("$.outcome").value("ERROR"));
  }

  /**
   * Issue 14 item 6: the JSON endpoint's and the click endpoint's parameters, random (seeded):
   * never a 500, never a stack trace in the response.
   */
  @Test
  void fuzz_jsonAndClickParameters_neverA500NorAStackTrace() throws Exception {
    java.util.Random r = new java.util.Random(14);
    String alphabet = "aZ09_-.,;:/\\\"'<>%&?=#\u00e9\u20ac\u4e2d \t";
    List<String> placements =
        List.of(
            "PRODUCT_PAGE", "CART", "cart", "", "NOPE", "ORDER_CONFIRMATION", "EMAIL_NEWSLETTER");
    for (int i = 0; i < 300; i++) {
      var json = get("/smartlists/api/widget");
      if (r.nextInt(8) != 0) {
        json.param(
            "placement",
            r.nextBoolean() ? placements.get(r.nextInt(placements.size())) : random(r, alphabet));
      }
      int products = r.nextInt(r.nextInt(10) == 0 ? 500 : 4);
      for (int p = 0; p < products; p++) {
        json.param("product", r.nextInt(3) == 0 ? "p" + r.nextInt(4) : random(r, alphabet));
      }
      if (r.nextBoolean()) {
        json.cookie(new jakarta.servlet.http.Cookie("sl_vid", random(r, "abcdef0123456789-")));
      }
      assertNoFailure(mvc.perform(json).andReturn().getResponse(), "json #" + i);

      var click = get("/smartlists/click");
      for (String name : List.of("p", "pl", "l", "s", "url")) {
        if (r.nextInt(4) != 0) {
          click.param(name, r.nextInt(3) == 0 ? "p1" : random(r, alphabet));
        }
      }
      assertNoFailure(mvc.perform(click).andReturn().getResponse(), "click #" + i);
    }
  }

  private static String random(java.util.Random r, String alphabet) {
    StringBuilder s = new StringBuilder();
    int n = r.nextInt(r.nextInt(20) == 0 ? 5_000 : 30);
    for (int i = 0; i < n; i++) {
      s.append(alphabet.charAt(r.nextInt(alphabet.length())));
    }
    return s.toString();
  }

  private static void assertNoFailure(
      org.springframework.mock.web.MockHttpServletResponse response, String what) throws Exception {
    assertThat(response.getStatus()).as(what).isLessThan(500);
    assertThat(response.getContentAsString())
        .as(what)
        .doesNotContain("Exception")
        .doesNotContain("\tat ")
        .doesNotContain("io.smartlists.");
  }

  @Test
  void jsonWidget_malformedPlacement_isA400WithAJsonError() throws Exception {
    mvc.perform(get("/smartlists/api/widget").param("placement", "HOME_PAGE"))
        .andExpect(status().isBadRequest())
        .andExpect(
            jsonPath("$.error")
                .value("placement must be one of [PRODUCT_PAGE, CART, ORDER_CONFIRMATION]"));
    mvc.perform(get("/smartlists/api/widget").param("product", "p1"))
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.error").exists());
  }

  private double clicks(String placement, String list) {
    var counter =
        meters.find("smartlists.clicks").tag("placement", placement).tag("list", list).counter();
    return counter == null ? 0 : counter.count();
  }

  /** Records what the dialect publishes. */
  static final class RecordingPublisher implements SmartListsEventPublisher {
    final List<SmartListsEvent> events = Collections.synchronizedList(new ArrayList<>());

    @Override
    public void publish(SmartListsEvent event) {
      events.add(event);
    }
  }

  /** A store: its pages use the dialect the way the reference store does. */
  @SpringBootConfiguration
  @ImportAutoConfiguration(SmartListsAutoConfiguration.class)
  @Import(StorePages.class)
  static class Store {

    static final Map<String, String> PAGES =
        Map.of(
            "sltest/product",
            """
            <!DOCTYPE html>
            <html xmlns:th="http://www.thymeleaf.org" xmlns:sl="https://smartlists.io/dialect">
            <body>
            <h1 th:text="${product.name}">name</h1>
            <span sl:track-view="${product.id}"></span>
            <div class="store-recs" sl:widget="PRODUCT_PAGE" sl:product="${product.id}"></div>
            <footer>end</footer>
            </body>
            </html>
            """,
            "sltest/cart",
            """
            <!DOCTYPE html>
            <html xmlns:th="http://www.thymeleaf.org" xmlns:sl="https://smartlists.io/dialect">
            <body>
            <div th:if="${ids}" sl:widget="CART" sl:products="${ids}"></div>
            </body>
            </html>
            """,
            "sltest/confirmation",
            """
            <!DOCTYPE html>
            <html xmlns:th="http://www.thymeleaf.org" xmlns:sl="https://smartlists.io/dialect">
            <body>
            <div th:with="csv=${'p3,p1'}" sl:widget="ORDER_CONFIRMATION" sl:products="${csv}"></div>
            </body>
            </html>
            """);

    @Bean
    TestShop shop() {
      return new TestShop();
    }

    @Bean
    RecordingPublisher recordingPublisher() {
      return new RecordingPublisher();
    }

    @Bean
    MeterRegistry meterRegistry() {
      return new SimpleMeterRegistry();
    }

    @Bean
    RecordingStatSink recordingSink() {
      return new RecordingStatSink();
    }

    /** Impressions and signed links, without a database: a fixed secret, no holdout. */
    @Bean
    WidgetTracking widgetTracking(RecordingStatSink sink, ClickSigner signer) {
      return new WidgetTracking(sink, signer, new Holdout(new byte[16], 0), Clock.systemUTC());
    }

    @Bean
    ClickSigner clickSigner() {
      return new ClickSigner("site-tests-secret-0123456789".getBytes(StandardCharsets.UTF_8));
    }

    @Bean
    ClickTracking clickTracking(RecordingStatSink sink, ClickSigner signer) {
      return new ClickTracking(
          sink,
          signer,
          new CartAddTracker(sink, Duration.ofHours(24)),
          Duration.ofHours(24),
          Clock.systemUTC());
    }

    /** Serves the pages above by name, ahead of the classpath resolver. */
    @Bean
    StringTemplateResolver storePagesResolver() {
      return InMemoryTemplates.resolver("sltest/*", PAGES::get);
    }
  }

  @Controller
  static class StorePages {
    private final TestShop shop;

    StorePages(TestShop shop) {
      this.shop = shop;
    }

    @GetMapping("/test/product/{id}")
    String product(@PathVariable String id, Model model) {
      model.addAttribute("product", shop.product(id));
      return "sltest/product";
    }

    @GetMapping("/test/cart")
    String cart(Model model) {
      model.addAttribute("ids", List.of("p1", "p2"));
      return "sltest/cart";
    }

    @GetMapping("/test/confirmation")
    String confirmation() {
      return "sltest/confirmation";
    }
  }
}
