package io.smartlists.config;

import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.LoadingCache;
import io.smartlists.engine.ConfigSource;
import io.smartlists.engine.model.DefaultConfiguration;
import io.smartlists.engine.model.GlobalRules;
import io.smartlists.engine.model.JourneyStage;
import io.smartlists.engine.model.ListType;
import io.smartlists.engine.model.Placement;
import io.smartlists.engine.model.SlotConfig;
import io.smartlists.engine.model.SmartListsConfig;
import io.smartlists.engine.model.StageRules;
import io.smartlists.host.CatalogPort;
import io.smartlists.host.CategoryInfo;
import io.smartlists.host.ProductInfo;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Consumer;
import java.util.function.Predicate;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.data.domain.PageRequest;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.json.JsonMapper;

/**
 * The merchandising configuration: what the admin edits and what the engine reads.
 *
 * <p>Every change runs in one transaction that checks the cell's optimistic-lock version, applies
 * the change, and records a {@link Revision} with a snapshot of the whole configuration; the
 * revision id is the configuration version. {@link #current()} serves the engine from a Caffeine
 * cache keyed by that version; the version itself ({@code SELECT MAX(ID)} of the revisions, one
 * indexed aggregate) is refreshed in the background at most every {@code pollInterval}, so a change
 * saved on one store node is live on every node within that interval, without a restart, and a
 * widget never waits for the database. An empty store is seeded with {@link
 * DefaultConfiguration#create()}.
 */
public final class ConfigService implements ConfigSource {

  private static final Logger log = LoggerFactory.getLogger(ConfigService.class);
  private static final String SYSTEM = "system";
  private static final String SEP = "\t";

  private final CellRepository cells;
  private final RulesRepository rules;
  private final RevisionRepository revisions;
  private final TransactionTemplate tx;
  private final TransactionTemplate readTx;
  private final CatalogPort catalog;
  private final Validator validator;
  private final Clock clock;
  private final JsonMapper json = JsonMapper.builder().build();
  private final LoadingCache<String, Long> version;
  private final LoadingCache<Long, SmartListsConfig> configs;
  private final LoadingCache<String, Set<String>> manufacturers;
  private final LoadingCache<String, Map<String, CategoryInfo>> categories;

  ConfigService(
      CellRepository cells,
      RulesRepository rules,
      RevisionRepository revisions,
      PlatformTransactionManager transactions,
      CatalogPort catalog,
      Validator validator,
      Clock clock,
      Duration pollInterval) {
    this.cells = cells;
    this.rules = rules;
    this.revisions = revisions;
    this.tx = new TransactionTemplate(transactions);
    this.readTx = new TransactionTemplate(transactions);
    this.readTx.setReadOnly(true);
    this.catalog = catalog;
    this.validator = validator;
    this.clock = clock;
    this.version = Caffeine.newBuilder().refreshAfterWrite(pollInterval).build(k -> readVersion());
    this.configs = Caffeine.newBuilder().maximumSize(4).build(this::load);
    this.manufacturers =
        Caffeine.newBuilder()
            .refreshAfterWrite(Duration.ofMinutes(5))
            .build(k -> loadManufacturers());
    this.categories =
        Caffeine.newBuilder().refreshAfterWrite(Duration.ofMinutes(1)).build(k -> loadCategories());
  }

  // ---------------------------------------------------------------- the engine's side

  /** The configuration in force on this node (at most {@code pollInterval} behind the store). */
  @Override
  public SmartListsConfig current() {
    return configs.get(version.get(""));
  }

  /** Forgets the cached version, so the next {@link #current()} reads the store. */
  public void refresh() {
    version.invalidateAll();
  }

  private long readVersion() {
    Long v = revisions.maxVersion();
    if (v == null) {
      seed();
      v = revisions.maxVersion();
    }
    return v == null ? 0 : v;
  }

  private SmartListsConfig load(long atVersion) {
    SmartListsConfig c = readTx.execute(s -> snapshot(atVersion));
    return c == null ? DefaultConfiguration.create() : c;
  }

