package io.pyvider.bootstrap.e2e;

import static io.pyvider.bootstrap.e2e.OrderedSteps.needs;
import static io.pyvider.bootstrap.e2e.TimedTokens.TYPE;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.pyvider.domain.terraform.cty.Value;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * One timed token through Terraform's whole life cycle, each walk in a fresh provider process as Terraform runs it:
 * validate, plan, apply, refresh, no-op plan, rename, lifetime change (replace), destroy. Steps build on each other;
 * a step whose predecessor failed fails too, naming the predecessor (never skipped: a failing apply must show up as
 * failures).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class TimedTokenLifecycleIT {

  private static final List<String> CONFIGURE = List.of("ValidateProviderConfig", "ConfigureProvider");
  private static final String APPLIED = "the applied token (applying_in_a_new_process_issues_an_id_a_token_and_an_"
      + "expiry_an_hour_ahead_sealed_in_private_state)";

  private Path home;
  private TerraformSimulator terraform;
  private ResourceSchema schema;
  private Change createPlan;
  private ResourceState state;

  @BeforeAll
  void startTerraform() throws Exception {
    home = Files.createTempDirectory("pyvider-e2e-lifecycle");
    terraform = new TerraformSimulator(ProviderLaunch.binary(home).with("TF_LOG_PROVIDER", "DEBUG"));
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
  @Order(1)
  void validation_accepts_a_named_token_without_configuring_the_provider() {
    try (Walk validate = terraform.validateWalk()) {
      validate.validate(TYPE, TimedTokens.config(schema, "ci-deploy"));
      assertEquals(List.of("ValidateResourceConfig"), validate.rpcsSent());
      assertEquals(List.of(), validate.warnings());
    }
  }

  @Test
  @Order(2)
  void planning_a_new_token_leaves_id_token_and_expiry_unknown_and_takes_the_name_from_configuration() {
    try (Walk plan = terraform.walk("plan")) {
      createPlan = plan.plan(TYPE, null, TimedTokens.config(schema, "ci-deploy"));
      assertEquals(Change.Action.CREATE, createPlan.action());
      assertEquals(Value.string("ci-deploy"), createPlan.afterObject().get("name"));
      for (String computed : List.of("id", "token", "expires_at")) {
        assertFalse(createPlan.afterObject().get(computed).isKnown(), computed + " must be unknown until apply");
      }
      assertEquals(concat(CONFIGURE, "ValidateResourceConfig", "PlanResourceChange"), plan.rpcsSent());
    }
  }

  @Test
  @Order(3)
  void applying_in_a_new_process_issues_an_id_a_token_and_an_expiry_an_hour_ahead_sealed_in_private_state() {
    needs(createPlan != null, "the plan (planning_a_new_token_leaves_id_token_and_expiry_unknown_and_takes_the_name_"
        + "from_configuration)");
    Instant applied = Instant.now();
    try (Walk apply = terraform.walk("apply")) {
      state = apply.apply(createPlan, null);
      assertEquals(concat(CONFIGURE, "ValidateResourceConfig", "PlanResourceChange", "ApplyResourceChange"),
          apply.rpcsSent());
    }
    TimedTokens.assertIssued(state, applied.plus(Duration.ofHours(1)));
    assertEquals("ci-deploy", state.string("name"));
    assertFalse(TimedTokens.readyForRotation(state));
    TimedTokens.assertPrivateConceals(state.privateBytes(), state.string("token"));
  }

  @Test
  @Order(4)
  void refreshing_in_a_new_process_changes_nothing_and_keeps_the_private_state() {
    needs(state != null, APPLIED);
    try (Walk refresh = terraform.walk("refresh")) {
      Walk.Refreshed refreshed = refresh.refresh(state);
      assertEquals(state.value(), refreshed.upgraded(), "UpgradeResourceState at the current version changed it");
      assertEquals(state.value(), refreshed.state().value(), "ReadResource reports drift right after apply");
      assertEquals(List.of(), refresh.warnings());
      state = refreshed.state();
    }
    PrivateStateProbe.assertHoldsToken(terraform, state);
  }

  @Test
  @Order(5)
  void planning_again_without_changes_is_a_no_op_without_replacement_paths() {
    needs(state != null, APPLIED);
    try (Walk plan = terraform.walk("plan")) {
      ResourceState refreshed = plan.refresh(state).state();
      Change noChange = plan.plan(TYPE, refreshed, TimedTokens.config(schema, "ci-deploy"));
      assertEquals(Change.Action.NO_OP, noChange.action());
      assertEquals(refreshed.value(), noChange.after());
      assertEquals(List.of(), noChange.requiresReplace());
      assertEquals(List.of(), plan.warnings());
    }
  }

  @Test
  @Order(6)
  void renaming_updates_in_place_keeping_the_id_the_token_and_the_private_state() {
    needs(state != null, APPLIED);
    Value.ObjectVal renamed = TimedTokens.config(schema, "ci-deploy-renamed");
    Change rename;
    ResourceState refreshed;
    try (Walk plan = terraform.walk("plan")) {
      refreshed = plan.refresh(state).state();
      rename = plan.plan(TYPE, refreshed, renamed);
    }
    assertEquals(Change.Action.UPDATE, rename.action(), () -> "rename planned as " + rename);
    assertEquals(List.of(), rename.replacePaths());
    ResourceState before = state;
    try (Walk apply = terraform.walk("apply")) {
      state = apply.apply(rename, refreshed);
    }
    assertEquals("ci-deploy-renamed", state.string("name"));
    for (String kept : List.of("id", "token", "expires_at")) {
      assertEquals(before.get(kept), state.get(kept), kept + " changed on rename");
    }
    PrivateStateProbe.assertHoldsToken(terraform, state);
  }

  @Test
  @Order(7)
  void changing_the_lifetime_replaces_the_token_with_a_new_one() {
    needs(state != null, APPLIED);
    Value.ObjectVal longer = TimedTokens.config(schema, "ci-deploy-renamed", "2h", null);
    Change replace;
    ResourceState refreshed;
    try (Walk plan = terraform.walk("plan")) {
      refreshed = plan.refresh(state).state();
      replace = plan.plan(TYPE, refreshed, longer);
      assertEquals(Change.Action.DELETE_THEN_CREATE, replace.action(), () -> "lifetime change planned as " + replace);
      assertTrue(replace.replacePaths().contains("lifetime"), () -> "requires_replace: " + replace.requiresReplace());
      assertTrue(plan.rpcsSent().containsAll(List.of("PlanResourceChange", "PlanResourceChange(replace)")));
    }
    assertFalse(replace.afterObject().get("token").isKnown(), "the replacement's token must be unknown in the plan");
    ResourceState old = state;
    Instant applied = Instant.now();
    try (Walk apply = terraform.walk("apply")) {
      state = apply.apply(replace, refreshed);
      List<String> sent = apply.rpcsSent();
      assertTrue(sent.indexOf("ApplyResourceChange(delete half)") >= 0
          && sent.indexOf("ApplyResourceChange(delete half)") < sent.lastIndexOf("ApplyResourceChange"),
          () -> "a replace applies the delete half, then the create half: " + sent);
    }
    TimedTokens.assertIssued(state, applied.plus(Duration.ofHours(2)));
    assertNotEquals(old.string("token"), state.string("token"), "the replacement must carry a new token");
    assertNotEquals(old.string("id"), state.string("id"), "the replacement must have a new id");
    assertEquals(Value.string("2h"), state.get("lifetime"));
    TimedTokens.assertPrivateConceals(state.privateBytes(), state.string("token"));
  }

  @Test
  @Order(8)
  void destroying_takes_a_refresh_a_destroy_plan_and_an_apply_each_in_its_own_process() {
    needs(state != null, APPLIED);
    ResourceState refreshed;
    try (Walk refresh = terraform.walk("plan (pre-destroy refresh)")) {
      refreshed = refresh.refresh(state).state();
    }
    Change destroy;
    try (Walk plan = terraform.walk("plan -destroy")) {
      destroy = plan.planDestroy(refreshed);
      assertEquals(concat(CONFIGURE, "UpgradeResourceState", "PlanResourceChange(destroy)"), plan.rpcsSent());
    }
    assertTrue(destroy.after().isNull());
    try (Walk apply = terraform.walk("apply -destroy")) {
      ResourceState gone = apply.apply(destroy, refreshed);
      assertTrue(gone.isNull(), "a destroyed token leaves a null object");
      assertEquals(concat(CONFIGURE, "UpgradeResourceState", "ApplyResourceChange(delete)"), apply.rpcsSent());
    }
  }

  private static List<String> concat(List<String> first, String... more) {
    List<String> all = new java.util.ArrayList<>(first);
    all.addAll(List.of(more));
    return all;
  }
}
