package io.smartlists.engine.model;

/**
 * Thresholds of the journey-stage resolution (DESIGN.md §2).
 *
 * @param inactivityDays a customer whose last order is older than this is in REACTIVATION
 * @param browsingThreshold product or category views that move a visitor without orders from
 *     ACQUISITION to CONVERSION
 * @param b2bGroup the customer group that marks a business account (besides the host's B2B flag)
 */
public record StageRules(int inactivityDays, int browsingThreshold, String b2bGroup) {

  public static final StageRules DEFAULT = new StageRules(180, 2, "B2B");
}
