package io.pyvider.bootstrap.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.pyvider.domain.terraform.cty.Value;
import java.io.IOException;
import java.util.List;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;

/** examples/seed/basic-usage: six tokens, JSON, YAML and a joined text registry, and a sensitive output. */
class BasicUsageExampleIT extends ExampleReplayLifecycle {

  private static final String T = "pyvider_timed_token.";

  @Override
  protected String section() {
    return "basic-usage";
  }

  @Test
  @Order(4)
  void the_api_config_is_compact_sorted_json_with_token_available_true() throws IOException {
    needsTheApply();
    assertEquals("{\"api_endpoint\":\"https://api.example.com/v1\",\"authentication\":{\"expires_at\":\""
        + attribute(T + "api_auth", "expires_at") + "\",\"token_available\":true,\"token_id\":\""
        + attribute(T + "api_auth", "id") + "\",\"token_name\":\"api-integration-token\"},\"retry_attempts\":3,"
        + "\"timeout_seconds\":30}", written("api_config.json"));
  }

  @Test
  @Order(4)
  void the_service_config_is_terraforms_yaml() throws IOException {
    needsTheApply();
    assertEquals("\"service\":\n"
        + "  \"authentication\":\n"
        + "    \"expires_at\": \"" + attribute(T + "service_auth", "expires_at") + "\"\n"
        + "    \"method\": \"bearer_token\"\n"
        + "    \"token_id\": \"" + attribute(T + "service_auth", "id") + "\"\n"
        + "    \"token_name\": \"background-service-token\"\n"
        + "  \"endpoints\":\n"
        + "    \"health_check\": \"/health\"\n"
        + "    \"metrics\": \"/metrics\"\n"
        + "    \"ready\": \"/ready\"\n"
        + "  \"name\": \"background-processor\"\n", written("service_config.yaml"));
  }

  @Test
  @Order(4)
  void the_registry_joins_the_lines_with_every_token_and_no_trailing_newline() throws IOException {
    needsTheApply();
    String registry = written("token_registry.txt");
    List<String> lines = List.of(registry.split("\n", -1));
    assertEquals(31, lines.size());
    assertEquals("=== Token Registry ===", lines.get(0));
    assertEquals("  ID: " + attribute(T + "simple", "id"), lines.get(4));
    assertEquals("  Read Token: readonly-access-token (" + attribute(T + "read_token", "id") + ")", lines.get(18));
    assertEquals("\u26a0\ufe0f  All tokens are time-limited and will expire automatically.", lines.get(26));
    assertEquals("Registry generated at: 2024-01-15T14:30:00Z", lines.get(30));
  }

  @Test
  @Order(4)
  void the_monitoring_and_access_control_files_hold_the_right_tokens() throws IOException {
    needsTheApply();
    JsonNode monitoring = writtenJson("token_monitoring.json");
    assertEquals(attribute(T + "monitored_token", "id"), monitoring.at("/token_monitoring/token_id").asText());
    assertEquals("2024-01-15T14:30:00Z", monitoring.at("/metadata/created_at").asText());
    assertEquals(15, monitoring.at("/token_monitoring/alerts/expiration_warning/warn_before_minutes").asInt());
    JsonNode access = writtenJson("access_control.json");
    assertEquals(attribute(T + "write_token", "id"), access.at("/access_tokens/readwrite/token_id").asText());
    assertEquals("[\"read\",\"write\",\"delete\",\"list\"]",
        access.at("/access_tokens/readwrite/permissions").toString());
  }

  @Test
  @Order(4)
  void the_output_is_sensitive_because_it_says_whether_tokens_are_set() {
    needsTheApply();
    assertTrue(replay.outputs.get("basic_token_examples").sensitive());
    Value.ObjectVal output = (Value.ObjectVal) outputValue("basic_token_examples");
    Value.ObjectVal summary = (Value.ObjectVal) output.get("summary");
    assertEquals(Value.bool(true), summary.get("all_tokens_valid"));
    assertEquals(Value.number(6), summary.get("total_tokens"));
    assertEquals(5, ((Value.TupleVal) output.get("files_created")).elements().size());
  }
}
