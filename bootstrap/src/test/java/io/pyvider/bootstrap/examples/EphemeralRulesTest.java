package io.pyvider.bootstrap.examples;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.pyvider.bootstrap.examples.Hcl.Pos;
import io.pyvider.domain.terraform.cty.Value;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Where a value derived from an ephemeral resource may go, with Terraform's messages (checked against Terraform
 * 1.11.4's own `terraform validate` of the same configurations): write-only arguments, ephemeral resources; never a
 * stored argument of a managed resource or data source, a root output or count.
 */
class EphemeralRulesTest {

  private static final Pos POS = new Pos("main.tf", 6, 3);
  private static final Ev TOKEN = EvaluatorTest.evaluate("ephemeral.pyvider_timed_token.x.token");
  private static final Ev DOCUMENT = EvaluatorTest.evaluate(
      "jsonencode({ api_token = ephemeral.pyvider_timed_token.x.token })");
  private static final Ev PLAIN = EvaluatorTest.evaluate("\"${var.environment}-token\"");

  private static Module.Resource block(Module.Mode mode, String type) {
    return new Module.Resource(mode, type, "x", null, Map.of(), POS);
  }

  private static Hcl.Attribute argument(String name) {
    return new Hcl.Attribute(name, new Hcl.Literal(Value.string(""), POS), POS);
  }

  @Test
  void an_ephemeral_value_in_a_stored_argument_of_a_managed_resource_is_refused() {
    Cty.ConfigError refused = assertThrows(Cty.ConfigError.class, () -> EphemeralRules.checkArgument(
        block(Module.Mode.MANAGED, "pyvider_file_content"), argument("content"), false, DOCUMENT));
    assertTrue(refused.getMessage().contains("Invalid use of ephemeral value: Ephemeral values are not valid for "
        + "\"content\", because it is not a write-only attribute and must be persisted to state."),
        refused.getMessage());
    assertTrue(refused.getMessage().contains("pyvider_file_content.x") && refused.getMessage().startsWith(POS + ":"),
        refused.getMessage());
  }

  @Test
  void an_ephemeral_value_in_a_data_source_argument_is_refused() {
    Cty.ConfigError refused = assertThrows(Cty.ConfigError.class, () -> EphemeralRules.checkArgument(
        block(Module.Mode.DATA, "pyvider_http_api"), argument("headers"),
        false, EvaluatorTest.evaluate("{ Authorization = \"Bearer ${ephemeral.pyvider_timed_token.x.token}\" }")));
    assertTrue(refused.getMessage().contains("not valid for \"headers\""), refused.getMessage());
  }

  @Test
  void write_only_arguments_and_ephemeral_resources_take_ephemeral_values() {
    assertDoesNotThrow(() -> EphemeralRules.checkArgument(block(Module.Mode.MANAGED, "pyvider_file_content"),
        argument("content_wo"), true, DOCUMENT));
    assertDoesNotThrow(() -> EphemeralRules.checkArgument(block(Module.Mode.EPHEMERAL, "pyvider_timed_token"),
        argument("name"), false, TOKEN));
  }

  @Test
  void values_that_are_not_ephemeral_go_anywhere() {
    assertDoesNotThrow(() -> EphemeralRules.checkArgument(block(Module.Mode.MANAGED, "pyvider_file_content"),
        argument("content"), false, PLAIN));
    assertDoesNotThrow(() -> EphemeralRules.checkArgument(block(Module.Mode.MANAGED, "pyvider_file_content"),
        argument("content"), false, EvaluatorTest.evaluate("jsonencode({ token = token.x.token })")));
    assertDoesNotThrow(() -> EphemeralRules.checkRootOutputValue(output(false), PLAIN));
    assertDoesNotThrow(() -> EphemeralRules.checkCount(block(Module.Mode.MANAGED, "pyvider_file_content"),
        EvaluatorTest.evaluate("1")));
  }

  @Test
  void a_root_output_can_neither_hold_an_ephemeral_value_nor_be_declared_ephemeral() {
    Cty.ConfigError value = assertThrows(Cty.ConfigError.class,
        () -> EphemeralRules.checkRootOutputValue(output(false), TOKEN));
    assertTrue(value.getMessage().contains("Ephemeral value not allowed: This output value is not declared as "
        + "returning an ephemeral value, so it cannot be set to a result derived from an ephemeral value"),
        value.getMessage());
    Cty.ConfigError declared = assertThrows(Cty.ConfigError.class,
        () -> EphemeralRules.checkRootOutputDeclaration(output(true)));
    assertTrue(declared.getMessage().contains("Ephemeral output not allowed: Ephemeral outputs are not allowed in "
        + "context of a root module"), declared.getMessage());
    assertDoesNotThrow(() -> EphemeralRules.checkRootOutputDeclaration(output(false)));
  }

  @Test
  void count_cannot_be_derived_from_an_ephemeral_value() {
    Cty.ConfigError refused = assertThrows(Cty.ConfigError.class, () -> EphemeralRules.checkCount(
        block(Module.Mode.MANAGED, "pyvider_file_content"),
        EvaluatorTest.evaluate("ephemeral.pyvider_timed_token.x.token != null ? 1 : 0")));
    assertTrue(refused.getMessage().contains("Invalid count argument: The given \"count\" is derived from an "
        + "ephemeral value"), refused.getMessage());
  }

  private static Module.Output output(boolean ephemeral) {
    return new Module.Output("o", new Hcl.Literal(Value.string(""), POS), false,
        ephemeral, POS);
  }
}
