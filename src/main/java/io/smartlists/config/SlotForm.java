package io.smartlists.config;

import io.smartlists.engine.model.ListType;
import io.smartlists.engine.model.SlotConfig;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * What the slot editor submits: a slot as a merchant typed it, not yet valid. Parameters are one
 * value per line (category ids, manufacturer names, product ids) in the merchant's order. {@link
 * ConfigService#check(SlotForm)} validates it; only then does {@link #toSlotConfig()} build the
 * engine's slot.
 */
public class SlotForm {

  @NotNull private @Nullable ListType type;

  @Size(max = 200)
  private String titleEn = "";

  @Size(max = 200)
  private String titleFr = "";

  @NotNull
  @Min(0)
  @Max(50)
  private @Nullable Integer minItems = 4;

  @NotNull
  @Min(1)
  @Max(50)
  private @Nullable Integer maxItems = 8;

  private @Nullable ListType fallback;

  private String categories = "";

  private String manufacturers = "";

  private String products = "";

  /** The version of the cell the editor was opened on (optimistic locking). */
  private long cellVersion;

  public SlotForm() {}

  /** The form showing an existing slot. */
  public static SlotForm of(SlotConfig slot, long cellVersion) {
    SlotForm f = new SlotForm();
    f.type = slot.type();
    f.titleEn = slot.titles().getOrDefault("en", "");
    f.titleFr = slot.titles().getOrDefault("fr", "");
    f.minItems = slot.minItems();
    f.maxItems = slot.maxItems();
    f.fallback = slot.fallback();
    f.categories = String.join("\n", slot.categories());
    f.manufacturers = String.join("\n", slot.manufacturers());
    f.products = String.join("\n", slot.products());
    f.cellVersion = cellVersion;
    return f;
  }

  /** The engine's slot; call only after {@link ConfigService#check(SlotForm)} found no error. */
  public SlotConfig toSlotConfig() {
    ListType t = type;
    Integer min = minItems;
    Integer max = maxItems;
    if (t == null || min == null || max == null) {
      throw new IllegalStateException("form not validated");
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
        t.param() == ListType.Param.CATEGORIES ? categoryList() : List.of(),
        t.param() == ListType.Param.MANUFACTURERS ? manufacturerList() : List.of(),
        t.param() == ListType.Param.PRODUCTS ? productList() : List.of());
  }

  public List<String> categoryList() {
    return lines(categories);
  }

  public List<String> manufacturerList() {
    return lines(manufacturers);
  }

  public List<String> productList() {
    return lines(products);
  }

  /** Non-blank trimmed lines, duplicates dropped, order kept. */
  static List<String> lines(String text) {
    List<String> out = new ArrayList<>();
    for (String line : text.split("\\R")) {
      String s = line.strip();
      if (!s.isEmpty() && !out.contains(s)) {
        out.add(s);
      }
    }
    return out;
  }

  public @Nullable ListType getType() {
    return type;
  }

  public void setType(@Nullable ListType type) {
    this.type = type;
  }

  public String getTitleEn() {
    return titleEn;
  }

  public void setTitleEn(@Nullable String titleEn) {
    this.titleEn = titleEn == null ? "" : titleEn;
  }

  public String getTitleFr() {
    return titleFr;
  }

  public void setTitleFr(@Nullable String titleFr) {
    this.titleFr = titleFr == null ? "" : titleFr;
  }

  public @Nullable Integer getMinItems() {
    return minItems;
  }

  public void setMinItems(@Nullable Integer minItems) {
    this.minItems = minItems;
  }

  public @Nullable Integer getMaxItems() {
    return maxItems;
  }

  public void setMaxItems(@Nullable Integer maxItems) {
    this.maxItems = maxItems;
  }

  public @Nullable ListType getFallback() {
    return fallback;
  }

  public void setFallback(@Nullable ListType fallback) {
    this.fallback = fallback;
  }

  public String getCategories() {
    return categories;
  }

  public void setCategories(@Nullable String categories) {
    this.categories = categories == null ? "" : categories;
  }

  public String getManufacturers() {
    return manufacturers;
  }

  public void setManufacturers(@Nullable String manufacturers) {
    this.manufacturers = manufacturers == null ? "" : manufacturers;
  }

  public String getProducts() {
    return products;
  }

  public void setProducts(@Nullable String products) {
    this.products = products == null ? "" : products;
  }

  public long getCellVersion() {
    return cellVersion;
  }

  public void setCellVersion(long cellVersion) {
    this.cellVersion = cellVersion;
  }
}
