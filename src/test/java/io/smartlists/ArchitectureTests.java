package io.smartlists;

import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.Architectures.layeredArchitecture;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaModifier;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfiguration;

/**
 * The module's shape, checked on its product classes (src/main/java) at every {@code mvn test}: no
 * package cycles, {@code autoconfigure} as the one place that declares beans, a plain-Java engine
 * whose parts depend one way, and auto-configurations Spring Boot can load but nobody can extend.
 * README ("Packages") and TEAM.md describe the target shape these rules hold the code to.
 */
class ArchitectureTests {

  static final String AUTO_CONFIGURATION_IMPORTS =
      "META-INF/spring/org.springframework.boot.autoconfigure.AutoConfiguration.imports";

  /**
   * The product classes only. ArchUnit's DO_NOT_INCLUDE_TESTS knows {@code target/test-classes} but
   * not the build directories of {@code -Dsl.build.dir=target-x}, hence the own option.
   */
  static final JavaClasses CLASSES =
      new ClassFileImporter()
          .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
          .withImportOption(location -> !location.contains("/test-classes/"))
          .importPackages("io.smartlists");

  /** Frameworks the engine (and the host SPI a store implements) must never see. */
  static final String[] FRAMEWORKS = {
    "org.springframework..",
    "jakarta..",
    "javax.persistence..",
    "javax.servlet..",
    "org.hibernate..",
    "org.flywaydb..",
    "org.thymeleaf..",
    "io.micrometer..",
    "com.fasterxml.jackson..",
    "tools.jackson..",
    "com.github.benmanes..",
  };

  @Test
  void theProductClassesAreImported() {
    // guards every rule below against passing on an empty import
    assertThat(CLASSES.containPackage("io.smartlists.engine")).isTrue();
    assertThat(CLASSES.containPackage("io.smartlists.autoconfigure")).isTrue();
    assertThat(CLASSES.containPackage("io.smartlists.demo")).as("the test store").isFalse();
  }

