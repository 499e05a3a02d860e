package io.smartlists.mail;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import io.smartlists.engine.model.JourneyStage;
import io.smartlists.site.Visitors;
import io.smartlists.site.WidgetService;
import io.smartlists.site.WidgetView;
import io.smartlists.stats.ClickRow;
import io.smartlists.stats.StatsRecorder;
import io.smartlists.testing.RecordingStatSink;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;

/**
 * The click endpoint and the landing page of e-mail links: eligibility re-checked at click time,
 * the click recorded for the e-mail placement, a tampered token personalising nothing, the API key.
 */
class MailClickTests {

  final MailTestShop shop = new MailTestShop();
  final SmartListsMail mail = shop.mail();
  final RecordingStatSink sink = new RecordingStatSink();
  final Visitors visitors = new Visitors("sl_vid", Duration.ofDays(365), null);
  final WidgetService widgets =
      new WidgetService(
          shop.engine, () -> null, visitors, StatsRecorder.NONE, shop.data.clock(), "/smartlists");
  final MailClickController controller =
      new MailClickController(
          shop.links,
          MailTestShop.catalogWithImages(shop.data.catalog()),
          shop.data.customers(),
          shop.data.eligibility(),
          sink,
          null,
          StatsRecorder.NONE,
          widgets,
          visitors,
          shop.data.clock(),
          "smartlists/for-you");
  final MockMvc mvc =
      MockMvcBuilders.standaloneSetup(
              controller, new MailApiController(mail, "a-store-api-key-0123456789"))
          .build();

  @Test
  void click_eligibleProduct_isRecordedForTheEmailPlacementAndLandsOnTheProduct() throws Exception {
    MailBlock block =
        mail.render(MailRequest.postPurchase("buyer5-0", "o1", List.of("s3"), Locale.ENGLISH));
    MailBlock.Item item = block.slots().get(0).items().get(1);
    ClickRow c = clickLandsOnTheProduct(item);
    assertThat(c.click().placement()).isEqualTo("EMAIL_POST_PURCHASE");
    assertThat(c.click().list()).isEqualTo(block.slots().get(0).list());
    assertThat(c.click().slot()).isEqualTo(block.slots().get(0).position());
    assertThat(c.click().position()).isEqualTo(1);
    assertThat(c.click().productId()).isEqualTo(item.productId());
    assertThat(c.click().widgetId()).isEqualTo(block.sendId());
    assertThat(c.customerId()).isEqualTo("buyer5-0");
    // the same link again (a link scanner, a second read): redirected, counted once
    mvc.perform(get(path(item.url()))).andExpect(status().isFound());
    assertThat(sink.clicks()).hasSize(1);
  }

  @Test
  void click_productIneligibleSinceTheSend_redirectsToThePersonalLandingPage() throws Exception {
    MailBlock block =
        mail.render(MailRequest.postPurchase("buyer5-0", "o1", List.of("s3"), Locale.ENGLISH));
    MailBlock.Item item = block.slots().get(0).items().get(0);
    shop.data.ineligible(item.productId());
    MvcResult result = mvc.perform(get(path(item.url()))).andExpect(status().isFound()).andReturn();
    String location = result.getResponse().getHeader("Location");
    assertThat(location).startsWith("/smartlists/for-you?t=");
    MailToken landing = shop.links.verify(location.substring(location.indexOf("t=") + 2));
    assertThat(landing).isNotNull();
    assertThat(landing.customerId()).isEqualTo("buyer5-0");
    assertThat(landing.click()).isFalse();
    assertThat(sink.clicks()).isEmpty();
    // and the landing page it leads to is the recipient's, without that product
    MvcResult page = mvc.perform(get(location)).andExpect(status().isOk()).andReturn();
    assertThat(page.getModelAndView().getModel().get("personal")).isEqualTo(true);
    WidgetView widget = (WidgetView) page.getModelAndView().getModel().get("widget");
    assertThat(widget.stage()).isEqualTo(JourneyStage.RETENTION_FIRST_PURCHASE.name());
    assertThat(widget.slots())
        .flatMap(WidgetView.SlotView::items)
        .extracting(WidgetView.ItemView::productId)
        .isNotEmpty()
        .doesNotContain(item.productId());
  }

