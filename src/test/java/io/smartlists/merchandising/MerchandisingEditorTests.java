package io.smartlists.merchandising;

import static io.smartlists.engine.model.JourneyStage.ACQUISITION;
import static io.smartlists.engine.model.Placement.CART;
import static io.smartlists.engine.model.Placement.PRODUCT_PAGE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.smartlists.autoconfigure.MerchandisingConfiguration;
import io.smartlists.engine.model.DefaultConfiguration;
import io.smartlists.engine.model.JourneyStage;
import io.smartlists.engine.model.ListType;
import io.smartlists.engine.model.Placement;
import io.smartlists.engine.model.SlotConfig;
import io.smartlists.engine.model.SmartListsConfig;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.data.jpa.test.autoconfigure.DataJpaTest;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ContextConfiguration;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The stored configuration on H2 with the module's real Flyway migrations: the config source's
 * seeding and polling, the editor's validation and optimistic locking, the revision log's history
 * and restore, and a change reaching a second store node.
 */
@DataJpaTest(
    properties = {
      "spring.flyway.locations=classpath:db/smartlists",
      "spring.flyway.table=SL_SCHEMA_HISTORY",
      "spring.jpa.hibernate.ddl-auto=validate",
      "spring.jpa.show-sql=false"
    })
@ContextConfiguration(classes = MerchandisingEditorTests.Config.class)
@Transactional(propagation = Propagation.NOT_SUPPORTED)
class MerchandisingEditorTests {

  @Configuration(proxyBeanMethods = false)
  @Import(MerchandisingConfiguration.class)
  static class Config {
    @Bean
    TestCatalog catalog() {
      return new TestCatalog();
    }
  }

  @Autowired CellRepository cells;
  @Autowired RulesRepository rules;
  @Autowired RevisionRepository revisions;
  @Autowired PlatformTransactionManager transactions;
  @Autowired JdbcTemplate jdbc;

  TestCatalog catalog;
  MerchandisingConfigSource config;
  MerchandisingEditor editor;

  @BeforeEach
  void emptyStore() {
    for (String table :
        List.of("SL_SLOT_PARAM", "SL_SLOT", "SL_CELL", "SL_RULES", "SL_CONFIG_REVISION")) {
      jdbc.update("DELETE FROM " + table);
    }
    catalog = new TestCatalog();
    config = node(Duration.ofSeconds(2));
    editor = editor(config);
  }

  private MerchandisingConfigSource node(Duration poll) {
    return new MerchandisingConfigSource(
        cells, rules, log(), transactions, Clock.systemUTC(), poll);
  }

  private RevisionLog log() {
    return new RevisionLog(revisions, transactions, Clock.systemUTC());
  }

  private MerchandisingEditor editor(MerchandisingConfigSource source) {
    return new MerchandisingEditor(
        cells, rules, log(), source, transactions, catalog, Clock.systemUTC());
  }

  private static SlotDraft draft(ListType type, int min, int max) {
    return new Slot(type, min, max).draft();
  }

  /** A slot draft built field by field, as a merchant fills the form. */
  private static final class Slot {
    @Nullable ListType type;
    String titleEn = "";
    String titleFr = "";
    @Nullable Integer min;
    @Nullable Integer max;
    @Nullable ListType fallback;
    List<String> categories = List.of();
    List<String> manufacturers = List.of();
    List<String> products = List.of();

    Slot(@Nullable ListType type, @Nullable Integer min, @Nullable Integer max) {
      this.type = type;
      this.min = min;
      this.max = max;
    }

    static Slot of(SlotConfig slot) {
      Slot s = new Slot(slot.type(), slot.minItems(), slot.maxItems());
      s.titleEn = slot.titles().getOrDefault("en", "");
      s.titleFr = slot.titles().getOrDefault("fr", "");
      s.fallback = slot.fallback();
      s.categories = slot.categories();
      s.manufacturers = slot.manufacturers();
      s.products = slot.products();
      return s;
    }

    SlotDraft draft() {
      return new SlotDraft(
          type, titleEn, titleFr, min, max, fallback, categories, manufacturers, products);
    }
  }

