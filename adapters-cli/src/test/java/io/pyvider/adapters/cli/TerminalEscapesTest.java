package io.pyvider.adapters.cli;

import static io.pyvider.adapters.cli.TokensAuditCommandTest.assertOneLine;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Text that comes from outside the CLI (state files, paths, the environment, the daemon, the provider binary) reaches a
 * terminal, a log or a cron mail with its control characters shown as escapes: it can neither drive the terminal nor
 * forge a line of output. JSON output keeps every value exactly.
 */
class TerminalEscapesTest {

  /** Sets the terminal's title. */
  static final String TITLE = "\u001b]0;owned\u0007";
  /** Clears the screen. */
  static final String CLEAR = "\u001b[2J";
  /** Starts a line of its own that reads like a valid token. */
  static final String FORGED_LINE = "\r\npyvider_timed_token.forged  all good  valid";
  /** A right-to-left override, a C1 control sequence introducer, DEL and a line separator. */
  static final String INVISIBLE = "\u202e\u009b\u007f\u2028";

  /**
   * What no text output may carry: C0 controls but the line feed that ends each line, DEL, C1 controls, the Unicode
   * line and paragraph separators, and the bidirectional marks, embeddings, overrides and isolates.
   */
  private static final Pattern UNPRINTABLE = Pattern.compile("[\\x00-\\x09\\x0b-\\x1f\\x7f-\\x9f"
      + "\\u2028\\u2029\\u061c\\u200e\\u200f\\u202a-\\u202e\\u2066-\\u2069]");

  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir
  Path temporary;

  static void assertPrintable(String output) {
    Matcher found = UNPRINTABLE.matcher(output);
    assertFalse(found.find(), () -> String.format("U+%04X at %d in:%n%s", (int) output.charAt(found.start()),
        found.start(), output));
  }

  @Test
  void the_audit_table_shows_control_characters_from_the_state_as_escapes_and_keeps_one_line_per_token()
      throws IOException {
    CliHarness.Result result = new CliHarness(temporary).run("tokens", "audit", "--state", hostileState().toString());

    assertEquals(ExitCodes.TOKENS_UNREADABLE, result.code(), result.err());
    assertPrintable(result.out());
    String[] lines = result.out().split("\n");
    assertEquals(1 + 2 + 1 + 1, lines.length, "header, two tokens, blank line, summary:\n" + result.out());
    assertTrue(result.out().contains("pyvider_timed_token.api\\u001B]0;owned\\u0007"), result.out());
    assertTrue(result.out().contains("n\\u001B[2J\\r\\npyvider_timed_token.forged  all good  valid"), result.out());
    assertTrue(result.out().contains("id\\u202E\\u009B\\u007F\\u2028"), result.out());
    assertTrue(result.out().contains("\"soon\\u001B[2J\" is not an ISO 8601 timestamp"), result.out());
  }

  @Test
  void the_audit_as_json_keeps_every_value_exactly_and_escapes_what_a_terminal_would_act_on() throws IOException {
    CliHarness.Result result =
        new CliHarness(temporary).run("tokens", "audit", "--state", hostileState().toString(), "--json");

    assertPrintable(result.out());
    JsonNode tokens = JSON.readTree(result.out()).get("tokens");
    assertEquals("pyvider_timed_token.api" + TITLE, tokens.get(0).get("address").asText());
    assertEquals("n" + CLEAR + FORGED_LINE, tokens.get(0).get("name").asText());
    assertEquals("id" + INVISIBLE, tokens.get(0).get("id").asText());
  }

  @Test
  void state_unseal_shows_the_address_field_names_and_values_as_escapes() throws IOException {
    String address = "pyvider_timed_token.api" + TITLE;
    CliHarness.Result result = new CliHarness(temporary).run("state", "unseal", "--state",
        hostileState().toString(), "--address", address, "--show-secrets");

    assertEquals(ExitCodes.OK, result.code(), result.err());
    assertPrintable(result.out());
    assertTrue(result.out().startsWith("pyvider_timed_token.api\\u001B]0;owned\\u0007 (pyvider_timed_token"),
        result.out());
    assertTrue(result.out().contains("note\\u001B[2J"), result.out());
    assertTrue(result.out().contains("v\\u001B[2J\\r\\npyvider_timed_token.forged  all good  valid"), result.out());
  }

  @Test
  void doctor_shows_what_the_provider_binary_reported_as_escapes() {
    CliHarness cli = new CliHarness(temporary);
    cli.environment.put("HOME", temporary.resolve("home" + CLEAR).toString());
    cli.smokeTest.walkSteps.add(new ScriptedSmokeTest.Step("Refresh" + TITLE, true, "drift" + CLEAR + FORGED_LINE));

    CliHarness.Result result = cli.run("doctor");

    assertPrintable(result.out());
    assertTrue(result.out().contains("Refresh\\u001B]0;owned\\u0007"), result.out());
    assertTrue(result.out().contains("drift\\u001B[2J\\r\\npyvider_timed_token.forged"), result.out());
    assertTrue(result.out().contains("home\\u001B[2J"), "the plugin directory's path:\n" + result.out());
  }

