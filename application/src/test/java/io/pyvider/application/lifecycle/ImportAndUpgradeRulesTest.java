package io.pyvider.application.lifecycle;

import static io.pyvider.application.lifecycle.Engine.onlyError;
import static io.pyvider.application.lifecycle.Engine.wire;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.pyvider.application.component.ImportResult;
import io.pyvider.application.component.UpgradeResult;
import io.pyvider.application.port.in.Commands;
import io.pyvider.application.port.in.Outcomes;
import io.pyvider.application.port.out.PrivateData;
import io.pyvider.domain.terraform.cty.AttributePath;
import io.pyvider.domain.terraform.cty.CtyType;
import io.pyvider.domain.terraform.cty.Value;
import io.pyvider.domain.terraform.diag.Diagnostic;
import io.pyvider.domain.terraform.diag.Diagnostics;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;

/**
 * Imported and upgraded state is checked like applied state (the schema's shape, wholly known), and whatever the
 * component said along the way (a deprecation, a default it filled in) reaches Terraform with the result.
 */
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class ImportAndUpgradeRulesTest {

  private static final Diagnostic WARNING = Diagnostic.warning(AttributePath.attribute("note"), "Note dropped",
      "the remote object has no note");

  private final Engine engine = new Engine();
  private final Value.ObjectVal state = ScriptedResource.object("n", "a", "id-1", "s");

  private Outcomes.ImportResource importId(String id) {
    return engine.service.importState(new Commands.ImportResource(Engine.TYPE, id));
  }

  private Outcomes.UpgradeResource upgrade(Value stored) {
    return engine.service.upgrade(new Commands.UpgradeResource(Engine.TYPE, 1, wire(stored)));
  }

  private static void assertBroken(Diagnostic error, String what, String problem) {
    assertEquals("Provider pyvider produced an invalid " + what, error.summary());
    assertTrue(error.detail().startsWith(Engine.TYPE + ": " + problem + ". "), error.detail());
  }

  @Test
  void an_imports_warnings_reach_terraform_with_the_imported_state() {
    engine.resource.importer = id -> new ImportResult(Optional.of(state), PrivateData.EMPTY, Diagnostics.of(WARNING));

    Outcomes.ImportResource imported = importId("id-1");

    assertEquals(Diagnostics.of(WARNING), imported.diagnostics());
    assertEquals(Optional.of(state), imported.state());
  }

  @Test
  void an_imported_state_with_unknown_values_is_caught_and_nothing_imported() {
    engine.resource.importer = id -> new ImportResult(Optional.of(state.with("id", Value.unknown(CtyType.STRING))),
        PrivateData.EMPTY, Diagnostics.NONE);

    Outcomes.ImportResource imported = importId("id-1");

    assertBroken(onlyError(imported.diagnostics()), "imported state", "the imported state contains unknown values");
    assertTrue(imported.state().isEmpty());
    assertEquals(0, imported.privateState().length);
  }

  @Test
  void an_imported_state_of_the_wrong_shape_is_caught() {
    engine.resource.importer = id -> new ImportResult(Optional.of(state.with("note", Value.bool(true))),
        PrivateData.EMPTY, Diagnostics.NONE);

    assertBroken(onlyError(importId("id-1").diagnostics()), "imported state",
        "note: \"string\" is required, got \"bool\"");
  }

  @Test
  void an_upgrades_warnings_reach_terraform_with_the_upgraded_state() {
    engine.resource.upgrade = stored -> new UpgradeResult(stored, Diagnostics.of(WARNING));

    Outcomes.UpgradeResource upgraded = upgrade(state);

    assertEquals(Diagnostics.of(WARNING), upgraded.diagnostics());
    assertEquals(state, upgraded.upgraded());
  }

  @Test
  void an_upgraded_state_with_unknown_values_or_of_the_wrong_shape_is_caught_with_a_null_state() {
    engine.resource.upgrade = stored -> UpgradeResult.of(stored.with("id", Value.unknown(CtyType.STRING)));
    Outcomes.UpgradeResource unknown = upgrade(state);
    assertBroken(onlyError(unknown.diagnostics()), "upgraded state", "the upgraded state contains unknown values");
    assertEquals(Value.nullOf(ScriptedResource.TYPE), unknown.upgraded());

    engine.resource.upgrade = stored -> UpgradeResult.of(stored.with("note", Value.number(1)));
    assertBroken(onlyError(upgrade(state).diagnostics()), "upgraded state",
        "note: \"string\" is required, got \"number\"");
  }

  @Test
  void state_written_by_a_newer_schema_version_is_refused_naming_both_versions() {
    Outcomes.UpgradeResource upgraded = engine.service.upgrade(new Commands.UpgradeResource(Engine.TYPE, 2,
        wire(state)));

    assertEquals(Diagnostic.error("Resource instance managed by a newer provider version", "This state of "
        + Engine.TYPE + " was written at schema version 2, but this provider knows versions up to 1. Use the provider "
        + "version that wrote it."), onlyError(upgraded.diagnostics()));
    assertEquals(List.of(), engine.resource.calls);
  }
}
