package io.pyvider.application.component.filecontent;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.pyvider.application.port.in.Outcomes;
import io.pyvider.domain.terraform.cty.AttributePath;
import io.pyvider.domain.terraform.cty.CtyType;
import io.pyvider.domain.terraform.cty.Value;
import io.pyvider.domain.terraform.diag.Diagnostic;
import io.pyvider.domain.terraform.diag.Diagnostics;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;

/** pyvider_file_content with write-only content: the file gets the secret, the state gets nothing derived from it. */
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class FileContentWriteOnlyTest {

  private static final String SECRET = "token-5b0f6a4e-3d55-4c1e-9b7a-2f1f0c7d9e11";
  private static final String NEW_SECRET = "token-0c7d9e11-2f1f-4b7a-9c1e-3d555b0f6a4e";

  private final FileTerraform terraform = new FileTerraform();
  private final Path target = Path.of("/srv/app/token.txt");

  private Value.ObjectVal secretConfig(String secret, long version) {
    return terraform.block.emptyValue().with("filename", Value.string(target.toString()))
        .with("content_wo", Value.string(secret)).with("content_wo_version", Value.number(version));
  }

  private static Diagnostic onlyError(Diagnostics diagnostics) {
    assertEquals(1, diagnostics.asList().size(), diagnostics.toString());
    assertTrue(diagnostics.asList().get(0).isError(), diagnostics.toString());
    return diagnostics.asList().get(0);
  }

  @Test
  void content_and_content_wo_together_are_refused_at_content_wo() {
    Diagnostic error = onlyError(terraform.validate(secretConfig(SECRET, 1).with("content", Value.string("x"))));
    assertEquals(AttributePath.attribute("content_wo"), error.path());
  }

  @Test
  void neither_content_nor_content_wo_is_refused_at_content() {
    Value.ObjectVal neither = terraform.block.emptyValue().with("filename", Value.string(target.toString()));
    assertEquals(AttributePath.attribute("content"), onlyError(terraform.validate(neither)).path());
  }

  @Test
  void a_version_without_content_wo_is_refused_at_the_version() {
    Value.ObjectVal config = terraform.config(target.toString(), "x").with("content_wo_version", Value.number(1));
    assertEquals(AttributePath.attribute("content_wo_version"), onlyError(terraform.validate(config)).path());
  }

  @Test
  void unknown_content_may_still_turn_out_null_so_it_validates() {
    Value.ObjectVal config = secretConfig(SECRET, 1).with("content", Value.unknown(CtyType.STRING));
    assertEquals(Diagnostics.NONE, terraform.validate(config));
  }

  @Test
  void the_plan_holds_neither_the_secret_nor_its_hash() {
    Outcomes.PlanResource plan = terraform.plan(terraform.nothing(), secretConfig(SECRET, 1));

    assertEquals(Diagnostics.NONE, plan.diagnostics());
    Value.ObjectVal planned = (Value.ObjectVal) plan.planned();
    for (String attribute : List.of("content_wo", "content", "content_hash")) {
      assertEquals(Value.nullOf(CtyType.STRING), planned.get(attribute), attribute);
    }
    assertEquals(Value.number(1), planned.get("content_wo_version"));
    assertNoTrace(planned, plan.plannedPrivate(), SECRET);
  }

  @Test
  void apply_writes_the_secret_from_the_configuration_and_stores_nothing_derived_from_it() {
    Value.ObjectVal state = terraform.create(secretConfig(SECRET, 1));

    assertEquals(SECRET, terraform.files.text(target).orElseThrow());
    assertEquals(Value.nullOf(CtyType.STRING), state.get("content_wo"));
    assertEquals(Value.nullOf(CtyType.STRING), state.get("content_hash"));
    assertEquals(Value.bool(true), state.get("exists"));
    assertNoTrace(state, new byte[0], SECRET);
  }

  @Test
  void refresh_checks_the_file_is_there_without_reading_the_secret_into_the_state() {
    Value.ObjectVal state = terraform.create(secretConfig(SECRET, 1));

    Outcomes.ReadResource read = terraform.read(state);

    assertEquals(Diagnostics.NONE, read.diagnostics());
    assertEquals(state, read.newState());
  }

  @Test
  void a_deleted_file_leaves_the_state_so_the_next_plan_writes_it_again() {
    Value.ObjectVal state = terraform.create(secretConfig(SECRET, 1));
    terraform.files.delete(target);

    assertTrue(terraform.read(state).newState().isNull());
  }

  @Test
  void a_file_whose_existence_cannot_be_checked_keeps_the_state_with_a_warning() {
    Value.ObjectVal state = terraform.create(secretConfig(SECRET, 1));
    terraform.files.inaccessible(target);

    Outcomes.ReadResource read = terraform.read(state);

    assertEquals(Diagnostics.of(Diagnostic.warning(AttributePath.attribute("filename"), "Cannot check file",
        "Whether \"/srv/app/token.txt\" still exists could not be checked; the state is kept as it was.")),
        read.diagnostics());
    assertEquals(state, read.newState());
  }

  @Test
  void a_new_secret_under_the_same_version_plans_no_change_as_terraform_cannot_see_it() {
    Value.ObjectVal state = terraform.create(secretConfig(SECRET, 1));

    Outcomes.PlanResource plan = terraform.plan(state, secretConfig(NEW_SECRET, 1));

    assertEquals(Diagnostics.NONE, plan.diagnostics());
    assertEquals(state, plan.planned());
  }

  @Test
  void a_new_version_plans_an_update_whose_apply_writes_the_current_secret() {
    Value.ObjectVal state = terraform.create(secretConfig(SECRET, 1));
    Value.ObjectVal bumped = secretConfig(NEW_SECRET, 2);

    Outcomes.PlanResource plan = terraform.plan(state, bumped);
    assertEquals(List.of(), plan.requiresReplace(), "a new version rewrites the file in place");
    assertEquals(Value.number(2), ((Value.ObjectVal) plan.planned()).get("content_wo_version"));
    Outcomes.ApplyResource applied = terraform.apply(state, plan, bumped);

    assertEquals(Diagnostics.NONE, applied.diagnostics());
    assertEquals(NEW_SECRET, terraform.files.text(target).orElseThrow());
    assertNoTrace(applied.newState(), applied.privateState(), NEW_SECRET);
    assertNoTrace(applied.newState(), applied.privateState(), SECRET);
  }

  @Test
  void switching_back_to_content_stores_the_content_and_its_hash_again() {
    Value.ObjectVal state = terraform.create(secretConfig(SECRET, 1));
    Value.ObjectVal plain = terraform.config(target.toString(), "hello\n");

    Outcomes.PlanResource plan = terraform.plan(state, plain);
    Outcomes.ApplyResource applied = terraform.apply(state, plan, plain);

    assertEquals(Diagnostics.NONE, applied.diagnostics());
    assertEquals("hello\n", terraform.files.text(target).orElseThrow());
    assertEquals(Value.string(FileContentLifecycleTest.HELLO_HASH),
        ((Value.ObjectVal) applied.newState()).get("content_hash"));
  }

  /** No string in the object, and nothing in the private bytes, holds the secret in clear, base64, hex or SHA-256. */
  private static void assertNoTrace(Value state, byte[] privateBytes, String secret) {
    List<String> forms = forms(secret);
    List<String> strings = new ArrayList<>();
    collectStrings(state, strings);
    strings.add(new String(privateBytes, StandardCharsets.ISO_8859_1));
    for (String text : strings) {
      for (String form : forms) {
        assertFalse(text.toLowerCase().contains(form.toLowerCase()), "the state holds a form of the secret");
      }
    }
  }

  private static List<String> forms(String secret) {
    byte[] bytes = secret.getBytes(StandardCharsets.UTF_8);
    try {
      byte[] sha256 = MessageDigest.getInstance("SHA-256").digest(bytes);
      return List.of(secret, Base64.getEncoder().encodeToString(bytes),
          Base64.getEncoder().withoutPadding().encodeToString(bytes), HexFormat.of().formatHex(bytes),
          HexFormat.of().formatHex(sha256));
    } catch (java.security.NoSuchAlgorithmException impossible) {
      throw new AssertionError(impossible);
    }
  }

  private static void collectStrings(Value value, List<String> into) {
    if (value instanceof Value.Str s) {
      into.add(s.value());
    } else if (value instanceof Value.ObjectVal object) {
      object.attributes().values().forEach(v -> collectStrings(v, into));
    } else if (value instanceof Value.MapVal map) {
      map.entries().values().forEach(v -> collectStrings(v, into));
    } else if (value instanceof Value.ListVal list) {
      list.elements().forEach(v -> collectStrings(v, into));
    }
  }
}