  /** The stored configuration, built from the entities (inside a transaction). */
  private SmartListsConfig snapshot(long atVersion) {
    Map<Placement, Map<JourneyStage, List<SlotConfig>>> byPlacement =
        new EnumMap<>(Placement.class);
    for (CellEntity cell : cells.findAll()) {
      List<SlotConfig> slots = new ArrayList<>(cell.slots().size());
      for (SlotEntity slot : cell.slots()) {
        slots.add(slot.toSlotConfig());
      }
      byPlacement
          .computeIfAbsent(cell.placement(), p -> new EnumMap<>(JourneyStage.class))
          .put(cell.stage(), slots);
    }
    RulesEntity r = rules.findById(RulesEntity.ID).orElse(null);
    return new SmartListsConfig(
        atVersion,
        byPlacement,
        r == null ? StageRules.DEFAULT : r.stageRules(),
        r == null ? GlobalRules.DEFAULT : r.globalRules());
  }

  /** Stores the shipped configuration when the store has none yet (once, across nodes). */
  private void seed() {
    try {
      tx.executeWithoutResult(
          s -> {
            if (revisions.maxVersion() != null) {
              return;
            }
            SmartListsConfig defaults = DefaultConfiguration.create();
            if (cells.count() == 0) {
              write(defaults, SYSTEM, clock.instant());
            }
            record(SYSTEM, "sl.history.seeded");
          });
      log.info("Smart Lists: seeded the merchandising configuration with the shipped default");
    } catch (DataIntegrityViolationException e) {
      log.debug("another node seeded the configuration first", e);
    }
  }

  // ---------------------------------------------------------------- the admin's side

  /** Every cell of the matrix as stored now (placements × stages, in enum order). */
  public List<CellView> cells() {
    ensureSeeded();
    List<CellView> out =
        readTx.execute(
            s -> {
              Map<String, CellEntity> stored = new HashMap<>();
              for (CellEntity c : cells.findAll()) {
                stored.put(c.placement() + "/" + c.stage(), c);
              }
              List<CellView> views = new ArrayList<>();
              for (Placement p : Placement.values()) {
                for (JourneyStage st : JourneyStage.values()) {
                  CellEntity c = stored.get(p + "/" + st);
                  views.add(c == null ? new CellView(p, st, 0, List.of()) : view(c));
                }
              }
              return views;
            });
    return out == null ? List.of() : out;
  }

  /** One cell as stored now. */
  public CellView cell(Placement placement, JourneyStage stage) {
    ensureSeeded();
    CellView v =
        readTx.execute(
            s ->
                cells
                    .findByPlacementAndStage(placement, stage)
                    .map(ConfigService::view)
                    .orElse(new CellView(placement, stage, 0, List.of())));
    return v == null ? new CellView(placement, stage, 0, List.of()) : v;
  }

  private static CellView view(CellEntity c) {
    List<SlotConfig> slots = new ArrayList<>();
    for (SlotEntity s : c.slots()) {
      slots.add(s.toSlotConfig());
    }
    return new CellView(c.placement(), c.stage(), c.version(), slots);
  }

  /** The stored rules with their optimistic-lock version. */
  public RulesView rules() {
    ensureSeeded();
    RulesView v =
        readTx.execute(
            s ->
                rules
                    .findById(RulesEntity.ID)
                    .map(r -> new RulesView(r.stageRules(), r.globalRules(), r.version()))
                    .orElse(new RulesView(StageRules.DEFAULT, GlobalRules.DEFAULT, 0)));
    return v == null ? new RulesView(StageRules.DEFAULT, GlobalRules.DEFAULT, 0) : v;
  }

