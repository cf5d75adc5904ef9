package io.pyvider.adapters.crypto;

import static io.pyvider.adapters.crypto.Sealing.TIMED_TOKEN;
import static io.pyvider.adapters.crypto.Sealing.TOKEN_STATE;
import static io.pyvider.adapters.crypto.Sealing.failed;
import static io.pyvider.adapters.crypto.Sealing.opened;
import static io.pyvider.adapters.crypto.Sealing.seal;
import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.pyvider.application.port.out.Environment;
import io.pyvider.application.port.out.SealResult;
import io.pyvider.application.port.out.UnsealFailure;
import io.pyvider.application.port.out.UnsealResult;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * A key file that others can read, that is weak, garbage, a link out of its directory, a FIFO or a device: exposed or
 * weak keys are used with a warning (state must not be lost over a chmod), unusable ones are refused with a sentence
 * naming the file, and no message ever holds the key.
 */
class KeyFileHygieneTest {

  private static final String STRONG_KEY = KeyRing.newSecret(new SecureRandom());

  @TempDir
  Path home;

  private Path keyFile() {
    return KeyFiles.defaultLocation(home);
  }

  private Map<String, String> environment() {
    return Map.of("HOME", home.toString());
  }

  private Path writeKeyFile(String content, String mode) throws Exception {
    return KeyFiles.write(keyFile(), content, mode);
  }

  private Path writeKeyFile(byte[] content, String mode) throws Exception {
    return KeyFiles.write(keyFile(), content, mode);
  }

  /** Seals with a fresh ring over the key file, which must fail: the failure's detail. */
  private static String sealingFailure(Map<String, String> environment) {
    SealResult result = Sealing.sealer(environment).seal(TOKEN_STATE, TIMED_TOKEN);
    return assertInstanceOf(SealResult.Failed.class, result, () -> "sealed despite the key file").detail();
  }

  private static void assertHoldsNoKey(String text, String key) {
    assertFalse(text.contains(key), "a message holds the key");
  }

  @Test
  void aWorldReadableKeyFileKeepsWorkingButTheLogSaysWhoCanReadItAndHowToFixIt() throws Exception {
    byte[] blob = seal(Sealing.sealerWithSecret(STRONG_KEY), TOKEN_STATE);
    writeKeyFile(STRONG_KEY + "\n", "rw-r--r--");
    KeyRing ring = Sealing.ring(environment());
    PrivateStateSealer sealer = Sealing.sealer(ring);
    assertFalse(opened(sealer.unseal(blob, TIMED_TOKEN)).staleKey(), "state sealed with the exposed key opens");
    seal(sealer, TOKEN_STATE);
    String warning = ring.takeKeyNotices().orElseThrow(() -> new AssertionError("no warning for mode 0644"));
    assertTrue(warning.contains(keyFile().toString()), warning);
    assertTrue(warning.contains("0644"), warning);
    assertTrue(warning.contains("chmod 600"), warning);
    assertHoldsNoKey(warning, STRONG_KEY);
    assertEquals("rw-r--r--", PosixFilePermissions.toString(Files.getPosixFilePermissions(keyFile())),
        "the provider warns; it does not change the user's file");
  }

  @Test
  void aGroupWritableKeyFileIsWarnedAboutAsReplaceable() throws Exception {
    writeKeyFile(STRONG_KEY, "rw--w----");
    KeyRing ring = Sealing.ring(environment());
    seal(Sealing.sealer(ring), TOKEN_STATE);
    String warning = ring.takeKeyNotices().orElseThrow(() -> new AssertionError("no warning for mode 0620"));
    assertTrue(warning.contains("replace"), warning);
  }

  @Test
  void aFiveByteKeyIsRefusedForSealingButStillOpensTheStateItSealed() throws Exception {
    String weak = "hunt2";
    byte[] blob = seal(Sealing.sealerWithSecret(weak), TOKEN_STATE);
    writeKeyFile(weak + "\n", "rw-------");
    String detail = sealingFailure(environment());
    assertHoldsNoKey(detail, weak);
    assertTrue(detail.contains(keyFile().toString()), detail);
    assertTrue(detail.contains("5 characters"), detail);
    assertTrue(detail.contains("keygen"), detail);
    UnsealResult.Opened opened = opened(Sealing.sealer(environment()).unseal(blob, TIMED_TOKEN));
    assertEquals(TOKEN_STATE, opened.data());
    assertFalse(opened.staleKey(), "not stale: re-sealing it could only fail");
    assertEquals(weak + "\n", Files.readString(keyFile()), "a refused key file is never overwritten");
  }

