package io.pyvider.bootstrap.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.pyvider.domain.terraform.cty.Value;
import java.util.List;

/**
 * Proves that a state's private bytes still hold the token: in a fresh process, ReadResource of the same object with
 * a decoy in the public {@code token} must bring the real token back from the sealed copy, without a warning.
 */
final class PrivateStateProbe {

  static final String DECOY = "token-00000000-0000-4000-8000-000000000000";

  private PrivateStateProbe() {
  }

  static void assertHoldsToken(TerraformSimulator terraform, ResourceState state) {
    assertTrue(state.privateBytes().length > 0, "private state is empty: the sealed copy of the token was dropped");
    try (Walk probe = terraform.walk("private-state probe")) {
      ResourceState read = probe.read(state.with("token", Value.string(DECOY)));
      assertEquals(List.of(), probe.warnings(), "the private state did not open");
      assertEquals(state.get("token"), read.get("token"), "the private state does not hold this token");
      assertEquals(state.get("expires_at"), read.get("expires_at"), "the private state does not hold this expiry");
    }
  }
}
