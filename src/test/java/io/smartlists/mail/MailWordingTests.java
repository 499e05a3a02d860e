package io.smartlists.mail;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.smartlists.engine.model.Placement;
import io.smartlists.engine.model.Reason;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.Test;

/** Reasons worded for the e-mail's reader, the admin's UTM parameters, a guest's order. */
class MailWordingTests {

  final MailTestShop shop = new MailTestShop();
  final SmartListsMail mail = shop.mail();

  private static List<MailBlock.Item> items(MailBlock block) {
    return block.slots().stream().flatMap(s -> s.items().stream()).toList();
  }

  @Test
  void postPurchase_crossSellingReasonNamesTheOrdersProduct() {
    MailBlock en =
        mail.render(MailRequest.postPurchase("buyer5-0", "o1", List.of("s3"), Locale.ENGLISH));
    MailBlock.Item first = en.slots().get(0).items().get(0);
    assertThat(first.list()).isEqualTo("SMART_CROSS_SELLING");
    assertThat(first.reason()).isEqualTo("Goes with Shoe 3 from your order");
    assertThat(en.html()).contains("Goes with Shoe 3 from your order");
    MailBlock fr =
        mail.render(MailRequest.postPurchase("buyer5-0", "o1", List.of("s3"), Locale.FRENCH));
    assertThat(fr.slots().get(0).items().get(0).reason())
        .isEqualTo("Va avec Shoe 3 de votre commande");
    // nothing of the merchant's wording ("bought with ... in N orders", "#2 in ... over 90 days")
    for (MailBlock b : List.of(en, fr)) {
      assertThat(items(b))
          .extracting(MailBlock.Item::reason)
          .allSatisfy(
              r ->
                  assertThat(r)
                      .doesNotContain(" orders")
                      .doesNotContain("#")
                      .doesNotContain("days"));
    }
  }

  @Test
  void newsletter_crossSellingSaysWhatTheReaderBought() {
    MailBlock block = mail.render(MailRequest.newsletter("buyer5-0", Locale.ENGLISH));
    List<String> reasons =
        items(block).stream()
            .filter(i -> i.list().equals("SMART_CROSS_SELLING"))
            .map(MailBlock.Item::reason)
            .toList();
    assertThat(reasons).isNotEmpty();
    // buyer5-0 bought Shoe 5, Care 5 and Care 6 and viewed nothing
    assertThat(reasons)
        .allSatisfy(
            r ->
                assertThat(r)
                    .matches(
                        "Because you bought (Shoe 5|Care 5|Care 6)|Popular with our customers"));
    assertThat(reasons).anyMatch(r -> r.startsWith("Because you bought "));
  }

  @Test
  void mailKey_boughtOrViewed_andEveryEngineReasonHasAnEmailText() throws IOException {
    Reason with = Reason.of("cross-sell.bought-with", "Boots", 37);
    assertThat(MailReasons.mailKey(with, Placement.EMAIL_NEWSLETTER, n -> n.equals("Boots")))
        .isEqualTo("cross-sell.bought");
    assertThat(MailReasons.mailKey(with, Placement.EMAIL_NEWSLETTER, n -> false))
        .isEqualTo("cross-sell.viewed");
    assertThat(MailReasons.mailKey(with, Placement.EMAIL_POST_PURCHASE, n -> false))
        .isEqualTo("cross-sell.order");
    assertThat(
            MailReasons.text(
                Reason.of("bestseller.category", 2, "Shoes", 90),
                Placement.EMAIL_NEWSLETTER,
                Locale.FRENCH,
                n -> false))
        .isEqualTo("Meilleure vente en Shoes");
    assertThat(
            MailReasons.text(
                Reason.of("reminder", 30, 28),
                Placement.EMAIL_REACTIVATION,
                Locale.ENGLISH,
                n -> false))
        .isEqualTo("Time to stock up? You last bought it 30 days ago");
    Properties engine = load("/io/smartlists/engine/reasons.properties");
    Properties en = load("/io/smartlists/mail/reasons.properties");
    Properties fr = load("/io/smartlists/mail/reasons_fr.properties");
    assertThat(fr.stringPropertyNames()).isEqualTo(en.stringPropertyNames());
    List<String> missing = new ArrayList<>();
    for (String key : engine.stringPropertyNames()) {
      if (key.startsWith("stage.") || key.equals("fallback")) {
        continue; // stages are never an item's reason; fallbacks read as their list's reason
      }
      Reason r = Reason.of(key, "X", "Y", "Z", "W");
      for (Placement p : Placement.emails()) {
        String mailKey = MailReasons.mailKey(r, p, n -> true);
        if (mailKey == null || !en.containsKey(mailKey)) {
          missing.add(key + " in " + p);
        }
      }
    }
    assertThat(missing).isEmpty();
  }

