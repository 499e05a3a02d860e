package io.smartlists.engine.model;

import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * One smart list placed in a widget.
 *
 * @param type the list
 * @param titles the title per language tag ({@code en}, {@code fr}); the widget falls back to
 *     {@code en}, then to the list's merchant name
 * @param minItems below this many items the slot is filled from its fallback
 * @param maxItems the slot shows at most this many items
 * @param fallback the list that fills the slot first when it yields fewer than {@code minItems}
 *     (then {@link ListType#BESTSELLERS_CATALOG}), or null for the default chain only
 * @param categories category ids, for the lists that take categories
 * @param manufacturers manufacturers, for the lists that take manufacturers
 * @param products product ids in the merchant's order, for {@link ListType#MANUAL_SELECTION}
 */
public record SlotConfig(
    ListType type,
    Map<String, String> titles,
    int minItems,
    int maxItems,
    @Nullable ListType fallback,
    List<String> categories,
    List<String> manufacturers,
    List<String> products) {

  public SlotConfig {
    titles = Map.copyOf(titles);
    categories = List.copyOf(categories);
    manufacturers = List.copyOf(manufacturers);
    products = List.copyOf(products);
    if (minItems < 0 || maxItems < 1 || minItems > maxItems) {
      throw new IllegalArgumentException(
          "need 0 <= minItems <= maxItems and maxItems >= 1, got " + minItems + ".." + maxItems);
    }
  }

  /** A slot of this type with default title, 4..8 items and the default fallback chain. */
  public static SlotConfig of(ListType type) {
    return new SlotConfig(type, Map.of(), 4, 8, null, List.of(), List.of(), List.of());
  }

  /** The title in the language of {@code languageTag}, else English, else the merchant name. */
  public String title(String languageTag) {
    String t = titles.get(languageTag);
    if (t == null || t.isBlank()) {
      t = titles.get("en");
    }
    return t == null || t.isBlank() ? type.merchantName() : t;
  }
}
