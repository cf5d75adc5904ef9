package io.pyvider.adapters.crypto;

import static io.pyvider.adapters.crypto.Sealing.TIMED_TOKEN;
import static io.pyvider.adapters.crypto.Sealing.TOKEN_STATE;
import static io.pyvider.adapters.crypto.Sealing.failed;
import static io.pyvider.adapters.crypto.Sealing.opened;
import static io.pyvider.adapters.crypto.Sealing.seal;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.pyvider.application.port.out.UnsealFailure;
import io.pyvider.application.port.out.UnsealResult;
import java.util.Arrays;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Changing the shared secret loses nothing as long as the old one is listed as a previous secret. */
class KeyRotationTest {

  private static final String OLD = "the old team secret";
  private static final String NEW = "the new team secret";

  @Test
  void aBlobSealedUnderTheOldSecretOpensAsStaleWhenTheOldSecretIsAPreviousSecret() {
    byte[] blob = seal(Sealing.sealerWithSecret(OLD), TOKEN_STATE);
    PrivateStateSealer rotated = Sealing.sealer(Map.of(KeyRing.SHARED_SECRET, NEW, KeyRing.PREVIOUS_SECRETS, OLD));
    UnsealResult.Opened opened = opened(rotated.unseal(blob, TIMED_TOKEN));
    assertEquals(TOKEN_STATE, opened.data());
    assertTrue(opened.staleKey());
  }

  @Test
  void reSealingAfterRotationUsesTheNewKeyOnly() {
    byte[] blob = seal(Sealing.sealerWithSecret(OLD), TOKEN_STATE);
    PrivateStateSealer rotated = Sealing.sealer(Map.of(KeyRing.SHARED_SECRET, NEW, KeyRing.PREVIOUS_SECRETS, OLD));
    byte[] resealed = seal(rotated, opened(rotated.unseal(blob, TIMED_TOKEN)).data());
    assertArrayEquals(IndependentFormatTwo.keyId(NEW), Arrays.copyOfRange(resealed, 1, 9));
    assertFalse(opened(rotated.unseal(resealed, TIMED_TOKEN)).staleKey());
    assertEquals(UnsealFailure.UNKNOWN_KEY, failed(Sealing.sealerWithSecret(OLD).unseal(resealed, TIMED_TOKEN))
        .reason());
  }

  @Test
  void previousSecretsAreCommaSeparatedWithSurroundingSpaceIgnored() {
    byte[] blob = seal(Sealing.sealerWithSecret(OLD), TOKEN_STATE);
    PrivateStateSealer rotated = Sealing.sealer(Map.of(KeyRing.SHARED_SECRET, NEW,
        KeyRing.PREVIOUS_SECRETS, " first-old ,, " + OLD + " ,third-old"));
    assertTrue(opened(rotated.unseal(blob, TIMED_TOKEN)).staleKey());
  }

  @Test
  void withoutTheOldSecretTheBlobIsAnUnknownKeyAndTheDetailSaysWhatToSet() {
    byte[] blob = seal(Sealing.sealerWithSecret(OLD), TOKEN_STATE);
    UnsealResult.Failed failure = failed(Sealing.sealer(Map.of(KeyRing.SHARED_SECRET, NEW,
        KeyRing.PREVIOUS_SECRETS, "unrelated")).unseal(blob, TIMED_TOKEN));
    assertEquals(UnsealFailure.UNKNOWN_KEY, failure.reason());
    assertTrue(failure.detail().contains("PYVIDER_PRIVATE_STATE_PREVIOUS_SECRETS"), failure.detail());
    for (String secret : new String[] {OLD, NEW, "unrelated"}) {
      assertFalse(failure.detail().contains(secret), failure.detail());
    }
  }

  @Test
  void aBlobOpensWithOnlyTheOldSecretListedAndNoCurrentSecret() {
    byte[] blob = seal(Sealing.sealerWithSecret(OLD), TOKEN_STATE);
    UnsealResult.Opened opened = opened(Sealing.sealer(Map.of(KeyRing.PREVIOUS_SECRETS, OLD)).unseal(blob,
        TIMED_TOKEN));
    assertTrue(opened.staleKey());
  }

  @Test
  void withNoKeyAtAllOpeningReportsNoKey() {
    byte[] blob = seal(Sealing.sealerWithSecret(OLD), TOKEN_STATE);
    UnsealResult.Failed failure = failed(Sealing.sealer(Map.of()).unseal(blob, TIMED_TOKEN));
    assertEquals(UnsealFailure.NO_KEY, failure.reason());
    assertTrue(failure.detail().contains(KeyRing.SHARED_SECRET), failure.detail());
  }
}
