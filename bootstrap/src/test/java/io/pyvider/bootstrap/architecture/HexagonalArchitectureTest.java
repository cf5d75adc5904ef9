package io.pyvider.bootstrap.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.Architectures.onionArchitecture;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.library.GeneralCodingRules;

/**
 * The whole hexagon, checked on the compiled classes of every module but this composition root (which may see
 * everything): dependencies point inwards, adapters never meet, codecs know nothing of gRPC, stdout is the handshake's.
 */
@AnalyzeClasses(packages = {"io.pyvider.domain", "io.pyvider.application", "io.pyvider.adapters"},
    importOptions = ImportOption.DoNotIncludeTests.class)
class HexagonalArchitectureTest {

  @ArchTest
  static final ArchRule dependencies_point_inwards_and_adapters_never_meet = onionArchitecture()
      .domainModels("io.pyvider.domain..")
      .applicationServices("io.pyvider.application..")
      .adapter("grpc", "io.pyvider.adapters.grpc..")
      .adapter("crypto", "io.pyvider.adapters.crypto..")
      .adapter("host", "io.pyvider.adapters.host..")
      .adapter("cli", "io.pyvider.adapters.cli..")
      .withOptionalLayers(true)
      .because("the core must not know its adapters, and one adapter must not know another: only the composition "
          + "root (io.pyvider.bootstrap) wires them together");

  @ArchTest
  static final ArchRule core_uses_no_framework = noClasses()
      .that().resideInAnyPackage("io.pyvider.domain..", "io.pyvider.application..")
      .should().dependOnClassesThat().resideInAnyPackage("io.grpc..", "com.google.protobuf..", "dagger..",
          "javax.inject..", "jakarta.inject..", "org.bouncycastle..", "com.fasterxml..", "org.msgpack..",
          "picocli..", "io.netty..")
      .because("the core is plain Java; frameworks live in adapters and the composition root");

  @ArchTest
  static final ArchRule wire_codecs_know_nothing_of_grpc = noClasses()
      .that().resideInAPackage("io.pyvider.adapters.grpc.wire..")
      .should().dependOnClassesThat().resideInAnyPackage("io.grpc..", "io.pyvider.adapters.grpc.proto..")
      .because("the cty codecs are pure translation, usable by the CLI and benchmarks without a server");

  @ArchTest
  static final ArchRule stdout_belongs_to_the_handshake_and_the_cli = noClasses()
      .that().resideOutsideOfPackages("io.pyvider.adapters.grpc.plugin..", "io.pyvider.adapters.cli..")
      .should(GeneralCodingRules.ACCESS_STANDARD_STREAMS)
      .because("go-plugin reads the handshake line from stdout, and logs go to stderr as hclog JSON lines");
}
