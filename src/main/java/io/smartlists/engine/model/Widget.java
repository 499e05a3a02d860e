package io.smartlists.engine.model;

import io.smartlists.host.ProductInfo;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * What renders at one placement for one visitor: the model every renderer (Thymeleaf fragment,
 * JSON, e-mail HTML) reads.
 *
 * @param placement where it renders
 * @param stage the resolved journey stage and why (null when the engine failed before resolving)
 * @param slots the filled slots, in order; empty slots are left out
 * @param outcome whether composition succeeded
 * @param dropped candidates removed by a rule (only when the request asked for a trace)
 * @param configVersion the configuration version the widget was composed with
 */
public record Widget(
    Placement placement,
    @Nullable StageDecision stage,
    List<Slot> slots,
    Outcome outcome,
    List<Dropped> dropped,
    long configVersion) {

  /** How composition ended. */
  public enum Outcome {
    OK,
    /** Past the time budget: rendered empty. */
    TIMEOUT,
    /** An exception in the engine or a host port: rendered empty. */
    ERROR
  }

  /** One filled slot. */
  public record Slot(int position, SlotConfig config, List<Item> items) {}

  /**
   * One recommended product.
   *
   * @param product the product as the host describes it
   * @param list the list that produced it (the fallback list for fallback items)
   * @param reason why, readable by a merchant
   */
  public record Item(ProductInfo product, ListType list, Reason reason) {

    /** True when the item came from the slot's fallback chain. */
    public boolean fallback() {
      return reason.fallback();
    }
  }

  /** A candidate a composition rule removed. */
  public record Dropped(String productId, int slotPosition, ListType list, DropRule rule) {}

  /** An empty widget (the engine failed or timed out): the page renders without it. */
  public static Widget empty(Placement placement, Outcome outcome, long configVersion) {
    return new Widget(placement, null, List.of(), outcome, List.of(), configVersion);
  }

  /** True when there is nothing to render. */
  public boolean isEmpty() {
    return slots.isEmpty();
  }
}
