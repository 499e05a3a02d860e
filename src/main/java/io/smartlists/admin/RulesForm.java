package io.smartlists.admin;

import io.smartlists.engine.model.GlobalRules;
import io.smartlists.engine.model.StageRules;
import io.smartlists.merchandising.RulesDraft;
import io.smartlists.merchandising.RulesView;
import org.jspecify.annotations.Nullable;

/** What the rules form submits: stage thresholds and global rules, not yet valid. */
public class RulesForm {

  private @Nullable Integer inactivityDays;

  private @Nullable Integer browsingThreshold;

  private String b2bGroup = "";

  private @Nullable Integer bestsellerWindowDays;

  private @Nullable Integer bestsellerHalfLifeDays;

  private @Nullable Integer newArrivalMaxAgeDays;

  private boolean excludeAlreadyBought;

  private boolean allowRepeatBuy;

  /** The version of the rules the form was opened on (optimistic locking). */
  private long rulesVersion;

  public RulesForm() {}

  public static RulesForm of(RulesView rules) {
    RulesForm f = new RulesForm();
    StageRules s = rules.stageRules();
    GlobalRules g = rules.globalRules();
    f.inactivityDays = s.inactivityDays();
    f.browsingThreshold = s.browsingThreshold();
    f.b2bGroup = s.b2bGroup();
    f.bestsellerWindowDays = g.bestsellerWindowDays();
    f.bestsellerHalfLifeDays = g.bestsellerHalfLifeDays();
    f.newArrivalMaxAgeDays = g.newArrivalMaxAgeDays();
    f.excludeAlreadyBought = g.excludeAlreadyBought();
    f.allowRepeatBuy = g.allowRepeatBuy();
    f.rulesVersion = rules.version();
    return f;
  }

  /** The rules as entered, for the editor to validate and save. */
  RulesDraft toDraft() {
    return new RulesDraft(
        inactivityDays,
        browsingThreshold,
        b2bGroup,
        bestsellerWindowDays,
        bestsellerHalfLifeDays,
        newArrivalMaxAgeDays,
        excludeAlreadyBought,
        allowRepeatBuy);
  }

  public @Nullable Integer getInactivityDays() {
    return inactivityDays;
  }

  public void setInactivityDays(@Nullable Integer inactivityDays) {
    this.inactivityDays = inactivityDays;
  }

  public @Nullable Integer getBrowsingThreshold() {
    return browsingThreshold;
  }

  public void setBrowsingThreshold(@Nullable Integer browsingThreshold) {
    this.browsingThreshold = browsingThreshold;
  }

  public String getB2bGroup() {
    return b2bGroup;
  }

  public void setB2bGroup(@Nullable String b2bGroup) {
    this.b2bGroup = b2bGroup == null ? "" : b2bGroup;
  }

  public @Nullable Integer getBestsellerWindowDays() {
    return bestsellerWindowDays;
  }

  public void setBestsellerWindowDays(@Nullable Integer bestsellerWindowDays) {
    this.bestsellerWindowDays = bestsellerWindowDays;
  }

  public @Nullable Integer getBestsellerHalfLifeDays() {
    return bestsellerHalfLifeDays;
  }

  public void setBestsellerHalfLifeDays(@Nullable Integer bestsellerHalfLifeDays) {
    this.bestsellerHalfLifeDays = bestsellerHalfLifeDays;
  }

  public @Nullable Integer getNewArrivalMaxAgeDays() {
    return newArrivalMaxAgeDays;
  }

  public void setNewArrivalMaxAgeDays(@Nullable Integer newArrivalMaxAgeDays) {
    this.newArrivalMaxAgeDays = newArrivalMaxAgeDays;
  }

  public boolean isExcludeAlreadyBought() {
    return excludeAlreadyBought;
  }

  public void setExcludeAlreadyBought(boolean excludeAlreadyBought) {
    this.excludeAlreadyBought = excludeAlreadyBought;
  }

  public boolean isAllowRepeatBuy() {
    return allowRepeatBuy;
  }

  public void setAllowRepeatBuy(boolean allowRepeatBuy) {
    this.allowRepeatBuy = allowRepeatBuy;
  }

  public long getRulesVersion() {
    return rulesVersion;
  }

  public void setRulesVersion(long rulesVersion) {
    this.rulesVersion = rulesVersion;
  }
}
