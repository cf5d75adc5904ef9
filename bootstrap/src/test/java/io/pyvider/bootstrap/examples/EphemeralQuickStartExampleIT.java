package io.pyvider.bootstrap.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.pyvider.domain.terraform.cty.Value;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;

/** examples/ephemeral/quick-start: an ephemeral token written with its expiry to a JSON file through content_wo. */
class EphemeralQuickStartExampleIT extends EphemeralExampleReplayLifecycle {

  private static final String TOKEN_BLOCK = "ephemeral.pyvider_timed_token.api_access";
  private static final String FILE_TYPE = " pyvider_file_content";

  @Override
  protected String section() {
    return "quick-start";
  }

  @Test
  @Order(4)
  void the_file_holds_the_token_and_expiry_the_apply_opened_as_compact_sorted_json() throws IOException {
    needsTheApply();
    Value.ObjectVal token = openedIn("apply", TOKEN_BLOCK);
    assertEquals("{\"api_token\":\"" + text(token, "token") + "\",\"expires_at\":\"" + text(token, "expires_at")
        + "\"}", written("api_config.json"));
    assertEquals("temporary-api-token", text(token, "name"));
    Instant expiry = OffsetDateTime.parse(text(token, "expires_at")).toInstant();
    assertTrue(!expiry.isBefore(appliedAt.plus(Duration.ofHours(1)).minusSeconds(1))
        && expiry.isBefore(Instant.now().plus(Duration.ofHours(1)).plusSeconds(1)),
        "the token expires an hour after the apply opened it: " + expiry);
  }

  @Test
  @Order(4)
  void the_walks_send_the_rpcs_terraform_sends_token_first_and_closed_last() {
    needsTheApply();
    assertEquals(List.of("ValidateEphemeralResourceConfig" + TOKEN_RPC, "ValidateResourceConfig" + FILE_TYPE),
        replay.rpcs.get("validate"), "validate walk: nothing opened, no provider configuration");
    assertEquals(List.of("ValidateProviderConfig", "ConfigureProvider",
        "ValidateEphemeralResourceConfig" + TOKEN_RPC, "OpenEphemeralResource" + TOKEN_RPC,
        "ValidateResourceConfig" + FILE_TYPE, "PlanResourceChange" + FILE_TYPE,
        "CloseEphemeralResource" + TOKEN_RPC), replay.rpcs.get("plan"));
    assertEquals(List.of("ValidateProviderConfig", "ConfigureProvider",
        "ValidateEphemeralResourceConfig" + TOKEN_RPC, "OpenEphemeralResource" + TOKEN_RPC,
        "ValidateResourceConfig" + FILE_TYPE, "PlanResourceChange" + FILE_TYPE, "ApplyResourceChange" + FILE_TYPE,
        "CloseEphemeralResource" + TOKEN_RPC), replay.rpcs.get("apply"), "apply walk: a new token, then the file");
  }

  @Test
  @Order(11)
  void the_second_plan_refreshes_the_file_and_ignores_its_new_token() {
    needsTheSecondPlan();
    assertEquals(List.of("ValidateProviderConfig", "ConfigureProvider",
        "ValidateEphemeralResourceConfig" + TOKEN_RPC, "OpenEphemeralResource" + TOKEN_RPC,
        "UpgradeResourceState" + FILE_TYPE, "ReadResource" + FILE_TYPE,
        "ValidateResourceConfig" + FILE_TYPE, "PlanResourceChange" + FILE_TYPE,
        "CloseEphemeralResource" + TOKEN_RPC), replay.rpcs.get("plan-2"));
    assertEquals("NO_OP", secondPlan.changes.get("pyvider_file_content.api_config").action(),
        "a changed content_wo under the same content_wo_version changes nothing");
  }
}
