package io.smartlists.mail;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The same list for Facebook Messenger: the Send API's "generic template" message (a carousel of
 * elements with title, image, subtitle, a default action and a button) built from a {@link
 * MailBlock}, as the JSON-ready map a store posts itself ({@code {"recipient": …, "message":
 * payload}}); Smart Lists sends nothing. Messenger shows at most 10 elements and cuts titles and
 * subtitles at 80 characters; every URL is the block's signed, absolute link, so clicks count for
 * the block's placement like the e-mail's.
 */
public final class MessengerPayload {

  static final int MAX_ELEMENTS = 10;
  static final int MAX_TEXT = 80;

  private MessengerPayload() {}

  /** The {@code message} object of a generic template; no elements when the block is empty. */
  public static Map<String, Object> of(MailBlock block) {
    List<Map<String, Object>> elements = new ArrayList<>();
    String button = "fr".equals(block.language()) ? "Voir" : "View";
    for (MailBlock.Slot slot : block.slots()) {
      for (MailBlock.Item item : slot.items()) {
        if (elements.size() == MAX_ELEMENTS) {
          break;
        }
        Map<String, Object> e = new LinkedHashMap<>();
        e.put("title", cut(item.name()));
        if (item.imageUrl() != null) {
          e.put("image_url", item.imageUrl());
        }
        e.put("subtitle", cut(item.priceText() + " · " + slot.title()));
        e.put("default_action", Map.of("type", "web_url", "url", item.url()));
        e.put("buttons", List.of(Map.of("type", "web_url", "url", item.url(), "title", button)));
        elements.add(e);
      }
    }
    Map<String, Object> payload = new LinkedHashMap<>();
    payload.put("template_type", "generic");
    payload.put("elements", elements);
    return Map.of("attachment", Map.of("type", "template", "payload", payload));
  }

  private static String cut(String s) {
    return s.length() <= MAX_TEXT ? s : s.substring(0, MAX_TEXT - 1) + "…";
  }
}
