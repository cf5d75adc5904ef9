package io.pyvider.bootstrap.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class HclParserTest {

  @Test
  void a_provider_function_is_a_call_by_its_full_name() {
    Hcl.Call call = (Hcl.Call) HclParser.parseExpression("provider::pyvider::expiry(plantimestamp(), \"1h\")");
    assertEquals("provider::pyvider::expiry", call.name());
    assertEquals(2, call.args().size());
  }

  @Test
  void a_provider_function_name_without_its_arguments_is_refused() {
    assertThrows(RuntimeException.class, () -> HclParser.parseExpression("provider::pyvider::expiry"));
  }
}
