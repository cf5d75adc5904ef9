package io.pyvider.application.lifecycle;

import io.pyvider.application.component.ProviderContext;
import io.pyvider.application.port.out.CrashReport;
import io.pyvider.application.port.out.Environment;
import io.pyvider.domain.terraform.cty.Value;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The state of one provider instance serving one Terraform run: its configuration once ConfigureProvider arrived, and
 * the current stop signal. StopProvider cancels the work in flight and installs a fresh signal, so the provider keeps
 * serving, as terraform-plugin-go does.
 */
public final class ProviderSession {

  public static final String TEST_MODE_VARIABLE = "PYVIDER_TESTMODE";
  public static final String TEST_MODE_ATTRIBUTE = "pyvider_testmode";

  private final boolean testModeFromEnvironment;
  private volatile Value configuration = null;
  private volatile AtomicBoolean stopSignal = new AtomicBoolean();

  private final CrashReport crashes;

  public ProviderSession(Environment environment) {
    this(environment, CrashReport.NONE);
  }

  public ProviderSession(Environment environment, CrashReport crashes) {
    this.testModeFromEnvironment = environment.get(TEST_MODE_VARIABLE).map("true"::equalsIgnoreCase).orElse(false);
    this.crashes = crashes;
  }

  /**
   * Runs one component call: its result, or empty when it threw, the crash reported to the log and its diagnostic
   * added to {@code decoded}. Every engine service calls components through here, so a crash is handled one way.
   */
  <T> java.util.Optional<T> attempt(String typeName, String operation, Decoded decoded,
      java.util.function.Supplier<T> call) {
    try {
      return java.util.Optional.of(call.get());
    } catch (RuntimeException crash) {
      decoded.add(crashed(typeName, operation, crash));
      return java.util.Optional.empty();
    }
  }

  /** Reports a component's crash to the log and returns the diagnostic Terraform shows for it. */
  io.pyvider.domain.terraform.diag.Diagnostic crashed(String typeName, String operation, RuntimeException crash) {
    crashes.crashed(typeName + " " + operation, crash);
    return Diagnoses.componentCrashed(typeName, operation, crash);
  }

  void configure(Value providerConfig) {
    this.configuration = providerConfig;
  }

  void stop() {
    AtomicBoolean current = stopSignal;
    stopSignal = new AtomicBoolean();
    current.set(true);
  }

  /** The context for one call; it keeps the stop signal current when the call started. */
  public ProviderContext context() {
    AtomicBoolean signal = stopSignal;
    return new ProviderContext(configuration, testMode(), signal::get);
  }

  public boolean testMode() {
    if (testModeFromEnvironment) {
      return true;
    }
    Value config = configuration;
    return config instanceof Value.ObjectVal object && object.attributes().get(TEST_MODE_ATTRIBUTE)
        instanceof Value.Bool flag && flag.value();
  }
}