  private static Properties load(String resource) throws IOException {
    Properties p = new Properties();
    try (InputStream in = MailWordingTests.class.getResourceAsStream(resource)) {
      assertThat(in).as(resource).isNotNull();
      p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
    }
    return p;
  }

  @Test
  void utm_adminSettingsOverrideTheProperties_perPlacement() {
    Map<String, String> properties = new LinkedHashMap<>();
    properties.put("utm_source", "smartlists");
    properties.put("utm_medium", "email");
    properties.put("utm_campaign", "{placement}");
    properties.put("utm_content", "block");
    MemoryUtmStore store = new MemoryUtmStore();
    Clock clock = Clock.fixed(Instant.parse("2026-06-01T12:00:00Z"), ZoneOffset.UTC);
    MailUtm utm = new MailUtm(properties, store, clock, Duration.ofSeconds(30));
    assertThat(utm.parameters("EMAIL_NEWSLETTER"))
        .containsExactly(
            Map.entry("utm_source", "smartlists"),
            Map.entry("utm_medium", "email"),
            Map.entry("utm_campaign", "email_newsletter"),
            Map.entry("utm_content", "block"));
    utm.save(
        Placement.EMAIL_NEWSLETTER, new MailUtm.Setting("news", "", "june-{placement}"), "admin");
    assertThat(store.history()).hasSize(1);
    assertThat(utm.parameters("EMAIL_NEWSLETTER"))
        .containsExactly(
            Map.entry("utm_content", "block"),
            Map.entry("utm_source", "news"),
            Map.entry("utm_campaign", "june-email_newsletter"));
    assertThat(utm.parameters("EMAIL_REACTIVATION")).containsEntry("utm_source", "smartlists");

    MailLinks links =
        new MailLinks(
            shop.signer, MailTestShop.BASE, "/smartlists", Duration.ofDays(30), utm, clock);
    MailBlock block =
        new SmartListsMail(
                shop.engine,
                shop.data.customers(),
                null,
                links,
                "smartlists/mail/block",
                null,
                io.smartlists.stats.StatsRecorder.NONE,
                shop.data.clock(),
                4,
                100_000)
            .render(MailRequest.newsletter("alice", Locale.ENGLISH));
    assertThat(items(block))
        .allSatisfy(
            i ->
                assertThat(i.url())
                    .endsWith(
                        "&utm_content=block&utm_source=news&utm_campaign=june-email_newsletter"));
    assertThat(block.landingUrl()).contains("utm_source=news");
  }

  @Test
  void utm_valuesAreCheckedAgainstTheAllowList() {
    assertThat(MailUtm.problem("spring_sale-2026.v1~a")).isNull();
    assertThat(MailUtm.problem("{placement}-x")).isNull();
    assertThat(MailUtm.problem("")).isNull();
    assertThat(MailUtm.problem("two words")).isEqualTo("sl.utm.error.characters");
    assertThat(MailUtm.problem("a&b=c")).isEqualTo("sl.utm.error.characters");
    assertThat(MailUtm.problem("<script>")).isEqualTo("sl.utm.error.characters");
    assertThat(MailUtm.problem("{other}")).isEqualTo("sl.utm.error.characters");
    assertThat(MailUtm.problem("é")).isEqualTo("sl.utm.error.characters");
    assertThat(MailUtm.problem("x".repeat(101))).isEqualTo("sl.utm.error.length");
    MailUtm utm =
        new MailUtm(Map.of(), new MemoryUtmStore(), Clock.systemUTC(), Duration.ofSeconds(30));
    assertThatThrownBy(
            () -> utm.save(Placement.EMAIL_NEWSLETTER, new MailUtm.Setting("a b", "", ""), "admin"))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> utm.save(Placement.CART, new MailUtm.Setting("a", "", ""), "admin"))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void guestOrder_getsAPostPurchaseBlockFromTheOrderAlone() {
    MailBlock block =
        mail.render(MailRequest.guestPostPurchase("g-7", List.of("s3", "c3"), Locale.ENGLISH));
    assertThat(block.isEmpty()).isFalse();
    assertThat(items(block)).extracting(MailBlock.Item::productId).doesNotContain("s3", "c3");
    MailToken landing = shop.links.verify(block.landingUrl().replaceAll(".*[?&]t=([^&]*).*", "$1"));
    assertThat(landing).isNotNull();
    assertThat(landing.customerId()).isEmpty();
    assertThatThrownBy(
            () ->
                new MailRequest(
                    MailRequest.GUEST, Placement.EMAIL_NEWSLETTER, null, List.of(), null, null))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
