package io.pyvider.bootstrap.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.pyvider.domain.terraform.cty.Value;
import org.junit.jupiter.api.Test;

/**
 * The YAML port against outputs Terraform (or the same emitter in OpenTofu) is known to produce: go-cty-yaml's own
 * encode tests (encode_test.go, cty_funcs_test.go), Terraform's function tests and documentation
 * (internal/lang/functions_test.go, website yamlencode page), and outputs users pasted into issues.
 */
class YamlEncodeTest {

  private static String yaml(String hcl) {
    return ((Value.Str) Functions.yamlencode(EvaluatorTest.evaluate(hcl).value())).value();
  }

  @Test
  void scalars_follow_go_cty_yaml_encode_test() {
    assertEquals("true\n...\n", yaml("true"));
    assertEquals("0\n...\n", yaml("0"));
    assertEquals("null\n...\n", yaml("null"));
    assertEquals("\"\"\n", yaml("\"\""));
    assertEquals("\"hello\"\n", yaml("\"hello\""));
    assertEquals("\"true\"\n", yaml("\"true\"")); // cty_funcs_test.go: a string that looks like a bool
    assertEquals("|-\n  hello\n  world\n", yaml("\"hello\\nworld\""));
  }

  @Test
  void collections_follow_go_cty_yaml_encode_test() {
    assertEquals("{}\n", yaml("{}"));
    assertEquals("\"a\": \"b\"\n", yaml("{ a = \"b\" }"));
    assertEquals("[]\n", yaml("[]"));
    assertEquals("- \"b\"\n", yaml("[\"b\"]"));
  }

  @Test
  void terraform_function_tests_and_documentation() {
    assertEquals("- \"foo\"\n- \"bar\"\n- true\n", yaml("[\"foo\", \"bar\", true]"));
    assertEquals("\"a\": \"b\"\n\"c\": \"d\"\n", yaml("{a = \"b\", c = \"d\"}"));
    assertEquals("\"bar\": \"baz\"\n\"foo\":\n- 1\n- 2\n- 3\n", yaml("{\"foo\":[1, 2, 3], \"bar\": \"baz\"}"));
    assertEquals("\"bar\": \"baz\"\n\"foo\":\n- 1\n- \"a\": \"b\"\n  \"c\": \"d\"\n- 3\n",
        yaml("{\"foo\":[1, {\"a\":\"b\",\"c\":\"d\"}, 3], \"bar\": \"baz\"}"));
  }

  /** hashicorp/terraform-provider-helm#948: a plan showed this yamlencode result (indentation of the heredoc removed). */
  @Test
  void nested_maps_with_a_list_as_in_a_reported_plan() {
    String hcl = "{ modules = { http_2xx = { prober = \"http\", timeout = \"5s\", http = {"
        + " valid_http_versions = [\"HTTP/2.0\"], follow_redirects = false, preferred_ip_protocol = \"ip4\","
        + " method = \"HEAD\", fail_if_not_ssl = true, enable_http2 = true } } } }";
    assertEquals("""
        "modules":
          "http_2xx":
            "http":
              "enable_http2": true
              "fail_if_not_ssl": true
              "follow_redirects": false
              "method": "HEAD"
              "preferred_ip_protocol": "ip4"
              "valid_http_versions":
              - "HTTP/2.0"
            "prober": "http"
            "timeout": "5s"
        """, yaml(hcl));
  }

  /** opentofu/opentofu#4433 (same emitter): a long double-quoted value is folded at a space past column 80. */
  @Test
  void long_double_quoted_strings_fold_past_column_80() {
    String result = yaml("{ command = \"mkdir -p /app/storage/database /app/storage/framework/cache/data "
        + "/app/storage/framework/sessions /app/storage/framework/views /app/storage/logs /app/bootstrap/cache\" }");
    assertTrue(result.startsWith("\"command\": \"mkdir -p /app/storage/database /app/storage/framework/cache/data "
        + "/app/storage/framework/sessions\n  /app/storage/framewor"), result);
  }

  @Test
  void strings_are_escaped_as_libyaml_double_quotes() {
    assertEquals("\"say \\\"hi\\\" \\\\ \\t done\"\n", yaml("\"say \\\"hi\\\" \\\\ \\t done\""));
    assertEquals("\"caf\u00e9 \u26a0\ufe0f\"\n", yaml("\"caf\u00e9 \u26a0\ufe0f\"")); // printable Unicode as is
    assertEquals("\"a\\x01b\"\n", yaml("\"a\\u0001b\""));
    assertEquals("\"\\L\"\n", yaml("\"\\u2028\"")); // U+2028 LINE SEPARATOR
  }

  @Test
  void multi_line_values_are_literal_blocks_indented_under_their_key() {
    assertEquals("\"a\":\n  \"b\": |-\n    x\n    y\n\"c\": 1\n", yaml("{ a = { b = \"x\\ny\" }, c = 1 }"));
    assertEquals("- \"run\":\n    \"command\": |-\n      one\n      two\n",
        yaml("[{ run = { command = \"one\\ntwo\" } }]"));
    assertEquals("\"k\": |\n  x\n", yaml("{ k = \"x\\n\" }")); // one trailing break: clip, no indicator
    // keep: write_block_scalar_hints sets open_ended, but writing the "+" indicator clears it again (this copy of
    // libyaml), so no "..." follows
    assertEquals("\"k\": |+\n  x\n\n", yaml("{ k = \"x\\n\\n\" }"));
    assertEquals("\"k\": |2-\n   x\n  y\n", yaml("{ k = \" x\\ny\" }")); // leading space: indentation indicator
    assertEquals("\"k\": \"x \\ny\"\n", yaml("{ k = \"x \\ny\" }")); // space before a break: no block
  }

  @Test
  void empty_collections_inside_blocks_are_flow() {
    assertEquals("\"a\": []\n\"b\": {}\n", yaml("{ a = [], b = {} }"));
    assertEquals("- []\n- {}\n", yaml("[[], {}]"));
  }

  @Test
  void keys_sort_by_utf8_bytes() {
    assertEquals("\"B\": 1\n\"a\": 2\n\"b\": 3\n", yaml("{ b = 3, a = 2, B = 1 }"));
  }
}
