package io.pyvider.bootstrap.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.pyvider.domain.terraform.cty.Value;
import org.junit.jupiter.api.Test;

/**
 * jsonencode against Terraform's own vectors (internal/lang/functions_test.go) and Go's encoding/json rules that the
 * examples' values reach (HTML-safe escaping, control characters, U+2028/2029, sorted keys, numbers).
 */
class JsonEncodeTest {

  private static String json(String hcl) {
    return ((Value.Str) Functions.jsonencode(EvaluatorTest.evaluate(hcl).value())).value();
  }

  @Test
  void terraform_function_tests() {
    assertEquals("{\"hello\":\"world\"}", json("{\"hello\"=\"world\"}"));
    // "We are intentionally choosing to escape <, >, and & characters to preserve backwards compatibility"
    assertEquals("{\"hello\":\"\\u003ccats \\u0026 kittens\\u003e\"}", json("{\"hello\"=\"<cats & kittens>\"}"));
  }

  @Test
  void objects_are_compact_with_keys_sorted_by_utf8_bytes() {
    assertEquals("{\"B\":true,\"a\":[1,\"x\",null],\"b\":{\"c\":0.5,\"d\":-2}}",
        json("{ b = { d = -2, c = 0.50 }, a = [1, \"x\", null], B = true }"));
    assertEquals("[]", json("[]"));
    assertEquals("{}", json("{}"));
    assertEquals("null", json("null"));
    assertEquals("\"s\"", json("\"s\""));
  }

  @Test
  void strings_escape_as_go_encoding_json() {
    assertEquals("\"q\\\" b\\\\ n\\n r\\r t\\t\"", json("\"q\\\" b\\\\ n\\n r\\r t\\t\""));
    assertEquals("\"\\u0001 \\u001f\"", json("\"\\u0001 \\u001f\""));
    assertEquals("\"\\b\\f\"", json("\"\\u0008\\u000c\"")); // Go 1.22+ short escapes
    assertEquals("\"\\u2028\\u2029\"", json("\"\\u2028\\u2029\""));
    assertEquals("\"\u2705 caf\u00e9 \u007f $USER {token}\"", json("\"\u2705 caf\u00e9 \u007f $USER {token}\""));
  }

  @Test
  void numbers_are_plain_decimals() {
    assertEquals("[30,0,1000,0.001,123456789012345678901234567890]",
        json("[30, 0.0, 1e3, 0.001, 123456789012345678901234567890]"));
  }
}
