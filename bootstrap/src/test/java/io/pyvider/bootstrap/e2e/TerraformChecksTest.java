package io.pyvider.bootstrap.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.pyvider.domain.terraform.cty.CtyType;
import io.pyvider.domain.terraform.cty.Refinements;
import io.pyvider.domain.terraform.cty.Value;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The end-to-end harness's own rules and codec must catch what Terraform catches; otherwise a passing end-to-end
 * test proves nothing. A unit test, run by surefire before the provider is even packaged.
 */
class TerraformChecksTest {

  private static final ResourceSchema SCHEMA = new ResourceSchema("t", 1, Map.of(
      "name", new ResourceSchema.Attr("name", CtyType.STRING, true, false, false, false, false, "d"),
      "id", new ResourceSchema.Attr("id", CtyType.STRING, false, false, true, false, false, "d"),
      "note", new ResourceSchema.Attr("note", CtyType.STRING, false, true, false, false, false, "d"),
      "secret", new ResourceSchema.Attr("secret", CtyType.STRING, false, false, true, true, false, "d")));
  private static final Value UNKNOWN_ID =
      Value.unknown(CtyType.STRING, Refinements.notNull().withStringPrefix("id-"));

  private static Value.ObjectVal object(Value name, Value id, Value note, Value secret) {
    return Value.ObjectVal.of(Map.of("name", name, "id", id, "note", note, "secret", secret));
  }

  private static Value s(String text) {
    return Value.string(text);
  }

  private static Value nul() {
    return Value.nullOf(CtyType.STRING);
  }

  @Test
  void proposed_new_keeps_prior_computed_values_and_is_null_for_them_on_create() {
    Value.ObjectVal config = object(s("n"), nul(), nul(), nul());
    Value.ObjectVal prior = object(s("old"), s("id-1"), nul(), s("x"));
    assertEquals(object(s("n"), s("id-1"), nul(), s("x")), TerraformChecks.proposedNew(SCHEMA, prior, config));
    assertEquals(config, TerraformChecks.proposedNew(SCHEMA, Value.nullOf(SCHEMA.impliedType()), config));
  }

  @Test
  void plan_validity_flags_values_that_differ_from_configuration_for_non_computed_attributes() {
    Value.ObjectVal config = object(s("n"), nul(), nul(), nul());
    Value none = Value.nullOf(SCHEMA.impliedType());
    assertEquals(List.of(), TerraformChecks.planProblems(SCHEMA, none, config, object(s("n"), UNKNOWN_ID, nul(), s("z"))));
    assertEquals(1, TerraformChecks.planProblems(SCHEMA, none, config, object(s("m"), nul(), nul(), nul())).size());
    assertEquals(1, TerraformChecks.planProblems(SCHEMA, none, config, object(s("n"), nul(), s("x"), nul())).size());
    assertFalse(TerraformChecks.planProblems(SCHEMA, none, config, none).isEmpty());
  }

  @Test
  void compatibility_flags_changed_known_values_broken_refinements_and_leftover_unknowns() {
    Value.ObjectVal planned = object(s("n"), UNKNOWN_ID, nul(), s("secret-1"));
    assertEquals(List.of(), TerraformChecks.compatibilityProblems(SCHEMA, planned,
        object(s("n"), s("id-7"), nul(), s("secret-1"))));
    assertEquals(1, TerraformChecks.compatibilityProblems(SCHEMA, planned,
        object(s("n"), s("other-7"), nul(), s("secret-1"))).size(), "prefix refinement");
    assertEquals(1, TerraformChecks.compatibilityProblems(SCHEMA, planned,
        object(s("n"), nul(), nul(), s("secret-1"))).size(), "not-null refinement");
    List<String> secret = TerraformChecks.compatibilityProblems(SCHEMA, planned,
        object(s("n"), s("id-7"), nul(), s("secret-2")));
    assertEquals(1, secret.size());
    assertFalse(secret.get(0).contains("secret-2"), "sensitive values stay out of the message");
    assertEquals(1, TerraformChecks.compatibilityProblems(SCHEMA, object(s("n"), s("id-1"), nul(), nul()),
        object(s("n"), Value.unknown(CtyType.STRING), nul(), nul())).size(), "known became unknown");
    assertEquals(List.of(".id"), TerraformChecks.unknownPaths(planned));
  }

  @Test
  void the_codec_round_trips_refined_unknowns_and_rejects_what_cty_rejects() throws Exception {
    Value.ObjectVal planned = object(s("n"), UNKNOWN_ID, nul(), Value.unknown(CtyType.STRING));
    byte[] bytes = CtyMsgpack.encode(planned, SCHEMA.impliedType());
    assertEquals(planned, CtyMsgpack.decode(bytes, SCHEMA.impliedType()));
    byte[] trailing = Arrays.copyOf(bytes, bytes.length + 1);
    assertThrows(CtyMsgpack.WireError.class, () -> CtyMsgpack.decode(trailing, SCHEMA.impliedType()));
    byte[] fewer = RawMsgpack.map(p -> p.packMapHeader(1).packString("name").packString("n"));
    assertThrows(CtyMsgpack.WireError.class, () -> CtyMsgpack.decode(fewer, SCHEMA.impliedType()));
    byte[] foreignExtension = RawMsgpack.objectWith(SCHEMA.impliedType(), "id",
        p -> p.packExtensionTypeHeader((byte) 7, 2).writePayload(new byte[] {1, 2}));
    assertThrows(CtyMsgpack.WireError.class, () -> CtyMsgpack.decode(foreignExtension, SCHEMA.impliedType()));
    assertTrue(CtyMsgpack.decode(new byte[] {(byte) 0xc0}, SCHEMA.impliedType()).isNull());
  }
}
