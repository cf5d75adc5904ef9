package io.pyvider.bootstrap.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;

/**
 * examples/seed/best-practices: descriptive names, a lifecycle block, a validated environment variable, and a token
 * whose name carries a formatdate() generation stamp next to a registry file.
 */
class BestPracticesExampleIT extends ExampleReplayLifecycle {

  private static final String T = "pyvider_timed_token.";

  @Override
  protected String section() {
    return "best-practices";
  }

  @Test
  @Order(4)
  void every_token_has_the_name_the_example_gives_it() {
    needsTheApply();
    Map<String, String> names = new TreeMap<>();
    replay.state.keySet().stream().filter(a -> a.startsWith(T)).forEach(a -> names.put(a, attribute(a, "name")));
    assertEquals(Map.of(
        T + "api_gateway_auth", "api-gateway-service-auth",
        T + "database_migration", "db-migration-readonly-token",
        T + "env_isolated", "dev-service-token",
        T + "github_actions_deploy", "github-actions-deployment-token",
        T + "rotatable", "service-api-token-2024-01-15-1430",
        T + "token1", "token"), names);
  }

  @Test
  @Order(4)
  void the_registry_records_the_current_generation() throws IOException {
    needsTheApply();
    assertEquals("{\"current_generation\":{\"created_at\":\"2024-01-15T14:30:00Z\",\"expires_at\":\""
        + attribute(T + "rotatable", "expires_at") + "\",\"token_id\":\"" + attribute(T + "rotatable", "id")
        + "\"},\"rotation_policy\":{\"advance_notice_minutes\":30,\"automatic\":false,"
        + "\"fallback_strategy\":\"maintain_previous_token\"}}", written("registry/token_generations.json"));
  }
}
