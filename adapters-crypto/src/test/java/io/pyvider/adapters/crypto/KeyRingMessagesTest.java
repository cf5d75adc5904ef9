package io.pyvider.adapters.crypto;

import static io.pyvider.adapters.crypto.Sealing.TIMED_TOKEN;
import static io.pyvider.adapters.crypto.Sealing.TOKEN_STATE;
import static io.pyvider.adapters.crypto.Sealing.failed;
import static io.pyvider.adapters.crypto.Sealing.seal;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import io.pyvider.application.port.out.Environment;
import io.pyvider.application.port.out.SealResult;
import io.pyvider.application.port.out.UnsealFailure;
import io.pyvider.application.port.out.UnsealResult;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The sentences the ring hands out when a blob does not open or the key file is not used: every key id with where it
 * came from (in the order keys are tried), what is wrong with the key file, and what to set. Key ids come from an
 * independent HMAC, never from the ring.
 */
class KeyRingMessagesTest {

  private static final String SHARED = "PYVIDER_PRIVATE_STATE_SHARED_SECRET";
  private static final String PREVIOUS = "PYVIDER_PRIVATE_STATE_PREVIOUS_SECRETS";
  private static final String CURRENT = "the current team secret that is long enough not to be warned about";
  private static final String FILE_KEY = "0123456789abcdefghijklmnopqrstuvwxyzABCDEFG";

  @TempDir
  Path home;

  private Path keyFile() {
    return KeyFiles.defaultLocation(home);
  }

  private void writeKeyFile(String content) throws Exception {
    KeyFiles.write(keyFile(), content, "rw-------");
  }

  private static String id(String secret) {
    return HexFormat.of().formatHex(IndependentFormatTwo.keyId(secret));
  }

  private KeyRing ring(Map<String, String> variables) {
    return new KeyRing(Environment.of(variables), home, new SecureRandom());
  }

  private static UnsealResult.Failed openForeignBlob(KeyRing ring) {
    byte[] foreign = seal(Sealing.sealerWithSecret("a secret nobody listed"), TOKEN_STATE);
    return failed(Sealing.sealer(ring).unseal(foreign, TIMED_TOKEN));
  }

  @Test
  void anUnknownKeyListsEveryKeyOfTheRingWithItsSourceAndSkipsRepeatedSecrets() throws Exception {
    writeKeyFile(FILE_KEY + "\n");
    UnsealResult.Failed failure = openForeignBlob(ring(Map.of("HOME", home.toString(), SHARED, CURRENT,
        PREVIOUS, " first old , " + CURRENT + ",,third old ")));

    assertEquals(UnsealFailure.UNKNOWN_KEY, failure.reason());
    assertEquals("the private state was sealed with key id " + id("a secret nobody listed") + ", which is not in the "
        + "key ring (it holds " + id(CURRENT) + " (" + SHARED + "), " + id("first old") + " (" + PREVIOUS + " entry 1), "
        + id("third old") + " (" + PREVIOUS + " entry 4), " + id(FILE_KEY) + " (key file " + keyFile() + ")); add the "
        + "secret it was sealed with to " + PREVIOUS + " (comma-separated)", failure.detail());
  }

  @Test
  void aKeyFileHoldingTheSharedSecretIsListedOnce() throws Exception {
    writeKeyFile(CURRENT);
    UnsealResult.Failed failure = openForeignBlob(ring(Map.of("HOME", home.toString(), SHARED, CURRENT)));

    assertEquals("the private state was sealed with key id " + id("a secret nobody listed") + ", which is not in the "
        + "key ring (it holds " + id(CURRENT) + " (" + SHARED + ")); add the secret it was sealed with to " + PREVIOUS
        + " (comma-separated)", failure.detail());
  }

