package io.smartlists.merchandising;

import io.smartlists.engine.model.ListType;
import io.smartlists.engine.model.SlotConfig;
import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Embeddable;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OrderColumn;
import jakarta.persistence.Table;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.hibernate.annotations.BatchSize;
import org.jspecify.annotations.Nullable;

/** One slot of a cell: a list type with its titles, item counts, fallback and parameters. */
@Entity
@Table(name = "SL_SLOT")
class SlotEntity {

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  @Column(name = "ID")
  private @Nullable Long id;

  @Enumerated(EnumType.STRING)
  @Column(name = "LIST_TYPE", nullable = false, length = 60)
  private ListType type = ListType.BESTSELLERS_CATALOG;

  @Column(name = "TITLE_EN", length = 200)
  private @Nullable String titleEn;

  @Column(name = "TITLE_FR", length = 200)
  private @Nullable String titleFr;

  @Column(name = "MIN_ITEMS", nullable = false)
  private int minItems;

  @Column(name = "MAX_ITEMS", nullable = false)
  private int maxItems;

  @Enumerated(EnumType.STRING)
  @Column(name = "FALLBACK", length = 60)
  private @Nullable ListType fallback;

  @ElementCollection
  @CollectionTable(name = "SL_SLOT_PARAM", joinColumns = @JoinColumn(name = "SLOT_ID"))
  @OrderColumn(name = "PARAM_ORDER")
  @BatchSize(size = 64)
  private List<Param> params = new ArrayList<>();

  protected SlotEntity() {}

  SlotEntity(SlotConfig slot) {
    assign(slot);
  }

  /** Copies every field of the slot into this row. */
  void assign(SlotConfig slot) {
    this.type = slot.type();
    this.titleEn = slot.titles().get("en");
    this.titleFr = slot.titles().get("fr");
    this.minItems = slot.minItems();
    this.maxItems = slot.maxItems();
    this.fallback = slot.fallback();
    this.params.clear();
    for (String c : slot.categories()) {
      params.add(new Param(Param.CATEGORY, c));
    }
    for (String m : slot.manufacturers()) {
      params.add(new Param(Param.MANUFACTURER, m));
    }
    for (String p : slot.products()) {
      params.add(new Param(Param.PRODUCT, p));
    }
  }

  SlotConfig toSlotConfig() {
    Map<String, String> titles = new HashMap<>();
    if (titleEn != null && !titleEn.isBlank()) {
      titles.put("en", titleEn);
    }
    if (titleFr != null && !titleFr.isBlank()) {
      titles.put("fr", titleFr);
    }
    List<String> categories = new ArrayList<>();
    List<String> manufacturers = new ArrayList<>();
    List<String> products = new ArrayList<>();
    for (Param p : params) {
      switch (p.kind) {
        case Param.CATEGORY -> categories.add(p.value);
        case Param.MANUFACTURER -> manufacturers.add(p.value);
        default -> products.add(p.value);
      }
    }
    return new SlotConfig(
        type, titles, minItems, maxItems, fallback, categories, manufacturers, products);
  }

  /** One parameter value of a slot, in the merchant's order. */
  @Embeddable
  static class Param {
    static final String CATEGORY = "CATEGORY";
    static final String MANUFACTURER = "MANUFACTURER";
    static final String PRODUCT = "PRODUCT";

    @Column(name = "KIND", nullable = false, length = 20)
    private String kind = PRODUCT;

    @Column(name = "PARAM_VALUE", nullable = false, length = 200)
    private String value = "";

    protected Param() {}

    Param(String kind, String value) {
      this.kind = kind;
      this.value = value;
    }
  }
}
