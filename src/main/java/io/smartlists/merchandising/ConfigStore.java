package io.smartlists.merchandising;

import io.smartlists.engine.model.DefaultConfiguration;
import io.smartlists.engine.model.GlobalRules;
import io.smartlists.engine.model.JourneyStage;
import io.smartlists.engine.model.Placement;
import io.smartlists.engine.model.SlotConfig;
import io.smartlists.engine.model.SmartListsConfig;
import io.smartlists.engine.model.StageRules;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The stored configuration as entities, read and written as the engine's {@link SmartListsConfig}.
 * Every method runs in the caller's transaction; the config source and the editor share it.
 */
final class ConfigStore {

  private final CellRepository cells;
  private final RulesRepository rules;

  ConfigStore(CellRepository cells, RulesRepository rules) {
    this.cells = cells;
    this.rules = rules;
  }

  boolean isEmpty() {
    return cells.count() == 0;
  }

  /** The stored configuration, labelled with {@code version}. */
  SmartListsConfig snapshot(long version) {
    Map<Placement, Map<JourneyStage, List<SlotConfig>>> byPlacement =
        new EnumMap<>(Placement.class);
    for (CellEntity cell : cells.findAll()) {
      byPlacement
          .computeIfAbsent(cell.placement(), p -> new EnumMap<>(JourneyStage.class))
          .put(cell.stage(), slots(cell));
    }
    RulesEntity r = rules.findById(RulesEntity.ID).orElse(null);
    return new SmartListsConfig(
        version,
        byPlacement,
        r == null ? StageRules.DEFAULT : r.stageRules(),
        r == null ? GlobalRules.DEFAULT : r.globalRules());
  }

  /** Every cell of the matrix (placements × stages, in enum order), empty ones included. */
  List<CellView> views() {
    Map<String, CellEntity> stored = byKey();
    List<CellView> views = new ArrayList<>();
    for (Placement p : Placement.values()) {
      for (JourneyStage st : JourneyStage.values()) {
        CellEntity c = stored.get(p + "/" + st);
        views.add(c == null ? new CellView(p, st, 0, List.of()) : view(c));
      }
    }
    return views;
  }

  CellView view(Placement placement, JourneyStage stage) {
    return cells
        .findByPlacementAndStage(placement, stage)
        .map(ConfigStore::view)
        .orElse(new CellView(placement, stage, 0, List.of()));
  }

  RulesView rulesView() {
    return rules
        .findById(RulesEntity.ID)
        .map(r -> new RulesView(r.stageRules(), r.globalRules(), r.version()))
        .orElse(defaultRulesView());
  }

  /** The rules of a store that has none saved yet. */
  static RulesView defaultRulesView() {
    return new RulesView(StageRules.DEFAULT, GlobalRules.DEFAULT, 0);
  }

  /** The cell to edit (a new, unsaved one when the store has none for it). */
  CellEntity cellToEdit(Placement placement, JourneyStage stage) {
    return cells
        .findByPlacementAndStage(placement, stage)
        .orElseGet(() -> new CellEntity(placement, stage));
  }

  /** Saves an edited cell now, so a lost optimistic-lock race fails inside the command. */
  void saveNow(CellEntity cell) {
    cells.saveAndFlush(cell);
  }

  /** The rules to edit (the defaults, unsaved, when the store has none). */
  RulesEntity rulesToEdit() {
    return rules
        .findById(RulesEntity.ID)
        .orElseGet(() -> new RulesEntity(StageRules.DEFAULT, GlobalRules.DEFAULT));
  }

  void saveNow(RulesEntity r) {
    rules.saveAndFlush(r);
  }

  void flush() {
    cells.flush();
  }

  /** Replaces every cell and the rules with the given configuration. */
  void write(SmartListsConfig config, String author, Instant now) {
    Map<String, CellEntity> stored = byKey();
    for (Placement p : Placement.values()) {
      for (JourneyStage st : JourneyStage.values()) {
        CellEntity cell = stored.get(p + "/" + st);
        List<SlotConfig> slots = config.slots(p, st);
        if (cell == null) {
          if (slots.isEmpty()) {
            continue;
          }
          cell = new CellEntity(p, st);
        } else if (slots(cell).equals(slots)) {
          continue;
        }
        cell.slots().clear();
        for (SlotConfig s : slots) {
          cell.slots().add(new SlotEntity(s));
        }
        cell.touch(author, now);
        cells.save(cell);
      }
    }
    RulesEntity r =
        rules
            .findById(RulesEntity.ID)
            .orElseGet(() -> new RulesEntity(config.stageRules(), config.globalRules()));
    r.assign(config.stageRules(), config.globalRules());
    r.touch(author, now);
    rules.save(r);
    cells.flush();
  }

  /** The placements without a single stored cell (added to the module after the store seeded). */
  List<Placement> placementsWithoutCells() {
    java.util.EnumSet<Placement> missing = java.util.EnumSet.allOf(Placement.class);
    for (CellEntity c : cells.findAll()) {
      missing.remove(c.placement());
    }
    return List.copyOf(missing);
  }

  /** Stores the shipped default cells of {@code placement}, which has none stored. */
  void writeDefaults(Placement placement, String author, Instant now) {
    for (JourneyStage st : JourneyStage.values()) {
      CellEntity cell = new CellEntity(placement, st);
      for (SlotConfig s : DefaultConfiguration.defaultSlots(placement, st)) {
        cell.slots().add(new SlotEntity(s));
      }
      cell.touch(author, now);
      cells.save(cell);
    }
  }

  private Map<String, CellEntity> byKey() {
    Map<String, CellEntity> stored = new HashMap<>();
    for (CellEntity c : cells.findAll()) {
      stored.put(c.placement() + "/" + c.stage(), c);
    }
    return stored;
  }

  private static CellView view(CellEntity c) {
    return new CellView(c.placement(), c.stage(), c.version(), slots(c));
  }

  private static List<SlotConfig> slots(CellEntity cell) {
    List<SlotConfig> slots = new ArrayList<>(cell.slots().size());
    for (SlotEntity slot : cell.slots()) {
      slots.add(slot.toSlotConfig());
    }
    return slots;
  }
}
