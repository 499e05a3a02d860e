package io.smartlists.merchandising;

import io.smartlists.engine.model.GlobalRules;
import io.smartlists.engine.model.StageRules;

/**
 * The stored rules and the optimistic-lock version an edit form sends back.
 *
 * @param stageRules stage thresholds
 * @param globalRules windows and exclusions
 * @param version the optimistic-lock version
 */
public record RulesView(StageRules stageRules, GlobalRules globalRules, long version) {}
