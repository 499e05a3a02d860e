package io.smartlists.config;

import static io.smartlists.engine.model.JourneyStage.ACQUISITION;
import static io.smartlists.engine.model.Placement.CART;
import static io.smartlists.engine.model.Placement.PRODUCT_PAGE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.smartlists.engine.model.DefaultConfiguration;
import io.smartlists.engine.model.JourneyStage;
import io.smartlists.engine.model.ListType;
import io.smartlists.engine.model.SlotConfig;
import io.smartlists.engine.model.SmartListsConfig;
import jakarta.validation.Validation;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
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
 * The stored configuration on H2 with the module's real Flyway migrations: seeding, validation,
 * optimistic locking, history and restore, and a change reaching a second store node.
 */
@DataJpaTest(
    properties = {
      "spring.flyway.locations=classpath:db/smartlists",
      "spring.flyway.table=SL_SCHEMA_HISTORY",
      "spring.jpa.hibernate.ddl-auto=validate",
      "spring.jpa.show-sql=false"
    })
@ContextConfiguration(classes = ConfigServiceTests.Config.class)
@Transactional(propagation = Propagation.NOT_SUPPORTED)
class ConfigServiceTests {

  @Configuration(proxyBeanMethods = false)
  @Import(ConfigPersistenceConfiguration.class)
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

  ConfigService config;

  @BeforeEach
  void emptyStore() {
    for (String table :
        List.of("SL_SLOT_PARAM", "SL_SLOT", "SL_CELL", "SL_RULES", "SL_CONFIG_REVISION")) {
      jdbc.update("DELETE FROM " + table);
    }
    config = node(Duration.ofSeconds(2));
  }

  private ConfigService node(Duration poll) {
    return new ConfigService(
        cells,
        rules,
        revisions,
        transactions,
        new TestCatalog(),
        Validation.buildDefaultValidatorFactory().getValidator(),
        Clock.systemUTC(),
        poll);
  }

  private static SlotForm form(ListType type, int min, int max, long cellVersion) {
    SlotForm f = new SlotForm();
    f.setType(type);
    f.setMinItems(min);
    f.setMaxItems(max);
    f.setCellVersion(cellVersion);
    return f;
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
    assertThat(config.history(10))
        .singleElement()
        .satisfies(r -> assertThat(r.summaryKey()).isEqualTo("sl.history.seeded"));
    assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM SL_CELL", Integer.class))
        .isEqualTo(3 * JourneyStage.values().length);
  }

  @Test
  void cells_emptyStore_showTheShippedDefault() {
    List<CellView> cells = config.cells();

    assertThat(cells).hasSize(3 * JourneyStage.values().length);
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
    assertThat(codes(config.check(form(ListType.BESTSELLERS_CATALOG, 6, 4, 0))))
        .containsExactly("minItems:sl.error.minAboveMax");
  }

  @Test
  void check_outOfRangeAndMissingType_areReportedByField() {
    SlotForm f = form(ListType.BESTSELLERS_CATALOG, -1, 99, 0);
    f.setType(null);
    assertThat(codes(config.check(f)))
        .containsExactlyInAnyOrder(
            "type:sl.error.NotNull", "minItems:sl.error.Min", "maxItems:sl.error.Max");
  }

  @Test
  void check_unknownCategoryManufacturerAndProduct_areNamed() {
    SlotForm categories = form(ListType.BESTSELLERS_CATEGORIES, 2, 6, 0);
    categories.setCategories("boots\nshoez");
    SlotForm brands = form(ListType.NEW_ARRIVALS_MANUFACTURERS, 2, 6, 0);
    brands.setManufacturers("Acme\nAcne");
    SlotForm manual = form(ListType.MANUAL_SELECTION, 1, 6, 0);
    manual.setProducts("p1\np404");

    assertThat(config.check(categories))
        .containsExactly(ConfigError.of("categories", "sl.error.unknownCategory", "shoez"));
    assertThat(config.check(brands))
        .containsExactly(ConfigError.of("manufacturers", "sl.error.unknownManufacturer", "Acne"));
    assertThat(config.check(manual))
        .containsExactly(ConfigError.of("products", "sl.error.unknownProduct", "p404"));
  }

