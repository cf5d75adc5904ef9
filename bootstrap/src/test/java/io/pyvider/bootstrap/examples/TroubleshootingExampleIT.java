package io.pyvider.bootstrap.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.pyvider.domain.terraform.cty.Value;
import java.util.Map;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;

/** examples/seed/troubleshooting: the debugging outputs, over the two tokens they refer to. */
class TroubleshootingExampleIT extends ExampleReplayLifecycle {

  @Override
  protected String section() {
    return "troubleshooting";
  }

  @Test
  @Order(4)
  void the_debug_outputs_report_set_values_and_are_sensitive() {
    needsTheApply();
    assertEquals(Value.ObjectVal.of(Map.of("token_exists", Value.bool(true), "id_exists", Value.bool(true),
        "name", Value.string("debug-token"))), outputValue("token_debug"));
    assertEquals(Value.ObjectVal.of(Map.of("available", Value.bool(true), "has_expiration", Value.bool(true))),
        outputValue("token_status"));
    assertTrue(replay.outputs.get("token_debug").sensitive());
    assertTrue(replay.outputs.get("token_status").sensitive());
  }
}
