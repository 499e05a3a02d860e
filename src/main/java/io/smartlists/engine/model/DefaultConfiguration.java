package io.smartlists.engine.model;

import static io.smartlists.engine.model.ListType.BESTSELLERS_CATALOG;
import static io.smartlists.engine.model.ListType.BESTSELLERS_CATEGORIES;
import static io.smartlists.engine.model.ListType.BESTSELLERS_CURRENT_OR_LAST_VIEWED_PRODUCT_CATEGORY;
import static io.smartlists.engine.model.ListType.BESTSELLERS_LAST_VIEWED_CATEGORY;
import static io.smartlists.engine.model.ListType.BESTSELLERS_MANUFACTURERS;
import static io.smartlists.engine.model.ListType.BESTSELLERS_MOST_REPRESENTED_CATEGORY;
import static io.smartlists.engine.model.ListType.BESTSELLERS_MOST_REPRESENTED_PRODUCT_CATEGORY;
import static io.smartlists.engine.model.ListType.BESTSELLERS_VISITED_CATEGORY;
import static io.smartlists.engine.model.ListType.BESTSELLERS_VISITED_MANUFACTURER;
import static io.smartlists.engine.model.ListType.MANUAL_SELECTION;
import static io.smartlists.engine.model.ListType.NEW_ARRIVALS_CATALOG;
import static io.smartlists.engine.model.ListType.NEW_ARRIVALS_CATEGORIES;
import static io.smartlists.engine.model.ListType.NEW_ARRIVALS_MANUFACTURERS;
import static io.smartlists.engine.model.ListType.ORDER_PRODUCT_REMINDERS;
import static io.smartlists.engine.model.ListType.SMART_CROSS_SELLING;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The shipped configuration (DESIGN.md §4): the recommended palette of every journey stage, and the
 * default cells built from it, used when a store has not configured anything yet.
 *
 * <p>Default cells hold three lists of each stage's palette that need no merchant parameter
 * (certain categories, certain manufacturers and manual selection need the merchant to pick
 * something), chosen so that each has data to work from at that stage, in the order of the stage's
 * advice; acquisition puts the catalogue bestsellers first and caps cross-selling at 4 items ("use
 * cross-selling sparingly: bestsellers first"). The three core placements share the same cells; a
 * merchant differentiates them in the admin.
 */
public final class DefaultConfiguration {

  private static final Map<JourneyStage, List<ListType>> PALETTES =
      new EnumMap<>(JourneyStage.class);
  private static final Map<JourneyStage, String> ADVICE = new EnumMap<>(JourneyStage.class);

  static {
    PALETTES.put(
        JourneyStage.ACQUISITION,
        List.of(
            SMART_CROSS_SELLING,
            BESTSELLERS_CATALOG,
            BESTSELLERS_CATEGORIES,
            BESTSELLERS_MOST_REPRESENTED_CATEGORY,
            BESTSELLERS_MOST_REPRESENTED_PRODUCT_CATEGORY,
            BESTSELLERS_MANUFACTURERS,
            NEW_ARRIVALS_CATEGORIES,
            NEW_ARRIVALS_CATALOG,
            NEW_ARRIVALS_MANUFACTURERS,
            MANUAL_SELECTION));
    PALETTES.put(
        JourneyStage.CONVERSION,
        List.of(
            SMART_CROSS_SELLING,
            BESTSELLERS_VISITED_CATEGORY,
            BESTSELLERS_LAST_VIEWED_CATEGORY,
            BESTSELLERS_CURRENT_OR_LAST_VIEWED_PRODUCT_CATEGORY,
            BESTSELLERS_VISITED_MANUFACTURER,
            NEW_ARRIVALS_MANUFACTURERS));
    PALETTES.put(
        JourneyStage.REACTIVATION,
        List.of(
            SMART_CROSS_SELLING,
            ORDER_PRODUCT_REMINDERS,
            NEW_ARRIVALS_CATALOG,
            NEW_ARRIVALS_CATEGORIES,
            NEW_ARRIVALS_MANUFACTURERS,
            BESTSELLERS_VISITED_MANUFACTURER,
            BESTSELLERS_LAST_VIEWED_CATEGORY,
            BESTSELLERS_CURRENT_OR_LAST_VIEWED_PRODUCT_CATEGORY));
    PALETTES.put(
        JourneyStage.RETENTION_FIRST_PURCHASE,
        List.of(
            SMART_CROSS_SELLING,
            ORDER_PRODUCT_REMINDERS,
            BESTSELLERS_VISITED_CATEGORY,
            BESTSELLERS_LAST_VIEWED_CATEGORY,
            BESTSELLERS_CURRENT_OR_LAST_VIEWED_PRODUCT_CATEGORY,
            BESTSELLERS_VISITED_MANUFACTURER,
            MANUAL_SELECTION));
    PALETTES.put(
        JourneyStage.RETENTION_REPEAT,
        List.of(
            BESTSELLERS_CATALOG,
            BESTSELLERS_CATEGORIES,
            BESTSELLERS_VISITED_CATEGORY,
            BESTSELLERS_LAST_VIEWED_CATEGORY,
            BESTSELLERS_CURRENT_OR_LAST_VIEWED_PRODUCT_CATEGORY,
            BESTSELLERS_MOST_REPRESENTED_CATEGORY,
            BESTSELLERS_MOST_REPRESENTED_PRODUCT_CATEGORY,
            BESTSELLERS_MANUFACTURERS,
            BESTSELLERS_VISITED_MANUFACTURER));
    PALETTES.put(
        JourneyStage.B2B,
        List.of(
            BESTSELLERS_CATALOG,
            NEW_ARRIVALS_CATALOG,
            BESTSELLERS_CATEGORIES,
            BESTSELLERS_VISITED_CATEGORY,
            BESTSELLERS_LAST_VIEWED_CATEGORY,
            BESTSELLERS_CURRENT_OR_LAST_VIEWED_PRODUCT_CATEGORY,
            BESTSELLERS_MANUFACTURERS,
            NEW_ARRIVALS_CATEGORIES,
            MANUAL_SELECTION));

    ADVICE.put(
        JourneyStage.ACQUISITION,
        "A first visit: use cross-selling sparingly; bestsellers first, they reassure.");
    ADVICE.put(
        JourneyStage.CONVERSION,
        "The visitor browsed but never bought: build on what they looked at.");
    ADVICE.put(
        JourneyStage.REACTIVATION,
        "A lapsed customer: remind them what they used to buy and show what is new.");
    ADVICE.put(
        JourneyStage.RETENTION_FIRST_PURCHASE,
        "One order so far: complete it and invite a second purchase.");
    ADVICE.put(
        JourneyStage.RETENTION_REPEAT,
        "A regular: bestsellers in the categories and brands they already trust.");
    ADVICE.put(
        JourneyStage.B2B,
        "A business account: complementary products and services to what the client uses.");
  }

  private DefaultConfiguration() {}

  /** The lists DESIGN.md §4 recommends for the stage, best first. */
  public static List<ListType> recommended(JourneyStage stage) {
    return Objects.requireNonNull(PALETTES.get(stage)); // every stage has one
  }

  /**
   * One line of advice for the stage (English; the admin bundles translate {@code
   * sl.advice.STAGE}).
   */
  public static String advice(JourneyStage stage) {
    return Objects.requireNonNull(ADVICE.get(stage)); // every stage has one
  }

  /** The default configuration (version 0). */
  public static SmartListsConfig create() {
    Map<Placement, Map<JourneyStage, List<SlotConfig>>> cells = new EnumMap<>(Placement.class);
    for (Placement placement : Placement.values()) {
      Map<JourneyStage, List<SlotConfig>> byStage = new EnumMap<>(JourneyStage.class);
      for (JourneyStage stage : JourneyStage.values()) {
        byStage.put(stage, defaultSlots(placement, stage));
      }
      cells.put(placement, byStage);
    }
    return new SmartListsConfig(0, cells, StageRules.DEFAULT, GlobalRules.DEFAULT);
  }

  /** The default slots of one (placement, stage) cell. */
  public static List<SlotConfig> defaultSlots(Placement placement, JourneyStage stage) {
    return switch (placement) {
      case PRODUCT_PAGE, CART, ORDER_CONFIRMATION -> defaultSlots(stage);
      case EMAIL_NEWSLETTER -> emailSlots(onSiteLists(stage));
      case EMAIL_POST_PURCHASE -> emailSlots(postPurchaseLists(stage));
      case EMAIL_REACTIVATION -> emailSlots(reactivationLists(stage));
    };
  }

  /** The order is the context: lists that read the order's lines come first. */
  private static List<ListType> postPurchaseLists(JourneyStage stage) {
    return switch (stage) {
      case ACQUISITION ->
          List.of(
              SMART_CROSS_SELLING,
              BESTSELLERS_MOST_REPRESENTED_PRODUCT_CATEGORY,
              BESTSELLERS_CATALOG);
      case CONVERSION ->
          List.of(
              SMART_CROSS_SELLING,
              BESTSELLERS_CURRENT_OR_LAST_VIEWED_PRODUCT_CATEGORY,
              BESTSELLERS_VISITED_MANUFACTURER);
      case REACTIVATION ->
          List.of(SMART_CROSS_SELLING, ORDER_PRODUCT_REMINDERS, NEW_ARRIVALS_CATALOG);
      case RETENTION_FIRST_PURCHASE ->
          List.of(
              SMART_CROSS_SELLING,
              BESTSELLERS_CURRENT_OR_LAST_VIEWED_PRODUCT_CATEGORY,
              ORDER_PRODUCT_REMINDERS);
      // the repeat palette has no cross-selling: the order's aisle, then the customer's
      case RETENTION_REPEAT ->
          List.of(
              BESTSELLERS_MOST_REPRESENTED_PRODUCT_CATEGORY,
              BESTSELLERS_MOST_REPRESENTED_CATEGORY,
              BESTSELLERS_CATALOG);
      case B2B ->
          List.of(
              BESTSELLERS_CURRENT_OR_LAST_VIEWED_PRODUCT_CATEGORY,
              NEW_ARRIVALS_CATALOG,
              BESTSELLERS_CATALOG);
    };
  }

  /** Reminders and new arrivals first, where the stage's palette has them. */
  private static List<ListType> reactivationLists(JourneyStage stage) {
    return switch (stage) {
      case ACQUISITION -> List.of(NEW_ARRIVALS_CATALOG, BESTSELLERS_CATALOG, SMART_CROSS_SELLING);
      case CONVERSION ->
          List.of(
              BESTSELLERS_VISITED_CATEGORY, BESTSELLERS_VISITED_MANUFACTURER, SMART_CROSS_SELLING);
      case REACTIVATION ->
          List.of(ORDER_PRODUCT_REMINDERS, NEW_ARRIVALS_CATALOG, SMART_CROSS_SELLING);
      case RETENTION_FIRST_PURCHASE ->
          List.of(ORDER_PRODUCT_REMINDERS, SMART_CROSS_SELLING, BESTSELLERS_VISITED_CATEGORY);
      case RETENTION_REPEAT ->
          List.of(
              BESTSELLERS_MOST_REPRESENTED_CATEGORY,
              BESTSELLERS_VISITED_MANUFACTURER,
              BESTSELLERS_CATALOG);
      case B2B ->
          List.of(
              NEW_ARRIVALS_CATALOG,
              BESTSELLERS_CATALOG,
              BESTSELLERS_CURRENT_OR_LAST_VIEWED_PRODUCT_CATEGORY);
    };
  }

  private static List<ListType> onSiteLists(JourneyStage stage) {
    List<ListType> types = new ArrayList<>();
    for (SlotConfig slot : defaultSlots(stage)) {
      types.add(slot.type());
    }
    return types;
  }

  private static List<SlotConfig> emailSlots(List<ListType> types) {
    List<SlotConfig> slots = new ArrayList<>(types.size());
    for (ListType type : types) {
      slots.add(
          new SlotConfig(type, defaultTitles(type), 4, 4, null, List.of(), List.of(), List.of()));
    }
    return slots;
  }

  /**
   * The default slots of one stage's cell: three lists of the stage's palette, picked so that each
   * has something to work from at that stage (a first visit has no history, a browsing visitor has
   * views, a customer has purchases), in the order of the stage's advice.
   */
  public static List<SlotConfig> defaultSlots(JourneyStage stage) {
    List<ListType> picked =
        switch (stage) {
          // bestsellers first, cross-selling sparingly (4 items), then what is new
          case ACQUISITION ->
              List.of(BESTSELLERS_CATALOG, SMART_CROSS_SELLING, NEW_ARRIVALS_CATALOG);
          // build on what the visitor looked at
          case CONVERSION ->
              List.of(
                  SMART_CROSS_SELLING,
                  BESTSELLERS_VISITED_CATEGORY,
                  BESTSELLERS_VISITED_MANUFACTURER);
          // remind a lapsed customer what they re-order, show what is new
          case REACTIVATION ->
              List.of(SMART_CROSS_SELLING, ORDER_PRODUCT_REMINDERS, NEW_ARRIVALS_CATALOG);
          // complete the first order, invite the second
          case RETENTION_FIRST_PURCHASE ->
              List.of(
                  SMART_CROSS_SELLING,
                  ORDER_PRODUCT_REMINDERS,
                  BESTSELLERS_CURRENT_OR_LAST_VIEWED_PRODUCT_CATEGORY);
          // the aisles a regular already trusts
          case RETENTION_REPEAT ->
              List.of(
                  BESTSELLERS_MOST_REPRESENTED_CATEGORY,
                  BESTSELLERS_CURRENT_OR_LAST_VIEWED_PRODUCT_CATEGORY,
                  BESTSELLERS_CATALOG);
          // what businesses buy, what is new, more of this aisle
          case B2B ->
              List.of(
                  BESTSELLERS_CATALOG,
                  NEW_ARRIVALS_CATALOG,
                  BESTSELLERS_CURRENT_OR_LAST_VIEWED_PRODUCT_CATEGORY);
        };
    List<SlotConfig> slots = new ArrayList<>(picked.size());
    for (ListType type : picked) {
      int max = stage == JourneyStage.ACQUISITION && type == SMART_CROSS_SELLING ? 4 : 6;
      slots.add(
          new SlotConfig(type, defaultTitles(type), 4, max, null, List.of(), List.of(), List.of()));
    }
    return slots;
  }

  /** Shopper-facing default titles in English and French. */
  public static Map<String, String> defaultTitles(ListType type) {
    return switch (type) {
      case SMART_CROSS_SELLING -> titles("Goes well with", "Se marie bien avec");
      case BESTSELLERS_CATALOG -> titles("Our bestsellers", "Nos meilleures ventes");
      case BESTSELLERS_CATEGORIES -> titles("Bestsellers", "Meilleures ventes");
      case BESTSELLERS_MOST_REPRESENTED_CATEGORY ->
          titles("Bestsellers in your favourite aisle", "Meilleures ventes de votre rayon préféré");
      case BESTSELLERS_MOST_REPRESENTED_PRODUCT_CATEGORY ->
          titles("More bestsellers from this aisle", "D'autres meilleures ventes de ce rayon");
      case BESTSELLERS_MANUFACTURERS -> titles("Bestselling brands", "Marques les plus vendues");
      case BESTSELLERS_VISITED_CATEGORY ->
          titles("Bestsellers in the aisles you visited", "Meilleures ventes des rayons visités");
      case BESTSELLERS_LAST_VIEWED_CATEGORY ->
          titles(
              "Bestsellers in the aisle you just visited",
              "Meilleures ventes du dernier rayon visité");
      case BESTSELLERS_CURRENT_OR_LAST_VIEWED_PRODUCT_CATEGORY ->
          titles("Bestsellers in this aisle", "Meilleures ventes de ce rayon");
      case BESTSELLERS_VISITED_MANUFACTURER ->
          titles("Bestsellers from brands you viewed", "Meilleures ventes des marques consultées");
      case NEW_ARRIVALS_CATALOG -> titles("New arrivals", "Nouveautés");
      case NEW_ARRIVALS_CATEGORIES -> titles("New in these aisles", "Nouveautés de ces rayons");
      case NEW_ARRIVALS_MANUFACTURERS ->
          titles("New from these brands", "Nouveautés de ces marques");
      case ORDER_PRODUCT_REMINDERS -> titles("Time to re-order?", "C'est le moment de racheter ?");
      case MANUAL_SELECTION -> titles("Our picks for you", "Notre sélection pour vous");
    };
  }

  private static Map<String, String> titles(String en, String fr) {
    return Map.of("en", en, "fr", fr);
  }
}