  private static RulesDraft rules(RulesView r) {
    return new RulesDraft(
        r.stageRules().inactivityDays(),
        r.stageRules().browsingThreshold(),
        r.stageRules().b2bGroup(),
        r.globalRules().bestsellerWindowDays(),
        r.globalRules().bestsellerHalfLifeDays(),
        r.globalRules().newArrivalMaxAgeDays(),
        r.globalRules().excludeAlreadyBought(),
        r.globalRules().allowRepeatBuy());
  }

  private static List<String> codes(List<ConfigError> errors) {
    return errors.stream().map(e -> e.field() + ":" + e.code()).toList();
  }

  @Test
  void current_emptyStore_servesAndStoresTheShippedDefault() {
    SmartListsConfig current = config.current();

    SmartListsConfig shipped = DefaultConfiguration.create();
    for (JourneyStage stage : JourneyStage.values()) {
      assertThat(current.slots(PRODUCT_PAGE, stage)).isEqualTo(shipped.slots(PRODUCT_PAGE, stage));
    }
    assertThat(current.stageRules()).isEqualTo(shipped.stageRules());
    assertThat(current.version()).isPositive();
    assertThat(editor.history(10))
        .singleElement()
        .satisfies(r -> assertThat(r.change()).isEqualTo(new Change.Seeded()));
    assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM SL_CELL", Integer.class))
        .isEqualTo(Placement.values().length * JourneyStage.values().length);
  }

  /**
   * Issue 12: a store seeded before the e-mail placements existed gets their shipped cells once, as
   * one recorded revision, and keeps every cell it already had.
   */
  @Test
  void current_storeSeededBeforeTheEmailPlacements_getsTheirDefaultsAsOneRevision() {
    config.current();
    for (String table : List.of("SL_SLOT_PARAM", "SL_SLOT")) {
      jdbc.update(
          "DELETE FROM "
              + table
              + (table.equals("SL_SLOT")
                  ? " WHERE CELL_ID IN (SELECT ID FROM SL_CELL WHERE PLACEMENT LIKE 'EMAIL_%')"
                  : ""));
    }
    jdbc.update("DELETE FROM SL_CELL WHERE PLACEMENT LIKE 'EMAIL_%'");
    jdbc.update(
        "DELETE FROM SL_SLOT WHERE CELL_ID IN (SELECT ID FROM SL_CELL WHERE"
            + " PLACEMENT = 'CART' AND STAGE = 'B2B')");
    long before = jdbc.queryForObject("SELECT MAX(ID) FROM SL_CONFIG_REVISION", Long.class);

    MerchandisingConfigSource restarted = node(Duration.ofSeconds(2));
    SmartListsConfig current = restarted.current();

    SmartListsConfig shipped = DefaultConfiguration.create();
    for (Placement p : Placement.emails()) {
      for (JourneyStage stage : JourneyStage.values()) {
        assertThat(current.slots(p, stage)).isEqualTo(shipped.slots(p, stage)).isNotEmpty();
      }
    }
    assertThat(current.slots(CART, JourneyStage.B2B)).as("the merchant's emptied cell").isEmpty();
    assertThat(current.version()).isEqualTo(before + 1);
    assertThat(editor.history(10)).hasSize(2);
    // a second node finds nothing to add
    node(Duration.ofSeconds(2)).current();
    assertThat(editor.history(10)).hasSize(2);
  }

  @Test
  void cells_emptyStore_showTheShippedDefault() {
    List<CellView> cells = editor.cells();

    assertThat(cells).hasSize(Placement.values().length * JourneyStage.values().length);
    assertThat(cells)
        .filteredOn(c -> c.placement() == CART && c.stage() == JourneyStage.B2B)
        .singleElement()
        .satisfies(
            c ->
                assertThat(c.slots())
                    .isEqualTo(DefaultConfiguration.create().slots(CART, JourneyStage.B2B)));
  }

  @Test
  void check_minAboveMax_isReportedOnMinimum() {
    assertThat(codes(editor.check(draft(ListType.BESTSELLERS_CATALOG, 6, 4))))
        .containsExactly("minItems:sl.error.minAboveMax");
  }

