package io.pyvider.bootstrap.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/**
 * One JVM serves many Terraform runs at once (the daemon), so nothing a run depends on may be process-wide: each run's
 * environment, working directory, clock, log and TLS trust come through its own object graph. These rules keep the
 * few process-global reads and writes in the places that are meant to make them, once.
 */
@AnalyzeClasses(packages = "io.pyvider", importOptions = ImportOption.DoNotIncludeTests.class)
class NoProcessGlobalStateTest {

  @ArchTest
  static final ArchRule system_properties_are_set_only_by_the_jvm_setup = noClasses()
      .that().doNotHaveFullyQualifiedName("io.pyvider.bootstrap.JvmSetup")
      .should().callMethod(System.class, "setProperty", String.class, String.class)
      .orShould().callMethod(System.class, "clearProperty", String.class)
      .orShould().callMethod(System.class, "setProperties", java.util.Properties.class)
      .because("a property set by one run leaks into every other run the daemon serves (PluginServer once swapped "
          + "javax.net.ssl.trustStore per start); the entry point's JvmSetup does it once, before any run");

  @ArchTest
  static final ArchRule the_environment_is_read_only_by_the_host_adapter = noClasses()
      .that().doNotHaveFullyQualifiedName("io.pyvider.adapters.host.HostModule")
      .should().callMethod(System.class, "getenv")
      .orShould().callMethod(System.class, "getenv", String.class)
      .because("a daemon session's environment is the one its launcher sent, not the daemon's own");

  @ArchTest
  static final ArchRule time_is_read_only_through_the_clock_port = noClasses()
      .that().doNotHaveFullyQualifiedName("io.pyvider.adapters.host.SystemClock")
      .should().callMethod(java.time.Instant.class, "now")
      .orShould().callMethod(System.class, "currentTimeMillis")
      .orShould().callMethod(java.time.Clock.class, "systemUTC")
      .orShould().callMethod(java.time.Clock.class, "systemDefaultZone")
      .because("timestamps, certificates and expiry all come from the run's Clock, so tests and sessions choose it "
          + "(HcLog and the certificate issuer once read Instant.now() themselves)");

  @ArchTest
  static final ArchRule standard_streams_are_replaced_only_by_the_entry_point = noClasses()
      .that().doNotHaveFullyQualifiedName("io.pyvider.bootstrap.ProviderMain")
      .should().callMethod(System.class, "setOut", java.io.PrintStream.class)
      .orShould().callMethod(System.class, "setErr", java.io.PrintStream.class)
      .orShould().callMethod(System.class, "setIn", java.io.InputStream.class)
      .because("a session's log goes to its own stream; only the process's entry point decides what stdout is");
}