  @Test
  void check_listWithoutItsParameter_isRefused() {
    assertThat(codes(config.check(form(ListType.MANUAL_SELECTION, 1, 4, 0))))
        .containsExactly("products:sl.error.productsRequired");
    assertThat(codes(config.check(form(ListType.BESTSELLERS_CATEGORIES, 1, 4, 0))))
        .containsExactly("categories:sl.error.categoriesRequired");
    assertThat(codes(config.check(form(ListType.BESTSELLERS_MANUFACTURERS, 1, 4, 0))))
        .containsExactly("manufacturers:sl.error.manufacturersRequired");
  }

  @Test
  void check_fallbackNeedingParameterOrSameList_isRefused() {
    SlotForm f = form(ListType.SMART_CROSS_SELLING, 2, 6, 0);
    f.setFallback(ListType.BESTSELLERS_CATEGORIES);
    assertThat(codes(config.check(f))).containsExactly("fallback:sl.error.fallbackNeedsParameter");
    f.setFallback(ListType.SMART_CROSS_SELLING);
    assertThat(codes(config.check(f))).containsExactly("fallback:sl.error.fallbackSameAsList");
  }

  @Test
  void addSlot_validManualSelection_isLiveWithItsProductsInOrder() {
    CellView cart = config.cell(CART, ACQUISITION);
    SlotForm manual = form(ListType.MANUAL_SELECTION, 1, 4, cart.version());
    manual.setProducts("p5\n p2 \n\np5");
    manual.setTitleEn("Our picks");
    manual.setTitleFr("Nos choix");

    config.addSlot(CART, ACQUISITION, manual, "alice");

    List<SlotConfig> slots = config.current().slots(CART, ACQUISITION);
    SlotConfig added = slots.get(slots.size() - 1);
    assertThat(added.type()).isEqualTo(ListType.MANUAL_SELECTION);
    assertThat(added.products()).containsExactly("p5", "p2");
    assertThat(added.title("fr")).isEqualTo("Nos choix");
    assertThat(slots).hasSize(cart.slots().size() + 1);
  }

  @Test
  void addSlot_invalidForm_savesNothing() {
    long before = config.current().version();
    CellView cell = config.cell(CART, ACQUISITION);

    assertThatThrownBy(
            () ->
                config.addSlot(
                    CART,
                    ACQUISITION,
                    form(ListType.MANUAL_SELECTION, 1, 4, cell.version()),
                    "bob"))
        .isInstanceOf(ConfigValidationException.class);

    assertThat(config.current().version()).isEqualTo(before);
    assertThat(config.cell(CART, ACQUISITION).slots()).isEqualTo(cell.slots());
  }

  @Test
  void moveSlot_up_changesWhatTheEngineReadsAtOnce() {
    CellView cell = config.cell(PRODUCT_PAGE, ACQUISITION);
    ListType second = cell.slots().get(1).type();
    long before = config.current().version();

    config.moveSlot(PRODUCT_PAGE, ACQUISITION, 1, -1, cell.version(), "alice");

    SmartListsConfig now = config.current();
    assertThat(now.slots(PRODUCT_PAGE, ACQUISITION).get(0).type()).isEqualTo(second);
    assertThat(now.version()).isGreaterThan(before);
    assertThat(config.cell(PRODUCT_PAGE, ACQUISITION).version()).isGreaterThan(cell.version());
  }