  @Test
  void guestOrder_clickIsRecordedWithoutACustomer_andItsLandingPageIsAnonymous() throws Exception {
    MailBlock block =
        mail.render(MailRequest.guestPostPurchase("g-1", List.of("s3"), Locale.ENGLISH));
    assertThat(block.isEmpty()).isFalse();
    ClickRow c = clickLandsOnTheProduct(block.slots().get(0).items().get(0));
    assertThat(c.click().placement()).isEqualTo("EMAIL_POST_PURCHASE");
    assertThat(c.customerId()).isNull();
    MvcResult page =
        mvc.perform(get(path(block.landingUrl()))).andExpect(status().isOk()).andReturn();
    assertThat(page.getModelAndView().getModel().get("customerName")).isNull();
  }

  @Test
  void tamperedToken_personalisesNothing() throws Exception {
    MailBlock block = mail.render(MailRequest.reactivation("alice", Locale.ENGLISH));
    String landing = path(block.landingUrl());
    MvcResult ok = mvc.perform(get(landing)).andExpect(status().isOk()).andReturn();
    assertThat(ok.getModelAndView().getModel().get("customerName")).isEqualTo("Customer alice");
    assertThat(((WidgetView) ok.getModelAndView().getModel().get("widget")).stage())
        .isEqualTo("RETENTION_REPEAT");

    String tampered = landing.substring(0, landing.length() - 3) + "xyz";
    MvcResult page = mvc.perform(get(tampered)).andExpect(status().isOk()).andReturn();
    assertThat(page.getModelAndView().getModel().get("personal")).isEqualTo(false);
    assertThat(page.getModelAndView().getModel().get("customerName")).isNull();
    WidgetView widget = (WidgetView) page.getModelAndView().getModel().get("widget");
    assertThat(widget.stage()).isEqualTo(JourneyStage.ACQUISITION.name());

    String item = path(block.slots().get(0).items().get(0).url());
    mvc.perform(get(item.substring(0, item.length() - 3) + "xyz"))
        .andExpect(status().isFound())
        .andExpect(header().string("Location", "/smartlists/for-you"));
    assertThat(sink.clicks()).isEmpty();
  }

  @Test
  void api_needsTheStoreKey_andRendersJsonHtmlAndText() throws Exception {
    String url = "/smartlists/api/mail";
    mvc.perform(get(url).param("customer", "alice").param("placement", "EMAIL_NEWSLETTER"))
        .andExpect(status().isUnauthorized());
    mvc.perform(
            get(url)
                .header("X-SmartLists-Key", "a-store-api-key-012345678X")
                .param("customer", "alice")
                .param("placement", "EMAIL_NEWSLETTER"))
        .andExpect(status().isUnauthorized());
    mvc.perform(
            get(url)
                .header("X-SmartLists-Key", "a-store-api-key-0123456789")
                .param("customer", "alice")
                .param("placement", "CART"))
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.error").exists());
    mvc.perform(
            get(url)
                .header("Authorization", "Bearer a-store-api-key-0123456789")
                .param("customer", "buyer5-0")
                .param("placement", "EMAIL_POST_PURCHASE")
                .param("order", "o1")
                .param("product", "s3")
                .param("locale", "fr"))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.language").value("fr"))
        .andExpect(jsonPath("$.subject").value(org.hamcrest.Matchers.startsWith("Pour compléter")))
        .andExpect(
            jsonPath("$.slots[0].items[0].url")
                .value(
                    org.hamcrest.Matchers.startsWith(
                        MailTestShop.BASE + "/smartlists/mail/click?t=")))
        .andExpect(jsonPath("$.html").value(org.hamcrest.Matchers.startsWith("<!doctype html>")));
    String text =
        mvc.perform(
                get(url)
                    .header("X-SmartLists-Key", "a-store-api-key-0123456789")
                    .param("customer", "alice")
                    .param("placement", "email_reactivation")
                    .param("format", "text"))
            .andExpect(status().isOk())
            .andReturn()
            .getResponse()
            .getContentAsString(java.nio.charset.StandardCharsets.UTF_8);
    assertThat(text).contains(MailTestShop.BASE + "/smartlists/for-you?t=");
  }

  /**
   * Follows a product link of an e-mail (the first click on it): redirected to the product's page,
   * one click row recorded, returned.
   */
  private ClickRow clickLandsOnTheProduct(MailBlock.Item item) throws Exception {
    mvc.perform(get(path(item.url())))
        .andExpect(status().isFound())
        .andExpect(header().string("Location", "/product/" + item.productId()));
    List<ClickRow> clicks = sink.clicks();
    assertThat(clicks).hasSize(1);
    return clicks.get(0);
  }

  private static String path(String absolute) {
    return absolute.substring(MailTestShop.BASE.length());
  }
}
