package io.smartlists.engine.model;

/** The smart-list catalogue of DESIGN.md §3, with the parameters each list reads from its slot. */
public enum ListType {
  SMART_CROSS_SELLING("Smart cross-selling", Param.NONE),
  BESTSELLERS_CATALOG("Bestsellers from my catalog", Param.NONE),
  BESTSELLERS_CATEGORIES("Bestsellers from certain categories", Param.CATEGORIES),
  BESTSELLERS_MOST_REPRESENTED_CATEGORY(
      "Bestsellers from the most represented category", Param.NONE),
  BESTSELLERS_MOST_REPRESENTED_PRODUCT_CATEGORY(
      "Bestsellers of the most represented product category", Param.NONE),
  BESTSELLERS_MANUFACTURERS("Bestsellers from certain manufacturers", Param.MANUFACTURERS),
  BESTSELLERS_VISITED_CATEGORY("Bestsellers in the visited category", Param.NONE),
  BESTSELLERS_LAST_VIEWED_CATEGORY("Bestsellers in the last viewed category", Param.NONE),
  BESTSELLERS_CURRENT_OR_LAST_VIEWED_PRODUCT_CATEGORY(
      "Bestsellers from the current or most recently viewed product's category", Param.NONE),
  BESTSELLERS_VISITED_MANUFACTURER("Bestsellers from the visited manufacturer", Param.NONE),
  NEW_ARRIVALS_CATALOG("New arrivals from my catalog", Param.NONE),
  NEW_ARRIVALS_CATEGORIES("New arrivals from certain categories", Param.CATEGORIES),
  NEW_ARRIVALS_MANUFACTURERS("New arrivals from certain manufacturers", Param.MANUFACTURERS),
  ORDER_PRODUCT_REMINDERS("Order product reminders", Param.NONE),
  MANUAL_SELECTION("Manual selection from your catalog", Param.PRODUCTS);

  /** Which slot parameter a list type requires. */
  public enum Param {
    NONE,
    CATEGORIES,
    MANUFACTURERS,
    PRODUCTS
  }

  private final String merchantName;
  private final Param param;

  ListType(String merchantName, Param param) {
    this.merchantName = merchantName;
    this.param = param;
  }

  /**
   * The English name a merchant reads in the admin (the bundles translate {@code sl.list.NAME}).
   */
  public String merchantName() {
    return merchantName;
  }

  /** The slot parameter this list needs, {@link Param#NONE} for none. */
  public Param param() {
    return param;
  }
}
