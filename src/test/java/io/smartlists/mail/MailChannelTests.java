package io.smartlists.mail;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.Test;

/** The newsletter run (streaming, progress, throttle) and the Messenger payload. */
class MailChannelTests {

  final MailTestShop shop = new MailTestShop();
  final SmartListsMail mail = shop.mail();

  @Test
  void newsletter_streamsOneBlockPerCustomer_withProgress() {
    List<String> segment = new ArrayList<>();
    for (int i = 1; i <= 12; i++) {
      for (int k = 0; k < 3; k++) {
        segment.add("buyer" + i + "-" + k);
      }
    }
    segment.add("alice");
    segment.add("zoe");
    Set<String> recipients = ConcurrentHashMap.newKeySet();
    Set<String> sends = ConcurrentHashMap.newKeySet();
    List<NewsletterRun.Progress> progress = Collections.synchronizedList(new ArrayList<>());
    NewsletterRun.Result result =
        new NewsletterRun(mail, 2, 0)
            .run(
                segment.iterator(),
                (long) segment.size(),
                Locale.FRENCH,
                block -> {
                  assertThat(block.placement()).isEqualTo("EMAIL_NEWSLETTER");
                  assertThat(block.language()).isEqualTo("fr");
                  MailToken t = shop.links.verify(token(block.landingUrl()));
                  recipients.add(t.customerId());
                  sends.add(block.sendId());
                },
                progress::add);
    assertThat(result.blocks()).isEqualTo(segment.size());
    assertThat(result.empty()).isZero();
    assertThat(recipients).containsExactlyInAnyOrderElementsOf(segment);
    assertThat(sends).hasSize(segment.size());
    NewsletterRun.Progress last = progress.get(progress.size() - 1);
    assertThat(last.done()).isEqualTo(segment.size());
    assertThat(NewsletterRun.bar(last)).startsWith("[##############################] 38 / 38");
  }

  @Test
  void newsletter_throttleHoldsTheRate() {
    List<String> segment = Collections.nCopies(20, "alice");
    NewsletterRun.Result result =
        new NewsletterRun(mail, 2, 50).run(segment.iterator(), null, null, b -> {}, p -> {});
    // 20 blocks at 50/s: the 20th starts 19 intervals (380 ms) after the first
    assertThat(result.elapsedNanos()).isGreaterThanOrEqualTo(370_000_000L);
    assertThat(result.perSecond()).isLessThanOrEqualTo(55);
  }

  @Test
  @SuppressWarnings("unchecked")
  void messenger_genericTemplateFromTheSameBlock() {
    MailBlock block =
        mail.render(MailRequest.postPurchase("buyer5-0", "o1", List.of("s3"), Locale.ENGLISH));
    Map<String, Object> message = MessengerPayload.of(block);
    Map<String, Object> attachment = (Map<String, Object>) message.get("attachment");
    assertThat(attachment.get("type")).isEqualTo("template");
    Map<String, Object> payload = (Map<String, Object>) attachment.get("payload");
    assertThat(payload.get("template_type")).isEqualTo("generic");
    List<Map<String, Object>> elements = (List<Map<String, Object>>) payload.get("elements");
    List<MailBlock.Item> items =
        block.slots().stream().flatMap(s -> s.items().stream()).limit(10).toList();
    assertThat(elements).hasSize(items.size());
    for (int i = 0; i < elements.size(); i++) {
      Map<String, Object> e = elements.get(i);
      assertThat(e.get("title")).isEqualTo(items.get(i).name());
      assertThat(e.get("image_url")).isEqualTo(items.get(i).imageUrl());
      assertThat((String) e.get("subtitle")).startsWith(items.get(i).priceText());
      List<Map<String, Object>> buttons = (List<Map<String, Object>>) e.get("buttons");
      assertThat(buttons.get(0).get("url")).isEqualTo(items.get(i).url());
      assertThat(shop.links.verify(token(items.get(i).url()))).isNotNull();
    }
  }

  private static String token(String url) {
    int t = url.indexOf("t=") + 2;
    int end = url.indexOf('&', t);
    return end < 0 ? url.substring(t) : url.substring(t, end);
  }
}
