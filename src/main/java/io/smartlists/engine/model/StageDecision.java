package io.smartlists.engine.model;

/**
 * A resolved journey stage and why, as the admin preview shows it.
 *
 * @param stage the stage
 * @param why the rule that decided, e.g. "1 order, last one 12 days ago (threshold 180 days)"
 */
public record StageDecision(JourneyStage stage, Reason why) {}
