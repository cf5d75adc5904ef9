package io.pyvider.bootstrap.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.pyvider.bootstrap.examples.Hcl.Pos;
import io.pyvider.domain.terraform.cty.CtyType;
import io.pyvider.domain.terraform.cty.Refinements;
import io.pyvider.domain.terraform.cty.Value;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * The evaluator's Terraform semantics where the examples depend on them: unknown values and their refinements during
 * plan, sensitivity and ephemerality. {@code token.x} below is a resource as a plan sees it after pyvider_timed_token
 * planned it: {@code id} and {@code token} unknown but refined (not null, known prefix), {@code token} sensitive;
 * {@code ephemeral.pyvider_timed_token.x} an opened ephemeral token.
 */
class EvaluatorTest {

  private static final Evaluator.Scope SCOPE = new Evaluator.Scope() {
    @Override
    public Ev variable(String name, Pos pos) {
      return Ev.of(Value.string("dev"));
    }

    @Override
    public Ev local(String name, Pos pos) {
      throw new AssertionError("no locals here");
    }

    @Override
    public Ev path(String name, Pos pos) {
      return Ev.of(Value.string("."));
    }

    @Override
    public Ev countIndex(Pos pos) {
      return Ev.of(Value.number(0));
    }

    @Override
    public Ev resource(String type, String name, Pos pos) {
      Map<String, Value> attributes = new TreeMap<>();
      attributes.put("id", Value.unknown(CtyType.STRING,
          Refinements.notNull().withStringPrefix("timed-token-id-")));
      attributes.put("token", Value.unknown(CtyType.STRING, Refinements.notNull().withStringPrefix("token-")));
      attributes.put("plain", Value.unknown(CtyType.STRING));
      attributes.put("name", Value.string("n"));
      Map<String, Boolean> marks = Map.of("id", false, "token", true, "plain", false, "name", false);
      return new Ev(Value.ObjectVal.of(attributes), Ev.Marks.SENSITIVE, marks);
    }

    @Override
    public Ev dataSource(String type, String name, Pos pos) {
      return Ev.of(Value.ObjectVal.of(Map.of("status_code", Value.number(201))));
    }

    /** An opened ephemeral token, as the replay's plan and apply walks see it: known, ephemeral as a whole. */
    @Override
    public Ev ephemeralResource(String type, String name, Pos pos) {
      return Ev.of(Value.ObjectVal.of(Map.of("name", Value.string("n"), "token", Value.string("token-abc"),
          "expires_at", Value.string("2026-01-01T01:00:00.000000+00:00"))), Ev.Marks.EPHEMERAL);
    }
  };

  static Ev evaluate(String hcl) {
    return new Evaluator(SCOPE).eval(HclParser.parseExpression(hcl));
  }

  @Test
  void a_template_with_an_unknown_part_is_an_unknown_string_with_its_known_prefix() {
    assertEquals(Value.unknown(CtyType.STRING, Refinements.notNull().withStringPrefix("Bearer ")),
        evaluate("\"Bearer ${token.x.token}\"").value());
    assertEquals(Value.unknown(CtyType.STRING, Refinements.notNull().withStringPrefix("  ID: ")),
        evaluate("\"  ID: ${token.x.id} (${token.x.name})\"").value());
    // cty's SafeKnownPrefix drops a trailing letter: a later combining mark could change it.
    assertEquals(Value.unknown(CtyType.STRING, Refinements.notNull().withStringPrefix("I")),
        evaluate("\"ID${token.x.id}\"").value());
    assertEquals(Value.unknown(CtyType.STRING, Refinements.notNull()), evaluate("\"${token.x.id}x\"").value());
  }

  @Test
  void a_known_template_converts_numbers_and_bools() {
    assertEquals(Value.string("API Status: 201 true"),
        evaluate("\"API Status: ${data.http.x.status_code} ${true}\"").value());
    assertEquals(Value.string("service-dev-token"), evaluate("\"service-${var.environment}-token\"").value());
  }

