package io.smartlists.merchandising;

import io.smartlists.engine.model.GlobalRules;
import io.smartlists.engine.model.StageRules;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/** The single row of stage thresholds and global rules. */
@Entity
@Table(name = "SL_RULES")
class RulesEntity {

  static final int ID = 1;

  @Id
  @Column(name = "ID")
  private int id = ID;

  @Column(name = "INACTIVITY_DAYS", nullable = false)
  private int inactivityDays;

  @Column(name = "BROWSING_THRESHOLD", nullable = false)
  private int browsingThreshold;

  @Column(name = "B2B_GROUP", nullable = false, length = 100)
  private String b2bGroup = "";

  @Column(name = "BESTSELLER_WINDOW_DAYS", nullable = false)
  private int bestsellerWindowDays;

  @Column(name = "BESTSELLER_HALF_LIFE_DAYS", nullable = false)
  private int bestsellerHalfLifeDays;

  @Column(name = "NEW_ARRIVAL_MAX_AGE_DAYS", nullable = false)
  private int newArrivalMaxAgeDays;

  @Column(name = "EXCLUDE_ALREADY_BOUGHT", nullable = false)
  private boolean excludeAlreadyBought;

  @Column(name = "ALLOW_REPEAT_BUY", nullable = false)
  private boolean allowRepeatBuy;

  @Version
  @Column(name = "VERSION", nullable = false)
  private long version;

  @Column(name = "UPDATED_BY", length = 100)
  private @Nullable String updatedBy;

  @Column(name = "UPDATED_AT")
  private @Nullable Instant updatedAt;

  protected RulesEntity() {}

  RulesEntity(StageRules stage, GlobalRules global) {
    assign(stage, global);
  }

  void assign(StageRules stage, GlobalRules global) {
    this.inactivityDays = stage.inactivityDays();
    this.browsingThreshold = stage.browsingThreshold();
    this.b2bGroup = stage.b2bGroup();
    this.bestsellerWindowDays = global.bestsellerWindowDays();
    this.bestsellerHalfLifeDays = global.bestsellerHalfLifeDays();
    this.newArrivalMaxAgeDays = global.newArrivalMaxAgeDays();
    this.excludeAlreadyBought = global.excludeAlreadyBought();
    this.allowRepeatBuy = global.allowRepeatBuy();
  }

  void touch(String author, Instant at) {
    this.updatedBy = author;
    this.updatedAt = at;
  }

  long version() {
    return version;
  }

  StageRules stageRules() {
    return new StageRules(inactivityDays, browsingThreshold, b2bGroup);
  }

  GlobalRules globalRules() {
    return new GlobalRules(
        bestsellerWindowDays,
        bestsellerHalfLifeDays,
        newArrivalMaxAgeDays,
        excludeAlreadyBought,
        allowRepeatBuy);
  }
}
