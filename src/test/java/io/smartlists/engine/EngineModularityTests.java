package io.smartlists.engine;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

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
            "io.smartlists.merchandising..",
            "io.smartlists.autoconfigure..",
            "io.smartlists.eventlog..",
            "io.smartlists.stats..",
            "io.smartlists.eval..")
        .check(CLASSES);
  }
}