  /**
   * Every problem of a slot form: bean constraints (required, ranges) and the cross-field rules
   * (minimum above maximum, a list without the parameter it needs, categories, manufacturers or
   * products the catalogue does not know, an unusable fallback). Empty when it can be saved.
   */
  public List<ConfigError> check(SlotForm form) {
    List<ConfigError> errors = new ArrayList<>();
    Set<String> badFields = new HashSet<>();
    for (ConstraintViolation<SlotForm> v : validator.validate(form)) {
      String field = v.getPropertyPath().toString();
      String constraint =
          v.getConstraintDescriptor().getAnnotation().annotationType().getSimpleName();
      Object limit = v.getConstraintDescriptor().getAttributes().get("value");
      if (constraint.equals("Size")) {
        limit = v.getConstraintDescriptor().getAttributes().get("max");
      }
      errors.add(
          limit == null
              ? ConfigError.of(field, "sl.error." + constraint)
              : ConfigError.of(field, "sl.error." + constraint, limit));
      badFields.add(field);
    }
    Integer min = form.getMinItems();
    Integer max = form.getMaxItems();
    if (min != null
        && max != null
        && !badFields.contains("minItems")
        && !badFields.contains("maxItems")
        && min > max) {
      errors.add(ConfigError.of("minItems", "sl.error.minAboveMax", min, max));
    }
    ListType type = form.getType();
    if (type != null) {
      switch (type.param()) {
        case CATEGORIES ->
            checkParameter(
                errors,
                "categories",
                form.categoryList(),
                categories.get("")::containsKey,
                "sl.error.categoriesRequired",
                "sl.error.unknownCategory");
        case MANUFACTURERS ->
            checkParameter(
                errors,
                "manufacturers",
                form.manufacturerList(),
                manufacturers.get("")::contains,
                "sl.error.manufacturersRequired",
                "sl.error.unknownManufacturer");
        case PRODUCTS ->
            checkParameter(
                errors,
                "products",
                form.productList(),
                id -> catalog.product(id) != null,
                "sl.error.productsRequired",
                "sl.error.unknownProduct");
        case NONE -> {}
      }
    }
    ListType fallback = form.getFallback();
    if (fallback != null) {
      if (fallback == type) {
        errors.add(ConfigError.of("fallback", "sl.error.fallbackSameAsList"));
      } else if (fallback.param() != ListType.Param.NONE) {
        errors.add(ConfigError.of("fallback", "sl.error.fallbackNeedsParameter"));
      }
    }
    return errors;
  }

  /** A list's parameter: at least one value, each known to the catalogue. */
  private static void checkParameter(
      List<ConfigError> errors,
      String field,
      List<String> values,
      Predicate<String> known,
      String requiredKey,
      String unknownKey) {
    if (values.isEmpty()) {
      errors.add(ConfigError.of(field, requiredKey));
    }
    for (String value : values) {
      if (!known.test(value)) {
        errors.add(ConfigError.of(field, unknownKey, value));
      }
    }
  }

  /** Appends a slot to the cell. */
  public long addSlot(Placement placement, JourneyStage stage, SlotForm form, String author) {
    SlotConfig slot = validated(form);
    return change(
        placement,
        stage,
        form.getCellVersion(),
        author,
        cell -> cell.slots().add(new SlotEntity(slot)),
        "sl.history.slotAdded",
        "list:" + slot.type());
  }

  /** Replaces the slot at {@code index} of the cell. */
  public long updateSlot(
      Placement placement, JourneyStage stage, int index, SlotForm form, String author) {
    SlotConfig slot = validated(form);
    return change(
        placement,
        stage,
        form.getCellVersion(),
        author,
        cell -> slotAt(cell, index).assign(slot),
        "sl.history.slotEdited",
        "list:" + slot.type());
  }

  /** Removes the slot at {@code index} of the cell. */
  public long removeSlot(
      Placement placement, JourneyStage stage, int index, long cellVersion, String author) {
    ListType[] removed = new ListType[1];
    return change(
        placement,
        stage,
        cellVersion,
        author,
        cell -> {
          removed[0] = slotAt(cell, index).toSlotConfig().type();
          cell.slots().remove(index);
        },
        "sl.history.slotRemoved",
        () -> "list:" + removed[0]);
  }

  /** Moves the slot at {@code index} one place up ({@code delta} -1) or down (+1). */
  public long moveSlot(
      Placement placement,
      JourneyStage stage,
      int index,
      int delta,
      long cellVersion,
      String author) {
    ListType[] moved = new ListType[1];
    return change(
        placement,
        stage,
        cellVersion,
        author,
        cell -> {
          SlotEntity s = slotAt(cell, index);
          int to = index + delta;
          if (to < 0 || to >= cell.slots().size()) {
            throw new ConfigValidationException(List.of(ConfigError.of("", "sl.error.cannotMove")));
          }
          moved[0] = s.toSlotConfig().type();
          cell.slots().remove(index);
          cell.slots().add(to, s);
        },
        delta < 0 ? "sl.history.slotMovedUp" : "sl.history.slotMovedDown",
        () -> "list:" + moved[0]);
  }

