package io.smartlists.host;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Currency;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * What the module needs to know about one product (Broadleaf {@code Product}/{@code Sku}, OFBiz
 * {@code Product}).
 *
 * @param id the host's product id, stable across restarts
 * @param name the display name
 * @param categoryIds the categories the product is filed in (the most specific ones; ancestors come
 *     from {@link CategoryInfo#parentId()})
 * @param manufacturer the manufacturer or brand, or null when unknown
 * @param availableFrom when the product became available (new arrivals rank by it), or null
 * @param price the current list price
 * @param imageUrl an image URL relative to the store, or null
 * @param url the product page URL relative to the store, e.g. {@code /product/42}
 * @param rating the average rating from 0 to 5, or null
 * @param currency the currency of {@code price}; widgets render the price with its symbol in the
 *     shopper's locale ({@code 12,50 €} in French). Null renders the bare number (the nine-argument
 *     constructor, for a store with one currency that shows none).
 */
public record ProductInfo(
    String id,
    String name,
    List<String> categoryIds,
    @Nullable String manufacturer,
    @Nullable Instant availableFrom,
    BigDecimal price,
    @Nullable String imageUrl,
    String url,
    @Nullable Double rating,
    @Nullable Currency currency) {

  public ProductInfo {
    categoryIds = List.copyOf(categoryIds);
  }

  /** A product whose price is rendered without a currency. */
  public ProductInfo(
      String id,
      String name,
      List<String> categoryIds,
      @Nullable String manufacturer,
      @Nullable Instant availableFrom,
      BigDecimal price,
      @Nullable String imageUrl,
      String url,
      @Nullable Double rating) {
    this(id, name, categoryIds, manufacturer, availableFrom, price, imageUrl, url, rating, null);
  }
}
