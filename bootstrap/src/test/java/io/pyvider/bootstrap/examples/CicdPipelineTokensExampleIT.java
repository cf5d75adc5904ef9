package io.pyvider.bootstrap.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.util.List;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;

/**
 * examples/seed/cicd-pipeline-tokens: five tokens and six pipeline files. The YAML documents below are written out
 * by hand from Terraform's yamlencode rules (every string double-quoted, keys sorted, a sequence under a key at the
 * key's column, multi-line strings as literal blocks), independently of the encoder the replay uses.
 */
class CicdPipelineTokensExampleIT extends ExampleReplayLifecycle {

  private static final String T = "pyvider_timed_token.";

  @Override
  protected String section() {
    return "cicd-pipeline-tokens";
  }

  @Test
  @Order(4)
  void the_github_actions_file_is_terraforms_yaml_with_quoted_on_and_indentless_sequences() throws IOException {
    needsTheApply();
    String id = attribute(T + "github_deploy", "id");
    String expires = attribute(T + "github_deploy", "expires_at");
    assertEquals("\"deployment\":\n"
        + "  \"deployment_strategy\": \"rolling\"\n"
        + "  \"environment\": \"production\"\n"
        + "  \"timeout_minutes\": 30\n"
        + "  \"token_info\":\n"
        + "    \"expires_at\": \"" + expires + "\"\n"
        + "    \"id\": \"" + id + "\"\n"
        + "    \"name\": \"github-actions-deployment\"\n"
        + "    \"token_available\": true\n"
        + "\"workflow\":\n"
        + "  \"jobs\":\n"
        + "    \"deploy\":\n"
        + "      \"runs-on\": \"ubuntu-latest\"\n"
        + "      \"steps\":\n"
        + "      - \"name\": \"Checkout code\"\n"
        + "        \"uses\": \"actions/checkout@v3\"\n"
        + "      - \"env\":\n"
        + "          \"DEPLOY_TOKEN_EXPIRES\": \"" + expires + "\"\n"
        + "          \"DEPLOY_TOKEN_ID\": \"" + id + "\"\n"
        + "        \"name\": \"Deploy with temporary token\"\n"
        + "        \"run\": \"deploy.sh\"\n"
        + "  \"name\": \"Deploy to Production\"\n"
        + "  \"on\":\n"
        + "    \"push\":\n"
        + "      \"branches\":\n"
        + "      - \"main\"\n", written("github_actions_config.yaml"));
  }

  @Test
  @Order(4)
  void the_gitlab_file_escapes_the_quotes_of_the_echo_commands() throws IOException {
    needsTheApply();
    assertEquals("\"before_script\":\n"
        + "- \"echo \\\"Using CI token: $CI_TOKEN_NAME\\\"\"\n"
        + "- \"echo \\\"Token expires at: $TOKEN_EXPIRES_AT\\\"\"\n"
        + "- \"# Token validation would happen here\"\n"
        + "\"build\":\n"
        + "  \"artifacts\":\n"
        + "    \"expire_in\": \"1 hour\"\n"
        + "    \"paths\":\n"
        + "    - \"dist/\"\n"
        + "  \"script\":\n"
        + "  - \"echo \\\"Building with token ID: $CI_TOKEN_ID\\\"\"\n"
        + "  - \"# Build commands using the temporary token\"\n"
        + "  \"stage\": \"build\"\n"
        + "\"deploy\":\n"
        + "  \"only\":\n"
        + "  - \"main\"\n"
        + "  \"script\":\n"
        + "  - \"echo \\\"Deploying with token: $CI_TOKEN_NAME\\\"\"\n"
        + "  - \"echo \\\"Deployment token expires: $TOKEN_EXPIRES_AT\\\"\"\n"
        + "  - \"# Deployment commands using the token\"\n"
        + "  \"stage\": \"deploy\"\n"
        + "  \"when\": \"manual\"\n"
        + "\"stages\":\n"
        + "- \"build\"\n"
        + "- \"test\"\n"
        + "- \"deploy\"\n"
        + "\"test\":\n"
        + "  \"dependencies\":\n"
        + "  - \"build\"\n"
        + "  \"script\":\n"
        + "  - \"echo \\\"Testing with temporary credentials\\\"\"\n"
        + "  - \"# Test commands with token authentication\"\n"
        + "  \"stage\": \"test\"\n"
        + "\"variables\":\n"
        + "  \"CI_TOKEN_ID\": \"" + attribute(T + "gitlab_ci", "id") + "\"\n"
        + "  \"CI_TOKEN_NAME\": \"gitlab-ci-deployment\"\n"
        + "  \"TOKEN_EXPIRES_AT\": \"" + attribute(T + "gitlab_ci", "expires_at") + "\"\n",
        written("gitlab-ci.yml"));
  }

