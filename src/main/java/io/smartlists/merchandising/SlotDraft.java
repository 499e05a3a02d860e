package io.smartlists.merchandising;

import io.smartlists.engine.model.ListType;
import io.smartlists.engine.model.SlotConfig;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * A slot as a merchant entered it, not yet valid: what the editor's slot commands take. The editor
 * checks it ({@link MerchandisingEditor#check(SlotDraft)}) and only then builds the engine's slot.
 *
 * @param type the list, null when none was chosen
 * @param titleEn the English title as typed, blank for the list's own name
 * @param titleFr the French title as typed, blank for the list's own name
 * @param minItems the minimum, null when missing
 * @param maxItems the maximum, null when missing
 * @param fallback the fallback list, or null for the default chain only
 * @param categories category ids in the merchant's order (used when the list takes categories)
 * @param manufacturers manufacturer names (used when the list takes manufacturers)
 * @param products product ids in the merchant's order (used when the list takes products)
 */
public record SlotDraft(
    @Nullable ListType type,
    String titleEn,
    String titleFr,
    @Nullable Integer minItems,
    @Nullable Integer maxItems,
    @Nullable ListType fallback,
    List<String> categories,
    List<String> manufacturers,
    List<String> products) {

  public SlotDraft {
    categories = List.copyOf(categories);
    manufacturers = List.copyOf(manufacturers);
    products = List.copyOf(products);
  }

  /** The engine's slot; only once the draft was checked without error. */
  SlotConfig toSlotConfig() {
    ListType t = type;
    Integer min = minItems;
    Integer max = maxItems;
    if (t == null || min == null || max == null) {
      throw new IllegalStateException("draft not validated");
    }
    Map<String, String> titles = new HashMap<>();
    if (!titleEn.isBlank()) {
      titles.put("en", titleEn.strip());
    }
    if (!titleFr.isBlank()) {
      titles.put("fr", titleFr.strip());
    }
    return new SlotConfig(
        t,
        titles,
        min,
        max,
        fallback,
        t.param() == ListType.Param.CATEGORIES ? categories : List.of(),
        t.param() == ListType.Param.MANUFACTURERS ? manufacturers : List.of(),
        t.param() == ListType.Param.PRODUCTS ? products : List.of());
  }
}
