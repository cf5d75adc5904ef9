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
 * Rotation with an advanced clock: the provider runs through {@link TestClockProviderMain}, whose clock is system time
 * plus an offset the test moves forward between walks. A refresh inside {@code rotate_before} (or after expiry) marks
 * {@code ready_for_rotation}; the next plan is a normal -/+ replacement that issues a new token.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class RotationIT {

  private static final String ROTATED = "the rotation (inside_the_window_the_refresh_marks_it_ready_and_the_plan_"
      + "replaces_it_with_a_new_token)";

  private Path home;
  private Path offsetFile;
  private TerraformSimulator terraform;
  private ResourceSchema schema;
  private Value.ObjectVal config;
  private ResourceState state;
  private boolean rotated;

  @BeforeAll
  void startTerraform() throws Exception {
    home = Files.createTempDirectory("pyvider-e2e-rotation");
    offsetFile = home.resolve("clock-offset-seconds");
    TestClockProviderMain.setOffset(offsetFile, 0);
    terraform = new TerraformSimulator(ProviderLaunch.testClock(home, offsetFile).with("TF_LOG_PROVIDER", "DEBUG"));
    schema = terraform.resource(TYPE);
    config = TimedTokens.config(schema, "rotating", "1h", "10m");
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
  void a_token_created_with_a_rotation_window_is_not_ready_for_rotation() {
    state = create(config, Duration.ZERO);
    assertFalse(TimedTokens.readyForRotation(state));
  }

  @Test
  @Order(2)
  void half_an_hour_later_a_refresh_finds_it_valid_and_the_plan_is_a_no_op() {
    needs(state != null, "the token (a_token_created_with_a_rotation_window_is_not_ready_for_rotation)");
    at(Duration.ofMinutes(30));
    try (Walk plan = terraform.walk("plan at +30m")) {
      ResourceState refreshed = plan.refresh(state).state();
      assertFalse(TimedTokens.readyForRotation(refreshed), "not yet inside the 10m window");
      Change change = plan.plan(TYPE, refreshed, config);
      assertEquals(Change.Action.NO_OP, change.action());
      state = refreshed;
    }
  }

  @Test
  @Order(3)
  void inside_the_window_the_refresh_marks_it_ready_and_the_plan_replaces_it_with_a_new_token() {
    needs(state != null, "the token (a_token_created_with_a_rotation_window_is_not_ready_for_rotation)");
    at(Duration.ofMinutes(55));
    Change rotation;
    ResourceState refreshed;
    try (Walk plan = terraform.walk("plan at +55m")) {
      refreshed = plan.refresh(state).state();
      assertTrue(TimedTokens.readyForRotation(refreshed), "5 minutes left of a 10 minute window");
      rotation = plan.plan(TYPE, refreshed, config);
      assertTrue(plan.rpcsSent().contains("PlanResourceChange(replace)"), "no second plan from a null prior");
    }
    assertEquals(Change.Action.DELETE_THEN_CREATE, rotation.action(), () -> "rotation planned as " + rotation);
    assertTrue(rotation.requiresReplace().contains("ready_for_rotation"), () -> rotation.requiresReplace().toString());
    assertFalse(((Value.ObjectVal) rotation.firstPlanned()).get("ready_for_rotation").isKnown(),
        "the first plan marks the flag unknown (the TLS provider's renewal pattern)");
    ResourceState old = refreshed;
    Instant shiftedNow = Instant.now().plus(Duration.ofMinutes(55));
    try (Walk apply = terraform.walk("apply at +55m")) {
      state = apply.apply(rotation, refreshed);
      rotated = true;
      List<String> sent = apply.rpcsSent();
      assertTrue(sent.indexOf("ApplyResourceChange(delete half)") < sent.lastIndexOf("ApplyResourceChange"),
          () -> "delete half, then create half: " + sent);
    }
    TimedTokens.assertIssued(state, shiftedNow.plus(Duration.ofHours(1)));
    assertNotEquals(old.string("id"), state.string("id"));
    assertNotEquals(old.string("token"), state.string("token"));
    assertFalse(TimedTokens.readyForRotation(state));
  }

  @Test
  @Order(4)
  void once_expired_a_refresh_marks_it_ready_and_the_plan_replaces_it_again() {
    needs(rotated, ROTATED);
    at(Duration.ofHours(2));
    try (Walk plan = terraform.walk("plan at +2h")) {
      ResourceState refreshed = plan.refresh(state).state();
      assertTrue(TimedTokens.readyForRotation(refreshed), "the token expired 5 minutes ago");
      Change again = plan.plan(TYPE, refreshed, config);
      assertEquals(Change.Action.DELETE_THEN_CREATE, again.action());
      assertTrue(again.replacePaths().contains("ready_for_rotation"), () -> again.replacePaths().toString());
    }
  }

  @Test
  @Order(5)
  void without_a_refresh_a_plan_on_the_stale_state_still_replaces_the_expired_token() {
    needs(rotated, ROTATED);
    at(Duration.ofHours(2));
    assertFalse(TimedTokens.readyForRotation(state), "the stored state still says the token is fine");
    try (Walk plan = terraform.walk("plan -refresh=false at +2h")) {
      ResourceState upgraded = new ResourceState(TYPE, plan.upgrade(state), state.privateBytes());
      Change stale = plan.plan(TYPE, upgraded, config);
      assertEquals(Change.Action.DELETE_THEN_CREATE, stale.action(), () -> "-refresh=false plan: " + stale);
      assertTrue(plan.rpcsSent().stream().noneMatch("ReadResource"::equals));
    }
  }

  @Test
  @Order(6)
  void without_a_rotation_window_the_token_is_replaced_only_once_it_has_expired() {
    Value.ObjectVal plain = TimedTokens.config(schema, "plain");
    Duration base = Duration.ofHours(3);
    ResourceState token = create(plain, base);
    at(base.plus(Duration.ofMinutes(59)));
    try (Walk plan = terraform.walk("plan a minute before expiry")) {
      ResourceState refreshed = plan.refresh(token).state();
      assertFalse(TimedTokens.readyForRotation(refreshed));
      assertEquals(Change.Action.NO_OP, plan.plan(TYPE, refreshed, plain).action());
    }
    at(base.plus(Duration.ofMinutes(61)));
    try (Walk plan = terraform.walk("plan a minute after expiry")) {
      ResourceState refreshed = plan.refresh(token).state();
      assertTrue(TimedTokens.readyForRotation(refreshed));
      assertEquals(Change.Action.DELETE_THEN_CREATE, plan.plan(TYPE, refreshed, plain).action());
    }
  }

  @Test
  @Order(7)
  void a_saved_rename_plan_applied_after_the_window_opened_applies_as_planned() {
    // `terraform plan -out=tfplan` five minutes before the rotation window opens, `terraform apply tfplan` (an
    // approval later) two minutes after: Terraform re-plans during apply and requires the same action.
    Duration base = Duration.ofHours(6);
    ResourceState token = create(config, base);
    at(base.plus(Duration.ofMinutes(45)));
    Value.ObjectVal renamed = TimedTokens.config(schema, "rotating-renamed", "1h", "10m");
    Change rename;
    ResourceState refreshed;
    try (Walk plan = terraform.walk("plan -out at +45m")) {
      refreshed = plan.refresh(token).state();
      assertFalse(TimedTokens.readyForRotation(refreshed));
      rename = plan.plan(TYPE, refreshed, renamed);
    }
    assertEquals(Change.Action.UPDATE, rename.action());
    at(base.plus(Duration.ofMinutes(52)));
    ResourceState applied;
    try (Walk apply = terraform.walk("apply saved plan at +52m")) {
      applied = apply.apply(rename, refreshed);
    }
    assertEquals("rotating-renamed", applied.string("name"));
    assertEquals(refreshed.get("token"), applied.get("token"), "an Update keeps the token; rotation is the next run's");
  }

  private ResourceState create(Value.ObjectVal configuration, Duration offset) {
    at(offset);
    Change plan;
    try (Walk walk = terraform.walk("plan")) {
      plan = walk.plan(TYPE, null, configuration);
    }
    Instant shiftedNow = Instant.now().plus(offset);
    ResourceState created;
    try (Walk walk = terraform.walk("apply")) {
      created = walk.apply(plan, null);
    }
    TimedTokens.assertIssued(created, shiftedNow.plus(Duration.ofHours(1)));
    return created;
  }

  private void at(Duration offset) {
    TestClockProviderMain.setOffset(offsetFile, offset.toSeconds());
  }
}
