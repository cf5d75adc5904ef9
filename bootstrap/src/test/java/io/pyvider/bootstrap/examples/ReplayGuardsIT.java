package io.pyvider.bootstrap.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.pyvider.bootstrap.e2e.ReplayBridge;
import io.pyvider.domain.terraform.cty.Value;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The replay's own checks fail when they should: configurations Terraform rejects are rejected (each refusal of an
 * ephemeral value checked against Terraform 1.11.4's `terraform validate`), and a file changed behind Terraform's back
 * makes the second plan non-empty. Without these, a passing example replay would prove less.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ReplayGuardsIT {

  private static final String PROVIDER = "terraform {\n  required_providers {\n    pyvider = {\n"
      + "      source = \"provide-io/pyvider\"\n    }\n  }\n}\n";
  private static final String TOKEN_AND_FILE = "variable \"output_dir\" {\n  type = string\n}\n\n"
      + "resource \"pyvider_timed_token\" \"t\" {\n  name = \"guard\"\n}\n\n"
      + "resource \"pyvider_file_content\" \"f\" {\n  filename = \"${var.output_dir}/f.txt\"\n"
      + "  content  = \"id=${pyvider_timed_token.t.id}\"\n}\n";

  private Path root;
  private ReplayBridge terraform;

  @BeforeAll
  void start() throws IOException {
    root = Files.createTempDirectory("pyvider-replay-guards");
    terraform = ReplayBridge.start(root.resolve("home"));
  }

  @AfterAll
  void stop() throws IOException {
    try {
      terraform.close();
    } finally {
      ExampleReplayLifecycle.deleteTree(root);
    }
  }

  private Replay replay(String name, String main) throws IOException {
    Path dir = Files.createDirectories(root.resolve(name));
    Files.writeString(dir.resolve("provider.tf"), PROVIDER, StandardCharsets.UTF_8);
    Files.writeString(dir.resolve("main.tf"), main, StandardCharsets.UTF_8);
    Module module = Module.load(dir);
    return new Replay(module, terraform, module.variables.containsKey("output_dir")
        ? Map.of("output_dir", dir.resolve("out").toString()) : Map.of());
  }

  @Test
  void an_output_showing_the_token_without_sensitive_is_refused_at_plan() throws IOException {
    Replay replay = replay("leak", TOKEN_AND_FILE + "\noutput \"leak\" {\n  value = pyvider_timed_token.t.token\n}\n");
    replay.validate();
    Cty.ConfigError refused = assertThrows(Cty.ConfigError.class, () -> replay.plan("plan"));
    assertTrue(refused.getMessage().contains("Output refers to sensitive values"), refused.getMessage());
  }

  @Test
  void an_argument_the_schema_does_not_have_is_refused() throws IOException {
    Replay replay = replay("typo", "resource \"pyvider_timed_token\" \"t\" {\n  name = \"x\"\n  ttl  = \"1h\"\n}\n");
    Cty.ConfigError refused = assertThrows(Cty.ConfigError.class, replay::validate);
    assertTrue(refused.getMessage().contains("Unsupported argument"), refused.getMessage());
  }

  private static final String EPHEMERAL_TOKEN = "ephemeral \"pyvider_timed_token\" \"t\" {\n  name = \"guard\"\n}\n\n";

  @Test
  void an_ephemeral_token_in_a_stored_argument_is_refused_by_the_validate_walk() throws IOException {
    Replay replay = replay("ephemeral-content", EPHEMERAL_TOKEN + "resource \"pyvider_file_content\" \"f\" {\n"
        + "  filename = \"f.txt\"\n  content  = \"token=${ephemeral.pyvider_timed_token.t.token}\"\n}\n");
    Cty.ConfigError refused = assertThrows(Cty.ConfigError.class, replay::validate);
    assertTrue(refused.getMessage().contains("Invalid use of ephemeral value: Ephemeral values are not valid for "
        + "\"content\""), refused.getMessage());
  }

  @Test
  void an_ephemeral_token_in_a_data_source_header_is_refused_by_the_validate_walk() throws IOException {
    Replay replay = replay("ephemeral-header", EPHEMERAL_TOKEN + "data \"pyvider_http_api\" \"h\" {\n"
        + "  url     = \"http://127.0.0.1:9/x\"\n"
        + "  headers = { Authorization = \"Bearer ${ephemeral.pyvider_timed_token.t.token}\" }\n}\n");
    Cty.ConfigError refused = assertThrows(Cty.ConfigError.class, replay::validate);
    assertTrue(refused.getMessage().contains("Ephemeral values are not valid for \"headers\""), refused.getMessage());
  }

  @Test
  void an_output_of_an_ephemeral_value_is_refused_by_the_validate_walk() throws IOException {
    Replay replay = replay("ephemeral-output", EPHEMERAL_TOKEN
        + "output \"expiry\" {\n  value = ephemeral.pyvider_timed_token.t.expires_at\n}\n");
    Cty.ConfigError refused = assertThrows(Cty.ConfigError.class, replay::validate);
    assertTrue(refused.getMessage().contains("Ephemeral value not allowed"), refused.getMessage());
  }

  @Test
  void an_ephemeral_token_is_opened_and_closed_by_each_walk_and_reaches_only_the_write_only_argument()
      throws IOException {
    Replay replay = replay("ephemeral-file", "variable \"output_dir\" {\n  type = string\n}\n\n" + EPHEMERAL_TOKEN
        + "resource \"pyvider_file_content\" \"f\" {\n  filename = \"${var.output_dir}/f.txt\"\n"
        + "  content_wo = ephemeral.pyvider_timed_token.t.token\n  content_wo_version = 1\n}\n");
    replay.validate();
    replay.apply(replay.plan("plan"));
    String token = ((Value.Str) ((Value.ObjectVal) replay.opened.get("apply").get("ephemeral.pyvider_timed_token.t"))
        .get("token")).value();
    Path file = replay.filesWritten.iterator().next();
    assertEquals(token, Files.readString(file), "the file holds the token opened by the apply walk");
    assertEquals(List.of("open ephemeral.pyvider_timed_token.t", "plan pyvider_file_content.f",
        "close ephemeral.pyvider_timed_token.t"), replay.journal.get("plan"));
    assertEquals(List.of("open ephemeral.pyvider_timed_token.t", "apply pyvider_file_content.f",
        "close ephemeral.pyvider_timed_token.t"), replay.journal.get("apply"));
    replay.destroy();
    assertEquals(List.of("open ephemeral.pyvider_timed_token.t", "plan pyvider_file_content.f",
        "close ephemeral.pyvider_timed_token.t"), replay.journal.get("destroy-refresh"));
    assertEquals(List.of("plan pyvider_file_content.f"), replay.journal.get("destroy-plan"),
        "the destroy plan needs no ephemeral value");
    assertFalse(Files.exists(file));
  }

  @Test
  void a_file_edited_after_apply_makes_the_second_plan_rewrite_it() throws IOException {
    Replay replay = replay("drift", TOKEN_AND_FILE);
    replay.validate();
    replay.apply(replay.plan("plan"));
    Path file = replay.filesWritten.iterator().next();
    assertTrue(Files.readString(file).startsWith("id=timed-token-id-"));
    Files.writeString(file, "edited by hand", StandardCharsets.UTF_8);
    Replay.PlanOutcome second = replay.plan("plan-2");
    assertEquals(Map.of("pyvider_file_content.f", "UPDATE"), second.pendingChanges());
    replay.destroy();
    assertEquals(Map.of(), replay.state);
    assertFalse(Files.exists(file), "destroy deletes the file");
  }
}
