package io.pyvider.adapters.crypto;

import static io.pyvider.adapters.crypto.Sealing.TIMED_TOKEN;
import static io.pyvider.adapters.crypto.Sealing.TOKEN_STATE;
import static io.pyvider.adapters.crypto.Sealing.failed;
import static io.pyvider.adapters.crypto.Sealing.opened;
import static io.pyvider.adapters.crypto.Sealing.seal;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.pyvider.application.port.out.Environment;
import io.pyvider.application.port.out.SealResult;
import io.pyvider.application.port.out.UnsealFailure;
import io.pyvider.application.port.out.UnsealResult;
import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Without a shared secret the first run still works: a per-user key file, created once, readable only by its owner. */
class KeyFileTest {

  @TempDir
  Path home;

  private Path defaultKeyFile() {
    return home.resolve(".config/pyvider/private-state.key");
  }

  @Test
  void theKeyFileIsCreatedOnlyWhenFirstNeededWithOwnerOnlyPermissions() throws Exception {
    KeyRing ring = Sealing.ring(Map.of("HOME", home.toString()));
    PrivateStateSealer sealer = Sealing.sealer(ring);
    assertFalse(Files.exists(defaultKeyFile()), "nothing is written at construction");
    seal(sealer, TOKEN_STATE);
    assertTrue(Files.isRegularFile(defaultKeyFile()));
    assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(defaultKeyFile())));
    assertEquals("rwx------", PosixFilePermissions.toString(Files.getPosixFilePermissions(defaultKeyFile().getParent())));
    assertTrue(Files.readString(defaultKeyFile()).strip().matches("[A-Za-z0-9_-]{43}"));
    try (var entries = Files.list(defaultKeyFile().getParent())) {
      assertEquals(1, entries.count(), "no temporary file is left behind");
    }
  }

  @Test
  void openingStateDoesNotCreateTheKeyFile() {
    byte[] blob = seal(Sealing.sealerWithSecret("elsewhere"), TOKEN_STATE);
    UnsealResult.Failed failure = failed(Sealing.sealer(Map.of("HOME", home.toString())).unseal(blob, TIMED_TOKEN));
    assertEquals(UnsealFailure.NO_KEY, failure.reason());
    assertTrue(failure.detail().contains(defaultKeyFile().toString()), failure.detail());
    assertFalse(Files.exists(defaultKeyFile()));
  }

  @Test
  void theLocationComesFromTheKeyFileVariableThenXdgConfigHomeThenHome() {
    Path explicit = home.resolve("explicit/key");
    Path xdg = home.resolve("xdg");
    seal(Sealing.sealer(Map.of("HOME", home.toString(), "XDG_CONFIG_HOME", xdg.toString(),
        KeyFile.KEY_FILE_VARIABLE, explicit.toString())), TOKEN_STATE);
    assertTrue(Files.exists(explicit));
    seal(Sealing.sealer(Map.of("HOME", home.toString(), "XDG_CONFIG_HOME", xdg.toString())), TOKEN_STATE);
    assertTrue(Files.exists(xdg.resolve("pyvider/private-state.key")));
    // Resolved against the temporary directory, so a regression shows there instead of littering the checkout.
    KeyRing relativeXdg = new KeyRing(Environment.of(Map.of("HOME", home.toString(), "XDG_CONFIG_HOME",
        "relative/ignored")), home, new SecureRandom());
    seal(Sealing.sealer(relativeXdg), TOKEN_STATE);
    assertTrue(Files.exists(defaultKeyFile()));
    assertFalse(Files.exists(home.resolve("relative")), "a relative XDG_CONFIG_HOME is ignored, not resolved");
  }

  @Test
  void aSecondKeyRingReusesTheKeyFileAndTheNoticeIsGivenOnce() {
    Map<String, String> environment = Map.of("HOME", home.toString());
    KeyRing first = Sealing.ring(environment);
    assertEquals(Optional.empty(), first.takeKeyNotices());
    byte[] blob = seal(Sealing.sealer(first), TOKEN_STATE);
    String notice = first.takeKeyNotices().orElseThrow();
    assertTrue(notice.contains(defaultKeyFile().toString()), notice);
    assertTrue(notice.contains("PYVIDER_PRIVATE_STATE_SHARED_SECRET"), notice);
    assertTrue(notice.contains("terraform-provider-pyvider keygen"), notice);
    assertEquals(Optional.empty(), first.takeKeyNotices());

    KeyRing second = Sealing.ring(environment);
    UnsealResult.Opened opened = opened(Sealing.sealer(second).unseal(blob, TIMED_TOKEN));
    assertEquals(TOKEN_STATE, opened.data());
    assertFalse(opened.staleKey());
    seal(Sealing.sealer(second), TOKEN_STATE);
    assertEquals(Optional.empty(), second.takeKeyNotices());
  }

  @Test
  void theNoticeNeverContainsTheKey() throws Exception {
    KeyRing ring = Sealing.ring(Map.of("HOME", home.toString()));
    seal(Sealing.sealer(ring), TOKEN_STATE);
    String key = Files.readString(defaultKeyFile()).strip();
    assertFalse(ring.takeKeyNotices().orElseThrow().contains(key));
    assertFalse(ring.toString().contains(key));
  }

  @Test
  void theKeyFileBecomesAPreviousKeyOnceASharedSecretIsConfigured() {
    byte[] blob = seal(Sealing.sealer(Map.of("HOME", home.toString())), TOKEN_STATE);
    PrivateStateSealer team = Sealing.sealer(Map.of("HOME", home.toString(), KeyRing.SHARED_SECRET, "team secret"));
    UnsealResult.Opened opened = opened(team.unseal(blob, TIMED_TOKEN));
    assertEquals(TOKEN_STATE, opened.data());
    assertTrue(opened.staleKey());
    byte[] resealed = seal(team, opened.data());
    assertArrayEquals(IndependentFormatTwo.keyId("team secret"), Arrays.copyOfRange(resealed, 1, 9));
  }

  @Test
  void theKeyFileContentWorksAsASharedSecret() throws Exception {
    byte[] blob = seal(Sealing.sealer(Map.of("HOME", home.toString())), TOKEN_STATE);
    String key = Files.readString(defaultKeyFile()).strip();
    assertFalse(opened(Sealing.sealerWithSecret(key).unseal(blob, TIMED_TOKEN)).staleKey());
  }

  @Test
  void concurrentProvidersConvergeOnOneKey() throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(8);
    try {
      List<Callable<byte[]>> racers = new ArrayList<>();
      for (int i = 0; i < 8; i++) {
        racers.add(() -> seal(Sealing.sealer(Map.of("HOME", home.toString())), TOKEN_STATE));
      }
      List<byte[]> ids = new ArrayList<>();
      for (Future<byte[]> blob : pool.invokeAll(racers)) {
        ids.add(Arrays.copyOfRange(blob.get(), 1, 9));
      }
      byte[] expectedId = IndependentFormatTwo.keyId(Files.readString(defaultKeyFile()).strip());
      for (byte[] id : ids) {
        assertArrayEquals(expectedId, id);
      }
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void sealingFailsWithAClearSentenceWhenNoKeyCanBeHad() throws Exception {
    SealResult.Failed nowhere = assertInstanceOf(SealResult.Failed.class,
        Sealing.sealer(Map.of()).seal(TOKEN_STATE, TIMED_TOKEN));
    assertTrue(nowhere.detail().contains(KeyRing.SHARED_SECRET), nowhere.detail());
    Path notADirectory = Files.writeString(home.resolve("plain-file"), "x");
    SealResult.Failed unwritable = assertInstanceOf(SealResult.Failed.class, Sealing.sealer(Map.of(
        KeyFile.KEY_FILE_VARIABLE, notADirectory.resolve("sub/key").toString())).seal(TOKEN_STATE, TIMED_TOKEN));
    assertTrue(unwritable.detail().contains(notADirectory.toString()), unwritable.detail());
    assertTrue(unwritable.detail().contains("keygen"), unwritable.detail());
  }

  @Test
  void onAFileSystemWithoutUnixAttributesOrHardLinksTheKeyFileIsMovedIntoPlace() throws Exception {
    // A zip file system has neither owners, modes nor hard links, like some mounts the key file may live on.
    try (FileSystem zip = FileSystems.newFileSystem(home.resolve("keys.zip"), Map.of("create", "true"))) {
      KeyFile file = new KeyFile(zip.getPath("/pyvider/private-state.key"), KeyFileAccess.local());
      String key = KeyRing.newSecret(new SecureRandom());

      KeyFile.Found created = assertInstanceOf(KeyFile.Found.class, file.create(key));

      assertTrue(created.created());
      assertEquals(key + "\n", Files.readString(file.path()));
      try (var entries = Files.list(file.path().getParent())) {
        assertEquals(1, entries.count(), "no temporary file is left behind");
      }
      assertEquals(new KeyFileAccess.Attributes(KeyFileAccess.Kind.REGULAR_FILE, key.length() + 1,
          KeyFileAccess.Attributes.UNKNOWN, KeyFileAccess.Attributes.UNKNOWN), KeyFileAccess.local().attributes(
          file.path()), "owner and mode are unknown there, so never warned about");
      assertEquals(KeyFileAccess.Kind.DIRECTORY, KeyFileAccess.local().attributes(file.path().getParent()).kind());
    }
  }

  @Test
  void aProviderThatLosesTheRaceToCreateTheKeyFileReadsTheWinnersKey() throws Exception {
    // Decided here, not left to thread timing: the winner's file is already in place when the loser publishes its own.
    String winner = KeyRing.newSecret(new SecureRandom());
    Files.createDirectories(defaultKeyFile().getParent());
    Files.writeString(defaultKeyFile(), winner + "\n");
    Files.setPosixFilePermissions(defaultKeyFile(), PosixFilePermissions.fromString("rw-------"));
    KeyFile file = new KeyFile(defaultKeyFile(), KeyFileAccess.local());

    KeyFile.Found read = assertInstanceOf(KeyFile.Found.class, file.create(KeyRing.newSecret(new SecureRandom())));

    assertEquals(winner, read.secret());
    assertFalse(read.created(), "the loser did not create the key it uses");
    assertEquals(winner + "\n", Files.readString(defaultKeyFile()));
    try (var entries = Files.list(defaultKeyFile().getParent())) {
      assertEquals(1, entries.count(), "the loser's temporary file is gone");
    }
  }

  @Test
  void withoutHardLinksTheLoserOfTheRaceAlsoReadsTheWinnersKey() throws Exception {
    try (FileSystem zip = FileSystems.newFileSystem(home.resolve("keys.zip"), Map.of("create", "true"))) {
      KeyFile file = new KeyFile(zip.getPath("/pyvider/private-state.key"), KeyFileAccess.local());
      String winner = KeyRing.newSecret(new SecureRandom());
      assertTrue(assertInstanceOf(KeyFile.Found.class, file.create(winner)).created());

      KeyFile.Found read = assertInstanceOf(KeyFile.Found.class, file.create(KeyRing.newSecret(new SecureRandom())));

      assertEquals(winner, read.secret());
      assertFalse(read.created());
      assertEquals(winner + "\n", Files.readString(file.path()));
    }
  }

  @Test
  void anEmptyKeyFileIsReportedNotOverwritten() throws Exception {
    Files.createDirectories(defaultKeyFile().getParent());
    Files.writeString(defaultKeyFile(), "\n");
    PrivateStateSealer sealer = Sealing.sealer(Map.of("HOME", home.toString()));
    SealResult.Failed failure = assertInstanceOf(SealResult.Failed.class, sealer.seal(TOKEN_STATE, TIMED_TOKEN));
    assertTrue(failure.detail().contains("empty"), failure.detail());
    assertEquals("\n", Files.readString(defaultKeyFile()));
  }
}
