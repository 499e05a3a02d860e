package io.smartlists.merchandising;

import io.smartlists.engine.model.JourneyStage;
import io.smartlists.engine.model.ListType;
import io.smartlists.engine.model.Placement;
import io.smartlists.engine.model.SlotConfig;
import io.smartlists.engine.model.SmartListsConfig;
import io.smartlists.host.CatalogPort;
import java.time.Clock;
import java.util.List;
import java.util.function.Supplier;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * What the admin reads and changes. Every command validates its input once ({@link
 * ConfigValidationException} with every problem), then runs in one transaction that checks the
 * optimistic-lock version the merchant's form was opened on ({@link ConcurrentEditException} when
 * another administrator saved in between), applies the change and records a {@link Revision}; the
 * revision id, returned, is the new configuration version, live on this node at once and on the
 * others within the config source's poll interval.
 */
public final class MerchandisingEditor {

  private final ConfigStore store;
  private final RevisionLog revisions;
  private final MerchandisingConfigSource source;
  private final DraftValidator validator;
  private final TransactionTemplate tx;
  private final TransactionTemplate readTx;
  private final Clock clock;

  public MerchandisingEditor(
      CellRepository cells,
      RulesRepository rules,
      RevisionLog revisions,
      MerchandisingConfigSource source,
      PlatformTransactionManager transactions,
      CatalogPort catalog,
      Clock clock) {
    this(
        cells,
        rules,
        revisions,
        source,
        transactions,
        catalog,
        new CatalogueLookups(catalog),
        clock);
  }

  /** An editor that validates drafts against shared catalogue lookups (the admin's, say). */
  public MerchandisingEditor(
      CellRepository cells,
      RulesRepository rules,
      RevisionLog revisions,
      MerchandisingConfigSource source,
      PlatformTransactionManager transactions,
      CatalogPort catalog,
      CatalogueLookups lookups,
      Clock clock) {
    this.store = new ConfigStore(cells, rules);
    this.revisions = revisions;
    this.source = source;
    this.validator = new DraftValidator(catalog, lookups);
    this.tx = new TransactionTemplate(transactions);
    this.readTx = new TransactionTemplate(transactions);
    this.readTx.setReadOnly(true);
    this.clock = clock;
  }

  // ---------------------------------------------------------------- reads

  /** Every cell of the matrix as stored now (placements × stages, in enum order). */
  public List<CellView> cells() {
    source.ensureSeeded();
    List<CellView> out = readTx.execute(s -> store.views());
    return out == null ? List.of() : out;
  }

  /** One cell as stored now, with the version an edit form sends back. */
  public CellView cell(Placement placement, JourneyStage stage) {
    source.ensureSeeded();
    CellView v = readTx.execute(s -> store.view(placement, stage));
    return v == null ? new CellView(placement, stage, 0, List.of()) : v;
  }

  /** The stored rules with the version an edit form sends back. */
  public RulesView rules() {
    source.ensureSeeded();
    RulesView v = readTx.execute(s -> store.rulesView());
    return v == null ? ConfigStore.defaultRulesView() : v;
  }

  /** The version of the configuration in force on this node. */
  public long currentVersion() {
    return source.current().version();
  }

  /** The newest changes first. */
  public List<Revision> history(int limit) {
    source.ensureSeeded();
    return revisions.history(limit);
  }

  // ---------------------------------------------------------------- validation

  /** Every problem of a slot; empty when it can be saved. */
  public List<ConfigError> check(SlotDraft slot) {
    return validator.check(slot);
  }

  /** Every problem of the rules; empty when they can be saved. */
  public List<ConfigError> check(RulesDraft rules) {
    return validator.check(rules);
  }

  // ---------------------------------------------------------------- commands

  /** Appends a slot to the cell opened at {@code cellVersion}. */
  public long addSlot(
      Placement placement, JourneyStage stage, SlotDraft draft, long cellVersion, String author) {
    SlotConfig slot = validated(draft);
    return change(
        placement,
        stage,
        cellVersion,
        author,
        Change.SlotAction.ADDED,
        cell -> {
          cell.slots().add(new SlotEntity(slot));
          return slot.type();
        });
  }

  /** Replaces the slot at {@code index} of the cell opened at {@code cellVersion}. */
  public long updateSlot(
      Placement placement,
      JourneyStage stage,
      int index,
      SlotDraft draft,
      long cellVersion,
      String author) {
    SlotConfig slot = validated(draft);
    return change(
        placement,
        stage,
        cellVersion,
        author,
        Change.SlotAction.EDITED,
        cell -> {
          slotAt(cell, index).assign(slot);
          return slot.type();
        });
  }