  @Test
  void check_outOfRangeAndMissingType_areReportedByField() {
    assertThat(editor.check(new Slot(null, -1, 99).draft()))
        .containsExactlyInAnyOrder(
            ConfigError.of("type", "sl.error.NotNull"),
            ConfigError.of("minItems", "sl.error.Min", 0L),
            ConfigError.of("maxItems", "sl.error.Max", 50L));
  }

  @Test
  void check_missingNumbersAndLongTitle_areReportedByField() {
    Slot slot = new Slot(ListType.BESTSELLERS_CATALOG, null, null);
    slot.titleFr = "x".repeat(201);
    assertThat(editor.check(slot.draft()))
        .containsExactlyInAnyOrder(
            ConfigError.of("titleFr", "sl.error.Size", 200),
            ConfigError.of("minItems", "sl.error.NotNull"),
            ConfigError.of("maxItems", "sl.error.NotNull"));
  }

  @Test
  void check_unknownCategoryManufacturerAndProduct_areNamed() {
    Slot categories = new Slot(ListType.BESTSELLERS_CATEGORIES, 2, 6);
    categories.categories = List.of("boots", "shoez");
    Slot brands = new Slot(ListType.NEW_ARRIVALS_MANUFACTURERS, 2, 6);
    brands.manufacturers = List.of("Acme", "Acne");
    Slot manual = new Slot(ListType.MANUAL_SELECTION, 1, 6);
    manual.products = List.of("p1", "p404");

    assertThat(editor.check(categories.draft()))
        .containsExactly(ConfigError.of("categories", "sl.error.unknownCategory", "shoez"));
    assertThat(editor.check(brands.draft()))
        .containsExactly(ConfigError.of("manufacturers", "sl.error.unknownManufacturer", "Acne"));
    assertThat(editor.check(manual.draft()))
        .containsExactly(ConfigError.of("products", "sl.error.unknownProduct", "p404"));
  }

  @Test
  void check_listWithoutItsParameter_isRefused() {
    assertThat(codes(editor.check(draft(ListType.MANUAL_SELECTION, 1, 4))))
        .containsExactly("products:sl.error.productsRequired");
    assertThat(codes(editor.check(draft(ListType.BESTSELLERS_CATEGORIES, 1, 4))))
        .containsExactly("categories:sl.error.categoriesRequired");
    assertThat(codes(editor.check(draft(ListType.BESTSELLERS_MANUFACTURERS, 1, 4))))
        .containsExactly("manufacturers:sl.error.manufacturersRequired");
  }

  @Test
  void check_fallbackNeedingParameterOrSameList_isRefused() {
    Slot slot = new Slot(ListType.SMART_CROSS_SELLING, 2, 6);
    slot.fallback = ListType.BESTSELLERS_CATEGORIES;
    assertThat(codes(editor.check(slot.draft())))
        .containsExactly("fallback:sl.error.fallbackNeedsParameter");
    slot.fallback = ListType.SMART_CROSS_SELLING;
    assertThat(codes(editor.check(slot.draft())))
        .containsExactly("fallback:sl.error.fallbackSameAsList");
  }

  @Test
  void addSlot_validManualSelection_isLiveWithItsProductsInOrder() {
    CellView cart = editor.cell(CART, ACQUISITION);
    Slot manual = new Slot(ListType.MANUAL_SELECTION, 1, 4);
    manual.products = List.of("p5", "p2");
    manual.titleEn = "Our picks";
    manual.titleFr = " Nos choix ";

    editor.addSlot(CART, ACQUISITION, manual.draft(), cart.version(), "alice");

    List<SlotConfig> slots = config.current().slots(CART, ACQUISITION);
    SlotConfig added = slots.get(slots.size() - 1);
    assertThat(added.type()).isEqualTo(ListType.MANUAL_SELECTION);
    assertThat(added.products()).containsExactly("p5", "p2");
    assertThat(added.title("fr")).isEqualTo("Nos choix");
    assertThat(slots).hasSize(cart.slots().size() + 1);
  }

  @Test
  void addSlot_validatesOnce_oneCatalogueLookupPerProduct() {
    CellView cart = editor.cell(CART, ACQUISITION);
    Slot manual = new Slot(ListType.MANUAL_SELECTION, 1, 4);
    manual.products = List.of("p5", "p2", "p1");
    catalog.productLookups.set(0);

    editor.addSlot(CART, ACQUISITION, manual.draft(), cart.version(), "alice");

    assertThat(catalog.productLookups).hasValue(3);
  }

