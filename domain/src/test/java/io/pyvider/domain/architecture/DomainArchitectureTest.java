package io.pyvider.domain.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.UUID;

/** The domain is plain Java, and the timed-token model does not know Terraform exists. */
@AnalyzeClasses(packages = "io.pyvider.domain", importOptions = ImportOption.DoNotIncludeTests.class)
class DomainArchitectureTest {

  @ArchTest
  static final ArchRule domain_depends_only_on_the_jdk = classes().that().resideInAPackage("io.pyvider.domain..")
      .should().onlyDependOnClassesThat().resideInAnyPackage("io.pyvider.domain..", "java..")
      .because("the core is framework-free: no gRPC, protobuf, Dagger, javax/jakarta.inject, Bouncy Castle, "
          + "Jackson, picocli or Netty");

  @ArchTest
  static final ArchRule token_model_does_not_know_terraform = noClasses()
      .that().resideInAPackage("io.pyvider.domain.token..")
      .should().dependOnClassesThat().resideInAPackage("io.pyvider.domain.terraform..")
      .because("what a timed token is does not depend on how Terraform represents values");

  @ArchTest
  static final ArchRule time_randomness_and_environment_come_through_ports = noClasses()
      .that().resideInAPackage("io.pyvider.domain..")
      .should().callMethod(Instant.class, "now")
      .orShould().callMethod(System.class, "currentTimeMillis")
      .orShould().callMethod(UUID.class, "randomUUID")
      .orShould().callConstructor(SecureRandom.class)
      .orShould().callMethod(System.class, "getenv", String.class)
      .orShould().callMethod(System.class, "getenv")
      .orShould().callMethod(System.class, "getProperty", String.class)
      .orShould().accessField(System.class, "out")
      .orShould().accessField(System.class, "err")
      .because("the domain is told the time and given identifiers; it never reads a clock, randomness or the "
          + "environment itself, so tests can control them");
}