  /** Removes the slot at {@code index} of the cell opened at {@code cellVersion}. */
  public long removeSlot(
      Placement placement, JourneyStage stage, int index, long cellVersion, String author) {
    return change(
        placement,
        stage,
        cellVersion,
        author,
        Change.SlotAction.REMOVED,
        cell -> {
          ListType removed = slotAt(cell, index).toSlotConfig().type();
          cell.slots().remove(index);
          return removed;
        });
  }

  /** Moves the slot at {@code index} one place up ({@code delta} -1) or down (+1). */
  public long moveSlot(
      Placement placement,
      JourneyStage stage,
      int index,
      int delta,
      long cellVersion,
      String author) {
    return change(
        placement,
        stage,
        cellVersion,
        author,
        delta < 0 ? Change.SlotAction.MOVED_UP : Change.SlotAction.MOVED_DOWN,
        cell -> {
          SlotEntity s = slotAt(cell, index);
          int to = index + delta;
          if (to < 0 || to >= cell.slots().size()) {
            throw new ConfigValidationException(List.of(ConfigError.of("", "sl.error.cannotMove")));
          }
          cell.slots().remove(index);
          cell.slots().add(to, s);
          return s.toSlotConfig().type();
        });
  }

  /** Saves the stage and global rules opened at {@code rulesVersion}. */
  public long updateRules(RulesDraft draft, long rulesVersion, String author) {
    List<ConfigError> errors = validator.check(draft);
    if (!errors.isEmpty()) {
      throw new ConfigValidationException(errors);
    }
    source.ensureSeeded();
    return commit(
        "rules",
        () -> {
          RulesEntity r = store.rulesToEdit();
          if (r.version() != rulesVersion) {
            throw new ConcurrentEditException("rules");
          }
          r.assign(draft.stageRules(), draft.globalRules());
          r.touch(author, clock.instant());
          store.saveNow(r);
          return record(author, new Change.RulesChanged());
        });
  }

  /** Makes the configuration of an earlier version the current one again (a new version). */
  public long restore(long atVersion, String author) {
    return commit(
        "configuration",
        () -> {
          SmartListsConfig old =
              revisions
                  .configurationAt(atVersion)
                  .orElseThrow(
                      () ->
                          new ConfigValidationException(
                              List.of(ConfigError.of("", "sl.error.unknownVersion", atVersion))));
          store.write(old, author, clock.instant());
          return record(author, new Change.Restored(atVersion));
        });
  }

  // ---------------------------------------------------------------- internals

  /** One edit of a cell, answering the list it concerned (for the history). */
  @FunctionalInterface
  private interface CellEdit {
    ListType apply(CellEntity cell);
  }

  private SlotConfig validated(SlotDraft draft) {
    List<ConfigError> errors = validator.check(draft);
    if (!errors.isEmpty()) {
      throw new ConfigValidationException(errors);
    }
    return draft.toSlotConfig();
  }

  private static SlotEntity slotAt(CellEntity cell, int index) {
    if (index < 0 || index >= cell.slots().size()) {
      // the cell is at the version the page was rendered from (checked before): no such slot
      throw new SlotNotFoundException(cell.placement() + "/" + cell.stage(), index);
    }
    return cell.slots().get(index);
  }

  private long change(
      Placement placement,
      JourneyStage stage,
      long expectedVersion,
      String author,
      Change.SlotAction action,
      CellEdit edit) {
    source.ensureSeeded();
    String what = placement + "/" + stage;
    return commit(
        what,
        () -> {
          CellEntity cell = store.cellToEdit(placement, stage);
          if (cell.version() != expectedVersion) {
            throw new ConcurrentEditException(what);
          }
          ListType list = edit.apply(cell);
          cell.touch(author, clock.instant());
          store.saveNow(cell);
          return record(author, new Change.SlotChanged(action, list, placement, stage));
        });
  }

  /** Runs a change in a transaction; a lost optimistic-lock race becomes a concurrent edit. */
  private long commit(String what, Supplier<Long> work) {
    Long v;
    try {
      v = tx.execute(s -> work.get());
    } catch (OptimisticLockingFailureException | DataIntegrityViolationException e) {
      throw new ConcurrentEditException(what, e);
    }
    source.refresh();
    return v == null ? 0 : v;
  }

  /** Records a revision holding the configuration as it now stands in this transaction. */
  private long record(String author, Change change) {
    store.flush();
    return revisions.record(author, change, store.snapshot(0));
  }
}
