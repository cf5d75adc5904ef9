package io.pyvider.bootstrap.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.pyvider.domain.terraform.cty.Value;
import java.io.IOException;
import java.util.Set;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;

/**
 * examples/ephemeral/api-integration: nine ephemeral tokens, six JSON files that carry them (and their ids and expiry)
 * through content_wo, and a summary and an output that show only what may be stored: names and file names.
 */
class EphemeralApiIntegrationExampleIT extends EphemeralExampleReplayLifecycle {

  private static final String T = "ephemeral.pyvider_timed_token.";
  private static final String SUMMARY = "pyvider_file_content.api_integration_summary";

  @Override
  protected String section() {
    return "api-integration";
  }

  @Override
  protected Set<String> alsoChangedByANewVersion() {
    return Set.of(SUMMARY); // it says which version the token files were written at
  }

  private Value.ObjectVal applied(String name) {
    return openedIn("apply", T + name);
  }

  /** The token, id, name and expiry a file's JSON object holds are those the apply opened for {@code name}. */
  private void assertCarries(JsonNode authentication, String name) {
    Value.ObjectVal token = applied(name);
    assertEquals(text(token, "token"), authentication.path("token").asText(), name + " token");
    assertEquals(text(token, "id"), authentication.path("token_id").asText(), name + " token_id");
    assertEquals(text(token, "name"), authentication.path("token_name").asText(), name + " token_name");
    assertEquals(text(token, "expires_at"), authentication.path("expires_at").asText(), name + " expires_at");
  }

  @Test
  @Order(4)
  void the_client_files_carry_the_tokens_the_apply_opened() throws IOException {
    needsTheApply();
    JsonNode client = writtenJson("external_api_client.json");
    assertEquals("Bearer " + text(applied("external_api"), "token"),
        client.at("/request/headers/Authorization").asText());
    assertEquals(text(applied("external_api"), "id"), client.at("/request/headers/X-Token-ID").asText());
    assertEquals(text(applied("external_api"), "expires_at"), client.at("/token_expires_at").asText());
    assertCarries(writtenJson("webhook_config.json").at("/webhook/authentication"), "webhook_auth");
    assertEquals("[1,5,15]", writtenJson("webhook_config.json").at("/webhook/retry_policy/backoff_seconds")
        .toString());
    assertCarries(writtenJson("database_api_config.json").at("/database_api/connection/authentication"),
        "database_api");
    JsonNode orchestration = writtenJson("service_orchestration.json").at("/orchestration");
    assertCarries(orchestration.at("/coordinator"), "service_orchestrator");
    assertCarries(orchestration.at("/services/payment"), "payment_service");
    assertCarries(orchestration.at("/services/notifications"), "notification_service");
    JsonNode graphql = writtenJson("graphql_config.json");
    assertCarries(graphql.at("/graphql_client/authentication"), "graphql_api");
    assertEquals("query GetUser($id: ID!) { user(id: $id) { id name email profile { avatar bio } } }",
        graphql.at("/graphql_client/queries/user_profile/query").asText());
    JsonNode rotation = writtenJson("token_rotation_strategy.json").at("/token_rotation");
    assertCarries(rotation.at("/primary_token"), "primary_integration");
    assertCarries(rotation.at("/backup_token"), "backup_integration");
  }

  @Test
  @Order(4)
  void the_summary_and_the_output_show_names_and_files_and_no_token_value() throws IOException {
    needsTheApply();
    String summary = written("api_integration_summary.txt");
    assertTrue(summary.contains("  Token: external-service-integration\n"), summary);
    assertTrue(summary.endsWith("Token files written at version 1"), summary);
    for (String address : ephemeralAddresses()) {
      Value.ObjectVal token = openedIn("apply", address);
      assertFalse(summary.contains(text(token, "token")) || summary.contains(text(token, "id"))
          || summary.contains(text(token, "expires_at")), "the summary shows a value of " + address);
    }
    assertFalse(stateOf(SUMMARY).get("content").isNull(), "the summary is ordinary content, stored");
    Ev results = replay.outputs.get("api_integration_results");
    assertFalse(results.sensitive() || results.ephemeral(), "the output needs neither sensitive nor ephemeral");
    Value.ObjectVal rotation = (Value.ObjectVal) ((Value.ObjectVal) results.value()).get("token_rotation");
    assertEquals(Value.string("backup-api-integration"), rotation.get("backup_token"));
    assertTrue(module.resources.values().stream().noneMatch(Module.Resource::data),
        "no data source: none may take a token in its arguments");
  }
}