  @Test
  void aRefusedKeyFileIsNamedAfterTheKeysAndLoggedOnceAsNotUsed() throws Exception {
    writeKeyFile("\n");
    KeyRing ring = ring(Map.of("HOME", home.toString(), SHARED, CURRENT));

    UnsealResult.Failed failure = openForeignBlob(ring);

    assertEquals("the private state was sealed with key id " + id("a secret nobody listed") + ", which is not in the "
        + "key ring (it holds " + id(CURRENT) + " (" + SHARED + "); the key file " + keyFile() + " is empty); add the "
        + "secret it was sealed with to " + PREVIOUS + " (comma-separated)", failure.detail());
    assertEquals(Optional.of("The private-state key file is not used: the key file " + keyFile() + " is empty."),
        ring.takeKeyNotices());
  }

  @Test
  void aRefusedKeyFileMetWhileSealingIsTheSealsErrorNotANotice() throws Exception {
    writeKeyFile("\n");
    KeyRing ring = ring(Map.of("HOME", home.toString()));

    SealResult.Failed failure = assertInstanceOf(SealResult.Failed.class,
        Sealing.sealer(ring).seal(TOKEN_STATE, TIMED_TOKEN));

    assertEquals("cannot seal the private state of pyvider_timed_token: no usable private-state key: " + SHARED
        + " is not set and the key file " + keyFile() + " is empty; set " + SHARED + " (`terraform-provider-pyvider "
        + "keygen` prints a new secret), or point PYVIDER_PRIVATE_STATE_KEY_FILE to a regular file of yours, mode "
        + "0600, holding one key, or to a writable place where the provider creates one", failure.detail());
    assertEquals(Optional.empty(), ring.takeKeyNotices());
  }

  @Test
  void aWeakKeyFileReadForOldStateIsLoggedWithWhatToDo() throws Exception {
    writeKeyFile("hunt2");
    KeyRing ring = ring(Map.of("HOME", home.toString(), SHARED, CURRENT));

    openForeignBlob(ring);

    assertEquals(Optional.of("The private-state key file is used, but the key file " + keyFile() + " holds a key of "
        + "only 5 characters, too short to seal private state with (at least 16; `terraform-provider-pyvider keygen` "
        + "prints a 43-character one). State sealed with it stays readable; fix the file, or set " + SHARED
        + " (`terraform-provider-pyvider keygen` prints a new secret)."), ring.takeKeyNotices());
  }

  @Test
  void withNoKeyTheAdviceSaysWhyTheKeyFileDidNotHelp() throws Exception {
    String absent = failed(Sealing.sealer(ring(Map.of("HOME", home.toString())))
        .unseal(seal(Sealing.sealerWithSecret(CURRENT), TOKEN_STATE), TIMED_TOKEN)).detail();
    assertEquals("no private-state key is available to open the sealed private state: " + SHARED + " is not set and "
        + "the key file " + keyFile() + " does not exist; set " + SHARED + " to the secret the state was sealed with",
        absent);

    String nowhere = failed(Sealing.sealer(ring(Map.of()))
        .unseal(seal(Sealing.sealerWithSecret(CURRENT), TOKEN_STATE), TIMED_TOKEN)).detail();
    assertEquals("no private-state key is available to open the sealed private state: " + SHARED + " is not set and "
        + "no key file location is known (HOME is not set); set " + SHARED + " to the secret the state was sealed with",
        nowhere);

    writeKeyFile("\n");
    String refused = failed(Sealing.sealer(ring(Map.of("HOME", home.toString())))
        .unseal(seal(Sealing.sealerWithSecret(CURRENT), TOKEN_STATE), TIMED_TOKEN)).detail();
    assertEquals("no private-state key is available to open the sealed private state: " + SHARED + " is not set and "
        + "the key file " + keyFile() + " is empty; set " + SHARED + " to the secret the state was sealed with", refused);
  }