  @Test
  void error_lines_show_arguments_and_state_content_as_escapes() throws IOException {
    CliHarness cli = new CliHarness(temporary);
    CliHarness.Result missing =
        cli.run("tokens", "audit", "--state", temporary.resolve("gone" + CLEAR + FORGED_LINE).toString());
    assertOneLine(missing.err());
    assertPrintable(missing.err());
    assertTrue(missing.err().contains("gone\\u001B[2J\\r\\npyvider_timed_token.forged"), missing.err());

    CliHarness.Result unknown = cli.run("state", "unseal", "--state", hostileState().toString(), "--address",
        "pyvider_timed_token" + INVISIBLE);
    assertOneLine(unknown.err());
    assertPrintable(unknown.err());
    assertTrue(unknown.err().contains("instances with private state: pyvider_timed_token.api\\u001B]0;owned\\u0007"),
        unknown.err());

    CliHarness.Result usage = cli.run("tokens", "audit", "--state", "x", "--warn-before", "1" + CLEAR);
    assertOneLine(usage.err());
    assertPrintable(usage.err());
  }

  @Test
  void daemon_status_and_stop_show_the_daemons_answers_as_escapes() {
    CliHarness cli = new CliHarness(temporary);
    DaemonStatus running = ScriptedDaemon.running();
    cli.daemon.status = new DaemonStatus(running.pid(), running.port(), running.uptimeSeconds(),
        "key" + TITLE, running.sessionsServed(), running.sessionsOpen(), running.maxSessions(),
        running.idleTimeoutSeconds(), running.rssKilobytes(), "/run/pyvider" + CLEAR + FORGED_LINE, "done" + TITLE);
    cli.daemon.directory = java.util.Optional.of("/run/pyvider" + CLEAR);

    CliHarness.Result status = cli.run("daemon", "status");
    assertPrintable(status.out());
    assertTrue(status.out().contains("key\\u001B]0;owned\\u0007"), status.out());
    assertTrue(status.out().contains("/run/pyvider\\u001B[2J\\r\\n"), status.out());
    assertTrue(status.out().contains("done\\u001B]0;owned\\u0007"), status.out());

    cli.daemon.status = null;
    CliHarness.Result stop = cli.run("daemon", "stop");
    assertPrintable(stop.out());
    assertTrue(stop.out().contains("/run/pyvider\\u001B[2J"), stop.out());
  }

  @Test
  void install_shows_the_mirror_path_as_escapes_and_quotes_it_for_hcl() throws IOException {
    Path mirror = temporary.resolve("mirror" + CLEAR + "\"quoted\"");
    CliHarness.Result result = new CliHarness(temporary).run("install", "--dir", mirror.toString());

    assertEquals(ExitCodes.OK, result.code(), result.err());
    assertPrintable(result.out());
    assertTrue(result.out().contains("    path    = \"" + temporary + "/mirror\\u001B[2J\\\"quoted\\\"\""),
        result.out());
  }

  @Test
  void docs_generate_shows_paths_in_its_notes_as_escapes() throws IOException {
    Path repository = Files.createDirectories(temporary.resolve("repo" + TITLE));
    CliHarness.Result result = new CliHarness(temporary).run("docs", "generate", "--dir", repository.toString());

    assertEquals(ExitCodes.OK, result.code(), result.err());
    assertPrintable(result.err());
    assertPrintable(result.out());
    assertTrue(result.err().contains("repo\\u001B]0;owned\\u0007/examples does not exist"), result.err());
  }

  /**
   * A state whose token has control characters in its resource name, name and id, a second token whose expires_at
   * holds one, and sealed private state with one in a field name and a value.
   */
  private Path hostileState() throws IOException {
    ObjectNode state = JSON.createObjectNode().put("version", 4);
    ArrayNode resources = state.putArray("resources");
    token(resources, "api" + TITLE, JSON.createObjectNode().put("name", "n" + CLEAR + FORGED_LINE)
        .put("id", "id" + INVISIBLE).put("expires_at", "2026-01-16T14:00:00Z"))
        .put("private", CliHarness.sealed("pyvider_timed_token", Map.of("note" + CLEAR, "v" + CLEAR + FORGED_LINE)));
    token(resources, "later", JSON.createObjectNode().put("name", "later").put("expires_at", "soon" + CLEAR));
    Path file = temporary.resolve("hostile.tfstate");
    JSON.writeValue(file.toFile(), state);
    return file;
  }

  /** A pyvider_timed_token resource with one instance; returns the instance, to add to. */
  private static ObjectNode token(ArrayNode resources, String name, ObjectNode attributes) {
    ObjectNode instance = resources.addObject().put("mode", "managed").put("type", "pyvider_timed_token")
        .put("name", name).putArray("instances").addObject().put("schema_version", 2);
    instance.set("attributes", attributes);
    return instance;
  }
}