  @Test
  void addSlot_invalidDraft_savesNothingAndNamesEveryProblem() {
    long before = config.current().version();
    CellView cell = editor.cell(CART, ACQUISITION);

    assertThatThrownBy(
            () ->
                editor.addSlot(
                    CART,
                    ACQUISITION,
                    draft(ListType.MANUAL_SELECTION, 5, 4),
                    cell.version(),
                    "bob"))
        .isInstanceOfSatisfying(
            ConfigValidationException.class,
            e ->
                assertThat(codes(e.errors()))
                    .containsExactly(
                        "minItems:sl.error.minAboveMax", "products:sl.error.productsRequired"));

    assertThat(config.current().version()).isEqualTo(before);
    assertThat(editor.cell(CART, ACQUISITION).slots()).isEqualTo(cell.slots());
  }

  @Test
  void moveSlot_up_changesWhatTheEngineReadsAtOnce() {
    CellView cell = editor.cell(PRODUCT_PAGE, ACQUISITION);
    ListType second = cell.slots().get(1).type();
    long before = config.current().version();

    editor.moveSlot(PRODUCT_PAGE, ACQUISITION, 1, -1, cell.version(), "alice");

    SmartListsConfig now = config.current();
    assertThat(now.slots(PRODUCT_PAGE, ACQUISITION).get(0).type()).isEqualTo(second);
    assertThat(now.version()).isGreaterThan(before);
    assertThat(editor.cell(PRODUCT_PAGE, ACQUISITION).version()).isGreaterThan(cell.version());
  }

  @Test
  void moveSlot_firstUp_isRefusedAndSavesNothing() {
    CellView cell = editor.cell(PRODUCT_PAGE, ACQUISITION);
    long before = config.current().version();

    assertThatThrownBy(
            () -> editor.moveSlot(PRODUCT_PAGE, ACQUISITION, 0, -1, cell.version(), "alice"))
        .isInstanceOfSatisfying(
            ConfigValidationException.class,
            e -> assertThat(codes(e.errors())).containsExactly(":sl.error.cannotMove"));
    assertThat(config.current().version()).isEqualTo(before);
  }

  @Test
  void updateSlot_cellSavedByAnotherAdmin_isRefusedAndKeepsTheirChange() {
    CellView opened = editor.cell(PRODUCT_PAGE, ACQUISITION);
    Slot alice = Slot.of(opened.slots().get(0));
    alice.min = 2;
    alice.max = 3;
    Slot bob = Slot.of(opened.slots().get(0));
    bob.max = 12;

    editor.updateSlot(PRODUCT_PAGE, ACQUISITION, 0, alice.draft(), opened.version(), "alice");

    assertThatThrownBy(
            () ->
                editor.updateSlot(
                    PRODUCT_PAGE, ACQUISITION, 0, bob.draft(), opened.version(), "bob"))
        .isInstanceOf(ConcurrentEditException.class);
    assertThat(config.current().slots(PRODUCT_PAGE, ACQUISITION).get(0).maxItems()).isEqualTo(3);
    assertThat(editor.history(10)).extracting(Revision::author).doesNotContain("bob");
  }

  @Test
  void cellVersion_twoTransactionsSavingTheSameCell_secondCommitIsRefused() throws Exception {
    config.current();
    TransactionTemplate tx = new TransactionTemplate(transactions);
    CountDownLatch loaded = new CountDownLatch(1);
    CountDownLatch otherSaved = new CountDownLatch(1);
    ExecutorService slowAdmin = Executors.newSingleThreadExecutor();
    try {
      Future<?> slow =
          slowAdmin.submit(
              () ->
                  tx.executeWithoutResult(
                      s -> {
                        CellEntity cell =
                            cells.findByPlacementAndStage(PRODUCT_PAGE, ACQUISITION).orElseThrow();
                        loaded.countDown();
                        awaitQuietly(otherSaved);
                        cell.slots().remove(0);
                        cell.touch("slow", Instant.now());
                        cells.flush();
                      }));
      assertThat(loaded.await(10, TimeUnit.SECONDS)).isTrue();
      CellView cell = editor.cell(PRODUCT_PAGE, ACQUISITION);
      editor.moveSlot(PRODUCT_PAGE, ACQUISITION, 1, -1, cell.version(), "fast");
      otherSaved.countDown();

      assertThatThrownBy(() -> slow.get(30, TimeUnit.SECONDS))
          .hasCauseInstanceOf(OptimisticLockingFailureException.class);
      assertThat(editor.cell(PRODUCT_PAGE, ACQUISITION).slots()).hasSize(cell.slots().size());
    } finally {
      slowAdmin.shutdownNow();
    }
  }

