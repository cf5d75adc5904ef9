package io.pyvider.application.lifecycle;

import static io.pyvider.application.lifecycle.Engine.nothing;
import static io.pyvider.application.lifecycle.Engine.onlyError;
import static io.pyvider.application.lifecycle.Engine.wire;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.pyvider.application.component.ImportResult;
import io.pyvider.application.component.ReadResult;
import io.pyvider.application.port.in.Commands;
import io.pyvider.application.port.in.Outcomes;
import io.pyvider.application.port.out.PrivateData;
import io.pyvider.domain.terraform.cty.AttributePath;
import io.pyvider.domain.terraform.cty.CtyType;
import io.pyvider.domain.terraform.cty.Value;
import io.pyvider.domain.terraform.diag.Diagnostic;
import io.pyvider.domain.terraform.diag.Diagnostics;
import io.pyvider.domain.terraform.schema.IdentitySchema;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;

/**
 * Resource identity (Terraform 1.12) as the engine enforces it for every component: known and stable while an object
 * lives, of the identity schema's shape, required attributes given at import, stored identities upgraded and checked.
 */
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class ResourceIdentityRulesTest {

  private static final IdentitySchema BY_ID = new IdentitySchema(0, List.of(
      new IdentitySchema.IdentityAttribute("id", CtyType.STRING, true, false, "")));

  private final Engine engine = new Engine();
  private final Value.ObjectVal config = ScriptedResource.object("n", "a", null, null);
  private final Value.ObjectVal state = ScriptedResource.object("n", "a", "id-1", "s");

  ResourceIdentityRulesTest() {
    engine.resource.identitySchema = BY_ID;
    engine.resource.identity = object -> Optional.of(identity(object.get("id")));
  }

  private static Value.ObjectVal identity(Value id) {
    return Value.ObjectVal.of(Map.of("id", id));
  }

  private static Value.ObjectVal identity(String id) {
    return identity(Value.string(id));
  }

  private static Optional<Value> valueOf(Optional<Outcomes.Identity> identity) {
    return identity.map(Outcomes.Identity::value);
  }

  private Outcomes.ImportResource importBy(Value identity) {
    return engine.service.importState(new Commands.ImportResource(Engine.TYPE, "", wire(identity)));
  }

  private Outcomes.UpgradeIdentity upgradeIdentity(long version, Value stored) {
    return engine.service.upgradeIdentity(new Commands.UpgradeIdentity(Engine.TYPE, version, wire(stored)));
  }

  private static void assertBroken(Diagnostic error, String what, String problem) {
    assertEquals("Provider pyvider produced an invalid " + what, error.summary());
    assertTrue(error.detail().startsWith(Engine.TYPE + ": " + problem + ". "), error.detail());
  }

  // --- answers ----------------------------------------------------------------------------------------------------

  @Test
  void an_object_being_created_has_no_identity_until_apply_makes_it_known() {
    Outcomes.PlanResource plan = engine.plan(nothing(), config, config);
    Outcomes.ApplyResource applied = engine.apply(nothing(), plan.planned(), config, plan.plannedPrivate());

    assertEquals(Diagnostics.NONE, plan.diagnostics());
    assertEquals(Optional.empty(), plan.plannedIdentity());
    assertEquals(Diagnostics.NONE, applied.diagnostics());
    assertEquals(Optional.of(identity("id-1")), valueOf(applied.newIdentity()));
  }

  @Test
  void an_identity_that_changes_while_the_object_lives_is_caught_showing_both() {
    engine.resource.read = request -> new ReadResult(request.current().with("id", Value.string("id-2")),
        PrivateData.EMPTY, null);

    Outcomes.ReadResource read = engine.read(state, new byte[0]);

    assertBroken(onlyError(read.diagnostics()), "refreshed state identity",
        "the identity changed from {id = \"id-1\"} to {id = \"id-2\"} while the object lives");
    assertEquals(Optional.empty(), read.newIdentity());
  }

  @Test
  void a_changed_identity_shows_every_attribute_without_showing_values_other_than_text() {
    engine.resource.identitySchema = new IdentitySchema(0, List.of(
        new IdentitySchema.IdentityAttribute("id", CtyType.STRING, true, false, ""),
        new IdentitySchema.IdentityAttribute("serial", CtyType.NUMBER, false, true, ""),
        new IdentitySchema.IdentityAttribute("zone", CtyType.STRING, false, true, "")));
    engine.resource.identity = object -> Optional.of(Value.ObjectVal.of(Map.of("id", object.get("id"),
        "serial", Value.number(7), "zone", Value.nullOf(CtyType.STRING))));
    engine.resource.read = request -> new ReadResult(request.current().with("id", Value.string("id-2")),
        PrivateData.EMPTY, null);

    assertBroken(onlyError(engine.read(state, new byte[0]).diagnostics()), "refreshed state identity",
        "the identity changed from {id = \"id-1\", serial = (value), zone = null} to {id = \"id-2\", serial = "
            + "(value), zone = null} while the object lives");
  }

  @Test
  void an_identity_of_the_wrong_shape_is_caught() {
    engine.resource.identity = object -> Optional.of(identity(Value.number(1)));

    Outcomes.ReadResource read = engine.read(state, new byte[0]);

    assertBroken(onlyError(read.diagnostics()), "refreshed state identity", "id: \"string\" is required, got \"number\"");
    assertEquals(Optional.empty(), read.newIdentity());
  }

  @Test
  void an_existing_object_may_not_plan_an_unknown_identity() {
    engine.resource.identity = object -> Optional.of(identity(Value.unknown(CtyType.STRING)));

    Outcomes.PlanResource plan = engine.plan(state, state, config);

    assertBroken(onlyError(plan.diagnostics()), "plan identity",
        "the identity of an existing object contains unknown values");
    assertEquals(state, plan.planned());
  }

  // --- import by identity ----------------------------------------------------------------------------------------

  @Test
  void import_by_identity_hands_the_identity_to_the_component_and_answers_with_it() {
    engine.resource.importerByIdentity = given -> new ImportResult(Optional.of(state.with("id", given.get("id"))),
        PrivateData.EMPTY, Diagnostics.NONE);

    Outcomes.ImportResource imported = importBy(identity("id-7"));

    assertEquals(Diagnostics.NONE, imported.diagnostics());
    assertEquals(Optional.of(state.with("id", Value.string("id-7"))), imported.state());
    assertEquals(Optional.of(identity("id-7")), valueOf(imported.identity()));
  }

  @Test
  void an_identity_without_a_required_attribute_is_refused_there_before_the_component_is_asked() {
    for (Value missing : List.of(Value.nullOf(CtyType.STRING), Value.unknown(CtyType.STRING))) {
      Outcomes.ImportResource imported = importBy(identity(missing));

      Diagnostic error = onlyError(imported.diagnostics());
      assertEquals(new Diagnostic(io.pyvider.domain.terraform.diag.Severity.ERROR, "Missing identity attribute",
          "Importing " + Engine.TYPE + " by identity needs \"id\".", AttributePath.attribute("id")), error);
      assertTrue(imported.state().isEmpty());
    }
    assertFalse(engine.resource.calls.contains("importByIdentity"));
  }

  @Test
  void a_type_without_identity_refuses_import_by_identity_before_the_component_is_asked() {
    engine.resource.identitySchema = null;

    Outcomes.ImportResource imported = importBy(identity("id-7"));

    assertEquals(Diagnostic.error("Import by identity is not supported by " + Engine.TYPE, Engine.TYPE
        + " declares no resource identity, so an import block must give an id instead."),
        onlyError(imported.diagnostics()));
    assertFalse(engine.resource.calls.contains("import"));
    assertFalse(engine.resource.calls.contains("importByIdentity"));
  }

  @Test
  void an_imported_object_of_a_type_with_identity_must_have_one() {
    engine.resource.importer = id -> new ImportResult(Optional.of(state), PrivateData.EMPTY, Diagnostics.NONE);
    engine.resource.identity = object -> Optional.empty();

    Outcomes.ImportResource imported = engine.service.importState(new Commands.ImportResource(Engine.TYPE, "id-1"));

    assertBroken(onlyError(imported.diagnostics()), "imported state", "the imported object has no identity");
    assertTrue(imported.state().isEmpty());
  }

  // --- stored identities ----------------------------------------------------------------------------------------

  @Test
  void a_stored_identity_is_upgraded_by_the_component() {
    engine.resource.upgradeIdentity = stored -> identity("upgraded-" + ((Value.Str) stored.get("id")).value());

    Outcomes.UpgradeIdentity upgraded = upgradeIdentity(0, identity("id-1"));

    assertEquals(Diagnostics.NONE, upgraded.diagnostics());
    assertEquals(Optional.of(identity("upgraded-id-1")), valueOf(upgraded.upgraded()));
  }

  @Test
  void a_type_without_identity_has_none_to_upgrade() {
    engine.resource.identitySchema = null;

    Outcomes.UpgradeIdentity upgraded = upgradeIdentity(0, identity("id-1"));

    assertEquals(Diagnostic.error("Resource identity not supported", Engine.TYPE + " declares no resource "
        + "identity, so there is no stored identity to upgrade."), onlyError(upgraded.diagnostics()));
    assertTrue(upgraded.upgraded().isEmpty());
  }

  @Test
  void a_null_stored_identity_is_invalid() {
    Outcomes.UpgradeIdentity upgraded = upgradeIdentity(0, Value.nullOf(BY_ID.impliedType()));

    Diagnostic error = onlyError(upgraded.diagnostics());
    assertEquals("Invalid stored identity", error.summary());
    assertEquals("The provider could not decode the stored identity Terraform sent: the identity is null.",
        error.detail());
    assertFalse(engine.resource.calls.contains("upgradeIdentity"));
  }

  @Test
  void an_upgraded_identity_of_the_wrong_shape_or_unknown_is_caught() {
    engine.resource.upgradeIdentity = stored -> identity(Value.number(1));
    assertBroken(onlyError(upgradeIdentity(0, identity("id-1")).diagnostics()), "upgraded identity",
        "id: \"string\" is required, got \"number\"");

    engine.resource.upgradeIdentity = stored -> identity(Value.unknown(CtyType.STRING));
    Outcomes.UpgradeIdentity unknown = upgradeIdentity(0, identity("id-1"));
    assertBroken(onlyError(unknown.diagnostics()), "upgraded identity",
        "the upgraded identity contains unknown values");
    assertTrue(unknown.upgraded().isEmpty());
  }

  @Test
  void an_identity_upgrade_of_an_unknown_type_is_an_error() {
    Outcomes.UpgradeIdentity upgraded = engine.service.upgradeIdentity(
        new Commands.UpgradeIdentity("pyvider_nope", 0, wire(identity("id-1"))));

    assertEquals("Unknown resource type", onlyError(upgraded.diagnostics()).summary());
    assertTrue(upgraded.upgraded().isEmpty());
  }
}
