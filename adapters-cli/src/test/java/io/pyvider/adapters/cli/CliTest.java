package io.pyvider.adapters.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class CliTest {

  @TempDir
  Path temporary;

  @ParameterizedTest(name = "{0} --help")
  @ValueSource(strings = {"", "schema", "docs", "docs generate", "tokens", "tokens audit", "state", "state unseal",
      "keygen", "doctor", "daemon", "daemon status", "daemon stop", "install", "version"})
  void every_command_has_help_with_its_exit_codes(String command) {
    String[] args = (command.isEmpty() ? "--help" : command + " --help").split(" ");
    CliHarness.Result result = new CliHarness(temporary).run(args);
    assertEquals(ExitCodes.OK, result.code(), result.err());
    assertTrue(result.out().startsWith("Usage: terraform-provider-pyvider" + (command.isEmpty() ? "" : " " + command)),
        result.out());
    assertTrue(result.out().contains("\nExit codes:\n"), result.out());
    assertTrue(result.out().matches("(?s).*\\n\\s+2\\s+usage error.*"), result.out());
    assertEquals("", result.err());
  }

  @Test
  void the_top_level_help_lists_every_command() {
    String out = new CliHarness(temporary).run("-h").out();
    for (String command : new String[] {"schema", "docs", "tokens", "state", "keygen", "doctor", "daemon", "install",
        "version", "help"}) {
      assertTrue(out.matches("(?s).*\\n  " + command + "\\b.*"), command + " listed:\n" + out);
    }
  }

  @Test
  void the_help_command_shows_a_commands_help() {
    CliHarness.Result result = new CliHarness(temporary).run("help", "tokens");
    assertEquals(ExitCodes.OK, result.code());
    assertTrue(result.out().startsWith("Usage: terraform-provider-pyvider tokens"), result.out());
    assertTrue(result.out().contains("audit"), result.out());
  }

  @Test
  void an_unknown_command_is_a_one_line_usage_error_with_a_suggestion() {
    CliHarness.Result result = new CliHarness(temporary).run("doctr");
    assertEquals(ExitCodes.USAGE, result.code());
    TokensAuditCommandTest.assertOneLine(result.err());
    assertTrue(result.err().startsWith(
        "Usage error: Unmatched argument at index 0: 'doctr'; did you mean doctor or docs?"),
        result.err());
    assertTrue(result.err().endsWith("(see 'terraform-provider-pyvider --help')\n"), result.err());
  }

  @Test
  void an_unexpected_failure_is_one_line_and_the_stack_trace_needs_debug() {
    CliHarness cli = new CliHarness(temporary);
    cli.schemas = () -> {
      throw new IllegalStateException("catalog exploded");
    };
    CliHarness.Result plain = cli.run("schema");
    assertEquals(ExitCodes.ERROR, plain.code());
    TokensAuditCommandTest.assertOneLine(plain.err());
    assertEquals("Error: terraform-provider-pyvider schema failed unexpectedly: catalog exploded (run again with "
        + "--debug for the stack trace)\n", plain.err());

    cli.schemas = () -> {
      throw new IllegalStateException(new UncheckedIOException(new IOException("disk on fire")));
    };
    CliHarness.Result wrapped = cli.run("schema");
    TokensAuditCommandTest.assertOneLine(wrapped.err());
    assertTrue(wrapped.err().contains("failed unexpectedly: disk on fire"), wrapped.err());

    cli.schemas = () -> {
      throw new NullPointerException();
    };
    TokensAuditCommandTest.assertOneLine(cli.run("schema").err());

    CliHarness.Result debug = cli.run("schema", "--debug");
    assertEquals(ExitCodes.ERROR, debug.code());
    assertTrue(debug.err().contains("\tat io.pyvider.adapters.cli.SchemaCommand.call"), debug.err());
  }

  @Test
  void help_is_plain_text_off_a_terminal_and_coloured_on_one() {
    CliHarness plain = new CliHarness(temporary);
    assertFalse(plain.run("--help").out().contains("\u001b["));
    CliHarness terminal = new CliHarness(temporary);
    terminal.colour = true;
    assertTrue(terminal.run("--help").out().contains("\u001b["));
  }

  @Test
  void colour_needs_a_console_and_no_no_color() {
    assertTrue(CliStreams.colourWanted(true, null));
    assertTrue(CliStreams.colourWanted(true, ""));
    assertFalse(CliStreams.colourWanted(true, "1"));
    assertFalse(CliStreams.colourWanted(false, null));
  }
}