  private static void awaitQuietly(CountDownLatch latch) {
    try {
      latch.await(30, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  @Test
  void unknownSlotIndexAtTheCurrentVersion_isNotFoundNotAConcurrentEdit() {
    CellView opened = editor.cell(CART, ACQUISITION);
    int beyond = opened.slots().size();
    assertThatThrownBy(
            () -> editor.moveSlot(CART, ACQUISITION, beyond, -1, opened.version(), "alice"))
        .isInstanceOf(SlotNotFoundException.class);
    assertThatThrownBy(() -> editor.removeSlot(CART, ACQUISITION, -1, opened.version(), "alice"))
        .isInstanceOf(SlotNotFoundException.class);
    assertThat(editor.cell(CART, ACQUISITION).version()).isEqualTo(opened.version());
  }

  @Test
  void removeSlot_staleVersion_isRefused() {
    CellView opened = editor.cell(CART, ACQUISITION);
    editor.moveSlot(CART, ACQUISITION, 1, -1, opened.version(), "alice");

    assertThatThrownBy(() -> editor.removeSlot(CART, ACQUISITION, 0, opened.version(), "bob"))
        .isInstanceOf(ConcurrentEditException.class);
    assertThat(editor.cell(CART, ACQUISITION).slots()).hasSize(opened.slots().size());
  }

  @Test
  void history_recordsWhoAndWhat_andRestoreBringsBackAnEarlierVersion() {
    long seeded = config.current().version();
    CellView cell = editor.cell(PRODUCT_PAGE, ACQUISITION);
    List<SlotConfig> original = cell.slots();
    editor.removeSlot(PRODUCT_PAGE, ACQUISITION, 0, cell.version(), "alice");
    assertThat(config.current().slots(PRODUCT_PAGE, ACQUISITION)).hasSize(original.size() - 1);

    long restored = editor.restore(seeded, "bob");

    assertThat(config.current().slots(PRODUCT_PAGE, ACQUISITION)).isEqualTo(original);
    assertThat(config.current().version()).isEqualTo(restored);
    List<Revision> history = editor.history(10);
    assertThat(history).extracting(Revision::author).containsExactly("bob", "alice", "system");
    assertThat(history)
        .extracting(Revision::change)
        .containsExactly(
            new Change.Restored(seeded),
            new Change.SlotChanged(
                Change.SlotAction.REMOVED, original.get(0).type(), PRODUCT_PAGE, ACQUISITION),
            new Change.Seeded());
  }

  @Test
  void restore_unknownVersion_isRefused() {
    long before = config.current().version();

    assertThatThrownBy(() -> editor.restore(before + 100, "bob"))
        .isInstanceOfSatisfying(
            ConfigValidationException.class,
            e -> assertThat(codes(e.errors())).containsExactly(":sl.error.unknownVersion"));
    assertThat(editor.history(10)).hasSize(1);
  }

  @Test
  void history_summariesStoredBeforeTheyWereTyped_readAsTypedChanges() {
    config.current();
    jdbc.update(
        "INSERT INTO SL_CONFIG_REVISION (AUTHOR, CHANGED_AT, SUMMARY, SNAPSHOT)"
            + " VALUES ('carol', CURRENT_TIMESTAMP, ?, '{}')",
        "sl.history.slotMovedDown\tlist:BESTSELLERS_CATALOG\tplacement:CART\tstage:B2B");
    jdbc.update(
        "INSERT INTO SL_CONFIG_REVISION (AUTHOR, CHANGED_AT, SUMMARY, SNAPSHOT)"
            + " VALUES ('dave', CURRENT_TIMESTAMP, ?, '{}')",
        "sl.history.restored\tversion:1");

    assertThat(editor.history(3))
        .extracting(Revision::change)
        .containsExactly(
            new Change.Restored(1),
            new Change.SlotChanged(
                Change.SlotAction.MOVED_DOWN, ListType.BESTSELLERS_CATALOG, CART, JourneyStage.B2B),
            new Change.Seeded());
  }

  @Test
  void updateRules_savesThresholds_andRefusesAStaleForm() {
    RulesView opened = editor.rules();
    RulesDraft stale = rules(opened);
    RulesDraft mine =
        new RulesDraft(
            90,
            opened.stageRules().browsingThreshold(),
            " WHOLESALE ",
            opened.globalRules().bestsellerWindowDays(),
            opened.globalRules().bestsellerHalfLifeDays(),
            opened.globalRules().newArrivalMaxAgeDays(),
            true,
            false);

    editor.updateRules(mine, opened.version(), "alice");

    assertThat(config.current().stageRules().inactivityDays()).isEqualTo(90);
    assertThat(config.current().stageRules().b2bGroup()).isEqualTo("WHOLESALE");
    assertThat(config.current().globalRules().excludeAlreadyBought()).isTrue();
    assertThatThrownBy(() -> editor.updateRules(stale, opened.version(), "bob"))
        .isInstanceOf(ConcurrentEditException.class);
    assertThat(config.current().stageRules().inactivityDays()).isEqualTo(90);
    assertThat(editor.history(1).get(0).change()).isEqualTo(new Change.RulesChanged());
  }

  @Test
  void check_rulesHalfLifeLongerThanWindow_isRefused() {
    RulesView r = editor.rules();
    RulesDraft zeroBrowsing =
        new RulesDraft(r.stageRules().inactivityDays(), 0, "B2B", 30, 60, 60, false, false);
    assertThat(codes(editor.check(zeroBrowsing))).containsExactly("browsingThreshold:sl.error.Min");
    RulesDraft halfLifeTooLong =
        new RulesDraft(r.stageRules().inactivityDays(), 2, "B2B", 30, 60, 60, false, false);
    assertThat(codes(editor.check(halfLifeTooLong)))
        .containsExactly("bestsellerHalfLifeDays:sl.error.halfLifeAboveWindow");
  }

  @Test
  void check_rulesMissingAndBlank_areReportedByField() {
    RulesDraft empty = new RulesDraft(null, null, " ", null, null, null, false, false);
    assertThat(codes(editor.check(empty)))
        .containsExactly(
            "inactivityDays:sl.error.NotNull",
            "browsingThreshold:sl.error.NotNull",
            "b2bGroup:sl.error.NotBlank",
            "bestsellerWindowDays:sl.error.NotNull",
            "bestsellerHalfLifeDays:sl.error.NotNull",
            "newArrivalMaxAgeDays:sl.error.NotNull");
  }

  @Test
  void updateRules_invalidDraft_savesNothing() {
    RulesView opened = editor.rules();
    long before = config.current().version();
    RulesDraft invalid = new RulesDraft(0, 2, "B2B", 90, 30, 60, false, false);

    assertThatThrownBy(() -> editor.updateRules(invalid, opened.version(), "alice"))
        .isInstanceOf(ConfigValidationException.class);
    assertThat(config.current().version()).isEqualTo(before);
  }

  @Test
  void current_onAnotherNode_picksUpAChangeWithinThePollInterval() throws InterruptedException {
    MerchandisingConfigSource otherNode = node(Duration.ofMillis(300));
    CellView cell = editor.cell(PRODUCT_PAGE, ACQUISITION);
    ListType second = cell.slots().get(1).type();
    assertThat(otherNode.current().slots(PRODUCT_PAGE, ACQUISITION).get(0).type())
        .isNotEqualTo(second);

    editor.moveSlot(PRODUCT_PAGE, ACQUISITION, 1, -1, cell.version(), "alice");

    long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
    ListType first = otherNode.current().slots(PRODUCT_PAGE, ACQUISITION).get(0).type();
    while (first != second && System.nanoTime() < deadline) {
      Thread.sleep(100);
      first = otherNode.current().slots(PRODUCT_PAGE, ACQUISITION).get(0).type();
    }
    assertThat(first).isEqualTo(second);
  }
}
