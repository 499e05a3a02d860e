package io.smartlists.site;

import io.smartlists.engine.model.Widget;
import io.smartlists.host.ProductInfo;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/**
 * A composed widget resolved for one request: titles and reasons in the request's locale, URLs with
 * the store's context path, product links through click tracking. The Thymeleaf fragment {@code
 * smartlists/widget} reads it as {@code widget}; the JSON endpoint returns it as is.
 *
 * @param placement where it renders ({@code data-sl-placement})
 * @param stage the resolved journey stage ({@code data-sl-stage}), or null when composition failed
 * @param stageReason why that stage, in the request's language, or null
 * @param outcome {@code OK}, {@code TIMEOUT} or {@code ERROR}
 * @param configVersion the configuration version it was composed with
 * @param slots the filled slots in order
 */
public record WidgetView(
    String placement,
    @Nullable String stage,
    @Nullable String stageReason,
    String outcome,
    long configVersion,
    List<SlotView> slots) {

  /**
   * One slot.
   *
   * @param position the slot's position in the widget, from 0
   * @param list the list type ({@code data-sl-list})
   * @param title the slot's title in the request's language
   * @param items its products
   */
  public record SlotView(int position, String list, String title, List<ItemView> items) {}

  /**
   * One recommended product.
   *
   * @param productId the host's product id ({@code data-sl-product})
   * @param name the product name
   * @param url the product page (with the context path)
   * @param clickUrl the tracked link that counts the click and redirects to {@code url}
   * @param price the current price
   * @param currency the price's ISO 4217 currency code from the host's {@code ProductInfo}, or null
   * @param priceText the price formatted for the request's locale, with the currency's symbol when
   *     there is one
   * @param imageUrl the product image, or null
   * @param list the list that produced it (the fallback list for fallback items)
   * @param reason why it is recommended, in the request's language
   * @param fallback true when it filled the slot from its fallback chain
   */
  public record ItemView(
      String productId,
      String name,
      String url,
      String clickUrl,
      BigDecimal price,
      @Nullable String currency,
      String priceText,
      @Nullable String imageUrl,
      String list,
      String reason,
      boolean fallback) {

    /** The same item with another tracked link. */
    ItemView withClickUrl(String url) {
      return new ItemView(
          productId, name, this.url, url, price, currency, priceText, imageUrl, list, reason,
          fallback);
    }
  }

  /** True when there is nothing to render. */
  public boolean isEmpty() {
    return slots.isEmpty();
  }

  /** An empty widget of this placement. */
  static WidgetView empty(String placement, String outcome) {
    return new WidgetView(placement, null, null, outcome, 0, List.of());
  }

  /**
   * Resolves {@code widget} for a request.
   *
   * @param contextPath the servlet context path ("" at the root)
   * @param clickPath the click-tracking endpoint below the context path, e.g. {@code
   *     /smartlists/click}
   * @param links the signed query of each item's tracked link
   */
  static WidgetView of(
      Widget widget, Locale locale, String contextPath, String clickPath, ClickQuery links) {
    String language = locale.getLanguage();
    String placement = widget.placement().name();
    List<SlotView> slots = new ArrayList<>(widget.slots().size());
    for (Widget.Slot slot : widget.slots()) {
      List<ItemView> items = new ArrayList<>(slot.items().size());
      for (Widget.Item item : slot.items()) {
        ProductInfo p = item.product();
        String list = item.list().name();
        String click =
            contextPath
                + clickPath
                + "?"
                + links.query(slot.position(), items.size(), slot.config().type().name(), p.id());
        items.add(
            new ItemView(
                p.id(),
                p.name(),
                local(contextPath, p.url()),
                click,
                p.price(),
                currencyCode(p),
                Texts.price(p.price(), p.currency(), locale),
                p.imageUrl() == null ? null : local(contextPath, p.imageUrl()),
                list,
                Texts.reason(item.reason(), locale),
                item.fallback()));
      }
      if (!items.isEmpty()) {
        slots.add(
            new SlotView(
                slot.position(), slot.config().type().name(), title(slot, language), items));
      }
    }
    return new WidgetView(
        placement,
        widget.stage() == null ? null : widget.stage().stage().name(),
        widget.stage() == null ? null : Texts.reason(widget.stage().why(), locale),
        widget.outcome().name(),
        widget.configVersion(),
        List.copyOf(slots));
  }

  private static @Nullable String currencyCode(ProductInfo product) {
    Currency currency = product.currency();
    return currency == null ? null : currency.getCurrencyCode();
  }

  /**
   * The slot's title; when the slot's own list found nothing and every item came from the fallback
   * chain, a title that says what those items are ("Bestsellers"), not the merchant's title of the
   * list that found nothing ("Time to re-order?" over catalogue bestsellers).
   */
  public static String title(Widget.Slot slot, String language) {
    for (Widget.Item item : slot.items()) {
      if (!item.fallback()) {
        return slot.config().title(language);
      }
    }
    return Texts.shopperTitle(slot.items().get(0).list(), language);
  }

  /** The query string of an item's tracked link (its signed click token). */
  @FunctionalInterface
  interface ClickQuery {
    String query(int slot, int position, String list, String productId);
  }

  /**
   * A store-relative URL ("/product/42") under the context path; absolute URLs stay as they are.
   */
  public static String local(String contextPath, String url) {
    if (url.startsWith("/") && !url.startsWith("//")) {
      return contextPath + url;
    }
    return url;
  }
}