  @Test
  void updateSlot_cellSavedByAnotherAdmin_isRefusedAndKeepsTheirChange() {
    CellView opened = config.cell(PRODUCT_PAGE, ACQUISITION);
    SlotForm alice = SlotForm.of(opened.slots().get(0), opened.version());
    alice.setMinItems(2);
    alice.setMaxItems(3);
    SlotForm bob = SlotForm.of(opened.slots().get(0), opened.version());
    bob.setMaxItems(12);

    config.updateSlot(PRODUCT_PAGE, ACQUISITION, 0, alice, "alice");

    assertThatThrownBy(() -> config.updateSlot(PRODUCT_PAGE, ACQUISITION, 0, bob, "bob"))
        .isInstanceOf(ConcurrentEditException.class);
    assertThat(config.current().slots(PRODUCT_PAGE, ACQUISITION).get(0).maxItems()).isEqualTo(3);
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
      CellView cell = config.cell(PRODUCT_PAGE, ACQUISITION);
      config.moveSlot(PRODUCT_PAGE, ACQUISITION, 1, -1, cell.version(), "fast");
      otherSaved.countDown();

      assertThatThrownBy(() -> slow.get(30, TimeUnit.SECONDS))
          .hasCauseInstanceOf(OptimisticLockingFailureException.class);
      assertThat(config.cell(PRODUCT_PAGE, ACQUISITION).slots()).hasSize(cell.slots().size());
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
  void removeSlot_staleVersion_isRefused() {
    CellView opened = config.cell(CART, ACQUISITION);
    config.moveSlot(CART, ACQUISITION, 1, -1, opened.version(), "alice");

    assertThatThrownBy(() -> config.removeSlot(CART, ACQUISITION, 0, opened.version(), "bob"))
        .isInstanceOf(ConcurrentEditException.class);
    assertThat(config.cell(CART, ACQUISITION).slots()).hasSize(opened.slots().size());
  }

  @Test
  void history_recordsWhoAndWhat_andRestoreBringsBackAnEarlierVersion() {
    long seeded = config.current().version();
    CellView cell = config.cell(PRODUCT_PAGE, ACQUISITION);
    List<SlotConfig> original = cell.slots();
    config.removeSlot(PRODUCT_PAGE, ACQUISITION, 0, cell.version(), "alice");
    assertThat(config.current().slots(PRODUCT_PAGE, ACQUISITION)).hasSize(original.size() - 1);

    long restored = config.restore(seeded, "bob");

    assertThat(config.current().slots(PRODUCT_PAGE, ACQUISITION)).isEqualTo(original);
    assertThat(config.current().version()).isEqualTo(restored);
    List<Revision> history = config.history(10);
    assertThat(history).extracting(Revision::author).containsExactly("bob", "alice", "system");
    assertThat(history.get(0).summaryKey()).isEqualTo("sl.history.restored");
    assertThat(history.get(0).summaryArgs()).containsExactly("version:" + seeded);
    assertThat(history.get(1).summaryKey()).isEqualTo("sl.history.slotRemoved");
    assertThat(history.get(1).summaryArgs())
        .containsExactly(
            "list:" + original.get(0).type(), "placement:PRODUCT_PAGE", "stage:ACQUISITION");
  }

  @Test
  void updateRules_savesThresholds_andRefusesAStaleForm() {
    RulesForm form = RulesForm.of(config.rules());
    RulesForm stale = RulesForm.of(config.rules());
    form.setInactivityDays(90);
    form.setB2bGroup("WHOLESALE");

    config.updateRules(form, "alice");

    assertThat(config.current().stageRules().inactivityDays()).isEqualTo(90);
    assertThat(config.current().stageRules().b2bGroup()).isEqualTo("WHOLESALE");
    assertThatThrownBy(() -> config.updateRules(stale, "bob"))
        .isInstanceOf(ConcurrentEditException.class);
  }

  @Test
  void check_rulesHalfLifeLongerThanWindow_isRefused() {
    RulesForm form = RulesForm.of(config.rules());
    form.setBestsellerWindowDays(30);
    form.setBestsellerHalfLifeDays(60);
    form.setBrowsingThreshold(0);
    assertThat(codes(config.check(form))).containsExactly("browsingThreshold:sl.error.Min");
    form.setBrowsingThreshold(2);
    assertThat(codes(config.check(form)))
        .containsExactly("bestsellerHalfLifeDays:sl.error.halfLifeAboveWindow");
  }

  @Test
  void current_onAnotherNode_picksUpAChangeWithinThePollInterval() throws InterruptedException {
    ConfigService otherNode = node(Duration.ofMillis(300));
    CellView cell = config.cell(PRODUCT_PAGE, ACQUISITION);
    ListType second = cell.slots().get(1).type();
    assertThat(otherNode.current().slots(PRODUCT_PAGE, ACQUISITION).get(0).type())
        .isNotEqualTo(second);

    config.moveSlot(PRODUCT_PAGE, ACQUISITION, 1, -1, cell.version(), "alice");

    long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
    ListType first = otherNode.current().slots(PRODUCT_PAGE, ACQUISITION).get(0).type();
    while (first != second && System.nanoTime() < deadline) {
      Thread.sleep(100);
      first = otherNode.current().slots(PRODUCT_PAGE, ACQUISITION).get(0).type();
    }
    assertThat(first).isEqualTo(second);
  }
}
