package io.pyvider.bootstrap.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.List;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;

/**
 * examples/seed/error-handling: {@code count = local.token_valid ? 1 : 0} where token_valid is
 * {@code token != null && expires_at != null}. Terraform can only expand that count during the first plan because the
 * provider plans the token and its expiry as unknown values refined "not null": {@code != null} is then already
 * known (go-cty Value.Equals). Without the refinement Terraform would stop with "Invalid count argument".
 */
class ErrorHandlingExampleIT extends ExampleReplayLifecycle {

  private static final String T = "pyvider_timed_token.";

  @Override
  protected String section() {
    return "error-handling";
  }

  @Test
  @Order(4)
  void the_counted_file_is_planned_in_the_first_plan_and_holds_the_credentials() throws IOException {
    needsTheApply();
    assertTrue(firstPlan.changes.containsKey("pyvider_file_content.api_config[0]"), firstPlan.changes.keySet()
        .toString());
    assertEquals("{\"expires_at\":\"" + attribute(T + "api_token", "expires_at") + "\",\"last_updated\":"
        + "\"2024-01-15T14:30:00Z\",\"token\":\"" + attribute(T + "api_token", "token") + "\"}",
        written("config/api_credentials.json"));
  }

  @Test
  @Order(4)
  void the_expiration_notice_is_the_joined_lines() throws IOException {
    needsTheApply();
    assertEquals(String.join("\n", List.of(
        "Token Expiration Notice",
        "=====================",
        "Token Name: batch-job-token",
        "Token ID: " + attribute(T + "time_sensitive", "id"),
        "Expires At: " + attribute(T + "time_sensitive", "expires_at"),
        "",
        "\u26a0\ufe0f  This token will expire automatically.",
        "\u26a0\ufe0f  Plan for token rotation before expiration.",
        "\u26a0\ufe0f  Monitor application logs for authentication failures.",
        "",
        "Generated: 2024-01-15T14:30:00Z")), written("token_expiration_notice.txt"));
  }
}