  @Test
  void not_null_is_known_when_the_unknown_is_refined_not_null_and_is_sensitive_for_the_token() {
    Ev tokenSet = evaluate("token.x.token != null");
    assertEquals(Value.bool(true), tokenSet.value());
    assertTrue(tokenSet.sensitive(), "token != null derives from the sensitive token");
    Ev idSet = evaluate("token.x.id != null");
    assertEquals(Value.bool(true), idSet.value());
    assertFalse(idSet.sensitive(), "id is not sensitive");
    assertEquals(Value.unknown(CtyType.BOOL, Refinements.notNull()), evaluate("token.x.plain != null").value());
    assertEquals(Value.bool(false), evaluate("token.x.token == null").value());
    assertEquals(Value.bool(true), evaluate("token.x.token != null && token.x.id != null").value());
    assertEquals(Value.number(1), evaluate("token.x.token != null && token.x.id != null ? 1 : 0").value());
  }

  @Test
  void logical_operators_short_circuit_on_a_known_controlling_operand() {
    assertEquals(Value.bool(false), evaluate("false && token.x.plain != null").value());
    assertEquals(Value.bool(true), evaluate("token.x.plain != null || true").value());
    assertEquals(Value.unknown(CtyType.BOOL, Refinements.notNull()),
        evaluate("true && token.x.plain != null").value());
  }

  @Test
  void jsonencode_of_a_partly_unknown_object_is_an_unknown_json_object() {
    Ev encoded = evaluate("jsonencode({ token = token.x.token, n = 1 })");
    assertEquals(Value.unknown(CtyType.STRING, Refinements.notNull().withStringPrefix("{")), encoded.value());
    assertTrue(encoded.sensitive());
    assertEquals(Value.unknown(CtyType.STRING, Refinements.notNull().withStringPrefix("[")),
        evaluate("jsonencode([token.x.id])").value());
    assertFalse(evaluate("jsonencode({ id = token.x.id })").sensitive());
  }

  @Test
  void yamlencode_of_a_partly_unknown_value_is_a_plain_unknown_string() {
    assertEquals(Value.unknown(CtyType.STRING), evaluate("yamlencode({ id = token.x.id })").value());
  }

  @Test
  void join_of_a_list_with_unknown_elements_is_an_unknown_string_not_null() {
    assertEquals(Value.unknown(CtyType.STRING, Refinements.notNull()),
        evaluate("join(\"\\n\", [\"a\", \"ID: ${token.x.id}\"])").value());
    assertEquals(Value.string("a\nb\n1"), evaluate("join(\"\\n\", [\"a\", \"b\", 1])").value());
    assertThrows(Cty.ConfigError.class, () -> evaluate("join(\",\", [\"a\", null])"));
  }

  @Test
  void formatdate_contains_and_comparisons() {
    assertEquals(Value.string("2024-01-15-1430"),
        evaluate("formatdate(\"YYYY-MM-DD-hhmm\", \"2024-01-15T14:30:00Z\")").value());
    assertEquals(Value.bool(true), evaluate("contains([\"dev\", \"staging\", \"prod\"], var.environment)").value());
    assertEquals(Value.bool(false), evaluate("contains([\"staging\", \"prod\"], \"dev\")").value());
    assertEquals(Value.bool(true), evaluate("data.http.x.status_code >= 200 && data.http.x.status_code < 300")
        .value());
    assertEquals(Value.bool(true), evaluate("var.environment == \"dev\"").value());
  }

  @Test
  void objects_and_tuples_carry_the_sensitivity_of_their_elements() {
    assertTrue(evaluate("{ a = { b = [token.x.token] } }").sensitive());
    assertFalse(evaluate("{ a = { b = [token.x.id, token.x.name] } }").sensitive());
    assertTrue(evaluate("token.x.token != null ? \"yes\" : \"no\"").sensitive());
    assertFalse(evaluate("nonsensitive(token.x.token != null)").sensitive());
  }

  @Test
  void whatever_is_built_from_an_ephemeral_resource_is_ephemeral() {
    assertTrue(evaluate("ephemeral.pyvider_timed_token.x.token").ephemeral());
    assertTrue(evaluate("ephemeral.pyvider_timed_token.x.name").ephemeral(), "the whole object is marked, its "
        + "configured name too");
    assertTrue(evaluate("jsonencode({ api_token = ephemeral.pyvider_timed_token.x.token, n = 1 })").ephemeral());
    assertTrue(evaluate("\"Bearer ${ephemeral.pyvider_timed_token.x.token}\"").ephemeral());
    assertTrue(evaluate("{ a = [ephemeral.pyvider_timed_token.x.expires_at] }").ephemeral());
    assertTrue(evaluate("ephemeral.pyvider_timed_token.x.token != null ? \"set\" : \"unset\"").ephemeral());
    assertTrue(evaluate("join(\",\", [\"a\", ephemeral.pyvider_timed_token.x.name])").ephemeral());
    assertTrue(evaluate("{ a = \"b\" }[ephemeral.pyvider_timed_token.x.name == \"n\" ? \"a\" : \"a\"]").ephemeral(),
        "an index derived from an ephemeral value marks the element");
    assertTrue(evaluate("nonsensitive(ephemeral.pyvider_timed_token.x.token)").ephemeral(),
        "nonsensitive removes the sensitive mark only");
  }

