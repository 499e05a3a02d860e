package io.smartlists.engine.stage;

import io.smartlists.engine.model.JourneyStage;
import io.smartlists.engine.model.Reason;
import io.smartlists.engine.model.StageDecision;
import io.smartlists.engine.model.StageRules;
import io.smartlists.engine.signals.Signals;
import io.smartlists.host.CustomerInfo;
import java.time.Duration;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * Resolves the journey stage of DESIGN.md §2 from the visitor's history, with the rule that decided
 * as a {@link Reason}: B2B wins; without orders, browsing decides between CONVERSION and
 * ACQUISITION; with orders, an old last order means REACTIVATION, else one order means
 * RETENTION_FIRST_PURCHASE and several RETENTION_REPEAT.
 */
public final class StageResolver {

  private StageResolver() {}

  /** The stage of this visitor (customer null when anonymous) at {@code now}. */
  public static StageDecision resolve(
      Signals signals,
      String visitorId,
      @Nullable CustomerInfo customer,
      StageRules rules,
      Instant now) {
    if (customer != null) {
      if (customer.b2b()) {
        return new StageDecision(JourneyStage.B2B, Reason.of("stage.b2b.flag"));
      }
      if (customer.groups().contains(rules.b2bGroup())) {
        return new StageDecision(JourneyStage.B2B, Reason.of("stage.b2b.group", rules.b2bGroup()));
      }
    }
    String customerId = customer == null ? null : customer.id();
    int orders = signals.orderCount(customerId);
    if (orders == 0) {
      int views = signals.browsingViews(visitorId, customerId);
      if (views >= rules.browsingThreshold()) {
        return new StageDecision(
            JourneyStage.CONVERSION,
            Reason.of("stage.conversion", views, rules.browsingThreshold()));
      }
      return new StageDecision(
          JourneyStage.ACQUISITION,
          Reason.of("stage.acquisition", views, rules.browsingThreshold()));
    }
    Instant last = signals.lastOrderAt(customerId);
    long days = last == null ? 0 : Math.max(0, Duration.between(last, now).toDays());
    if (days > rules.inactivityDays()) {
      return new StageDecision(
          JourneyStage.REACTIVATION,
          Reason.of("stage.reactivation", orders, days, rules.inactivityDays()));
    }
    if (orders == 1) {
      return new StageDecision(
          JourneyStage.RETENTION_FIRST_PURCHASE,
          Reason.of("stage.first-purchase", days, rules.inactivityDays()));
    }
    return new StageDecision(
        JourneyStage.RETENTION_REPEAT,
        Reason.of("stage.repeat", orders, days, rules.inactivityDays()));
  }
}
