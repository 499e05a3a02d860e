package io.smartlists.mail;

import static org.assertj.core.api.Assertions.assertThat;

import io.smartlists.engine.model.Placement;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** Issue 12's must-show tests of the e-mail block itself. */
class MailRenderingTests {

  private static final Pattern LINK = Pattern.compile("(?i)\\s(href|src)=\"([^\"]*)\"");
  private static final Pattern IMG = Pattern.compile("(?i)<img\\b[^>]*>");

  final MailTestShop shop = new MailTestShop();
  final SmartListsMail mail = shop.mail();

  @Test
  void postPurchase_hasHtmlTextSubjectAndProducts() {
    MailBlock block =
        mail.render(MailRequest.postPurchase("buyer5-0", "o-9", List.of("s3", "c3"), null));
    assertThat(block.isEmpty()).isFalse();
    assertThat(block.html()).startsWith("<!doctype html>").contains("role=\"presentation\"");
    assertThat(block.subject()).startsWith("To go with your order: ");
    // one order so far: the first slot completes the order
    assertThat(block.stage()).isEqualTo("RETENTION_FIRST_PURCHASE");
    assertThat(block.slots().get(0).list()).isEqualTo("SMART_CROSS_SELLING");
    assertThat(block.text()).isNotBlank();
    for (MailBlock.Slot slot : block.slots()) {
      assertThat(block.text()).contains(slot.title());
      for (MailBlock.Item item : slot.items()) {
        assertThat(block.text()).contains(item.name()).contains(item.url());
        assertThat(block.html()).contains(item.url().replace("&", "&amp;"));
      }
    }
    assertThat(block.text()).contains(block.landingUrl());
  }

  @Test
  void everyLink_isAbsoluteAndTokenised_andEveryTokenVerifies() {
    for (Placement placement : Placement.emails()) {
      MailBlock block =
          mail.render(
              new MailRequest("alice", placement, null, List.of("s3"), Locale.ENGLISH, "send-1"));
      assertThat(block.isEmpty()).as("%s", placement).isFalse();
      List<String> hrefs = new ArrayList<>();
      Matcher m = LINK.matcher(block.html());
      while (m.find()) {
        String url = m.group(2).replace("&amp;", "&");
        if (url.startsWith("https://fonts.")) {
          continue; // MJML's web-font stylesheet in <head>, not a link
        }
        assertThat(url).as("%s %s", placement, url).startsWith(MailTestShop.BASE + "/");
        if (m.group(1).equalsIgnoreCase("href")) {
          hrefs.add(url);
        }
      }
      assertThat(hrefs).isNotEmpty();
      for (String href : hrefs) {
        assertThat(href)
            .matches(
                Pattern.quote(MailTestShop.BASE)
                    + "/smartlists/(mail/click|for-you)\\?t=[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]+");
        MailToken token = shop.links.verify(href.substring(href.indexOf("t=") + 2));
        assertThat(token).as(href).isNotNull();
        assertThat(token.customerId()).isEqualTo("alice");
        assertThat(token.sendId()).isEqualTo("send-1");
        assertThat(token.placement()).isEqualTo(placement.name());
      }
    }
  }

  @Test
  void noScript_andEveryImageHasAUnitlessWidth() {
    MailBlock block = mail.render(MailRequest.reactivation("alice", null));
    assertThat(block.html().toLowerCase(Locale.ROOT)).doesNotContain("<script");
    Matcher m = IMG.matcher(block.html());
    int images = 0;
    while (m.find()) {
      images++;
      assertThat(m.group()).containsPattern("\\swidth=\"\\d+\"");
    }
    assertThat(images)
        .isPositive()
        .isEqualTo(
            block.slots().stream()
                .flatMap(s -> s.items().stream())
                .filter(i -> i.imageUrl() != null)
                .count());
  }

  @Test
  void postPurchase_neverRecommendsAProductOfTheOrder() {
    for (int i = 1; i <= 12; i++) {
      List<String> order = List.of("s" + i, "c" + i, "c" + ((i % 12) + 1));
      for (String customer : List.of("alice", "zoe", "buyer" + i + "-0")) {
        MailBlock block =
            mail.render(MailRequest.postPurchase(customer, "o" + i, order, Locale.ENGLISH));
        assertThat(block.isEmpty()).isFalse();
        for (MailBlock.Slot slot : block.slots()) {
          for (MailBlock.Item item : slot.items()) {
            assertThat(order).as("%s order %d", customer, i).doesNotContain(item.productId());
          }
        }
      }
    }
  }

  @Test
  void ineligibleProduct_isDroppedAtRender() {
    MailBlock before = mail.render(MailRequest.postPurchase("zoe", "o1", List.of("s5"), null));
    String shown = before.slots().get(0).items().get(0).productId();
    shop.data.ineligible(shown);
    MailBlock after = mail.render(MailRequest.postPurchase("zoe", "o1", List.of("s5"), null));
    assertThat(after.slots())
        .flatMap(MailBlock.Slot::items)
        .extracting(MailBlock.Item::productId)
        .isNotEmpty()
        .doesNotContain(shown);
  }