  @Test
  void an_ephemeral_value_is_sensitive_only_when_made_so() {
    assertFalse(evaluate("ephemeral.pyvider_timed_token.x.token").sensitive(),
        "Terraform adds no sensitive marks from an ephemeral resource's schema");
    Ev both = evaluate("sensitive(ephemeral.pyvider_timed_token.x.token)");
    assertTrue(both.sensitive() && both.ephemeral());
  }

  @Test
  void values_not_derived_from_an_ephemeral_resource_are_not_ephemeral() {
    assertFalse(evaluate("token.x.token").ephemeral(), "a managed resource's secret is stored, not ephemeral");
    assertFalse(evaluate("jsonencode({ a = token.x.token, b = var.x, c = data.http.x.status_code })").ephemeral());
    assertFalse(evaluate("\"${path.module}/out\"").ephemeral());
  }

  @Test
  void an_opened_ephemeral_resource_evaluates_like_any_known_object() {
    assertEquals(Value.string("{\"api_token\":\"token-abc\",\"expires_at\":\"2026-01-01T01:00:00.000000+00:00\"}"),
        evaluate("jsonencode({ api_token = ephemeral.pyvider_timed_token.x.token, "
            + "expires_at = ephemeral.pyvider_timed_token.x.expires_at })").value());
    Cty.ConfigError unnamed = assertThrows(Cty.ConfigError.class, () -> evaluate("ephemeral.pyvider_timed_token"));
    assertTrue(unnamed.getMessage().contains("needs a name"), unnamed.getMessage());
  }

  @Test
  void quoted_strings_unescape_as_hcl_does() {
    assertEquals(Value.string("say \"hi\"\n\t\\ ${literal} %{literal} $HOME $(x)"),
        evaluate("\"say \\\"hi\\\"\\n\\t\\\\ $${literal} %%{literal} $HOME $(x)\"").value());
    assertEquals(Value.string("\u26a0\ufe0f A"), evaluate("\"\\u26a0\\ufe0f \\U00000041\"").value());
  }

  @Test
  void timestamp_is_refused_because_no_second_plan_could_be_empty() {
    assertThrows(Cty.ConfigError.class, () -> evaluate("timestamp()"));
  }

  /** go-cty cty/ctystrings/prefix_test.go TestSafeKnownPrefix. */
  @Test
  void safe_known_prefix_matches_cty_test_vectors() {
    String[][] vectors = {
        {"", ""}, {"a", ""}, {"boo", "bo"}, {"boop\r", "boop"}, {"hello \uac00", "hello "},
        {"hello \ud83e\udd37\ud83c\udffd\u200d\u2642\ufe0f", "hello "},
        {"hello \ud83e\udd37\ud83c\udffd\u200d\u2642\ufe0f ", "hello \ud83e\udd37\ud83c\udffd\u200d\u2642\ufe0f "},
        {"hello \ud83e\udd37", "hello "}, {"hello \ud83e\udd37 ", "hello \ud83e\udd37 "},
        {"hello \ud83e\udd37\u200d", "hello "}, {"hello \ud83c\udde6", "hello "},
        {"hello \ud83c\udde6\ud83c\udde6", "hello "}, {"hello \ud83c\udde6\ud83c\udde6 ", "hello \ud83c\udde6\ud83c\udde6 "},
        {"ami-", "ami-"}, {"foo_", "foo_"}, {"{\"foo\":", "{\"foo\":"}, {"beep();", "beep();"},
        {"https://", "https://"}, {"c:\\", "c:\\"}, {"[\"foo\",", "[\"foo\","}, {"foo.bar.", "foo.bar."},
        {"beep(", "beep("}, {"beep()", "beep()"}, {"{", "{"},
    };
    for (String[] vector : vectors) {
      assertEquals(vector[1], Cty.safeKnownPrefix(vector[0]), "SafeKnownPrefix(" + vector[0] + ")");
    }
  }
}
