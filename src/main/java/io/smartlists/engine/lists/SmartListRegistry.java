package io.smartlists.engine.lists;

import io.smartlists.engine.model.ListType;
import java.util.EnumMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The strategy behind every {@link ListType}. {@link #defaults()} registers the whole catalogue of
 * DESIGN.md §3; a new list type is one {@link SmartList} class plus one {@link #register} call
 * (after adding its constant to {@link ListType}). A store may also replace a shipped strategy.
 */
public final class SmartListRegistry {

  private final Map<ListType, SmartList> lists = new EnumMap<>(ListType.class);

  private SmartListRegistry() {}

  /** An empty registry. */
  public static SmartListRegistry empty() {
    return new SmartListRegistry();
  }

  /** Every list of the catalogue. */
  public static SmartListRegistry defaults() {
    return new SmartListRegistry()
        .register(new SmartCrossSellingList())
        .register(new BestsellersCatalogList())
        .register(new BestsellersCategoriesList())
        .register(new BestsellersMostRepresentedCategoryList())
        .register(new BestsellersMostRepresentedProductCategoryList())
        .register(new BestsellersManufacturersList())
        .register(new BestsellersVisitedCategoryList())
        .register(new BestsellersLastViewedCategoryList())
        .register(new BestsellersCurrentOrLastViewedProductCategoryList())
        .register(new BestsellersVisitedManufacturerList())
        .register(new NewArrivalsCatalogList())
        .register(new NewArrivalsCategoriesList())
        .register(new NewArrivalsManufacturersList())
        .register(new OrderProductRemindersList())
        .register(new ManualSelectionList());
  }

  /** Registers (or replaces) the strategy of its list type; returns this registry. */
  public SmartListRegistry register(SmartList list) {
    lists.put(list.type(), list);
    return this;
  }

  /** The strategy of this list type. */
  public SmartList get(ListType type) {
    SmartList list = lists.get(type);
    if (list == null) {
      throw new IllegalArgumentException("no smart list registered for " + type);
    }
    return list;
  }

  /** The strategy of this list type, or null when none is registered. */
  public @Nullable SmartList find(ListType type) {
    return lists.get(type);
  }
}