  @Test
  @Order(4)
  void the_circleci_file_writes_joined_commands_as_literal_blocks() throws IOException {
    needsTheApply();
    assertEquals("\"executors\":\n"
        + "  \"default\":\n"
        + "    \"docker\":\n"
        + "    - \"image\": \"cimg/node:18.0\"\n"
        + "    \"environment\":\n"
        + "      \"CI_TOKEN_ID\": \"" + attribute(T + "circleci", "id") + "\"\n"
        + "      \"CI_TOKEN_NAME\": \"circleci-workflow\"\n"
        + "      \"TOKEN_EXPIRES_AT\": \"" + attribute(T + "circleci", "expires_at") + "\"\n"
        + "\"jobs\":\n"
        + "  \"build\":\n"
        + "    \"executor\": \"default\"\n"
        + "    \"steps\":\n"
        + "    - \"checkout\"\n"
        + "    - \"run\":\n"
        + "        \"command\": |-\n"
        + "          echo \"Using CircleCI token: $CI_TOKEN_NAME\"\n"
        + "          echo \"Token ID: $CI_TOKEN_ID\"\n"
        + "          echo \"Expires at: $TOKEN_EXPIRES_AT\"\n"
        + "          # Token validation logic here\n"
        + "        \"name\": \"Validate Token\"\n"
        + "    - \"run\":\n"
        + "        \"command\": |-\n"
        + "          echo \"Building with temporary token\"\n"
        + "          # Build commands using the token\n"
        + "        \"name\": \"Build Application\"\n"
        + "  \"deploy\":\n"
        + "    \"executor\": \"default\"\n"
        + "    \"steps\":\n"
        + "    - \"checkout\"\n"
        + "    - \"run\":\n"
        + "        \"command\": |-\n"
        + "          echo \"Deploying with token: $CI_TOKEN_NAME\"\n"
        + "          echo \"Token expires: $TOKEN_EXPIRES_AT\"\n"
        + "          # Deployment commands using the token\n"
        + "        \"name\": \"Deploy to Production\"\n"
        + "  \"test\":\n"
        + "    \"executor\": \"default\"\n"
        + "    \"steps\":\n"
        + "    - \"checkout\"\n"
        + "    - \"run\":\n"
        + "        \"command\": |-\n"
        + "          echo \"Testing with token: $CI_TOKEN_NAME\"\n"
        + "          # Test commands with token authentication\n"
        + "        \"name\": \"Run Tests\"\n"
        + "\"version\": \"2.1\"\n"
        + "\"workflows\":\n"
        + "  \"build_test_deploy\":\n"
        + "    \"jobs\":\n"
        + "    - \"build\"\n"
        + "    - \"test\":\n"
        + "        \"requires\":\n"
        + "        - \"build\"\n"
        + "    - \"deploy\":\n"
        + "        \"filters\":\n"
        + "          \"branches\":\n"
        + "            \"only\":\n"
        + "            - \"main\"\n"
        + "        \"requires\":\n"
        + "        - \"test\"\n", written("circleci_config.yml"));
  }

  @Test
  @Order(4)
  void the_jenkins_and_azure_files_are_the_joined_lines_with_the_token_interpolated() throws IOException {
    needsTheApply();
    String id = attribute(T + "jenkins_build", "id");
    List<String> jenkins = List.of(written("Jenkinsfile.config").split("\n", -1));
    assertEquals("// Generated with temporary token: " + id, jenkins.get(1));
    assertEquals("    ", jenkins.get(5), "a line of four spaces stays as written");
    assertEquals("        BUILD_TOKEN_ID = '" + id + "'", jenkins.get(7));
    assertEquals("                    echo \"Using token: jenkins-build-pipeline\"", jenkins.get(16));
    assertEquals("}", jenkins.get(jenkins.size() - 1), "join adds no trailing newline");
    List<String> azure = List.of(written("azure-pipelines.yml").split("\n", -1));
    assertEquals("# Token ID: " + attribute(T + "azure_devops", "id"), azure.get(2));
    assertEquals("  tokenExpiresAt: '" + attribute(T + "azure_devops", "expires_at") + "'", azure.get(14));
    assertEquals("                  displayName: 'Deploy Application'", azure.get(azure.size() - 1));
  }

  @Test
  @Order(4)
  void the_summary_lists_every_platform_and_the_output_needs_no_sensitive_flag() throws IOException {
    needsTheApply();
    JsonNode summary = writtenJson("cicd_token_summary.json");
    assertEquals("2024-01-15T14:30:00Z", summary.get("timestamp").asText());
    assertEquals(attribute(T + "circleci", "id"), summary.at("/ci_cd_tokens/circleci/token_id").asText());
    assertEquals(6, summary.get("best_practices").size());
    assertFalse(replay.outputs.get("cicd_token_configurations").sensitive());
    assertTrue(outputValue("cicd_token_configurations").isWhollyKnown());
  }
}
