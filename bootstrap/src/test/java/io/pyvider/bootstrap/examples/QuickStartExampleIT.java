package io.pyvider.bootstrap.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import io.pyvider.domain.terraform.cty.Value;
import java.io.IOException;
import java.util.List;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;

/** examples/seed/quick-start: a token and a JSON file holding it. */
class QuickStartExampleIT extends ExampleReplayLifecycle {

  @Override
  protected String section() {
    return "quick-start";
  }

  @Test
  @Order(4)
  void the_file_is_unknown_at_plan_and_holds_the_token_and_its_expiry_as_compact_sorted_json() throws IOException {
    needsTheApply();
    Value.ObjectVal planned = (Value.ObjectVal) firstPlan.changes.get("pyvider_file_content.api_config").after();
    assertFalse(planned.get("content").isKnown(), "the content depends on the token, unknown until apply");
    String token = attribute("pyvider_timed_token.api_access", "token");
    String expiresAt = attribute("pyvider_timed_token.api_access", "expires_at");
    assertEquals("{\"api_token\":\"" + token + "\",\"expires_at\":\"" + expiresAt + "\"}", written("api_config.json"));
    assertEquals("temporary-api-token", attribute("pyvider_timed_token.api_access", "name"));
  }

  private static final String TOKEN_TYPE = " pyvider_timed_token";
  private static final String FILE_TYPE = " pyvider_file_content";

  @Test
  @Order(4)
  void the_walks_send_the_rpcs_terraform_sends_token_first() {
    needsTheApply();
    assertEquals(List.of("ValidateResourceConfig" + TOKEN_TYPE, "ValidateResourceConfig" + FILE_TYPE),
        replay.rpcs.get("validate"), "validate walk: no provider configuration (no provider block)");
    assertEquals(List.of("ValidateProviderConfig", "ConfigureProvider",
        "ValidateResourceConfig" + TOKEN_TYPE, "PlanResourceChange" + TOKEN_TYPE,
        "ValidateResourceConfig" + FILE_TYPE, "PlanResourceChange" + FILE_TYPE), replay.rpcs.get("plan"));
    assertEquals(List.of("ValidateProviderConfig", "ConfigureProvider",
        "ValidateResourceConfig" + TOKEN_TYPE, "PlanResourceChange" + TOKEN_TYPE, "ApplyResourceChange" + TOKEN_TYPE,
        "ValidateResourceConfig" + FILE_TYPE, "PlanResourceChange" + FILE_TYPE, "ApplyResourceChange" + FILE_TYPE),
        replay.rpcs.get("apply"), "apply walk: each change planned again, then applied");
  }

  /** The pre-destroy refresh is a normal plan whose changes Terraform throws away, so it plans each resource too. */
  @Test
  @Order(16)
  void destroy_refreshes_then_plans_and_applies_the_deletes_file_first() {
    needsTheDestroy();
    assertEquals(List.of("ValidateProviderConfig", "ConfigureProvider",
        "UpgradeResourceState" + TOKEN_TYPE, "ReadResource" + TOKEN_TYPE,
        "ValidateResourceConfig" + TOKEN_TYPE, "PlanResourceChange" + TOKEN_TYPE,
        "UpgradeResourceState" + FILE_TYPE, "ReadResource" + FILE_TYPE,
        "ValidateResourceConfig" + FILE_TYPE, "PlanResourceChange" + FILE_TYPE), replay.rpcs.get("destroy-refresh"));
    assertEquals(List.of("ValidateProviderConfig", "ConfigureProvider",
        "UpgradeResourceState" + FILE_TYPE, "ApplyResourceChange(delete)" + FILE_TYPE,
        "UpgradeResourceState" + TOKEN_TYPE, "ApplyResourceChange(delete)" + TOKEN_TYPE),
        replay.rpcs.get("destroy-apply"));
  }
}