  @Test
  void aShortButUsableKeyIsUsedWithAWarning() throws Exception {
    String short20 = "twenty-characters-ok";
    writeKeyFile(short20, "rw-------");
    KeyRing ring = Sealing.ring(environment());
    seal(Sealing.sealer(ring), TOKEN_STATE);
    String warning = ring.takeKeyNotices().orElseThrow(() -> new AssertionError("no warning for a short key"));
    assertTrue(warning.contains("20 characters"), warning);
    assertHoldsNoKey(warning, short20);
  }

  @Test
  void aShortSharedSecretStillSealsButTheLogAndDoctorSayItIsWeak() throws Exception {
    String weak = "letmein";
    Map<String, String> environment = Map.of("HOME", home.toString(), KeyRing.SHARED_SECRET, weak);
    KeyRing ring = Sealing.ring(environment);
    byte[] blob = seal(Sealing.sealer(ring), TOKEN_STATE);
    assertEquals(TOKEN_STATE, opened(Sealing.sealer(environment).unseal(blob, TIMED_TOKEN)).data(),
        "refusing it would strand every state sealed with it");
    String warning = ring.takeKeyNotices().orElseThrow(() -> new AssertionError("a 7-character secret used silently"));
    assertTrue(warning.contains(KeyRing.SHARED_SECRET + " is only 7 characters"), warning);
    assertTrue(warning.contains("keygen"), warning);
    assertHoldsNoKey(warning, weak);
    KeyCheck check = Sealing.ring(environment).check();
    assertEquals(KeyCheck.Verdict.WARNING, check.verdict(), check::toString);
    assertTrue(check.detail().contains("7 characters"), check::toString);
    assertHoldsNoKey(check.detail(), weak);
  }

  @Test
  void aSharedSecretAsLongAsAGeneratedOneIsNotWarnedAbout() {
    Map<String, String> environment = Map.of("HOME", home.toString(), KeyRing.SHARED_SECRET, STRONG_KEY);
    KeyRing ring = Sealing.ring(environment);
    seal(Sealing.sealer(ring), TOKEN_STATE);
    assertEquals(java.util.Optional.empty(), ring.takeKeyNotices());
    assertEquals(KeyCheck.Verdict.OK, Sealing.ring(environment).check().verdict());
  }

  @Test
  void binaryGarbageIsRefusedAsNotAKey() throws Exception {
    String garbage = "PK\u0003\u0004\u0000\u0000garbage-that-is-long-enough-to-pass";
    writeKeyFile(garbage, "rw-------");
    String detail = sealingFailure(environment());
    assertHoldsNoKey(detail, "garbage-that-is-long-enough-to-pass");
    assertTrue(detail.contains(keyFile().toString()), detail);
    assertTrue(detail.contains("control characters"), detail);
    assertEquals(garbage, Files.readString(keyFile()));
  }

  @Test
  void bytesThatAreNotUtf8AreRefusedAsNotText() throws Exception {
    writeKeyFile(new byte[] {(byte) 0xff, (byte) 0xfe, 'k', 'e', 'y'}, "rw-------");
    String detail = sealingFailure(environment());
    assertTrue(detail.contains("not UTF-8 text"), detail);
  }

  @Test
  void aSymlinkLeavingTheKeysDirectoryIsRefusedAndNamesWhereItPoints() throws Exception {
    Path elsewhere = Files.writeString(Files.createDirectory(home.resolve("dotfiles")).resolve("key"), STRONG_KEY);
    Files.setPosixFilePermissions(elsewhere, PosixFilePermissions.fromString("rw-------"));
    Files.createDirectories(keyFile().getParent());
    Files.createSymbolicLink(keyFile(), elsewhere);
    String detail = sealingFailure(environment());
    assertHoldsNoKey(detail, STRONG_KEY);
    assertTrue(detail.contains("symbolic link"), detail);
    assertTrue(detail.contains(elsewhere.toRealPath().toString()), detail);
    assertTrue(Files.isSymbolicLink(keyFile()), "the link is left alone");
  }