  @Test
  void engineAndHost_importNoFramework() {
    noClasses()
        .that()
        .resideInAnyPackage("io.smartlists.engine..", "io.smartlists.host..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage(FRAMEWORKS)
        .because("the engine runs the same in a store, a benchmark and the evaluation")
        .check(CLASSES);
  }

  /**
   * The only libraries the engine and the host SPI may use, an explicit allow-list (the deny-list
   * above names the frameworks): the JDK, JSpecify's annotations and EJML's float32 dense linear
   * algebra (ejml-core, ejml-fdense: plain Java, no native code), which inverts the EASE head of
   * {@code engine.signals.copurchase.EaseHead} at build time.
   */
  @Test
  void engineAndHost_useOnlyAllowedLibraries() {
    classes()
        .that()
        .resideInAnyPackage("io.smartlists.engine..", "io.smartlists.host..")
        .should()
        .onlyDependOnClassesThat(
            JavaClass.Predicates.resideInAnyPackage(
                    "java..",
                    "org.jspecify.annotations..",
                    "org.ejml.data..",
                    "org.ejml.dense.row..",
                    "io.smartlists.engine..",
                    "io.smartlists.host..")
                .or(
                    DescribedPredicate.describe(
                        "primitive or array", (JavaClass c) -> c.isPrimitive() || c.isArray())))
        .because("a store gets the engine with no other dependency than these")
        .check(CLASSES);
  }

  @Test
  void engine_dependsOnNoModulePackageButHost() {
    noClasses()
        .that()
        .resideInAPackage("io.smartlists.engine..")
        .should()
        .dependOnClassesThat(
            resideInAPackage("io.smartlists..")
                .and(not(resideInAPackage("io.smartlists.engine..")))
                .and(not(resideInAPackage("io.smartlists.host.."))))
        .check(CLASSES);
  }

  /**
   * TEAM.md's engine layering, one way from top to bottom: {@code engine} (facade) → {@code
   * engine.compose} → {@code engine.lists}, {@code engine.stage} → {@code engine.signals} → {@code
   * engine.signals.copurchase} → {@code engine.model}. A layer may use any layer below it, never
   * one above; {@code lists} and {@code stage} sit side by side (the cycle rule keeps them from
   * using each other both ways). Layers are optional while the engine is being split: a layer with
   * no class yet is not an error, and the rule binds each one as soon as its package exists.
   */
  @Test
  void engine_layersDependOneWay() {
    DescribedPredicate<JavaClass> signals =
        resideInAPackage("io.smartlists.engine.signals..")
            .and(not(resideInAPackage("io.smartlists.engine.signals.copurchase..")));
    layeredArchitecture()
        .consideringOnlyDependenciesInLayers()
        .withOptionalLayers(true)
        .layer("Facade")
        .definedBy("io.smartlists.engine")
        .layer("Compose")
        .definedBy("io.smartlists.engine.compose..")
        .layer("Lists")
        .definedBy("io.smartlists.engine.lists..")
        .layer("Stage")
        .definedBy("io.smartlists.engine.stage..")
        .layer("Signals")
        .definedBy(signals.as("io.smartlists.engine.signals.. but copurchase"))
        .layer("CoPurchase")
        .definedBy("io.smartlists.engine.signals.copurchase..")
        .layer("Model")
        .definedBy("io.smartlists.engine.model..")
        .whereLayer("Facade")
        .mayNotBeAccessedByAnyLayer()
        .whereLayer("Compose")
        .mayOnlyBeAccessedByLayers("Facade")
        .whereLayer("Lists")
        .mayOnlyBeAccessedByLayers("Facade", "Compose", "Stage")
        .whereLayer("Stage")
        .mayOnlyBeAccessedByLayers("Facade", "Compose", "Lists")
        .whereLayer("Signals")
        .mayOnlyBeAccessedByLayers("Facade", "Compose", "Lists", "Stage")
        .whereLayer("CoPurchase")
        .mayOnlyBeAccessedByLayers("Facade", "Compose", "Lists", "Stage", "Signals")
        .whereLayer("Model")
        .mayOnlyBeAccessedByLayers("Facade", "Compose", "Lists", "Stage", "Signals", "CoPurchase")
        .check(CLASSES);
  }

  /** Auto-configurations: Spring Boot loads them by name; nobody subclasses them. */
  @Test
  void autoConfigurations_arePublicFinal() throws IOException {
    Set<String> listed = listedAutoConfigurations();
    assertThat(listed).as(AUTO_CONFIGURATION_IMPORTS).isNotEmpty();
    for (String name : listed) {
      assertThat(CLASSES.contain(name))
          .as("%s lists %s", AUTO_CONFIGURATION_IMPORTS, name)
          .isTrue();
    }
    classes()
        .that()
        .areAnnotatedWith(AutoConfiguration.class)
        .or(
            DescribedPredicate.describe(
                "are listed in " + AUTO_CONFIGURATION_IMPORTS,
                (JavaClass c) -> listed.contains(c.getName())))
        .should()
        .bePublic()
        .andShould()
        .haveModifier(JavaModifier.FINAL)
        .check(CLASSES);
  }

  @Test
  void noPackageCycles() {
    // every package is its own slice (engine sub-packages included)
    slices().matching("io.smartlists.(**)").should().beFreeOfCycles().check(CLASSES);
  }

  @Test
  void nothingOutsideAutoconfigure_importsAutoconfigure() {
    noClasses()
        .that()
        .resideOutsideOfPackage("io.smartlists.autoconfigure..")
        .should()
        .dependOnClassesThat()
        .resideInAPackage("io.smartlists.autoconfigure..")
        .because("autoconfigure is the only place that declares beans: features get plain values")
        .check(CLASSES);
  }

  /** The module's own entries of every AutoConfiguration.imports on the class path. */
  static Set<String> listedAutoConfigurations() throws IOException {
    Set<String> names = new TreeSet<>();
    for (URL url :
        Collections.list(
            ArchitectureTests.class.getClassLoader().getResources(AUTO_CONFIGURATION_IMPORTS))) {
      try (BufferedReader in =
          new BufferedReader(new InputStreamReader(url.openStream(), StandardCharsets.UTF_8))) {
        in.lines()
            .map(line -> line.replaceFirst("#.*", "").strip())
            .filter(line -> line.startsWith("io.smartlists."))
            .forEach(names::add);
      }
    }
    return names;
  }
}
