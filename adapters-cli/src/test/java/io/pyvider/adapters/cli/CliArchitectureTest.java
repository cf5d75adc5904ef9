package io.pyvider.adapters.cli;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/**
 * The CLI adapter's own edges, checked here so a violation fails this module's build (bootstrap's hexagon test checks
 * the whole graph again): it sees the core and its libraries, never another adapter or the composition root.
 */
@AnalyzeClasses(packages = "io.pyvider.adapters.cli", importOptions = ImportOption.DoNotIncludeTests.class)
class CliArchitectureTest {

  @ArchTest
  static final ArchRule cli_depends_only_on_the_core_and_its_libraries = classes()
      .that().resideInAPackage("io.pyvider.adapters.cli..")
      .should().onlyDependOnClassesThat().resideInAnyPackage("io.pyvider.adapters.cli..", "io.pyvider.application..",
          "io.pyvider.domain..", "java..", "javax.crypto..", "javax.inject..", "dagger..", "picocli..",
          "com.fasterxml.jackson..")
      .because("adapters never depend on each other: other adapters reach the CLI through ports and the interfaces "
          + "the composition root implements");

  @ArchTest
  static final ArchRule cli_never_reaches_into_the_engine = noClasses()
      .that().resideInAPackage("io.pyvider.adapters.cli..")
      .should().dependOnClassesThat().resideInAnyPackage("io.pyvider.application.lifecycle..",
          "io.pyvider.application.component..")
      .because("the CLI drives the core through its ports only");
}
