package io.pyvider.adapters.crypto;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import io.pyvider.adapters.crypto.KeyCheck.Verdict;
import io.pyvider.application.port.out.Environment;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What {@code doctor} says about the keys: each combination of a shared secret, previous secrets and the key file's
 * state gets its verdict and one sentence saying what is used and what to do. Looking never creates the key file.
 */
class KeyRingCheckTest {

  private static final String SHARED = "PYVIDER_PRIVATE_STATE_SHARED_SECRET";
  private static final String KEYGEN = "`terraform-provider-pyvider keygen` prints a new secret";
  private static final String STRONG_KEY = "0123456789abcdefghijklmnopqrstuvwxyzABCDEFG";
  private static final String TEAM_SECRET = "the team secret, long enough not to be warned about";
  private static final String PER_USER = " (fine for one person; set " + SHARED + " for a team or CI)";

  @TempDir
  Path home;

  private Path keyFile() {
    return KeyFiles.defaultLocation(home);
  }

  private void writeKeyFile(String content) throws Exception {
    KeyFiles.write(keyFile(), content, "rw-------");
  }

  private KeyCheck check(String... variables) {
    Map<String, String> environment = new HashMap<>();
    environment.put("HOME", home.toString());
    for (int i = 0; i < variables.length; i += 2) {
      environment.put(variables[i], variables[i + 1]);
    }
    return new KeyRing(Environment.of(environment), home, new SecureRandom()).check();
  }

  @Test
  void aSharedSecretAloneIsOk() {
    assertEquals(new KeyCheck(Verdict.OK, "shared secret from " + SHARED), check(SHARED, TEAM_SECRET));
    assertFalse(Files.exists(keyFile()), "doctor never creates the key file");
  }

  @Test
  void previousSecretsAreCountedNeverShown() {
    assertEquals(new KeyCheck(Verdict.OK, "shared secret from " + SHARED + ", 2 previous secret(s) accepted for reading"),
        check(SHARED, TEAM_SECRET, KeyRing.PREVIOUS_SECRETS, "old one, older one"));
  }

  @Test
  void aSharedSecretWithAGoodKeyFileBesideItIsOk() throws Exception {
    writeKeyFile(STRONG_KEY);
    assertEquals(new KeyCheck(Verdict.OK, "shared secret from " + SHARED), check(SHARED, TEAM_SECRET));
  }

  @Test
  void aSharedSecretWithAnUnusableKeyFileWarnsThatStateSealedWithTheFileDoesNotOpen() throws Exception {
    writeKeyFile("\n");
    assertEquals(new KeyCheck(Verdict.WARNING, "shared secret from " + SHARED + "; the key file " + keyFile()
        + " is empty, so state sealed with it does not open"), check(SHARED, TEAM_SECRET));
  }

  @Test
  void aSharedSecretWithAWeakKeyFileWarnsAboutTheFileStillReadForOldState() throws Exception {
    writeKeyFile("hunt2");
    assertEquals(new KeyCheck(Verdict.WARNING, "shared secret from " + SHARED + "; the key file, still read for state "
        + "sealed with it: the key file " + keyFile() + " holds a key of only 5 characters, too short to seal private "
        + "state with (at least 16; `terraform-provider-pyvider keygen` prints a 43-character one)"),
        check(SHARED, TEAM_SECRET));
  }

  @Test
  void aWeakSharedSecretDoesNotHideAnUnusableKeyFileBesideIt() throws Exception {
    writeKeyFile("\n");
    assertEquals(new KeyCheck(Verdict.WARNING, "shared secret from " + SHARED + "; " + SHARED + " is only 6 "
        + "characters long, which a guess can reach (32 or more recommended; `terraform-provider-pyvider keygen` "
        + "prints a new secret of 43 characters); the key file " + keyFile() + " is empty, so state sealed with it "
        + "does not open"), check(SHARED, "hunter"));
  }

  @Test
  void noSecretAndNoPlaceForAKeyFileIsUnusable() {
    KeyCheck nowhere = new KeyRing(Environment.of(Map.of()), home, new SecureRandom()).check();
    assertEquals(new KeyCheck(Verdict.UNUSABLE, "no private-state key is available: " + SHARED + " is not set, and "
        + "neither PYVIDER_PRIVATE_STATE_KEY_FILE, XDG_CONFIG_HOME nor HOME gives a place for a key file; set " + SHARED
        + " (" + KEYGEN + ")"), nowhere);
  }

  @Test
  void anEmptySharedSecretCountsAsUnset() {
    assertEquals(Verdict.OK, check(SHARED, "").verdict());
    assertEquals("no shared secret set: a per-user key file will be created at " + keyFile() + " on first use"
        + PER_USER, check(SHARED, "").detail());
  }

  @Test
  void anUnusableKeyFileWithoutASharedSecretIsUnusableAndSaysWhatToSet() throws Exception {
    writeKeyFile("\n");
    assertEquals(new KeyCheck(Verdict.UNUSABLE, "the key file " + keyFile() + " is empty; set " + SHARED + " (" + KEYGEN
        + "), or point PYVIDER_PRIVATE_STATE_KEY_FILE to a regular file of yours, mode 0600, holding one key, or to a "
        + "writable place where the provider creates one"), check());
  }

  @Test
  void aWeakKeyFileWithoutASharedSecretIsUnusableAndSaysHowToMoveOn() throws Exception {
    writeKeyFile("hunt2");
    assertEquals(new KeyCheck(Verdict.UNUSABLE, "the key file " + keyFile() + " holds a key of only 5 characters, too "
        + "short to seal private state with (at least 16; `terraform-provider-pyvider keygen` prints a 43-character "
        + "one); Move the file aside (the provider then creates a strong key) and list its old key in "
        + "PYVIDER_PRIVATE_STATE_PREVIOUS_SECRETS, or set " + SHARED + " (" + KEYGEN + "; the file then stays a key "
        + "for reading)"), check());
  }

  @Test
  void aShortKeyFileIsUsedWithAWarning() throws Exception {
    writeKeyFile("twenty-characters-ok");
    assertEquals(new KeyCheck(Verdict.WARNING, "the per-user key file is used, but the key file " + keyFile()
        + " holds a key of only 20 characters (32 or more recommended; `terraform-provider-pyvider keygen` prints a "
        + "43-character one)"), check());
  }

  @Test
  void aGoodKeyFileIsOkForOnePerson() throws Exception {
    writeKeyFile(STRONG_KEY + "\n");
    assertEquals(new KeyCheck(Verdict.OK, "no shared secret set: the per-user key file " + keyFile() + " is used"
        + PER_USER + ", 1 previous secret(s) accepted for reading"), check(KeyRing.PREVIOUS_SECRETS, "old one"));
  }

  @Test
  void anAbsentKeyFileIsOkAndWillBeCreatedOnFirstUseNotByLooking() {
    assertEquals(new KeyCheck(Verdict.OK, "no shared secret set: a per-user key file will be created at " + keyFile()
        + " on first use" + PER_USER), check());
    assertFalse(Files.exists(keyFile()));
  }
}
