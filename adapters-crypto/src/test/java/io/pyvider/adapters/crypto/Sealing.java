package io.pyvider.adapters.crypto;

import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import io.pyvider.application.port.out.Environment;
import io.pyvider.application.port.out.PrivateData;
import io.pyvider.application.port.out.SealResult;
import io.pyvider.application.port.out.SealingContext;
import io.pyvider.application.port.out.StateSealer;
import io.pyvider.application.port.out.UnsealResult;
import java.security.SecureRandom;
import java.util.Map;

/** Test helpers: sealers over fixed environments, and unwrapping of results with readable failures. */
final class Sealing {

  static final SealingContext TIMED_TOKEN = new SealingContext("pyvider_timed_token");
  static final PrivateData TOKEN_STATE = PrivateData.of(Map.of(
      "token", "token-0b7f5a9e-3c1d-4e2f-8a6b-9c0d1e2f3a4b", "expires_at", "2026-01-15T14:30:00.000000+00:00"));

  private Sealing() {}

  static KeyRing ring(Map<String, String> environment) {
    return new KeyRing(Environment.of(environment), new SecureRandom());
  }

  static PrivateStateSealer sealer(KeyRing ring) {
    return new PrivateStateSealer(ring, new SecureRandom());
  }

  static PrivateStateSealer sealer(Map<String, String> environment) {
    return sealer(ring(environment));
  }

  static PrivateStateSealer sealerWithSecret(String secret) {
    return sealer(Map.of(KeyRing.SHARED_SECRET, secret));
  }

  static byte[] seal(StateSealer sealer, PrivateData data) {
    return seal(sealer, data, TIMED_TOKEN);
  }

  static byte[] seal(StateSealer sealer, PrivateData data, SealingContext context) {
    return assertInstanceOf(SealResult.Sealed.class, sealer.seal(data, context)).blob();
  }

  static UnsealResult.Opened opened(UnsealResult result) {
    return assertInstanceOf(UnsealResult.Opened.class, result, () -> "expected to open, got " + result);
  }

  static UnsealResult.Failed failed(UnsealResult result) {
    return assertInstanceOf(UnsealResult.Failed.class, result, () -> "expected a failure, got " + result);
  }
}
