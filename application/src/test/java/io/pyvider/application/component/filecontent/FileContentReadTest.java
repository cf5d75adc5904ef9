package io.pyvider.application.component.filecontent;

import static io.pyvider.application.component.filecontent.FileTerraform.string;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.pyvider.application.port.in.Commands;
import io.pyvider.application.port.in.Outcomes;
import io.pyvider.application.port.out.FileProblem;
import io.pyvider.domain.terraform.cty.AttributePath;
import io.pyvider.domain.terraform.cty.CtyType;
import io.pyvider.domain.terraform.cty.Value;
import io.pyvider.domain.terraform.diag.Diagnostic;
import io.pyvider.domain.terraform.diag.Diagnostics;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;

/** Refresh (drift, vanished files, undecodable and unreadable files), import and state upgrade. */
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class FileContentReadTest {

  private final FileTerraform terraform = new FileTerraform();
  private final Path target = Path.of("/srv/app/config.txt");
  private final Value.ObjectVal config = terraform.config(target.toString(), "hello\n");

  @Test
  void a_refresh_right_after_apply_returns_an_equal_state() {
    Value.ObjectVal created = terraform.create(config);

    Outcomes.ReadResource read = terraform.read(created);

    assertEquals(Diagnostics.NONE, read.diagnostics());
    assertEquals(created, read.newState());
    assertEquals(0, read.privateState().length);
  }

  @Test
  void an_external_edit_is_drift_and_the_next_plan_restores_the_configured_content() {
    Value.ObjectVal created = terraform.create(config);
    terraform.files.put(target, "edited outside terraform\n");

    Value.ObjectVal refreshed = terraform.refresh(created);
    Outcomes.PlanResource plan = terraform.plan(refreshed, config);
    Outcomes.ApplyResource applied = terraform.apply(refreshed, plan, config);

    assertEquals("edited outside terraform\n", string(refreshed, "content"));
    assertEquals("e3ebf61e1d42a7fb055fd7f63e115bf4b110939c9a6da274e40e12fb353bcdc2", string(refreshed, "content_hash"));
    assertEquals(Value.string("hello\n"), ((Value.ObjectVal) plan.planned()).get("content"));
    assertNotEquals(refreshed, plan.planned());
    assertEquals(Diagnostics.NONE, applied.diagnostics());
    assertEquals(Optional.of("hello\n"), terraform.files.text(target));
  }

  @Test
  void a_vanished_file_leaves_the_state_and_the_next_plan_creates_it_again() {
    Value.ObjectVal created = terraform.create(config);
    terraform.files.delete(target);

    Outcomes.ReadResource read = terraform.read(created);

    assertEquals(Diagnostics.NONE, read.diagnostics());
    assertTrue(read.newState().isNull());
    assertEquals(0, read.privateState().length);
    Outcomes.PlanResource recreate = terraform.plan(terraform.nothing(), config);
    assertEquals(Diagnostics.NONE, recreate.diagnostics());
  }

  @Test
  void a_path_that_is_no_longer_a_regular_file_leaves_the_state() {
    Value.ObjectVal created = terraform.create(config);
    terraform.files.delete(target).directory(target);

    assertTrue(terraform.read(created).newState().isNull());
  }

  @Test
  void a_file_that_is_not_utf8_reads_with_replacement_characters_and_the_hash_of_its_bytes() {
    Value.ObjectVal created = terraform.create(config);
    byte[] latin1 = {'c', 'a', 'f', (byte) 0xE9, '\n'};
    terraform.files.put(target, latin1);

    Outcomes.ReadResource read = terraform.read(created);

    Value.ObjectVal refreshed = (Value.ObjectVal) read.newState();
    assertEquals("caf\uFFFD\n", string(refreshed, "content"));
    assertEquals("9e4efed0ff1dbcf37240f82e1aad6c763eb9331434d2b394a6441abbbe3634eb" /* sha256sum of the bytes */, string(refreshed, "content_hash"));
    Diagnostic warning = read.diagnostics().asList().get(0);
    assertFalse(warning.isError());
    assertEquals("File is not valid UTF-8", warning.summary());
    assertEquals(AttributePath.attribute("filename"), warning.path());
  }

  @Test
  void a_non_utf8_file_is_drift_even_when_its_decoded_text_equals_the_configuration() {
    Value.ObjectVal replacementConfig = terraform.config(target.toString(), "caf\uFFFD\n");
    Value.ObjectVal created = terraform.create(replacementConfig);
    terraform.files.put(target, new byte[] {'c', 'a', 'f', (byte) 0xE9, '\n'});

    Value.ObjectVal refreshed = terraform.refresh(created);
    Outcomes.PlanResource plan = terraform.plan(refreshed, replacementConfig);

    assertEquals(refreshed.get("content"), ((Value.ObjectVal) plan.planned()).get("content"));
    assertNotEquals(refreshed.get("content_hash"), ((Value.ObjectVal) plan.planned()).get("content_hash"));
    terraform.apply(refreshed, plan, replacementConfig);
    assertEquals(Optional.of("caf\uFFFD\n"), terraform.files.text(target));
    assertEquals(Diagnostics.NONE, terraform.read(terraform.refresh(refreshed)).diagnostics());
  }

  @Test
  void an_unreadable_file_is_reported_with_unknown_content_never_as_an_empty_string() {
    Value.ObjectVal created = terraform.create(config);
    terraform.files.failReads(target, FileProblem.PERMISSION_DENIED);

    Outcomes.ReadResource read = terraform.read(created);

    Value.ObjectVal refreshed = (Value.ObjectVal) read.newState();
    assertEquals(Value.nullOf(CtyType.STRING), refreshed.get("content"));
    assertEquals(Value.nullOf(CtyType.STRING), refreshed.get("content_hash"));
    Diagnostic warning = read.diagnostics().asList().get(0);
    assertFalse(warning.isError());
    assertEquals("Cannot read file", warning.summary());
    assertTrue(warning.detail().contains("permission denied"), warning.detail());
    Outcomes.PlanResource plan = terraform.plan(refreshed, config);
    assertEquals(Diagnostics.NONE, plan.diagnostics());
    assertEquals(Value.string("hello\n"), ((Value.ObjectVal) plan.planned()).get("content"));
  }

  @Test
  void import_takes_the_path_and_reads_the_file() {
    terraform.files.put(target, "existing\n");

    Outcomes.ImportResource imported = terraform.service.importState(
        new Commands.ImportResource(FileTerraform.TYPE, target.toString()));

    assertEquals(Diagnostics.NONE, imported.diagnostics());
    Value.ObjectVal state = (Value.ObjectVal) imported.state().orElseThrow();
    assertEquals(target.toString(), string(state, "filename"));
    assertEquals("existing\n", string(state, "content"));
    assertEquals(Value.bool(true), state.get("exists"));
    assertEquals("d32cf044872a37e6439d9055f90a0da11f1e0b07fa4e79d6ec710764ce1e206a", string(state, "content_hash"));
  }

  @Test
  void importing_a_missing_file_is_refused() {
    Outcomes.ImportResource imported = terraform.service.importState(
        new Commands.ImportResource(FileTerraform.TYPE, "/nowhere/file.txt"));

    assertTrue(imported.state().isEmpty());
    assertTrue(imported.diagnostics().hasErrors());
    assertTrue(imported.diagnostics().asList().get(0).detail().contains("no such file"));
  }

  @Test
  void state_written_by_the_python_provider_at_version_1_upgrades_unchanged() {
    Value.ObjectVal stored = terraform.config(target.toString(), "hello\n").with("exists", Value.bool(true))
        .with("content_hash", Value.string(FileContentLifecycleTest.HELLO_HASH));

    Outcomes.UpgradeResource upgraded = terraform.service.upgrade(
        new Commands.UpgradeResource(FileTerraform.TYPE, 1, io.pyvider.application.fakes.MapWire.of(stored)));

    assertEquals(Diagnostics.NONE, upgraded.diagnostics());
    assertEquals(stored, upgraded.upgraded());
  }
}
