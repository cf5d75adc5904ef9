package io.pyvider.bootstrap.e2e;

import static io.pyvider.bootstrap.e2e.TimedTokens.TYPE;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.pyvider.adapters.grpc.proto.Tfplugin6;
import io.pyvider.domain.terraform.cty.CtyType;
import io.pyvider.domain.terraform.cty.Refinements;
import io.pyvider.domain.terraform.cty.Value;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Configurations beyond the literal ones: values that are unknown at plan time (references to resources not yet
 * created, which Terraform sends as unknowns, possibly refined), keepers, and a rotation window changed in place.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ConfigurationChangesIT {

  private Path home;
  private TerraformSimulator terraform;
  private ResourceSchema schema;

  @BeforeAll
  void startTerraform() throws Exception {
    home = Files.createTempDirectory("pyvider-e2e-config");
    terraform = new TerraformSimulator(ProviderLaunch.binary(home));
    schema = terraform.resource(TYPE);
  }

  @AfterAll
  void stopTerraform() throws Exception {
    try {
      terraform.close();
    } finally {
      TestFiles.deleteTree(home);
    }
  }

  @Test
  void a_name_known_only_at_apply_is_planned_unknown_and_applied_with_its_final_value() {
    Value refinedName = Value.unknown(CtyType.STRING, Refinements.notNull().withStringPrefix("ci-"));
    Value unknownKeeper = new Value.MapVal(CtyType.STRING,
        new java.util.TreeMap<>(Map.of("rev", Value.unknown(CtyType.STRING))));
    Value.ObjectVal planConfig = schema.config(Map.of("name", refinedName, "rotate_before",
        Value.unknown(CtyType.STRING), "keepers", unknownKeeper));
    try (Walk validate = terraform.validateWalk()) {
      validate.validate(TYPE, planConfig);
    }
    Change plan;
    try (Walk walk = terraform.walk("plan")) {
      plan = walk.plan(TYPE, null, planConfig);
    }
    assertEquals(refinedName, plan.afterObject().get("name"), "the planned name is the config's refined unknown");
    Value.ObjectVal applyConfig = TimedTokens.config(schema, "ci-from-elsewhere", null, "5m")
        .with("keepers", withKeepers("ignored", Map.of("rev", "7")).get("keepers"));
    ResourceState state;
    try (Walk walk = terraform.walk("apply")) {
      state = walk.apply(plan, null, applyConfig);
    }
    assertEquals("ci-from-elsewhere", state.string("name"));
    assertEquals(Value.string("5m"), state.get("rotate_before"));
    assertEquals(applyConfig.get("keepers"), state.get("keepers"));
  }

  @Test
  void a_lifetime_unknown_at_plan_time_plans_a_replacement() {
    ResourceState state = create(TimedTokens.config(schema, "unknown-lifetime"));
    Value.ObjectVal unknownLifetime = schema.config(Map.of("name", Value.string("unknown-lifetime"),
        "lifetime", Value.unknown(CtyType.STRING)));
    try (Walk walk = terraform.walk("plan")) {
      Change change = walk.plan(TYPE, walk.refresh(state).state(), unknownLifetime);
      assertEquals(Change.Action.DELETE_THEN_CREATE, change.action(), "an unknown trigger forces replacement");
      assertTrue(change.replacePaths().contains("lifetime"), () -> change.replacePaths().toString());
    }
  }

  @Test
  void changing_keepers_replaces_the_token_and_unchanged_keepers_are_a_no_op() {
    Value.ObjectVal first = withKeepers("kept", Map.of("rev", "1"));
    ResourceState state = create(first);
    Change same;
    Change changed;
    ResourceState refreshed;
    try (Walk walk = terraform.walk("plan")) {
      refreshed = walk.refresh(state).state();
      same = walk.plan(TYPE, refreshed, first);
      changed = walk.plan(TYPE, refreshed, withKeepers("kept", Map.of("rev", "2")));
    }
    assertEquals(Change.Action.NO_OP, same.action());
    assertEquals(Change.Action.DELETE_THEN_CREATE, changed.action());
    assertTrue(changed.replacePaths().contains("keepers"), () -> changed.replacePaths().toString());
    ResourceState replaced;
    try (Walk walk = terraform.walk("apply")) {
      replaced = walk.apply(changed, refreshed);
    }
    assertNotEquals(state.string("token"), replaced.string("token"));
    assertEquals(withKeepers("kept", Map.of("rev", "2")).get("keepers"), replaced.get("keepers"));
  }

  @Test
  void changing_only_the_rotation_window_updates_in_place_and_keeps_the_token() {
    ResourceState state = create(TimedTokens.config(schema, "window", "2h", "10m"));
    Change widen;
    ResourceState refreshed;
    try (Walk walk = terraform.walk("plan")) {
      refreshed = walk.refresh(state).state();
      widen = walk.plan(TYPE, refreshed, TimedTokens.config(schema, "window", "2h", "30m"));
    }
    assertEquals(Change.Action.UPDATE, widen.action(), () -> "rotate_before change planned as " + widen);
    ResourceState updated;
    try (Walk walk = terraform.walk("apply")) {
      updated = walk.apply(widen, refreshed);
    }
    assertEquals(Value.string("30m"), updated.get("rotate_before"));
    for (String kept : List.of("id", "token", "expires_at")) {
      assertEquals(state.get(kept), updated.get(kept), kept + " changed");
    }
    assertFalse(TimedTokens.readyForRotation(updated), "two hours left, a 30 minute window: not due");
    PrivateStateProbe.assertHoldsToken(terraform, updated);
  }

  @Test
  void invalid_settings_are_error_diagnostics_at_the_offending_attribute() {
    Map<String, Value.ObjectVal> invalid = new java.util.LinkedHashMap<>();
    invalid.put("name", TimedTokens.config(schema, ""));
    invalid.put("lifetime", TimedTokens.config(schema, "bad-lifetime", "soon", null));
    invalid.put("lifetime ", TimedTokens.config(schema, "zero-lifetime", "0s", null));
    invalid.put("rotate_before", TimedTokens.config(schema, "window-too-wide", null, "2h"));
    invalid.put("rotate_before ", TimedTokens.config(schema, "window-as-long", "1h", "1h"));
    try (Walk validate = terraform.validateWalk()) {
      invalid.forEach((attribute, config) -> {
        List<Diag> diagnostics = Diag.of(validate.stub().validateResourceConfig(Tfplugin6.ValidateResourceConfig
            .Request.newBuilder().setTypeName(TYPE).setConfig(ProviderRpc.dynamic(config, schema.impliedType()))
            .build()).getDiagnosticsList());
        assertTrue(Diag.errors(diagnostics).stream().anyMatch(d -> d.path().equals(attribute.trim())),
            () -> config + ": no error at " + attribute.trim() + ": " + diagnostics);
      });
      validate.validate(TYPE, TimedTokens.config(schema, "fine", "90m", "30m"));
    }
  }

  @Test
  void a_unicode_name_and_keepers_beyond_grpcs_default_4_mib_message_limit_round_trip_unchanged() {
    java.util.TreeMap<String, Value> large = new java.util.TreeMap<>();
    String chunk = "x".repeat(64 * 1024);
    for (int i = 0; i < 96; i++) { // 6 MiB: Terraform's client and TPG servers allow far more than 4 MiB
      large.put("k" + i, Value.string(chunk));
    }
    String name = "ci-déploiement-日本-🚀";
    Value.ObjectVal config = schema.config(Map.of("name", Value.string(name),
        "keepers", new Value.MapVal(CtyType.STRING, large)));
    Change plan;
    try (Walk walk = terraform.walk("plan")) {
      plan = walk.plan(TYPE, null, config);
    }
    ResourceState state;
    try (Walk walk = terraform.walk("apply")) {
      state = walk.apply(plan, null);
    }
    assertEquals(name, state.string("name"));
    assertEquals(config.get("keepers"), state.get("keepers"));
  }

  private Value.ObjectVal withKeepers(String name, Map<String, String> keepers) {
    java.util.TreeMap<String, Value> entries = new java.util.TreeMap<>();
    keepers.forEach((k, v) -> entries.put(k, Value.string(v)));
    return schema.config(Map.of("name", Value.string(name), "keepers", new Value.MapVal(CtyType.STRING, entries)));
  }

  private ResourceState create(Value.ObjectVal config) {
    Change plan;
    try (Walk walk = terraform.walk("plan")) {
      plan = walk.plan(TYPE, null, config);
    }
    try (Walk walk = terraform.walk("apply")) {
      return walk.apply(plan, null);
    }
  }
}
