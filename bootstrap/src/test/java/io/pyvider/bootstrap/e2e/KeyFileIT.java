package io.pyvider.bootstrap.e2e;

import static io.pyvider.bootstrap.e2e.TimedTokens.TYPE;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Without PYVIDER_PRIVATE_STATE_SHARED_SECRET the provider keeps a per-user key in
 * $XDG_CONFIG_HOME/pyvider/private-state.key: created once, readable only by its owner, announced once in the log,
 * and shared by every later provider process, so private state sealed in one walk opens in the next.
 */
class KeyFileIT {

  private static final String NOTICE = "Created a private-state key";

  @TempDir
  Path home;

  @Test
  void without_a_shared_secret_the_first_run_creates_an_owner_only_key_that_later_processes_share() throws Exception {
    ProviderLaunch launch = ProviderLaunch.binary(home).without(ProviderLaunch.SHARED_SECRET)
        .with("TF_LOG_PROVIDER", "WARN");
    Path keyFile = home.resolve(".config").resolve("pyvider").resolve("private-state.key");
    try (TerraformSimulator terraform = new TerraformSimulator(launch)) {
      ResourceSchema schema = terraform.resource(TYPE);
      Change plan;
      try (Walk walk = terraform.walk("plan")) {
        plan = walk.plan(TYPE, null, TimedTokens.config(schema, "keyed"));
      }
      ResourceState state;
      try (Walk walk = terraform.walk("apply")) {
        state = walk.apply(plan, null);
      }
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
}
