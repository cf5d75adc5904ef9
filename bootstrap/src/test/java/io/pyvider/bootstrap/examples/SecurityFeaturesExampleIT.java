package io.pyvider.bootstrap.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.pyvider.domain.terraform.cty.Value;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;

/** examples/seed/security-features: a token and an output that says whether it is set. */
class SecurityFeaturesExampleIT extends ExampleReplayLifecycle {

  @Override
  protected String section() {
    return "security-features";
  }

  @Test
  @Order(4)
  void the_availability_output_is_true_and_sensitive_because_it_derives_from_the_token() {
    needsTheApply();
    assertEquals(Value.bool(true), outputValue("token_available"));
    assertTrue(replay.outputs.get("token_available").sensitive());
    assertEquals(Value.bool(true), firstPlan.outputs.get("token_available").value(),
        "known during the plan already: the planned token is refined as not null");
  }
}
