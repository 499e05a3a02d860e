package io.smartlists.admin;

import io.smartlists.engine.model.ListType;
import io.smartlists.engine.model.SlotConfig;
import io.smartlists.merchandising.SlotDraft;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * What the slot editor submits: a slot as a merchant typed it, not yet valid. Parameters are one
 * value per line (category ids, manufacturer names, product ids) in the merchant's order. The
 * editor validates its {@link #toDraft() draft}.
 */
public class SlotForm {

  private @Nullable ListType type;

  private String titleEn = "";

  private String titleFr = "";

  private @Nullable Integer minItems = 4;

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

  /** The slot as entered, for the editor to validate and save. */
  SlotDraft toDraft() {
    return new SlotDraft(
        type,
        titleEn,
        titleFr,
        minItems,
        maxItems,
        fallback,
        categoryList(),
        manufacturerList(),
        productList());
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
