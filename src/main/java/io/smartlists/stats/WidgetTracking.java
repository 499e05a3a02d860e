package io.smartlists.stats;

import io.smartlists.engine.model.StageDecision;
import io.smartlists.engine.model.Widget;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import org.jspecify.annotations.Nullable;

/**
 * What the storefront asks for every composed, non-empty widget: the shopper's holdout arm, the
 * impression rows (one per slot, recorded for both arms through the {@link ShopperEventSink}) and
 * the signed query of each item's tracked link. Cheap and non-blocking: the sink only enqueues.
 */
public final class WidgetTracking {

  private final ShopperEventSink sink;
  private final ClickSigner signer;
  private final Holdout holdout;
  private final Clock clock;

  public WidgetTracking(ShopperEventSink sink, ClickSigner signer, Holdout holdout, Clock clock) {
    this.sink = sink;
    this.signer = signer;
    this.holdout = holdout;
    this.clock = clock;
  }

  /** The holdout assignment in force. */
  public Holdout holdout() {
    return holdout;
  }

  /**
   * Records the impression of {@code widget} for this shopper and says whether to show it.
   *
   * @return the shopper's arm and, for the exposed arm, how to sign the widget's links
   */
  public Shown shown(Widget widget, String visitorId, @Nullable String customerId) {
    Instant now = clock.instant();
    Arm arm = holdout.arm(visitorId, customerId);
    String widgetId = newWidgetId();
    String placement = widget.placement().name();
    StageDecision decision = widget.stage();
    String stage = decision == null ? "UNKNOWN" : decision.stage().name();
    for (Widget.Slot slot : widget.slots()) {
      List<String> products = new ArrayList<>(slot.items().size());
      List<Boolean> fallbacks = new ArrayList<>(slot.items().size());
      for (Widget.Item item : slot.items()) {
        products.add(item.product().id());
        fallbacks.add(item.fallback());
      }
      if (products.isEmpty()) {
        continue;
      }
      sink.record(
          ImpressionRow.TABLE,
          new ImpressionRow(
              now,
              widgetId,
              placement,
              stage,
              slot.position(),
              slot.config().type().name(),
              arm,
              visitorId,
              customerId,
              products,
              fallbacks));
    }
    return new Shown(arm, widgetId, placement, stage, now.getEpochSecond(), signer);
  }

  /** A random 128-bit id in UUID form (not a secret: the links that carry it are signed). */
  static String newWidgetId() {
    ThreadLocalRandom r = ThreadLocalRandom.current();
    return new java.util.UUID(r.nextLong(), r.nextLong()).toString();
  }

  /** The outcome for one widget. */
  public static final class Shown {

    private final Arm arm;
    private final String widgetId;
    private final String placement;
    private final String stage;
    private final long issuedAt;
    private final ClickSigner signer;

    Shown(
        Arm arm,
        String widgetId,
        String placement,
        String stage,
        long issuedAt,
        ClickSigner signer) {
      this.arm = arm;
      this.widgetId = widgetId;
      this.placement = placement;
      this.stage = stage;
      this.issuedAt = issuedAt;
      this.signer = signer;
    }

    /** The shopper's arm. */
    public Arm arm() {
      return arm;
    }

    /** True when the shopper is in the holdout: the page renders no widget. */
    public boolean withheld() {
      return arm == Arm.HOLDOUT;
    }

    /** The widget's id. */
    public String widgetId() {
      return widgetId;
    }

    /** The signed query string of the tracked link of one item. */
    public String clickQuery(int slot, int position, String list, String productId) {
      ClickToken token =
          new ClickToken(widgetId, placement, stage, list, slot, position, productId, issuedAt);
      return token.query(signer.sign(token.fields()));
    }
  }
}
