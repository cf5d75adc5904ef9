package io.pyvider.bootstrap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.pyvider.adapters.cli.DaemonControl;
import io.pyvider.adapters.cli.DaemonStatus;
import io.pyvider.adapters.cli.ProviderSmokeTest;
import io.pyvider.application.port.out.Environment;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The doctor's key step: "ok" only for a key that is usable and kept private; never the key itself. */
class DoctorTest {

  private static final String STRONG_KEY = "Zq3k9VbT1xLr8mWc2Hn5Jp7Ys4Fd6Ga0Ke_Ru-Ot1Ni";
  private static final String KEY_STEP = "Private-state key";

  @TempDir
  Path home;

  private record Step(String name, String outcome, String detail) {
  }

  /** No launcher: the doctor stops after the environment checks, so the daemon is never asked. */
  private static final DaemonControl NO_DAEMON = new DaemonControl() {
    @Override
    public Optional<String> directory() {
      throw new AssertionError("the daemon is not part of the key check");
    }

    @Override
    public Optional<DaemonStatus> status() {
      throw new AssertionError("the daemon is not part of the key check");
    }

    @Override
    public Optional<DaemonStatus> stop() {
      throw new AssertionError("the daemon is not part of the key check");
    }
  };

  private Step keyStep(Map<String, String> variables) {
    Map<String, String> environment = new HashMap<>(variables);
    environment.put("HOME", home.toString());
    List<Step> steps = new ArrayList<>();
    new Doctor(Environment.of(environment), Optional.empty(), NO_DAEMON).checkEnvironment(
        new ProviderSmokeTest.Steps() {
          @Override
          public void step(String name, boolean ok, String detail) {
            steps.add(new Step(name, ok ? "ok" : "fail", detail));
          }

          @Override
          public void warn(String name, String detail) {
            steps.add(new Step(name, "warn", detail));
          }
        });
    return steps.stream().filter(s -> s.name().equals(KEY_STEP)).findFirst().orElseThrow();
  }

  private Path keyFile(String content, String mode) throws Exception {
    Path file = home.resolve(".config/pyvider/private-state.key");
    Files.createDirectories(file.getParent());
    Files.writeString(file, content);
    Files.setPosixFilePermissions(file, PosixFilePermissions.fromString(mode));
    return file;
  }

  @Test
  void an_owner_only_strong_key_file_is_ok() throws Exception {
    Path file = keyFile(STRONG_KEY + "\n", "rw-------");
    Step step = keyStep(Map.of());
    assertEquals("ok", step.outcome(), step.detail());
    assertTrue(step.detail().contains(file.toString()), step.detail());
  }

  @Test
  void a_missing_key_file_is_ok_and_the_doctor_does_not_create_it() {
    Step step = keyStep(Map.of());
    assertEquals("ok", step.outcome(), step.detail());
    assertTrue(step.detail().contains("created"), step.detail());
    assertFalse(Files.exists(home.resolve(".config/pyvider/private-state.key")));
  }

  @Test
  void a_world_readable_key_file_is_a_warning_that_says_how_to_fix_it() throws Exception {
    keyFile(STRONG_KEY, "rw-r--r--");
    Step step = keyStep(Map.of());
    assertEquals("warn", step.outcome(), step.detail());
    assertTrue(step.detail().contains("chmod 600"), step.detail());
    assertFalse(step.detail().contains(STRONG_KEY), "the doctor printed the key");
  }

  @Test
  void a_key_too_weak_to_seal_with_fails_the_check() throws Exception {
    keyFile("hunt2", "rw-------");
    Step step = keyStep(Map.of());
    assertEquals("fail", step.outcome(), step.detail());
    assertFalse(step.detail().contains("hunt2"), "the doctor printed the key");
  }

  @Test
  void an_unusable_key_file_beside_a_shared_secret_is_a_warning_not_a_failure() throws Exception {
    keyFile("", "rw-------");
    Step step = keyStep(Map.of("PYVIDER_PRIVATE_STATE_SHARED_SECRET", STRONG_KEY));
    assertEquals("warn", step.outcome(), step.detail());
    assertTrue(step.detail().contains("shared secret"), step.detail());
    assertTrue(step.detail().contains("empty"), step.detail());
    assertFalse(step.detail().contains(STRONG_KEY), "the doctor printed the secret");
  }
}
