package io.smartlists.merchandising;

import io.smartlists.engine.model.GlobalRules;
import io.smartlists.engine.model.StageRules;
import org.jspecify.annotations.Nullable;

/**
 * Stage thresholds and global rules as a merchant entered them, not yet valid: what {@link
 * MerchandisingEditor#updateRules} takes. A null number is a missing one.
 *
 * @param inactivityDays days without an order before a customer is in reactivation
 * @param browsingThreshold views that move a visitor from acquisition to conversion
 * @param b2bGroup the customer group of business accounts, as typed
 * @param bestsellerWindowDays the bestseller window
 * @param bestsellerHalfLifeDays the bestseller half-life
 * @param newArrivalMaxAgeDays how long a product counts as a new arrival
 * @param excludeAlreadyBought hide products the customer bought before (not in reminders)
 * @param allowRepeatBuy still show already-bought products that customers typically re-buy
 */
public record RulesDraft(
    @Nullable Integer inactivityDays,
    @Nullable Integer browsingThreshold,
    String b2bGroup,
    @Nullable Integer bestsellerWindowDays,
    @Nullable Integer bestsellerHalfLifeDays,
    @Nullable Integer newArrivalMaxAgeDays,
    boolean excludeAlreadyBought,
    boolean allowRepeatBuy) {

  StageRules stageRules() {
    return new StageRules(req(inactivityDays), req(browsingThreshold), b2bGroup.strip());
  }

  GlobalRules globalRules() {
    return new GlobalRules(
        req(bestsellerWindowDays),
        req(bestsellerHalfLifeDays),
        req(newArrivalMaxAgeDays),
        excludeAlreadyBought,
        allowRepeatBuy);
  }

  private static int req(@Nullable Integer v) {
    if (v == null) {
      throw new IllegalStateException("draft not validated");
    }
    return v;
  }
}