  /** Every problem of a rules form. */
  public List<ConfigError> check(RulesForm form) {
    List<ConfigError> errors = new ArrayList<>();
    for (ConstraintViolation<RulesForm> v : validator.validate(form)) {
      String constraint =
          v.getConstraintDescriptor().getAnnotation().annotationType().getSimpleName();
      Object limit = v.getConstraintDescriptor().getAttributes().get("value");
      if (constraint.equals("Size")) {
        limit = v.getConstraintDescriptor().getAttributes().get("max");
      }
      String field = v.getPropertyPath().toString();
      errors.add(
          limit == null
              ? ConfigError.of(field, "sl.error." + constraint)
              : ConfigError.of(field, "sl.error." + constraint, limit));
    }
    Integer window = form.getBestsellerWindowDays();
    Integer halfLife = form.getBestsellerHalfLifeDays();
    if (errors.isEmpty() && window != null && halfLife != null && halfLife > window) {
      errors.add(ConfigError.of("bestsellerHalfLifeDays", "sl.error.halfLifeAboveWindow", window));
    }
    return errors;
  }

  /** Saves the stage and global rules. */
  public long updateRules(RulesForm form, String author) {
    List<ConfigError> errors = check(form);
    if (!errors.isEmpty()) {
      throw new ConfigValidationException(errors);
    }
    ensureSeeded();
    return commit(
        "rules",
        () -> {
          Instant now = clock.instant();
          RulesEntity r =
              rules
                  .findById(RulesEntity.ID)
                  .orElseGet(() -> new RulesEntity(StageRules.DEFAULT, GlobalRules.DEFAULT));
          if (r.version() != form.getRulesVersion()) {
            throw new ConcurrentEditException("rules");
          }
          r.assign(form.stageRules(), form.globalRules());
          r.touch(author, now);
          rules.saveAndFlush(r);
          return record(author, "sl.history.rulesChanged");
        });
  }

  /** The newest changes first. */
  public List<Revision> history(int limit) {
    ensureSeeded();
    List<Revision> out =
        readTx.execute(
            s -> {
              List<Revision> list = new ArrayList<>();
              for (RevisionEntity r : revisions.newestFirst(PageRequest.of(0, limit))) {
                list.add(revision(r));
              }
              return list;
            });
    return out == null ? List.of() : out;
  }

  /** Makes the configuration of an earlier version the current one again (a new version). */
  public long restore(long atVersion, String author) {
    return commit(
        "configuration",
        () -> {
          RevisionEntity r =
              revisions
                  .findById(atVersion)
                  .orElseThrow(
                      () ->
                          new ConfigValidationException(
                              List.of(ConfigError.of("", "sl.error.unknownVersion", atVersion))));
          SmartListsConfig old = json.readValue(r.snapshot(), SmartListsConfig.class);
          write(old, author, clock.instant());
          return record(author, "sl.history.restored", "version:" + atVersion);
        });
  }

  // ---------------------------------------------------------------- internals

  private SlotConfig validated(SlotForm form) {
    List<ConfigError> errors = check(form);
    if (!errors.isEmpty()) {
      throw new ConfigValidationException(errors);
    }
    return form.toSlotConfig();
  }

  private static SlotEntity slotAt(CellEntity cell, int index) {
    if (index < 0 || index >= cell.slots().size()) {
      // the slot was removed by someone else since the page was rendered
      throw new ConcurrentEditException(cell.placement() + "/" + cell.stage());
    }
    return cell.slots().get(index);
  }

  private long change(
      Placement placement,
      JourneyStage stage,
      long expectedVersion,
      String author,
      Consumer<CellEntity> edit,
      String summaryKey,
      String summaryArg) {
    return change(placement, stage, expectedVersion, author, edit, summaryKey, () -> summaryArg);
  }

