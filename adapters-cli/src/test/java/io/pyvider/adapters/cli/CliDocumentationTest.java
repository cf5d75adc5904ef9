package io.pyvider.adapters.cli;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** docs/cli.md documents every command and every exit code the CLI has. */
class CliDocumentationTest {

  private static final Path CLI_MD = Path.of("..", "docs", "cli.md");

  @TempDir
  Path temporary;

  @Test
  void every_command_has_a_section_in_docs_cli_md() throws IOException {
    String doc = Files.readString(CLI_MD);
    CommandLine root = new Cli(CliHarness::testSchemas, null, null, null, null, new TestDistribution(temporary),
        new ScriptedDaemon())
        .commandLine(CliStreams.of(System.in, System.out, System.err, false));
    root.getSubcommands().forEach((name, sub) -> {
      if (name.equals("help")) {
        return;
      }
      if (sub.getSubcommands().isEmpty()) {
        assertTrue(doc.contains("### `" + name), name + " has a section in " + CLI_MD);
      } else {
        sub.getSubcommands().keySet().forEach(leaf ->
            assertTrue(doc.contains("### `" + name + " " + leaf), name + " " + leaf + " has a section"));
      }
    });
  }

  @Test
  void every_exit_code_is_in_the_table() throws IOException {
    String doc = Files.readString(CLI_MD);
    for (int code : new int[] {ExitCodes.OK, ExitCodes.ERROR, ExitCodes.USAGE, ExitCodes.TOKENS_EXPIRING,
        ExitCodes.TOKENS_EXPIRED, ExitCodes.TOKENS_UNREADABLE}) {
      assertTrue(doc.contains("\n| " + code + " | "), "exit code " + code + " documented in " + CLI_MD);
    }
  }
}
