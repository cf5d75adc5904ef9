package io.pyvider.adapters.crypto;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.code_intelligence.jazzer.junit.FuzzTest;
import io.pyvider.application.fuzz.HostileInput;
import io.pyvider.application.port.out.UnsealFailure;
import io.pyvider.application.port.out.UnsealResult;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * Sealed private state as it comes back from a state file: any bytes. The first byte of a corpus file
 * (UnsealFuzzTestInputs/) picks what the rest is.
 *
 * <ul>
 *   <li>Even: a blob, of either format, however truncated or tampered. It opens only if it is one of the genuine blobs
 *       (the Python provider's format-1 vectors, a format-2 blob sealed here); anything else fails with a reason, never
 *       an exception.
 *   <li>Odd: a plaintext, sealed with the current key and opened again, so the decoder behind authentication sees
 *       hostile bytes too: it opens to fields that seal and open again unchanged, or fails as malformed plaintext.
 * </ul>
 */
class UnsealFuzzTest {

  /** Fixed bytes for salts and nonces: an input must replay exactly. */
  private static final SecureRandom FIXED = new SecureRandom() {
    private static final long serialVersionUID = 1L;

    @Override
    public void nextBytes(byte[] bytes) {
      Arrays.fill(bytes, (byte) 7);
    }
  };

  private static final PrivateStateSealer SEALER = new PrivateStateSealer(Sealing.ring(Map.of(
      KeyRing.SHARED_SECRET, "fuzzing shared secret",
      KeyRing.PREVIOUS_SECRETS, "correct horse battery staple, another-shared-secret")), FIXED);
  private static final List<byte[]> GENUINE = genuine();

  @FuzzTest
  void unseal(byte[] input) throws Exception {
    if (input.length == 0) {
      return;
    }
    byte[] rest = Arrays.copyOfRange(input, 1, input.length);
    if (input[0] % 2 == 0) {
      UnsealResult result = HostileInput.decode(rest.length, () -> SEALER.unseal(rest, Sealing.TIMED_TOKEN));
      boolean genuine = rest.length == 0 || GENUINE.stream().anyMatch(blob -> Arrays.equals(blob, rest));
      assertEquals(genuine, result instanceof UnsealResult.Opened, () -> "unsealed to " + result);
      if (result instanceof UnsealResult.Failed failed) {
        assertFalse(failed.detail().isBlank());
      }
    } else {
      byte[] blob = SEALER.sealPlaintext(rest, Sealing.TIMED_TOKEN);
      UnsealResult result = HostileInput.decode(rest.length, () -> SEALER.unseal(blob, Sealing.TIMED_TOKEN));
      if (result instanceof UnsealResult.Opened opened) {
        assertEquals(opened.data(), Sealing.opened(SEALER.unseal(Sealing.seal(SEALER, opened.data()),
            Sealing.TIMED_TOKEN)).data());
      } else {
        assertEquals(UnsealFailure.MALFORMED_PLAINTEXT, ((UnsealResult.Failed) result).reason(), result::toString);
      }
    }
  }

  private static List<byte[]> genuine() {
    try {
      List<byte[]> blobs = new ArrayList<>();
      PythonProviderVectorsTest.vectors().forEach(vector -> blobs.add(vector.blob()));
      blobs.add(Sealing.seal(SEALER, Sealing.TOKEN_STATE));
      blobs.forEach(blob -> assertTrue(SEALER.unseal(blob, Sealing.TIMED_TOKEN) instanceof UnsealResult.Opened));
      return blobs;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
