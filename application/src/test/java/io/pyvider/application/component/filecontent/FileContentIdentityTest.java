package io.pyvider.application.component.filecontent;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.pyvider.application.fakes.MapWire;
import io.pyvider.application.port.in.Commands;
import io.pyvider.application.port.in.Outcomes;
import io.pyvider.application.port.in.WireValue;
import io.pyvider.domain.terraform.cty.AttributePath;
import io.pyvider.domain.terraform.cty.CtyType;
import io.pyvider.domain.terraform.cty.Value;
import io.pyvider.domain.terraform.diag.Diagnostic;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;

/** pyvider_file_content's identity {filename}: the same in every answer while the file lives; import by identity. */
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class FileContentIdentityTest {

  private final FileTerraform terraform = new FileTerraform();
  private final Path target = Path.of("/srv/app/config.txt");

  private static Value.ObjectVal identity(String filename) {
    return Value.ObjectVal.of(Map.of("filename", Value.string(filename)));
  }

  private static Value identityOf(Optional<Outcomes.Identity> identity) {
    return identity.map(Outcomes.Identity::value).orElse(null);
  }

  private Outcomes.ImportResource importBy(Value.ObjectVal identity) {
    return terraform.service.importState(new Commands.ImportResource(FileTerraform.TYPE, "", MapWire.of(identity)));
  }

  @Test
  void the_schema_declares_filename_required_for_import_at_version_0() {
    var schema = terraform.resource.identitySchema().orElseThrow();
    assertEquals(0, schema.version());
    assertEquals("filename", schema.attributes().get(0).name());
    assertTrue(schema.attributes().get(0).requiredForImport());
  }

  @Test
  void create_update_and_refresh_answer_with_the_same_identity() {
    Value.ObjectVal config = terraform.config(target.toString(), "one\n");
    Outcomes.PlanResource create = terraform.plan(terraform.nothing(), config);
    Outcomes.ApplyResource applied = terraform.apply(terraform.nothing(), create, config);
    Value.ObjectVal state = (Value.ObjectVal) applied.newState();

    assertEquals(identity(target.toString()), identityOf(applied.newIdentity()));
    assertEquals(identity(target.toString()), identityOf(terraform.read(state).newIdentity()));
    Outcomes.PlanResource update = terraform.plan(state, terraform.config(target.toString(), "two\n"));
    assertEquals(identity(target.toString()), identityOf(update.plannedIdentity()));
  }

  @Test
  void a_relative_respelling_of_the_same_file_keeps_the_identity_of_its_absolute_path() {
    Value.ObjectVal state = terraform.create(terraform.config("out/a.txt", "x"));
    Outcomes.PlanResource respelled = terraform.plan(state, terraform.config("./out/../out/a.txt", "x"));

    assertFalse(respelled.diagnostics().hasErrors(), respelled.diagnostics().toString());
    assertEquals(identity(FileTerraform.WORKDIR.resolve("out/a.txt").toString()),
        identityOf(respelled.plannedIdentity()));
  }

  @Test
  void import_by_identity_reads_the_file_and_answers_with_the_identity() {
    terraform.files.put(target, "on disk\n");

    Outcomes.ImportResource imported = importBy(identity(target.toString()));

    assertFalse(imported.diagnostics().hasErrors(), imported.diagnostics().toString());
    assertEquals(Value.string("on disk\n"), ((Value.ObjectVal) imported.state().orElseThrow()).get("content"));
    assertEquals(identity(target.toString()), identityOf(imported.identity()));
  }

  @Test
  void import_by_identity_of_a_missing_file_is_an_error_naming_the_path() {
    Outcomes.ImportResource imported = importBy(identity("/srv/app/missing.txt"));

    assertTrue(imported.state().isEmpty());
    assertTrue(imported.diagnostics().asList().get(0).detail().contains("/srv/app/missing.txt"));
  }

  @Test
  void an_identity_without_its_required_filename_is_refused_at_that_attribute() {
    Outcomes.ImportResource imported = importBy(Value.ObjectVal.of(Map.of("filename",
        Value.nullOf(CtyType.STRING))));

    Diagnostic error = imported.diagnostics().asList().get(0);
    assertTrue(error.isError());
    assertEquals(AttributePath.attribute("filename"), error.path());
  }

  @Test
  void upgrading_a_version_0_identity_keeps_it_and_a_newer_one_is_refused() {
    WireValue stored = MapWire.of(identity(target.toString()));
    Outcomes.UpgradeIdentity current = terraform.service.upgradeIdentity(
        new Commands.UpgradeIdentity(FileTerraform.TYPE, 0, stored));
    Outcomes.UpgradeIdentity newer = terraform.service.upgradeIdentity(
        new Commands.UpgradeIdentity(FileTerraform.TYPE, 1, stored));

    assertEquals(identity(target.toString()), identityOf(current.upgraded()));
    assertTrue(newer.diagnostics().hasErrors());
    assertTrue(newer.upgraded().isEmpty());
  }
}
