package io.pyvider.bootstrap.e2e;

import static io.pyvider.bootstrap.e2e.TimedTokens.TYPE;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.pyvider.adapters.crypto.Crypto;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Without PYVIDER_PRIVATE_STATE_SHARED_SECRET the provider keeps a per-user key in
 * $XDG_CONFIG_HOME/pyvider/private-state.key: created once, readable only by its owner, announced once in the log,
 * and shared by every later provider process, so private state sealed in one walk opens in the next. A key file
 * others can read keeps working with a warning in the log; a key path naming a FIFO or a device fails the apply with
 * a diagnostic instead of hanging or exhausting memory.
 */
class KeyFileIT {

  private static final String NOTICE = "Created a private-state key";

  @TempDir
  Path home;

  /** A timed token planned in one provider process and applied in the next, as Terraform does. */
  private static ResourceState created(TerraformSimulator terraform, String name) {
    Change plan = planned(terraform, name);
    try (Walk walk = terraform.walk("apply")) {
      return walk.apply(plan, null);
    }
  }

  private static Change planned(TerraformSimulator terraform, String name) {
    try (Walk walk = terraform.walk("plan")) {
      return walk.plan(TYPE, null, TimedTokens.config(terraform.resource(TYPE), name));
    }
  }

  @Test
  void without_a_shared_secret_the_first_run_creates_an_owner_only_key_that_later_processes_share() throws Exception {
    ProviderLaunch launch = ProviderLaunch.binary(home).without(ProviderLaunch.SHARED_SECRET)
        .with("TF_LOG_PROVIDER", "WARN");
    Path keyFile = home.resolve(".config").resolve("pyvider").resolve("private-state.key");
    try (TerraformSimulator terraform = new TerraformSimulator(launch)) {
      ResourceState state = created(terraform, "keyed");
      assertTrue(Files.isRegularFile(keyFile), "no key file at " + keyFile);
      assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(keyFile)));
      assertEquals("rwx------", PosixFilePermissions.toString(Files.getPosixFilePermissions(keyFile.getParent())));
      String key = Files.readString(keyFile).trim();
      assertFalse(key.isEmpty());
      ResourceState refreshed;
      try (Walk walk = terraform.walk("refresh")) {
        refreshed = walk.refresh(state).state();
        assertEquals(List.of(), walk.warnings(), "the next process could not open the private state");
      }
      assertEquals(state.value(), refreshed.value());
      PrivateStateProbe.assertHoldsToken(terraform, refreshed);
      assertEquals(key, Files.readString(keyFile).trim(), "the key file was rewritten");
      long announcing = terraform.processes().stream()
          .filter(p -> p.stderrLines().stream().anyMatch(line -> line.contains(NOTICE))).count();
      assertEquals(1, announcing, "exactly one process (the one that created the key) announces it");
      for (ProviderProcess process : terraform.processes()) {
        assertTrue(process.stderrLines().stream().noneMatch(line -> line.contains(key)),
            process.label() + " printed the key");
      }
    }
  }

  @Test
  void a_world_readable_key_file_keeps_state_readable_and_each_process_that_uses_it_warns_without_the_key()
      throws Exception {
    String key = Crypto.newSharedSecret();
    Path keyFile = home.resolve(".config").resolve("pyvider").resolve("private-state.key");
    Files.createDirectories(keyFile.getParent());
    Files.writeString(keyFile, key + "\n");
    Files.setPosixFilePermissions(keyFile, PosixFilePermissions.fromString("rw-r--r--"));
    ProviderLaunch launch = ProviderLaunch.binary(home).without(ProviderLaunch.SHARED_SECRET)
        .with("TF_LOG_PROVIDER", "WARN");
    try (TerraformSimulator terraform = new TerraformSimulator(launch)) {
      ResourceState state = created(terraform, "exposed");
      ResourceState refreshed;
      try (Walk walk = terraform.walk("refresh")) {
        refreshed = walk.refresh(state).state();
        assertEquals(List.of(), walk.warnings(), "the exposed key no longer opened the private state");
      }
      PrivateStateProbe.assertHoldsToken(terraform, refreshed);
      assertEquals("rw-r--r--", PosixFilePermissions.toString(Files.getPosixFilePermissions(keyFile)),
          "the provider warns; it does not change the user's file");
      List<String> warnings = terraform.processes().stream().flatMap(p -> p.stderrLines().stream())
          .filter(line -> line.contains("\"@level\":\"warn\"") && line.contains("chmod 600")).toList();
      assertFalse(warnings.isEmpty(), "no process warned that the key file is readable by others");
      assertTrue(warnings.stream().allMatch(line -> line.contains(keyFile.toString())), warnings.toString());
      for (ProviderProcess process : terraform.processes()) {
        assertTrue(process.stderrLines().stream().noneMatch(line -> line.contains(key)),
            process.label() + " printed the key");
      }
    }
  }

  @Test
  void a_key_path_naming_a_fifo_or_a_device_fails_the_apply_with_a_diagnostic_instead_of_hanging() throws Exception {
    Path fifo = home.resolve("key-pipe");
    assertEquals(0, new ProcessBuilder("mkfifo", fifo.toString()).inheritIO().start().waitFor());
    Map<String, String> described = Map.of(fifo.toString(), "named pipe", "/dev/zero", "character device");
    for (Map.Entry<String, String> special : described.entrySet()) {
      ProviderLaunch launch = ProviderLaunch.binary(home).without(ProviderLaunch.SHARED_SECRET)
          .with("PYVIDER_PRIVATE_STATE_KEY_FILE", special.getKey());
      try (TerraformSimulator terraform = new TerraformSimulator(launch)) {
        Change plan = planned(terraform, "special");
        try (Walk walk = terraform.walk("apply")) {
          AssertionError refused = assertThrows(AssertionError.class, () -> walk.apply(plan, null));
          assertTrue(refused.getMessage().contains("Private state could not be sealed"), refused.getMessage());
          assertTrue(refused.getMessage().contains(special.getKey() + " is a " + special.getValue()),
              refused.getMessage());
        }
      }
    }
  }
}
