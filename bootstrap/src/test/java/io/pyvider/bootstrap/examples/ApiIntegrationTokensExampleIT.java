package io.pyvider.bootstrap.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.pyvider.domain.terraform.cty.Value;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;

/**
 * examples/seed/api-integration-tokens: eight tokens, two pyvider_http_api requests authenticated with them (answered
 * by the loopback server: 200 for the GET, 201 for the POST), and files that show the status codes.
 */
class ApiIntegrationTokensExampleIT extends ExampleReplayLifecycle {

  private static final String T = "pyvider_timed_token.";
  private static final String GET = "data.pyvider_http_api.authenticated_request";
  private static final String POST = "data.pyvider_http_api.register_webhook";

  @Override
  protected String section() {
    return "api-integration-tokens";
  }

  @Override
  protected Map<String, LoopbackApi.Answer> routes() {
    return Map.of("GET /anything/v1/data", new LoopbackApi.Answer(200, "{\"data\":[1,2,3]}"),
        "POST /anything/webhooks/register", new LoopbackApi.Answer(201, "{\"registered\":true}"));
  }

  @Test
  @Order(4)
  void both_requests_wait_for_their_token_and_are_sent_at_apply_with_it() {
    needsTheApply();
    assertEquals(Set.of(GET, POST), firstPlan.dataDeferred, "the headers hold unknown tokens during the first plan");
    List<LoopbackApi.Request> requests = api.requests();
    LoopbackApi.Request get = requests.stream().filter(r -> r.method().equals("GET")).findFirst().orElseThrow();
    assertEquals("/anything/v1/data", get.path());
    assertEquals("Bearer " + attribute(T + "external_api", "token"), get.headers().get("authorization"));
    assertEquals(attribute(T + "external_api", "id"), get.headers().get("x-token-id"));
    assertEquals("2024-01-01", get.headers().get("x-api-version"));
    LoopbackApi.Request post = requests.stream().filter(r -> r.method().equals("POST")).findFirst().orElseThrow();
    assertEquals("/anything/webhooks/register", post.path());
    assertEquals("Bearer " + attribute(T + "webhook_auth", "token"), post.headers().get("authorization"));
    assertEquals("", post.body(), "the example sends no body");
    assertEquals(2, requests.size(), "one request per data source during the apply: " + requests);
    List<String> apply = replay.journal.get("apply");
    assertTrue(apply.indexOf("read " + GET) > apply.indexOf("apply " + T + "external_api")
        && apply.indexOf("read " + GET) < apply.indexOf("apply pyvider_file_content.api_integration_summary"),
        "the GET is read after its token is applied and before the summary that shows its status: " + apply);
  }

  @Test
  @Order(4)
  void the_summary_shows_the_status_codes_the_requests_got() throws IOException {
    needsTheApply();
    List<String> lines = List.of(written("api_integration_summary.txt").split("\n", -1));
    assertTrue(lines.contains("  API Status: 200"), lines.toString());
    assertTrue(lines.contains("  Registration Status: 201"), lines.toString());
    assertTrue(lines.contains("  Token: " + "graphql-service-token"), lines.toString());
    assertEquals("Generated at: 2024-01-15T14:30:00Z", lines.get(lines.size() - 1));
    Value.ObjectVal results = (Value.ObjectVal) outputValue("api_integration_results");
    Value.ObjectVal integrations = (Value.ObjectVal) results.get("integrations");
    assertEquals(Value.bool(true), ((Value.ObjectVal) integrations.get("external_api")).get("api_success"));
    assertEquals(Value.bool(true), ((Value.ObjectVal) integrations.get("webhook")).get("registration_success"));
    assertFalse(replay.outputs.get("api_integration_results").sensitive());
  }

  @Test
  @Order(4)
  void the_json_files_keep_numbers_lists_and_graphql_text_intact() throws IOException {
    needsTheApply();
    JsonNode webhook = writtenJson("webhook_config.json");
    assertEquals("[1,5,15]", webhook.at("/webhook/retry_policy/backoff_seconds").toString());
    assertEquals(attribute(T + "webhook_auth", "id"), webhook.at("/webhook/authentication/token_id").asText());
    JsonNode graphql = writtenJson("graphql_config.json");
    assertEquals("query GetUser($id: ID!) { user(id: $id) { id name email profile { avatar bio } } }",
        graphql.at("/graphql_client/queries/user_profile/query").asText());
    assertTrue(written("graphql_config.json").startsWith("{\"client_options\":{\"batch_requests\":true,"),
        "keys sorted, compact");
    JsonNode rotation = writtenJson("token_rotation_strategy.json");
    assertEquals(attribute(T + "backup_integration", "id"), rotation.at("/token_rotation/backup_token/token_id")
        .asText());
  }

  @Test
  @Order(11)
  void the_second_plan_reads_both_data_sources_because_their_configuration_is_now_known() {
    needsTheSecondPlan();
    assertEquals(Set.of(GET, POST), secondPlan.dataRead.keySet());
    assertEquals(Value.number(200), ((Value.ObjectVal) secondPlan.dataRead.get(GET)).get("status_code"));
    assertEquals(Value.number(201), ((Value.ObjectVal) secondPlan.dataRead.get(POST)).get("status_code"));
  }
}
