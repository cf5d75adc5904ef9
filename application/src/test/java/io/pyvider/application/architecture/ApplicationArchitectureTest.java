package io.pyvider.application.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.UUID;

/** The application core is plain Java, reaches the world only through ports, and its components stay independent. */
@AnalyzeClasses(packages = "io.pyvider.application", importOptions = ImportOption.DoNotIncludeTests.class)
class ApplicationArchitectureTest {

  @ArchTest
  static final ArchRule application_depends_only_on_the_domain_and_the_jdk = classes()
      .that().resideInAPackage("io.pyvider.application..")
      .should().onlyDependOnClassesThat().resideInAnyPackage("io.pyvider.application..", "io.pyvider.domain..",
          "java..")
      .because("the core is framework-free: no gRPC, protobuf, Dagger, javax/jakarta.inject, Bouncy Castle, "
          + "Jackson, picocli or Netty; adapters depend on the core, never the reverse");

  @ArchTest
  static final ArchRule time_randomness_and_environment_come_through_ports = noClasses()
      .that().resideInAPackage("io.pyvider.application..")
      .should().callMethod(Instant.class, "now")
      .orShould().callMethod(System.class, "currentTimeMillis")
      .orShould().callMethod(UUID.class, "randomUUID")
      .orShould().callConstructor(SecureRandom.class)
      .orShould().callMethod(System.class, "getenv", String.class)
      .orShould().callMethod(System.class, "getenv")
      .orShould().callMethod(System.class, "getProperty", String.class)
      .orShould().accessField(System.class, "out")
      .orShould().accessField(System.class, "err")
      .because("Clock, IdGenerator, Environment and the other outbound ports are the core's only view of the "
          + "world; stdout belongs to the plugin handshake");

  @ArchTest
  static final ArchRule components_do_not_depend_on_each_other = slices()
      .matching("io.pyvider.application.component.(*)..")
      .should().notDependOnEachOther()
      .because("each component plugs into the SPI on its own; one component's change must not ripple into another");

  @ArchTest
  static final ArchRule components_do_not_reach_into_the_engine = noClasses()
      .that().resideInAPackage("io.pyvider.application.component..")
      .should().dependOnClassesThat().resideInAPackage("io.pyvider.application.lifecycle..")
      .because("components see only the SPI; the engine sees components, not the other way round");

  @ArchTest
  static final ArchRule use_cases_are_interfaces = classes()
      .that().resideInAPackage("io.pyvider.application.port..").and().haveSimpleNameEndingWith("UseCase")
      .should().beInterfaces()
      .because("adapters drive the core through ports, not implementations");
}
