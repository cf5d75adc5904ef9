package io.pyvider.bootstrap.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.pyvider.domain.terraform.cty.Value;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;

/**
 * examples/seed/common-patterns: a primary/backup pair whose secrets go into a file under new directories, a token
 * named after var.environment, a webhook registered with a token (POST to the loopback server) and a monitoring file.
 */
class CommonPatternsExampleIT extends ExampleReplayLifecycle {

  private static final String T = "pyvider_timed_token.";

  @Override
  protected String section() {
    return "common-patterns";
  }

  @Override
  protected Map<String, LoopbackApi.Answer> routes() {
    return Map.of("POST /anything/webhooks", new LoopbackApi.Answer(200, "{\"ok\":true}"));
  }

  @Test
  @Order(4)
  void the_rotation_file_holds_both_secrets_in_directories_the_provider_created() throws IOException {
    needsTheApply();
    assertEquals("{\"backup_token\":{\"expires_at\":\"" + attribute(T + "backup", "expires_at") + "\",\"value\":\""
        + attribute(T + "backup", "token") + "\"},\"primary_token\":{\"expires_at\":\""
        + attribute(T + "primary", "expires_at") + "\",\"value\":\"" + attribute(T + "primary", "token") + "\"}}",
        written("app/config/tokens.json"));
  }

  @Test
  @Order(4)
  void the_environment_token_is_named_after_the_default_environment() {
    needsTheApply();
    assertEquals("development-api-token", attribute(T + "env_token", "name"));
  }

  @Test
  @Order(4)
  void the_webhook_is_registered_with_a_post_carrying_the_token() {
    needsTheApply();
    assertEquals(Set.of("data.pyvider_http_api.register_webhook"), firstPlan.dataDeferred);
    List<LoopbackApi.Request> requests = api.requests();
    assertEquals(1, requests.size(), requests.toString());
    assertEquals("POST", requests.get(0).method());
    assertEquals("/anything/webhooks", requests.get(0).path());
    assertEquals("Bearer " + attribute(T + "webhook_token", "token"), requests.get(0).headers().get("authorization"));
    assertEquals("application/json", requests.get(0).headers().get("content-type"));
    Value.ObjectVal read = (Value.ObjectVal) replay.dataState.get("data.pyvider_http_api.register_webhook");
    assertEquals(Value.number(200), read.get("status_code"));
  }

  @Test
  @Order(4)
  void the_monitoring_file_is_written_under_its_own_directory() throws IOException {
    needsTheApply();
    String monitor = written("monitoring/token_status.json");
    assertEquals("{\"expires_at\":\"" + attribute(T + "monitored_token", "expires_at") + "\",\"monitoring\":{"
        + "\"alert_before_expiry_minutes\":15,\"auto_rotate\":true,"
        + "\"notification_webhook\":\"https://alerts.example.com/webhook\"},\"name\":\"critical-service-token\","
        + "\"token_id\":\"" + attribute(T + "monitored_token", "id") + "\"}", monitor);
    assertTrue(outputDir.resolve("monitoring").toFile().isDirectory());
  }
}
