package io.smartlists.engine;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/**
 * The engine and the host SPI are plain Java: they run in a store, a benchmark and the evaluation
 * command alike. This fails as soon as one of their classes reaches for Spring, Hibernate, JPA or
 * the servlet API.
 */
class EngineModularityTests {

  static final JavaClasses CLASSES =
      new ClassFileImporter()
          .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
          .importPackages("io.smartlists");

  @Test
  void engineAndHost_importNoFrameworks() {
    noClasses()
        .that()
        .resideInAnyPackage("io.smartlists.engine..", "io.smartlists.host..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage(
            "org.springframework..",
            "org.hibernate..",
            "jakarta.persistence..",
            "jakarta.servlet..",
            "org.thymeleaf..",
            "io.micrometer..",
            "com.github.benmanes..")
        .check(CLASSES);
  }

  @Test
  void engine_dependsOnNoOtherModulePackageButHost() {
    noClasses()
        .that()
        .resideInAPackage("io.smartlists.engine..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage(
            "io.smartlists.site..",
            "io.smartlists.admin..",
            "io.smartlists.config..",
            "io.smartlists.autoconfigure..",
            "io.smartlists.eventlog..",
            "io.smartlists.stats..",
            "io.smartlists.eval..")
        .check(CLASSES);
  }

  /** One way, top to bottom: facade → compose → lists, stage → signals → copurchase, model. */
  @Test
  void engineParts_dependOnlyDownwards() {
    String facade = "io.smartlists.engine";
    String compose = "io.smartlists.engine.compose..";
    String lists = "io.smartlists.engine.lists..";
    String stage = "io.smartlists.engine.stage..";
    String signals = "io.smartlists.engine.signals";
    String copurchase = "io.smartlists.engine.signals.copurchase..";
    String model = "io.smartlists.engine.model..";
    below(compose, facade);
    below(lists, facade, compose, stage);
    below(stage, facade, compose, lists);
    below(signals, facade, compose, lists, stage);
    below(copurchase, facade, compose, lists, stage, signals, model);
    below(model, facade, compose, lists, stage, signals, copurchase);
  }

  @Test
  void engineParts_haveNoCycles() {
    slices().matching("io.smartlists.engine.(**)").should().beFreeOfCycles().check(CLASSES);
  }

  private static void below(String layer, String... higher) {
    noClasses()
        .that()
        .resideInAPackage(layer)
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage(higher)
        .check(CLASSES);
  }
}
