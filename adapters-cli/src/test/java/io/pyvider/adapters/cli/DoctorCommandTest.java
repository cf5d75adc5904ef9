package io.pyvider.adapters.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DoctorCommandTest {

  @TempDir
  Path temporary;

  private CliHarness cli() {
    CliHarness cli = new CliHarness(temporary);
    cli.environment.put("HOME", temporary.resolve("home").toString());
    cli.environment.put("XDG_DATA_DIRS", temporary.resolve("share").toString());
    return cli;
  }

  @Test
  void prints_each_check_and_each_step_of_the_walk_then_passes() {
    CliHarness cli = cli();
    CliHarness.Result result = cli.run("doctor");

    assertEquals(ExitCodes.OK, result.code(), result.out());
    String[] lines = result.out().split("\n");
    assertEquals("terraform-provider-pyvider doctor", lines[0]);
    assertEquals("  ok   Provider                     0.1.0, registry.terraform.io/provide-io/pyvider, protocol 6.0, "
        + "linux_amd64", lines[1]);
    assertEquals("  ok   Java                         Java 17.0.15 (OpenJDK 64-Bit Server VM) at /usr/lib/jvm/java-17",
        lines[2]);
    assertTrue(lines[5].startsWith("  warn Plugin directory             not installed where Terraform looks"),
        lines[5]);
    assertEquals("  ok   Launch and handshake         mutual TLS, protocol 6, 127.0.0.1:40000 in 310 ms", lines[6]);
    assertTrue(lines[lines.length - 1].startsWith("All checks passed: the provider works end to end on this "
        + "machine."), lines[lines.length - 1]);
    assertTrue(cli.smokeTest.walked);
  }

  @Test
  void a_failed_step_fails_the_doctor() {
    CliHarness cli = cli();
    cli.smokeTest.walkSteps.add(new ScriptedSmokeTest.Step("Refresh (new process)", false, "drift!"));
    CliHarness.Result result = cli.run("doctor");
    assertEquals(ExitCodes.ERROR, result.code());
    assertTrue(result.out().contains("  FAIL Refresh (new process)        drift!"), result.out());
    assertTrue(result.out().contains("1 check(s) failed."), result.out());
  }

  @Test
  void a_warning_from_the_smoke_test_is_shown_and_does_not_fail() {
    CliHarness cli = cli();
    cli.smokeTest.walkSteps.add(0, new ScriptedSmokeTest.Step("Warm launch", true,
        "went to a new JVM, not through the daemon", true));
    CliHarness.Result result = cli.run("doctor");
    assertEquals(ExitCodes.OK, result.code(), result.out());
    assertTrue(result.out().contains("  warn Warm launch                  went to a new JVM, not through the daemon"),
        result.out());
  }

  @Test
  void without_a_provider_binary_the_walk_does_not_run() {
    CliHarness cli = cli();
    cli.smokeTest.ready = false;
    cli.smokeTest.environmentSteps.set(2, new ScriptedSmokeTest.Step("Provider binary", false, "not found"));
    CliHarness.Result result = cli.run("doctor");
    assertEquals(ExitCodes.ERROR, result.code());
    assertFalse(cli.smokeTest.walked);
    assertTrue(result.out().contains("  FAIL Provider binary              not found"), result.out());
  }

  @Test
  void an_installed_provider_is_found_in_the_implied_mirror() throws IOException {
    CliHarness cli = cli();
    Path dir = temporary.resolve("home/.terraform.d/plugins/registry.terraform.io/provide-io/pyvider/0.1.0/"
        + "linux_amd64");
    Files.createDirectories(dir);
    Files.writeString(dir.resolve("terraform-provider-pyvider_v0.1.0"), "#!/bin/sh\n");
    CliHarness.Result result = cli.run("doctor");
    assertTrue(result.out().contains("  ok   Plugin directory             installed in " + dir), result.out());
  }

  @Test
  void a_dev_override_counts_as_found() throws IOException {
    CliHarness cli = cli();
    Path rc = temporary.resolve("terraformrc");
    Files.writeString(rc, "provider_installation {\n  dev_overrides {\n    \"provide-io/pyvider\" = \"/x\"\n  }\n"
        + "  direct {}\n}\n");
    cli.environment.put("TF_CLI_CONFIG_FILE", rc.toString());
    assertTrue(cli.run("doctor").out().contains("  ok   Plugin directory             dev_overrides for "
        + "provide-io/pyvider in " + rc));
  }

  @Test
  void colour_marks_the_outcomes_on_a_terminal_only() {
    CliHarness cli = cli();
    cli.colour = true;
    assertTrue(cli.run("doctor").out().contains("\u001b[32mok  \u001b[0m"));
    assertFalse(cli().run("doctor").out().contains("\u001b["));
  }
}