  @Test
  void aFormatOneBlobWithNoKeyAtAllGetsTheSameAdvice() throws Exception {
    byte[] formatOne = PythonProviderVectorsTest.vectors().get(0).blob();
    UnsealResult.Failed failure = failed(Sealing.sealer(ring(Map.of())).unseal(formatOne, TIMED_TOKEN));
    assertEquals(UnsealFailure.NO_KEY, failure.reason());
    assertEquals("no private-state key is available to open the sealed private state: " + SHARED + " is not set and "
        + "no key file location is known (HOME is not set); set " + SHARED + " to the secret the state was sealed with",
        failure.detail());
  }

  @Test
  void aKeyFileThatCannotBeLookedAtIsRefusedWithTheExceptionNamedNotItsContent() {
    Path location = home.resolve("key");
    Map<String, String> variables = Map.of(KeyFile.KEY_FILE_VARIABLE, location.toString());
    KeyRing reading = new KeyRing(Environment.of(variables), home, new SecureRandom(), failingAccess(null));
    assertEquals(new KeyCheck(KeyCheck.Verdict.UNUSABLE, "the key file " + location + " could not be read "
        + "(IOException); set " + SHARED + " (`terraform-provider-pyvider keygen` prints a new secret), or point "
        + "PYVIDER_PRIVATE_STATE_KEY_FILE to a regular file of yours, mode 0600, holding one key, or to a writable "
        + "place where the provider creates one"), reading.check());

    KeyRing sealing = new KeyRing(Environment.of(variables), home, new SecureRandom(), failingAccess("disk on fire"));
    SealResult.Failed failure = assertInstanceOf(SealResult.Failed.class,
        Sealing.sealer(sealing).seal(TOKEN_STATE, TIMED_TOKEN));
    assertEquals("cannot seal the private state of pyvider_timed_token: no usable private-state key: " + SHARED
        + " is not set and the key file " + location + " could not be read or created (IOException: disk on fire); "
        + "set " + SHARED + " (`terraform-provider-pyvider keygen` prints a new secret), or point "
        + "PYVIDER_PRIVATE_STATE_KEY_FILE to a regular file of yours, mode 0600, holding one key, or to a writable "
        + "place where the provider creates one", failure.detail());
  }

  @Test
  void aBlankKeyFileVariableIsIgnored() {
    KeyCheck check = ring(Map.of("HOME", home.toString(), KeyFile.KEY_FILE_VARIABLE, "  ")).check();
    assertEquals("no shared secret set: a per-user key file will be created at " + keyFile() + " on first use (fine "
        + "for one person; set " + SHARED + " for a team or CI)", check.detail());
  }

  @Test
  void aSharedSecretOf32CharactersIsLongEnoughAndOneOf31IsLoggedAsGuessable() {
    KeyRing strong = ring(Map.of(SHARED, "s".repeat(32)));
    strong.check();
    assertEquals(Optional.empty(), strong.takeKeyNotices());

    KeyRing weak = ring(Map.of(SHARED, "s".repeat(31)));
    weak.check();
    assertEquals(Optional.of("The private-state shared secret is used, but " + SHARED + " is only 31 characters "
        + "long, which a guess can reach (32 or more recommended; `terraform-provider-pyvider keygen` prints a new "
        + "secret of 43 characters)."), weak.takeKeyNotices());
  }

  @Test
  void theRingPrintsNoKeyIdAndNoSecret() {
    assertEquals("KeyRing[secrets redacted]", ring(Map.of(SHARED, CURRENT)).toString());
  }

  /** A file system on which every look at the key file fails with an IOException carrying {@code message}. */
  private static KeyFileAccess failingAccess(String message) {
    return new KeyFileAccess() {
      @Override
      public Attributes attributes(Path path) throws IOException {
        throw new IOException(message);
      }

      @Override
      public Path realPath(Path path) throws IOException {
        throw new IOException(message);
      }

      @Override
      public byte[] readAtMost(Path path, int limit) throws IOException {
        throw new IOException(message);
      }

      @Override
      public long currentUserId() {
        return Attributes.UNKNOWN;
      }
    };
  }
}