  private long change(
      Placement placement,
      JourneyStage stage,
      long expectedVersion,
      String author,
      Consumer<CellEntity> edit,
      String summaryKey,
      Supplier<String> summaryArg) {
    ensureSeeded();
    String what = placement + "/" + stage;
    return commit(
        what,
        () -> {
          CellEntity cell =
              cells
                  .findByPlacementAndStage(placement, stage)
                  .orElseGet(() -> new CellEntity(placement, stage));
          if (cell.version() != expectedVersion) {
            throw new ConcurrentEditException(what);
          }
          edit.accept(cell);
          cell.touch(author, clock.instant());
          cells.saveAndFlush(cell);
          return record(
              author, summaryKey, summaryArg.get(), "placement:" + placement, "stage:" + stage);
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
    refresh();
    return v == null ? 0 : v;
  }

  /** Replaces every cell and the rules with the given configuration. */
  private void write(SmartListsConfig config, String author, Instant now) {
    Map<String, CellEntity> stored = new HashMap<>();
    for (CellEntity c : cells.findAll()) {
      stored.put(c.placement() + "/" + c.stage(), c);
    }
    for (Placement p : Placement.values()) {
      for (JourneyStage st : JourneyStage.values()) {
        CellEntity cell = stored.get(p + "/" + st);
        List<SlotConfig> slots = config.slots(p, st);
        if (cell == null) {
          if (slots.isEmpty()) {
            continue;
          }
          cell = new CellEntity(p, st);
        } else if (sameSlots(cell, slots)) {
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

  private static boolean sameSlots(CellEntity cell, List<SlotConfig> slots) {
    if (cell.slots().size() != slots.size()) {
      return false;
    }
    for (int i = 0; i < slots.size(); i++) {
      if (!cell.slots().get(i).toSlotConfig().equals(slots.get(i))) {
        return false;
      }
    }
    return true;
  }

  /** Records a revision holding the configuration as it now stands in this transaction. */
  private long record(String author, String summaryKey, String... args) {
    cells.flush();
    String snapshot = json.writeValueAsString(snapshot(0));
    StringBuilder summary = new StringBuilder(summaryKey);
    for (String a : args) {
      summary.append(SEP).append(a);
    }
    RevisionEntity saved =
        revisions.saveAndFlush(
            new RevisionEntity(author, clock.instant(), summary.toString(), snapshot));
    return saved.id();
  }

  private static Revision revision(RevisionEntity r) {
    String[] parts = r.summary().split(SEP);
    return new Revision(
        r.id(), r.author(), r.changedAt(), parts[0], Arrays.asList(parts).subList(1, parts.length));
  }

  private void ensureSeeded() {
    version.get("");
  }

  // ---------------------------------------------------------------- catalogue lookups

  /** Every manufacturer of the catalogue, sorted (cached for a few minutes). */
  public Set<String> manufacturers() {
    return manufacturers.get("");
  }

  /** Every category of the catalogue by id (cached for a minute). */
  public Map<String, CategoryInfo> categories() {
    return categories.get("");
  }

  private Set<String> loadManufacturers() {
    Set<String> names = new TreeSet<>();
    for (ProductInfo p : catalog.allProducts()) {
      String m = p.manufacturer();
      if (m != null && !m.isBlank()) {
        names.add(m);
      }
    }
    return Collections.unmodifiableSet(names);
  }

  private Map<String, CategoryInfo> loadCategories() {
    Map<String, CategoryInfo> byId = new LinkedHashMap<>();
    for (CategoryInfo c : catalog.categories()) {
      byId.put(c.id(), c);
    }
    return Collections.unmodifiableMap(byId);
  }

  /** The display name of a category with its ancestors, e.g. "Shoes › Boots", or null. */
  public @Nullable String categoryPath(String categoryId) {
    Map<String, CategoryInfo> all = categories.get("");
    CategoryInfo c = all.get(categoryId);
    if (c == null) {
      return null;
    }
    List<String> names = new ArrayList<>();
    Set<String> seen = new HashSet<>();
    while (c != null && seen.add(c.id())) {
      names.add(0, c.name());
      String parent = c.parentId();
      c = parent == null ? null : all.get(parent);
    }
    return String.join(" › ", names);
  }
}
