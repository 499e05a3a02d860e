package io.smartlists.stats;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * What a widget's tracked link says about the item it leads to, signed by {@link ClickSigner}: the
 * link's query carries these fields and their signature ({@code h}).
 *
 * @param widgetId the rendered widget's random id
 * @param placement the widget's placement
 * @param stage the journey stage it was composed for
 * @param list the list type of the item's slot
 * @param slot the slot's position in the widget
 * @param position the item's position in the slot
 * @param productId the product the link leads to
 * @param issuedAt when the link was rendered, epoch seconds (links expire)
 */
public record ClickToken(
    String widgetId,
    String placement,
    String stage,
    String list,
    int slot,
    int position,
    String productId,
    long issuedAt) {

  /** The signed fields, in order. */
  public List<String> fields() {
    return List.of(
        widgetId,
        placement,
        stage,
        list,
        Integer.toString(slot),
        Integer.toString(position),
        productId,
        Long.toString(issuedAt));
  }

  /** The link's query string (without {@code ?}) with {@code signature} as {@code h}. */
  public String query(String signature) {
    return "p="
        + enc(productId)
        + "&w="
        + widgetId
        + "&pl="
        + placement
        + "&st="
        + stage
        + "&l="
        + list
        + "&s="
        + slot
        + "&i="
        + position
        + "&t="
        + issuedAt
        + "&h="
        + signature;
  }

  /**
   * The token a request's parameters describe, or null when one is missing or malformed (the link
   * then counts nothing).
   */
  public static @Nullable ClickToken parse(Map<String, String> params) {
    String w = params.get("w");
    String pl = params.get("pl");
    String st = params.get("st");
    String l = params.get("l");
    String p = params.get("p");
    if (w == null || pl == null || st == null || l == null || p == null) {
      return null;
    }
    try {
      return new ClickToken(
          w,
          pl,
          st,
          l,
          Integer.parseInt(params.getOrDefault("s", "")),
          Integer.parseInt(params.getOrDefault("i", "")),
          p,
          Long.parseLong(params.getOrDefault("t", "")));
    } catch (NumberFormatException e) {
      return null;
    }
  }

  private static String enc(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8);
  }
}
