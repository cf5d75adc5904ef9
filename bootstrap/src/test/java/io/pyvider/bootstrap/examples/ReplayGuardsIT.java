package io.pyvider.bootstrap.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.pyvider.bootstrap.e2e.ReplayBridge;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The replay's own checks fail when they should: configurations Terraform rejects are rejected, and a file changed
 * behind Terraform's back makes the second plan non-empty. Without these, a passing example replay would prove less.
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

  @Test
  void a_file_edited_after_apply_makes_the_second_plan_rewrite_it() throws IOException {
    Replay replay = replay("drift", TOKEN_AND_FILE);
    replay.validate();
    replay.apply(replay.plan("plan"));
    Path file = replay.filesWritten.keySet().iterator().next();
    assertTrue(Files.readString(file).startsWith("id=timed-token-id-"));
    Files.writeString(file, "edited by hand", StandardCharsets.UTF_8);
    Replay.PlanOutcome second = replay.plan("plan-2");
    assertEquals(Map.of("pyvider_file_content.f", "UPDATE"), second.pendingChanges());
    replay.destroy();
    assertEquals(Map.of(), replay.state);
    assertFalse(Files.exists(file), "destroy deletes the file");
  }
}
