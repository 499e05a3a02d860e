package io.smartlists.engine.stage;

import static org.assertj.core.api.Assertions.assertThat;

import io.smartlists.engine.model.JourneyStage;
import io.smartlists.engine.model.StageDecision;
import io.smartlists.engine.model.StageRules;
import io.smartlists.engine.signals.FakeSignals;
import io.smartlists.host.CustomerInfo;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

/** The rules of DESIGN.md §2, each on a history where the stage is known. */
class StageResolverTests {

  static final Instant NOW = Instant.parse("2026-11-20T10:00:00Z");

  int orders;
  @Nullable Instant lastOrder;
  int views;

  @Test
  void resolve_firstVisitIsAcquisition() {
    assertThat(stage(null)).isEqualTo(JourneyStage.ACQUISITION);
  }

  @Test
  void resolve_oneViewStaysAcquisitionTwoViewsIsConversion() {
    views = 1;
    assertThat(stage(null)).isEqualTo(JourneyStage.ACQUISITION);
    views = 2;
    assertThat(stage(null)).isEqualTo(JourneyStage.CONVERSION);
  }

  @Test
  void resolve_browsingThresholdIsConfigurable() {
    views = 2;
    StageRules rules = new StageRules(180, 5, "B2B");
    assertThat(resolve(customer(false), rules).stage()).isEqualTo(JourneyStage.ACQUISITION);
  }

  @Test
  void resolve_oneRecentOrderIsRetentionAfterFirstPurchase() {
    orders = 1;
    lastOrder = NOW.minus(Duration.ofDays(30));
    assertThat(stage(customer(false))).isEqualTo(JourneyStage.RETENTION_FIRST_PURCHASE);
  }

  @Test
  void resolve_severalRecentOrdersIsRetentionRepeat() {
    orders = 3;
    lastOrder = NOW.minus(Duration.ofDays(10));
    assertThat(stage(customer(false))).isEqualTo(JourneyStage.RETENTION_REPEAT);
  }

  @Test
  void resolve_lastOrderOlderThanTheThresholdIsReactivation() {
    orders = 4;
    lastOrder = NOW.minus(Duration.ofDays(181));
    StageDecision d = resolve(customer(false), StageRules.DEFAULT);
    assertThat(d.stage()).isEqualTo(JourneyStage.REACTIVATION);
    assertThat(d.why().text(Locale.ENGLISH))
        .isEqualTo("4 orders, the last one 181 days ago (lapsed after 180 days)");
    lastOrder = NOW.minus(Duration.ofDays(180));
    assertThat(stage(customer(false))).isEqualTo(JourneyStage.RETENTION_REPEAT);
  }

  @Test
  void resolve_inactivityThresholdIsConfigurable() {
    orders = 1;
    lastOrder = NOW.minus(Duration.ofDays(40));
    assertThat(resolve(customer(false), new StageRules(30, 2, "B2B")).stage())
        .isEqualTo(JourneyStage.REACTIVATION);
  }

  @Test
  void resolve_b2bWinsOverEverything() {
    orders = 5;
    lastOrder = NOW.minus(Duration.ofDays(400));
    assertThat(stage(customer(true))).isEqualTo(JourneyStage.B2B);
    CustomerInfo grouped = new CustomerInfo("g", "G", false, Set.of("B2B"), Locale.ENGLISH);
    StageDecision d = resolve(grouped, StageRules.DEFAULT);
    assertThat(d.stage()).isEqualTo(JourneyStage.B2B);
    assertThat(d.why().text(Locale.FRENCH))
        .isEqualTo("compte professionnel (groupe de clients B2B)");
  }

  JourneyStage stage(@Nullable CustomerInfo customer) {
    return resolve(customer, StageRules.DEFAULT).stage();
  }

  StageDecision resolve(@Nullable CustomerInfo customer, StageRules rules) {
    FakeSignals signals =
        new FakeSignals(1) {
          @Override
          public int orderCount(@Nullable String customerId) {
            return StageResolverTests.this.orders;
          }

          @Override
          public @Nullable Instant lastOrderAt(@Nullable String customerId) {
            return lastOrder;
          }

          @Override
          public int browsingViews(String visitorId, @Nullable String customerId) {
            return views;
          }
        };
    return StageResolver.resolve(signals, "v", customer, rules, NOW);
  }

  static CustomerInfo customer(boolean b2b) {
    return new CustomerInfo("c", "C", b2b, Set.of(), Locale.ENGLISH);
  }
}