  @Test
  void aSymlinkStayingInsideTheKeysDirectoryIsFollowedLikeAMountedSecret() throws Exception {
    // Kubernetes mounts a secret as key -> ..data/key, ..data -> ..2026_01_15/: every link stays in the directory.
    Path versions = Files.createDirectories(keyFile().getParent().resolve("..2026_01_15"));
    Path target = Files.writeString(versions.resolve("private-state.key"), STRONG_KEY);
    Files.setPosixFilePermissions(target, PosixFilePermissions.fromString("rw-------"));
    Files.createSymbolicLink(keyFile().getParent().resolve("..data"), versions.getFileName());
    Files.createSymbolicLink(keyFile(), Path.of("..data/private-state.key"));
    KeyRing ring = Sealing.ring(environment());
    byte[] blob = seal(Sealing.sealer(ring), TOKEN_STATE);
    assertFalse(opened(Sealing.sealerWithSecret(STRONG_KEY).unseal(blob, TIMED_TOKEN)).staleKey());
    assertEquals(java.util.Optional.empty(), ring.takeKeyNotices(), "nothing to warn about");
  }

  @Test
  void aDanglingSymlinkIsRefusedNotReplacedByANewKey() throws Exception {
    Files.createDirectories(keyFile().getParent());
    Files.createSymbolicLink(keyFile(), home.resolve("gone"));
    String detail = sealingFailure(environment());
    assertTrue(detail.contains("does not exist"), detail);
    assertFalse(Files.exists(home.resolve("gone")), "nothing was created through the link");
  }

