package io.pyvider.application.component.filecontent;

import static io.pyvider.application.component.filecontent.FileTerraform.filenameError;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.pyvider.application.port.in.Outcomes;
import io.pyvider.application.port.out.FileProblem;
import io.pyvider.domain.terraform.cty.CtyType;
import io.pyvider.domain.terraform.cty.Value;
import io.pyvider.domain.terraform.diag.Diagnostic;
import io.pyvider.domain.terraform.diag.Diagnostics;
import java.nio.file.Path;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;

/** Validation and the error diagnostics of pyvider_file_content: each names the attribute path {@code filename}. */
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class FileContentErrorsTest {

  private final FileTerraform terraform = new FileTerraform();
  private final Path target = Path.of("/srv/app/config.txt");
  private final Value.ObjectVal config = terraform.config(target.toString(), "hello\n");

  @Test
  void a_valid_configuration_validates_cleanly_even_with_unknown_values() {
    assertEquals(Diagnostics.NONE, terraform.validate(config));
    assertEquals(Diagnostics.NONE, terraform.validate(config.with("filename", Value.unknown(CtyType.STRING))));
  }

  @Test
  void an_empty_filename_is_an_error() {
    Diagnostic error = filenameError(terraform.validate(terraform.config("", "x")));

    assertEquals("Invalid filename", error.summary());
    assertTrue(error.detail().contains("must not be empty"));
  }

  @Test
  void a_filename_the_operating_system_rejects_is_an_error_with_the_nul_shown_escaped() {
    Diagnostic error = filenameError(terraform.validate(terraform.config("bad\0name.txt", "x")));

    assertEquals("Invalid filename", error.summary());
    assertTrue(error.detail().contains("bad\\u0000name.txt"), error.detail());
    assertFalse(error.detail().contains("\0"));
  }

  @Test
  void a_filename_ending_with_a_slash_is_an_error() {
    assertEquals("Invalid filename", filenameError(terraform.validate(terraform.config("out/", "x"))).summary());
  }

  @Test
  void a_missing_filename_is_terraforms_missing_argument_error() {
    Diagnostics diagnostics = terraform.validate(config.with("filename", Value.nullOf(CtyType.STRING)));

    assertEquals("Missing required argument", filenameError(diagnostics).summary());
  }

  @Test
  void planning_onto_an_existing_directory_is_an_error() {
    terraform.files.directory(target);

    Outcomes.PlanResource plan = terraform.plan(terraform.nothing(), config);

    Diagnostic error = filenameError(plan.diagnostics());
    assertEquals("filename is a directory", error.summary());
    assertTrue(plan.planned().isNull());
  }

  @Test
  void planning_with_an_invalid_name_is_an_error_not_a_crash() {
    Outcomes.PlanResource plan = terraform.plan(terraform.nothing(), terraform.config("a\0b", "x"));

    assertEquals("Invalid filename", filenameError(plan.diagnostics()).summary());
  }

  @Test
  void a_state_whose_filename_the_operating_system_rejects_refreshes_as_gone_and_is_destroyed_cleanly() {
    Value.ObjectVal unusable = terraform.create(config).with("filename", Value.string("a\0b"));

    Outcomes.ReadResource read = terraform.read(unusable);
    Outcomes.ApplyResource destroyed = terraform.destroy(unusable);

    assertEquals(Diagnostics.NONE, read.diagnostics());
    assertTrue(read.newState().isNull(), "no file can exist under that name: the next plan creates it");
    assertEquals(Diagnostics.NONE, destroyed.diagnostics());
    assertTrue(destroyed.newState().isNull());
  }

  @Test
  void an_apply_whose_planned_filename_the_operating_system_rejects_writes_nothing() {
    Outcomes.PlanResource plan = terraform.plan(terraform.nothing(), config);
    Value.ObjectVal rejected = ((Value.ObjectVal) plan.planned()).with("filename", Value.string("a\0b"));
    Outcomes.PlanResource tampered = new Outcomes.PlanResource(plan.type(), rejected, plan.plannedPrivate(),
        plan.requiresReplace(), plan.diagnostics());

    Outcomes.ApplyResource applied = terraform.apply(terraform.nothing(), tampered, config.with("filename",
        Value.string("a\0b")));

    assertEquals("Invalid filename", filenameError(applied.diagnostics()).summary());
    assertTrue(applied.newState().isNull());
    assertEquals(java.util.List.of(), terraform.files.operations().stream().filter(o -> o.startsWith("write"))
        .toList());
  }

  @Test
  void importing_a_filename_the_operating_system_rejects_is_refused_with_the_reason() {
    Outcomes.ImportResource imported = terraform.service.importState(
        new io.pyvider.application.port.in.Commands.ImportResource(FileTerraform.TYPE, "a\0b"));

    assertEquals("Invalid filename", filenameError(imported.diagnostics()).summary());
    assertTrue(imported.state().isEmpty());
  }

  @Test
  void a_parent_that_is_not_writable_fails_the_create_and_leaves_nothing_in_state() {
    terraform.files.failWrites(target, FileProblem.PERMISSION_DENIED);
    Outcomes.PlanResource plan = terraform.plan(terraform.nothing(), config);

    Outcomes.ApplyResource applied = terraform.apply(terraform.nothing(), plan, config);

    Diagnostic error = filenameError(applied.diagnostics());
    assertEquals("Cannot write file", error.summary());
    assertTrue(error.detail().contains("permission denied"), error.detail());
    assertTrue(error.detail().contains("/srv/app"), error.detail());
    assertTrue(applied.newState().isNull());
  }

  @Test
  void a_path_too_long_for_the_operating_system_fails_with_advice() {
    terraform.files.failWrites(target, FileProblem.INVALID_PATH);

    Outcomes.ApplyResource applied = terraform.apply(terraform.nothing(), terraform.plan(terraform.nothing(),
        config), config);

    Diagnostic error = filenameError(applied.diagnostics());
    assertTrue(error.detail().contains("rejects the path"), error.detail());
    assertTrue(error.detail().contains("length"), error.detail());
  }

  @Test
  void a_directory_that_appears_between_plan_and_apply_is_reported_as_such() {
    Outcomes.PlanResource plan = terraform.plan(terraform.nothing(), config);
    terraform.files.directory(target);

    Outcomes.ApplyResource applied = terraform.apply(terraform.nothing(), plan, config);

    assertEquals("filename is a directory", filenameError(applied.diagnostics()).summary());
  }

  @Test
  void a_failed_update_keeps_the_prior_state_so_nothing_is_lost() {
    Value.ObjectVal created = terraform.create(config);
    Value.ObjectVal changed = terraform.config(target.toString(), "new");
    terraform.files.failWrites(target, FileProblem.READ_ONLY_FILE_SYSTEM);

    Outcomes.ApplyResource applied = terraform.apply(created, terraform.plan(created, changed), changed);

    assertEquals("Cannot write file", filenameError(applied.diagnostics()).summary());
    assertEquals(created, applied.newState());
  }

  @Test
  void a_failed_delete_is_an_error_and_keeps_the_object() {
    Value.ObjectVal created = terraform.create(config);
    terraform.files.failRemovals(target, FileProblem.PERMISSION_DENIED);

    Outcomes.ApplyResource destroyed = terraform.destroy(created);

    assertEquals("Cannot delete file", filenameError(destroyed.diagnostics()).summary());
    assertEquals(created, destroyed.newState());
  }
}
