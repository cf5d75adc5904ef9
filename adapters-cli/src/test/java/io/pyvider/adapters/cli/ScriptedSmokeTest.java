package io.pyvider.adapters.cli;

import java.util.ArrayList;
import java.util.List;

/** A smoke test that reports scripted steps, and records whether the walk was asked for. */
final class ScriptedSmokeTest implements ProviderSmokeTest {

  /** One step; a warning is ok and reported with {@link Steps#warn}. */
  record Step(String name, boolean ok, String detail, boolean warning) {
    Step(String name, boolean ok, String detail) {
      this(name, ok, detail, false);
    }
  }

  final List<Step> environmentSteps = new ArrayList<>(List.of(
      new Step("Java", true, "Java 17.0.15 (OpenJDK 64-Bit Server VM) at /usr/lib/jvm/java-17"),
      new Step("Private-state key", true, "shared secret from PYVIDER_PRIVATE_STATE_SHARED_SECRET"),
      new Step("Provider binary", true, "/opt/pyvider/terraform-provider-pyvider")));
  final List<Step> walkSteps = new ArrayList<>(List.of(
      new Step("Launch and handshake", true, "mutual TLS, protocol 6, 127.0.0.1:40000 in 310 ms"),
      new Step("Destroy", true, "planned and applied null, in 4 ms")));
  boolean ready = true;
  boolean walked;

  @Override
  public boolean checkEnvironment(Steps steps) {
    environmentSteps.forEach(step -> report(steps, step));
    return ready;
  }

  @Override
  public void walk(Steps steps) {
    walked = true;
    walkSteps.forEach(step -> report(steps, step));
  }

  private static void report(Steps steps, Step step) {
    if (step.warning()) {
      steps.warn(step.name(), step.detail());
    } else {
      steps.step(step.name(), step.ok(), step.detail());
    }
  }
}
