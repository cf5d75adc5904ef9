package io.pyvider.bootstrap.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** How the replay reads the blocks the ephemeral examples add: ephemeral resources, required_version, outputs. */
class ModuleTest {

  @TempDir
  Path directory;

  private Module load(String main) throws IOException {
    Files.writeString(directory.resolve("main.tf"), main, StandardCharsets.UTF_8);
    return Module.load(directory);
  }

  private static final String TOKEN = "ephemeral \"pyvider_timed_token\" \"t\" {\n  name = \"x\"\n}\n";
  private static final String FILE = "resource \"pyvider_file_content\" \"f\" {\n  filename = \"f.json\"\n"
      + "  content_wo = jsonencode({ token = ephemeral.pyvider_timed_token.t.token })\n  content_wo_version = 1\n}\n";

  @Test
  void an_ephemeral_block_is_a_resource_of_its_own_mode_that_others_depend_on() throws IOException {
    Module module = load(FILE + TOKEN + "resource \"pyvider_timed_token\" \"t\" {\n  name = \"stored\"\n}\n");
    Module.Resource token = module.resources.get("ephemeral.pyvider_timed_token.t");
    assertEquals(Module.Mode.EPHEMERAL, token.mode());
    assertEquals("pyvider_timed_token", token.type());
    assertEquals(Module.Mode.MANAGED, module.resources.get("pyvider_timed_token.t").mode(),
        "a managed resource of the same type and name is another resource");
    assertEquals(Set.of("ephemeral.pyvider_timed_token.t"),
        module.dependencies(module.resources.get("pyvider_file_content.f")));
    assertEquals(List.of("ephemeral.pyvider_timed_token.t", "pyvider_file_content.f", "pyvider_timed_token.t"),
        module.dependencyOrder().stream().map(Module.Resource::address).toList(),
        "the file waits for the token it reads; otherwise declaration order");
  }

  @Test
  void a_reference_to_an_undeclared_ephemeral_resource_is_refused() throws IOException {
    Module module = load(FILE);
    Cty.ConfigError refused = assertThrows(Cty.ConfigError.class, module::dependencyOrder);
    assertTrue(refused.getMessage().contains("Reference to undeclared resource \"ephemeral.pyvider_timed_token.t\""),
        refused.getMessage());
  }

  @Test
  void meta_arguments_the_replay_does_not_model_are_refused_on_ephemeral_blocks() throws IOException {
    assertThrows(Cty.ConfigError.class, () -> load("ephemeral \"pyvider_timed_token\" \"t\" {\n  name = \"x\"\n"
        + "  count = 2\n}\n"));
    assertThrows(Cty.ConfigError.class, () -> load("ephemeral \"pyvider_timed_token\" \"t\" {\n  name = \"x\"\n"
        + "  lifecycle {\n    ignore_changes = []\n  }\n}\n"));
  }

  @Test
  void required_version_and_an_outputs_ephemeral_flag_are_read() throws IOException {
    Module module = load("terraform {\n  required_version = \">= 1.11\"\n}\n" + TOKEN
        + "output \"o\" {\n  value     = 1\n  ephemeral = true\n}\n");
    assertEquals(">= 1.11", module.requiredVersion);
    assertTrue(module.outputs.get("o").ephemeral());
  }
}