  @Test
  void tamperedToken_verifiesNothing() {
    MailBlock block = mail.render(MailRequest.newsletter("alice", null));
    String url = block.slots().get(0).items().get(0).url();
    String t = url.substring(url.indexOf("t=") + 2);
    assertThat(shop.links.verify(t)).isNotNull();
    String payload = t.substring(0, t.indexOf('.'));
    String forged =
        java.util.Base64.getUrlEncoder()
            .withoutPadding()
            .encodeToString(
                new String(java.util.Base64.getUrlDecoder().decode(payload), StandardCharsets.UTF_8)
                    .replace("alice", "zoe")
                    .getBytes(StandardCharsets.UTF_8));
    assertThat(shop.links.verify(forged + t.substring(t.indexOf('.')))).isNull();
    assertThat(shop.links.verify(t.substring(0, t.length() - 2) + "AA")).isNull();
    assertThat(shop.links.verify("garbage")).isNull();
    assertThat(shop.links.verify(null)).isNull();
    // a storefront signer with another secret does not accept it either
    MailLinks other =
        new MailLinks(
            new io.smartlists.stats.ClickSigner(
                "another-secret-of-32-bytes-long!".getBytes(StandardCharsets.UTF_8)),
            MailTestShop.BASE,
            "/smartlists",
            java.time.Duration.ofDays(30),
            java.util.Map.of(),
            shop.data.clock());
    assertThat(other.verify(t)).isNull();
  }

  @Test
  void expiredToken_verifiesNothing() {
    MailBlock block = mail.render(MailRequest.newsletter("alice", null));
    String url = block.slots().get(0).items().get(0).url();
    String t = url.substring(url.indexOf("t=") + 2);
    MailLinks later =
        new MailLinks(
            shop.signer,
            MailTestShop.BASE,
            "/smartlists",
            java.time.Duration.ofDays(30),
            java.util.Map.of(),
            java.time.Clock.fixed(
                shop.data.now().plus(java.time.Duration.ofDays(31)), java.time.ZoneOffset.UTC));
    assertThat(later.verify(t)).isNull();
  }

  @Test
  void locale_englishAndFrench() {
    MailBlock en =
        mail.render(MailRequest.postPurchase("buyer5-0", "o1", List.of("s3"), Locale.ENGLISH));
    MailBlock fr =
        mail.render(MailRequest.postPurchase("buyer5-0", "o1", List.of("s3"), Locale.FRENCH));
    assertThat(en.language()).isEqualTo("en");
    assertThat(fr.language()).isEqualTo("fr");
    assertThat(en.subject()).startsWith("To go with your order");
    assertThat(fr.subject()).startsWith("Pour compléter votre commande");
    assertThat(en.slots().get(0).title()).isEqualTo("Goes well with");
    assertThat(fr.slots().get(0).title()).isEqualTo("Se marie bien avec");
    assertThat(en.html()).contains("See more picked for you").contains("lang=\"en\"");
    assertThat(fr.html()).contains("Voir plus de suggestions pour vous").contains("lang=\"fr\"");
    assertThat(fr.slots().get(0).items().get(0).priceText()).contains(",");
    assertThat(en.slots().get(0).items().get(0).priceText()).contains(".");
  }

  @Test
  void htmlStaysUnderTheClippingLimit_withTheLargestConfiguredBlock() {
    // the largest block a merchant can configure: many slots of 50 items (the form's maximum),
    // long names; the service trims the last items until the HTML fits
    io.smartlists.engine.model.SlotConfig big =
        new io.smartlists.engine.model.SlotConfig(
            io.smartlists.engine.model.ListType.BESTSELLERS_CATALOG,
            java.util.Map.of("en", "x".repeat(200), "fr", "y".repeat(200)),
            50,
            50,
            null,
            List.of(),
            List.of(),
            List.of());
    java.util.Map<
            Placement,
            java.util.Map<
                io.smartlists.engine.model.JourneyStage,
                List<io.smartlists.engine.model.SlotConfig>>>
        cells = new java.util.EnumMap<>(Placement.class);
    java.util.Map<
            io.smartlists.engine.model.JourneyStage, List<io.smartlists.engine.model.SlotConfig>>
        byStage = new java.util.EnumMap<>(io.smartlists.engine.model.JourneyStage.class);
    for (io.smartlists.engine.model.JourneyStage st :
        io.smartlists.engine.model.JourneyStage.values()) {
      byStage.put(st, java.util.Collections.nCopies(10, big));
    }
    cells.put(Placement.EMAIL_NEWSLETTER, byStage);
    shop.config =
        new io.smartlists.engine.model.SmartListsConfig(
            1, cells, shop.config.stageRules(), shop.config.globalRules());
    SmartListsMail unbounded = shop.mail(50, 102_000);
    MailBlock block = unbounded.render(MailRequest.newsletter("zoe", null));
    int bytes = block.html().getBytes(StandardCharsets.UTF_8).length;
    assertThat(block.isEmpty()).isFalse();
    assertThat(bytes).isLessThanOrEqualTo(102_000);
    SmartListsMail small = shop.mail(50, 20_000);
    MailBlock trimmed = small.render(MailRequest.newsletter("zoe", null));
    assertThat(trimmed.html().getBytes(StandardCharsets.UTF_8).length).isLessThanOrEqualTo(20_000);
    assertThat(trimmed.slots().stream().mapToInt(s -> s.items().size()).sum())
        .isLessThan(block.slots().stream().mapToInt(s -> s.items().size()).sum());
  }
}
