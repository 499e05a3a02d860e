package io.smartlists.admin;

import static org.mockito.ArgumentMatchers.any;
import static org.mockito.BDDMockito.given;

import io.smartlists.engine.SmartListsEngine;
import io.smartlists.engine.model.DefaultConfiguration;
import io.smartlists.engine.model.GlobalRules;
import io.smartlists.engine.model.JourneyStage;
import io.smartlists.engine.model.Placement;
import io.smartlists.engine.model.SmartListsConfig;
import io.smartlists.engine.model.StageRules;
import io.smartlists.merchandising.CellView;
import io.smartlists.merchandising.MerchandisingEditor;
import io.smartlists.merchandising.RulesView;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

/**
 * The mocks of the admin's MockMvc tests answering as a store on the shipped configuration: every
 * cell holds its shipped slots at cell version {@value #CELL_VERSION}, the rules are the defaults
 * at version {@value #RULES_VERSION}, and the engine's clock is fixed at {@link #NOW}.
 */
final class AdminEditorStubs {

  /** The version of every stubbed cell (a form posts it back as {@code cellVersion}). */
  static final int CELL_VERSION = 7;

  /** The version of the stubbed rules. */
  static final long RULES_VERSION = 3;

  /** The engine's fixed clock. */
  static final Instant NOW = Instant.parse("2026-11-23T12:00:00Z");

  private static final SmartListsConfig SHIPPED = DefaultConfiguration.create();

  private AdminEditorStubs() {}

  /** {@code editor.cell(placement, stage)} answers that cell's shipped slots. */
  static void shippedCell(MerchandisingEditor editor) {
    given(editor.cell(any(), any()))
        .willAnswer(
            a ->
                new CellView(
                    a.getArgument(0),
                    a.getArgument(1),
                    CELL_VERSION,
                    SHIPPED.slots(a.getArgument(0), a.getArgument(1))));
  }

  /**
   * The whole shipped matrix ({@code cells()}, {@code cell(..)}), its version and the default
   * rules; the engine's clock fixed at {@link #NOW}.
   */
  static void shippedStore(MerchandisingEditor editor, SmartListsEngine engine) {
    List<CellView> cells = new ArrayList<>();
    for (Placement p : Placement.values()) {
      for (JourneyStage s : JourneyStage.values()) {
        cells.add(new CellView(p, s, CELL_VERSION, SHIPPED.slots(p, s)));
      }
    }
    given(editor.cells()).willReturn(cells);
    given(editor.currentVersion()).willReturn(SHIPPED.version());
    shippedCell(editor);
    given(editor.rules())
        .willReturn(new RulesView(StageRules.DEFAULT, GlobalRules.DEFAULT, RULES_VERSION));
    given(engine.clock()).willReturn(Clock.fixed(NOW, ZoneOffset.UTC));
  }
}
