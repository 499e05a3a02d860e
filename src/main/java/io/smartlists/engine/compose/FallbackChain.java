package io.smartlists.engine.compose;

import io.smartlists.engine.model.ListType;
import io.smartlists.engine.model.SlotConfig;
import java.util.List;

/**
 * The lists a slot draws from, in order (DESIGN.md §5): its own list up to its maximum; then, while
 * it holds fewer than its minimum, its fallback list and finally {@link
 * ListType#BESTSELLERS_CATALOG}, each at most once; items from the fallbacks are marked as such.
 *
 * @param primary the slot's own list
 * @param fallbacks the lists that fill it up to its minimum, in order
 */
public record FallbackChain(ListType primary, List<ListType> fallbacks) {

  /** The list every chain ends with: a widget is never silently empty. */
  public static final ListType LAST_RESORT = ListType.BESTSELLERS_CATALOG;

  public FallbackChain {
    fallbacks = List.copyOf(fallbacks);
  }

  /** The chain of this slot: its list, its fallback if another one, then the last resort. */
  public static FallbackChain of(SlotConfig slot) {
    ListType primary = slot.type();
    ListType fallback = slot.fallback();
    boolean useFallback = fallback != null && fallback != primary;
    boolean useLastResort = primary != LAST_RESORT && fallback != LAST_RESORT;
    if (useFallback && useLastResort) {
      return new FallbackChain(primary, List.of(fallback, LAST_RESORT));
    }
    if (useFallback) {
      return new FallbackChain(primary, List.of(fallback));
    }
    return new FallbackChain(primary, useLastResort ? List.of(LAST_RESORT) : List.of());
  }
}