  // A regression would block forever in open(2): the timeout turns that hang into a failure; it measures nothing.
  @Test
  @Timeout(value = 60, unit = TimeUnit.SECONDS, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
  void aFifoIsRefusedWithoutBeingOpenedSoNothingHangs() throws Exception {
    Files.createDirectories(keyFile().getParent());
    Process mkfifo = new ProcessBuilder("mkfifo", keyFile().toString()).inheritIO().start();
    assertEquals(0, mkfifo.waitFor());
    String detail = sealingFailure(environment());
    assertTrue(detail.contains("named pipe"), detail);
    byte[] blob = seal(Sealing.sealerWithSecret(STRONG_KEY), TOKEN_STATE);
    UnsealResult.Failed failure = failed(Sealing.sealer(environment()).unseal(blob, TIMED_TOKEN));
    assertEquals(UnsealFailure.NO_KEY, failure.reason());
    assertTrue(failure.detail().contains("named pipe"), failure.detail());
  }

  @Test
  void aKeyFilePathNamingDevZeroIsRefusedUnread() {
    String detail = sealingFailure(Map.of(KeyFile.KEY_FILE_VARIABLE, "/dev/zero"));
    assertTrue(detail.contains("/dev/zero"), detail);
    assertTrue(detail.contains("character device"), detail);
  }

  @Test
  void aKeyFileLargerThanAnyKeyIsRefusedUnread() throws Exception {
    writeKeyFile("k".repeat(5000), "rw-------");
    String detail = sealingFailure(environment());
    assertHoldsNoKey(detail, "k".repeat(64));
    assertTrue(detail.contains("5000 bytes"), detail);
  }

  @Test
  void aDirectoryInPlaceOfTheKeyFileIsRefused() throws Exception {
    Files.createDirectories(keyFile());
    String detail = sealingFailure(environment());
    assertTrue(detail.contains("a directory"), detail);
  }

  @ParameterizedTest(name = "mode {0}")
  @CsvSource(delimiter = '|', value = {
      "rw-r----- | 0640 | other users can read it and open the private state sealed with it",
      "rw----r-- | 0604 | other users can read it and open the private state sealed with it",
      "rw--w---- | 0620 | other users can replace it",
      "rw-----w- | 0602 | other users can replace it",
      "rw-rw---- | 0660 | other users can read it (and open the private state sealed with it) and replace it",
      "rw---x--- | 0610 | it grants other users access"})
  void theWarningAboutAModeSaysExactlyWhatOthersCanDo(String mode, String octal, String exposure) throws Exception {
    writeKeyFile(STRONG_KEY, mode);
    KeyFile.Found found = assertInstanceOf(KeyFile.Found.class, new KeyFile(keyFile(), KeyFileAccess.local()).read());
    assertEquals(List.of("the key file " + keyFile() + " has mode " + octal + ", so " + exposure + "; run `chmod 600 "
        + keyFile() + "`"), found.warnings());
    assertEquals(Optional.empty(), found.tooWeakToSeal());
  }

  @ParameterizedTest(name = "{0} characters")
  @CsvSource({"15, true, false", "16, false, true", "31, false, true", "32, false, false"})
  void sixteenCharactersSealWithAWarningAndThirtyTwoWithout(int length, boolean tooWeak, boolean warned)
      throws Exception {
    writeKeyFile("k".repeat(length), "rw-------");
    KeyFile.Found found = assertInstanceOf(KeyFile.Found.class, new KeyFile(keyFile(), KeyFileAccess.local()).read());
    assertEquals(tooWeak, found.tooWeakToSeal().isPresent());
    assertEquals(warned, !found.warnings().isEmpty());
    assertEquals("k".repeat(length), found.secret());
  }

  @Test
  void aKeyFileOfExactlyTheLimitIsReadAndOneByteMoreIsNot() throws Exception {
    writeKeyFile("k".repeat(KeyFile.MAX_BYTES), "rw-------");
    assertInstanceOf(KeyFile.Found.class, new KeyFile(keyFile(), KeyFileAccess.local()).read());
    writeKeyFile("k".repeat(KeyFile.MAX_BYTES + 1), "rw-------");
    assertEquals(new KeyFile.Refused("the key file " + keyFile() + " is 4097 bytes long, more than any key file (at "
        + "most 4096 bytes): it is not a key file"), new KeyFile(keyFile(), KeyFileAccess.local()).read());
  }

  @Test
  void aFileThatGrowsBetweenTheLookAndTheReadIsRefused() throws Exception {
    Path file = writeKeyFile(STRONG_KEY, "rw-------");
    KeyFileAccess growing = new CountingKeyFileAccess() {
      @Override
      public byte[] readAtMost(Path path, int limit) {
        return "k".repeat(limit).getBytes(UTF_8);
      }
    };
    assertEquals(new KeyFile.Refused("the key file " + file + " grew past 4096 bytes while it was read: it is not a "
        + "key file"), new KeyFile(file, growing).read());
  }

  @Test
  void theBytesReadAreWipedOnceJudged() throws Exception {
    Path file = writeKeyFile(STRONG_KEY, "rw-------");
    List<byte[]> handedOut = new ArrayList<>();
    KeyFileAccess remembering = new CountingKeyFileAccess() {
      @Override
      public byte[] readAtMost(Path path, int limit) throws IOException {
        byte[] bytes = super.readAtMost(path, limit);
        handedOut.add(bytes);
        return bytes;
      }
    };
    KeyFile.Found found = assertInstanceOf(KeyFile.Found.class, new KeyFile(file, remembering).read());
    assertEquals(STRONG_KEY, found.secret());
    assertArrayEquals(new byte[STRONG_KEY.length()], handedOut.get(0));
  }

  @Test
  void aFoundKeyPrintsWhatIsWrongWithItButNotTheKey() throws Exception {
    writeKeyFile("twenty-characters-ok", "rw-r--r--");
    assertEquals("KeyFile.Found[created=false, 2 warning(s), weak=false, secret redacted]",
        new KeyFile(keyFile(), KeyFileAccess.local()).read().toString());
    assertEquals("KeyFile.Absent", KeyFile.Loaded.ABSENT.toString());
  }

  @Test
  void aKeyFileOfAnotherUserIsUsedWithAWarningThatNamesBothUsers() throws Exception {
    writeKeyFile(STRONG_KEY, "rw-------");
    KeyRing ring = new KeyRing(Environment.of(environment()), home, new SecureRandom(),
        CountingKeyFileAccess.asAnotherUser());
    byte[] blob = seal(Sealing.sealer(ring), TOKEN_STATE);
    assertFalse(opened(Sealing.sealerWithSecret(STRONG_KEY).unseal(blob, TIMED_TOKEN)).staleKey());
    String warning = ring.takeKeyNotices().orElseThrow(() -> new AssertionError("no warning for the owner"));
    assertTrue(warning.contains("belongs to another user"), warning);
    assertHoldsNoKey(warning, STRONG_KEY);
  }
}
