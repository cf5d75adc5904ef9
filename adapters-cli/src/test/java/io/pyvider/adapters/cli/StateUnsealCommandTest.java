package io.pyvider.adapters.cli;

import static io.pyvider.adapters.cli.CliHarness.state;
import static io.pyvider.adapters.cli.TokensAuditCommandTest.assertOneLine;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.pyvider.application.port.out.PrivateData;
import io.pyvider.application.port.out.SealResult;
import io.pyvider.application.port.out.SealingContext;
import io.pyvider.application.port.out.StateSealer;
import io.pyvider.application.port.out.UnsealFailure;
import io.pyvider.application.port.out.UnsealResult;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StateUnsealCommandTest {

  private static final String PYTHON_TOKEN = "token-0b7f5a9e-3c1d-4e2f-8a6b-9c0d1e2f3a4b";

  @TempDir
  Path temporary;

  private CliHarness cli() {
    return new CliHarness(temporary);
  }

  @Test
  void private_state_sealed_by_the_python_provider_opens_with_its_secret_and_the_token_is_masked() {
    CliHarness.Result result = cli().run("state", "unseal", "--state", state("python-provider.tfstate"),
        "--address", "pyvider_timed_token.api");

    assertEquals(ExitCodes.OK, result.code(), result.err());
    assertTrue(result.out().startsWith("pyvider_timed_token.api (pyvider_timed_token, schema version 1)"),
        result.out());
    assertTrue(result.out().contains("opened with an older key or format"), result.out());
    assertTrue(result.out().contains("expires_at  2026-01-15T14:30:00.000000+00:00"), "expires_at is public in "
        + "the schema, so it is shown:\n" + result.out());
    assertTrue(result.out().contains("token       ******** (42 characters; --show-secrets prints it)"),
        result.out());
    assertTrue(result.out().contains("[same as in the state]"), result.out());
    assertFalse(result.out().contains(PYTHON_TOKEN), "masked unless --show-secrets");
  }

  @Test
  void show_secrets_prints_the_token() {
    CliHarness.Result result = cli().run("state", "unseal", "--state", state("python-provider.tfstate"),
        "--address", "pyvider_timed_token.api", "--show-secrets");
    assertEquals(ExitCodes.OK, result.code(), result.err());
    assertTrue(result.out().contains("token       " + PYTHON_TOKEN), result.out());
  }

  @Test
  void a_python_verifier_blob_opens_with_the_other_vector_secret_and_unknown_schemas_mask_everything()
      throws IOException {
    CliHarness.Result result = cli().run("state", "unseal", "--state", state("python-provider.tfstate"),
        "--address", "pyvider_private_state_verifier.check", "--json");
    assertEquals(ExitCodes.OK, result.code(), result.err());
    JsonNode document = new ObjectMapper().readTree(result.out());
    JsonNode field = document.get("fields").get("secret_token");
    assertTrue(field.get("masked").asBoolean());
    assertTrue(field.get("value").isNull());
    assertEquals("SECRET_FOR_TEST-VERIFICATION".length(), field.get("length").asInt());
    assertTrue(field.get("matches_state").isNull(), "the state has no attribute of that name");
    assertTrue(document.get("stale_key").asBoolean());
  }

  @Test
  void json_shows_every_field_and_how_it_compares_with_the_state() throws IOException {
    CliHarness.Result result = cli().run("state", "unseal", "--state", state("mixed.tfstate"), "--address",
        "module.ci.pyvider_timed_token.deploy[\"blue\"]", "--json", "--show-secrets");
    assertEquals(ExitCodes.OK, result.code(), result.err());
    JsonNode document = new ObjectMapper().readTree(result.out());
    assertEquals("module.ci.pyvider_timed_token.deploy[\"blue\"]", document.get("address").asText());
    assertEquals(2, document.get("schema_version").asInt());
    assertFalse(document.get("stale_key").asBoolean());
    JsonNode token = document.get("fields").get("token");
    assertEquals("token-00000000-0000-4000-8000-000000000004", token.get("value").asText());
    assertTrue(token.get("matches_state").asBoolean());
    assertEquals("2026-01-15T15:00:00.000000+00:00", document.get("fields").get("expires_at").get("value").asText());
  }

  @Test
  void a_deposed_object_is_opened_on_request() throws IOException {
    CliHarness.Result result = cli().run("state", "unseal", "--state", state("mixed.tfstate"), "--address",
        "module.ci.pyvider_timed_token.deploy[\"blue\"]", "--deposed", "00000001", "--json");
    assertEquals(ExitCodes.OK, result.code(), result.err());
    assertEquals("2026-01-15T13:59:00.000000+00:00",
        new ObjectMapper().readTree(result.out()).get("fields").get("expires_at").get("value").asText());
  }

  @Test
  void a_count_instance_is_addressed_by_its_index() {
    CliHarness.Result result = cli().run("state", "unseal", "--state", state("mixed.tfstate"), "--address",
        "pyvider_timed_token.fleet[1]");
    assertEquals(ExitCodes.OK, result.code(), result.err());
    assertTrue(result.out().contains("2026-01-15T13:00:00.000000+00:00"), result.out());
  }

  @Test
  void the_wrong_secret_says_precisely_why_it_cannot_unseal() {
    CliHarness cli = cli();
    cli.secrets = List.of("a-different-secret");
    CliHarness.Result result = cli.run("state", "unseal", "--state", state("python-provider.tfstate"), "--address",
        "pyvider_timed_token.api");
    assertEquals(ExitCodes.ERROR, result.code());
    assertOneLine(result.err());
    assertTrue(result.err().startsWith("Error: cannot unseal the private state of pyvider_timed_token.api "
        + "(authentication failed): the private state was sealed by the Python pyvider provider"), result.err());
  }

  @Test
  void no_key_at_all_is_reported_as_such() {
    CliHarness cli = cli();
    cli.secrets = List.of();
    CliHarness.Result result = cli.run("state", "unseal", "--state", state("python-provider.tfstate"), "--address",
        "pyvider_timed_token.api");
    assertEquals(ExitCodes.ERROR, result.code());
    assertOneLine(result.err());
    assertTrue(result.err().contains("(no key)"), result.err());
  }

  @Test
  void the_sealer_detail_reaches_the_user_unchanged() {
    CliHarness cli = cli();
    cli.sealer = new StateSealer() {
      @Override
      public SealResult seal(PrivateData data, SealingContext context) {
        throw new AssertionError("unseal never seals");
      }

      @Override
      public UnsealResult unseal(byte[] blob, SealingContext context) {
        assertEquals("pyvider_timed_token", context.resourceType());
        return new UnsealResult.Failed(UnsealFailure.UNKNOWN_KEY, "the private state was sealed with key id "
            + "0123456789abcdef, which is not in the key ring");
      }
    };
    CliHarness.Result result = cli.run("state", "unseal", "--state", state("mixed.tfstate"), "--address",
        "pyvider_timed_token.api");
    assertEquals(ExitCodes.ERROR, result.code());
    assertEquals("Error: cannot unseal the private state of pyvider_timed_token.api (unknown key): the private state "
        + "was sealed with key id 0123456789abcdef, which is not in the key ring\n", result.err());
  }

  @Test
  void an_address_that_does_not_exist_lists_the_instances_with_private_state() {
    CliHarness.Result result = cli().run("state", "unseal", "--state", state("mixed.tfstate"), "--address",
        "pyvider_timed_token.nope");
    assertEquals(ExitCodes.ERROR, result.code());
    assertOneLine(result.err());
    assertTrue(result.err().contains("no resource instance pyvider_timed_token.nope in "), result.err());
    assertTrue(result.err().contains("instances with private state: pyvider_timed_token.api, "
        + "pyvider_timed_token.fleet[0]"), result.err());
  }

  @Test
  void a_resource_address_without_its_key_suggests_the_instances() {
    CliHarness.Result result = cli().run("state", "unseal", "--state", state("mixed.tfstate"), "--address",
        "module.ci.pyvider_timed_token.deploy");
    assertEquals(ExitCodes.ERROR, result.code());
    assertOneLine(result.err());
    assertTrue(result.err().contains("did you mean module.ci.pyvider_timed_token.deploy[\"blue\"] or "
        + "module.ci.pyvider_timed_token.deploy[\"green\"]?"), result.err());
  }

  @Test
  void an_instance_without_private_state_says_there_is_nothing_to_unseal() {
    CliHarness.Result result = cli().run("state", "unseal", "--state", state("mixed.tfstate"), "--address",
        "pyvider_file_content.cfg");
    assertEquals(ExitCodes.ERROR, result.code());
    assertOneLine(result.err());
    assertTrue(result.err().contains("pyvider_file_content.cfg has no private state"), result.err());
  }

  @Test
  void a_data_source_has_no_private_state() {
    CliHarness.Result result = cli().run("state", "unseal", "--state", state("mixed.tfstate"), "--address",
        "data.pyvider_env_variables.env");
    assertEquals(ExitCodes.ERROR, result.code());
    assertTrue(result.err().contains("is a data source"), result.err());
  }

  @Test
  void a_private_state_that_is_not_base64_is_reported() throws IOException {
    Path file = temporary.resolve("altered.tfstate");
    Files.writeString(file, CliHarness.read("mixed.tfstate").replaceFirst("\"private\": \"[^\"]+\"",
        "\"private\": \"not base64!\""));
    CliHarness.Result result = cli().run("state", "unseal", "--state", file.toString(), "--address",
        "pyvider_timed_token.api");
    assertEquals(ExitCodes.ERROR, result.code());
    assertOneLine(result.err());
    assertEquals("Error: the private state of pyvider_timed_token.api in " + file + " is not valid base64: the state "
        + "file was altered\n", result.err());
  }

  @Test
  void bad_state_files_fail_the_same_way_as_for_the_audit() {
    CliHarness.Result result = cli().run("state", "unseal", "--state", state("truncated.tfstate"), "--address",
        "pyvider_timed_token.api");
    assertEquals(ExitCodes.ERROR, result.code());
    assertOneLine(result.err());
    assertTrue(result.err().contains("is truncated"), result.err());
  }

  @Test
  void address_is_required() {
    CliHarness.Result result = cli().run("state", "unseal", "--state", state("mixed.tfstate"));
    assertEquals(ExitCodes.USAGE, result.code());
    assertOneLine(result.err());
    assertTrue(result.err().contains("--address"), result.err());
  }
}
