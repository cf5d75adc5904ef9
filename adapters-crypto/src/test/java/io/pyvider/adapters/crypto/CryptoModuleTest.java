package io.pyvider.adapters.crypto;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.pyvider.application.port.out.Environment;
import io.pyvider.application.port.out.UnsealResult;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The Dagger module and the public factories build working, shared instances. */
class CryptoModuleTest {

  @TempDir
  Path home;

  @Test
  void theModuleBindsEveryPortAsASingletonAndTheSealerSharesTheRing() {
    TestCryptoComponent component = DaggerTestCryptoComponent.factory()
        .create(Environment.of(Map.of("HOME", home.toString())), () -> home, java.time.Instant::now);
    assertSame(component.stateSealer(), component.stateSealer());
    assertSame(component.keyRing(), component.keyRing());
    assertSame(component.idGenerator(), component.idGenerator());
    assertNotNull(component.certificateIssuer().issueSelfSigned());
    byte[] blob = Sealing.seal(component.stateSealer(), Sealing.TOKEN_STATE);
    assertTrue(component.keyRing().takeKeyNotices().isPresent(), "the notice is on the ring the root can see");
    assertFalse(((UnsealResult.Opened) component.stateSealer().unseal(blob, Sealing.TIMED_TOKEN)).staleKey());
  }

  @Test
  void aNewSharedSecretIs43Base64urlCharactersAndSealsState() {
    String secret = Crypto.newSharedSecret();
    assertTrue(secret.matches("[A-Za-z0-9_-]{43}"), secret.length() + " characters");
    assertNotEquals(secret, Crypto.newSharedSecret());
    var sealer = Crypto.sealer(Environment.of(Map.of(KeyRing.SHARED_SECRET, secret)));
    byte[] blob = Sealing.seal(sealer, Sealing.TOKEN_STATE);
    assertTrue(sealer.unseal(blob, Sealing.TIMED_TOKEN) instanceof UnsealResult.Opened);
  }

  @Test
  void aRelativeKeyFileResolvesAgainstTheRunsWorkingDirectoryNotTheProcesses() throws Exception {
    Path run = java.nio.file.Files.createDirectory(home.resolve("terraform-run"));
    TestCryptoComponent component = DaggerTestCryptoComponent.factory()
        .create(Environment.of(Map.of("PYVIDER_PRIVATE_STATE_KEY_FILE", "keys/run.key")), () -> run,
            java.time.Instant::now);
    Sealing.seal(component.stateSealer(), Sealing.TOKEN_STATE);
    assertTrue(java.nio.file.Files.isRegularFile(run.resolve("keys/run.key")),
        "the key file is created under the run's directory");
    assertFalse(java.nio.file.Files.exists(Path.of("keys/run.key").toAbsolutePath()));
  }
}
