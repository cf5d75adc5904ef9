package io.pyvider.adapters.cli;

import static io.pyvider.adapters.cli.CliHarness.state;
import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class TokensAuditCommandTest {

  @TempDir
  Path temporary;

  private CliHarness cli() {
    return new CliHarness(temporary);
  }

  @Test
  void a_token_written_by_the_python_provider_audits_as_valid_without_showing_the_token() {
    CliHarness.Result result = cli().run("tokens", "audit", "--state", state("python-provider.tfstate"));

    assertEquals(ExitCodes.OK, result.code(), result.err());
    assertTrue(result.out().contains("pyvider_timed_token.api"), result.out());
    assertTrue(result.out().contains("ci-deploy"));
    assertTrue(result.out().contains("timed-token-id-6f1c2b7e-0d4a-4b8e-9f3c-2a1d5e6b7c8d"));
    assertTrue(result.out().contains("2026-01-15T14:30:00.000000+00:00"));
    assertTrue(result.out().contains("30m"));
    assertTrue(result.out().contains("valid"));
    assertFalse(result.out().contains("token-0b7f5a9e"), "the token must never be printed");
    assertFalse(result.out().contains("pyvider_private_state_verifier"), "only timed tokens are audited");
    assertEquals("", result.err());
  }

  @Test
  void every_module_count_for_each_and_deposed_instance_is_audited_and_the_worst_status_decides() throws IOException {
    CliHarness.Result result = cli().run("tokens", "audit", "--state", state("mixed.tfstate"), "--json");

    assertEquals(ExitCodes.TOKENS_EXPIRED, result.code(), result.err());
    JsonNode audit = new ObjectMapper().readTree(result.out());
    Map<String, String> statuses = new HashMap<>();
    audit.get("tokens").forEach(token -> statuses.put(token.get("address").asText()
        + (token.get("deposed").isNull() ? "" : " deposed " + token.get("deposed").asText()),
        token.get("status").asText()));
    assertEquals(Map.of(
        "pyvider_timed_token.api", "valid",
        "pyvider_timed_token.fleet[0]", "expiring",
        "pyvider_timed_token.fleet[1]", "expired",
        "module.ci.pyvider_timed_token.deploy[\"blue\"]", "expiring",
        "module.ci.pyvider_timed_token.deploy[\"blue\"] deposed 00000001", "expired",
        "module.ci.pyvider_timed_token.deploy[\"green\"]", "unreadable"), statuses);
    JsonNode summary = audit.get("summary");
    assertAll(
        () -> assertEquals(6, summary.get("total").asInt()),
        () -> assertEquals(1, summary.get("valid").asInt()),
        () -> assertEquals(2, summary.get("expiring").asInt()),
        () -> assertEquals(2, summary.get("expired").asInt()),
        () -> assertEquals(1, summary.get("unreadable").asInt()),
        () -> assertEquals(4, audit.get("exit_code").asInt()),
        () -> assertEquals("2026-01-15T14:00:00.000000+00:00", audit.get("checked_at").asText()),
        () -> assertEquals(900, audit.get("warn_before_seconds").asInt()));
    assertFalse(result.out().contains("token-00000000"), "the token must never be printed");
  }

  @Test
  void json_gives_each_token_its_fields_and_remaining_seconds() throws IOException {
    JsonNode tokens = new ObjectMapper().readTree(
        cli().run("tokens", "audit", "--state", state("mixed.tfstate"), "--json").out()).get("tokens");
    JsonNode fleet1 = find(tokens, "pyvider_timed_token.fleet[1]");
    assertEquals("fleet-1", fleet1.get("name").asText());
    assertEquals(1, fleet1.get("index_key").asInt());
    assertEquals("pyvider_timed_token.fleet", fleet1.get("resource").asText());
    assertTrue(fleet1.get("module").isNull());
    assertEquals(-3600, fleet1.get("remaining_seconds").asLong());
    assertEquals("1h ago", fleet1.get("remaining").asText());
    JsonNode blue = find(tokens, "module.ci.pyvider_timed_token.deploy[\"blue\"]");
    assertEquals("module.ci", blue.get("module").asText());
    assertEquals("blue", blue.get("index_key").asText());
    assertTrue(blue.get("detail").asText().contains("rotate_before (2h)"), blue.toString());
    JsonNode green = find(tokens, "module.ci.pyvider_timed_token.deploy[\"green\"]");
    assertTrue(green.get("remaining_seconds").isNull());
    assertTrue(green.get("detail").asText().contains("\"soon\" is not an ISO 8601 timestamp"), green.toString());
  }

  @Test
  void a_table_lists_every_token_and_ends_with_a_summary() {
    CliHarness.Result result = cli().run("tokens", "audit", "--state", state("mixed.tfstate"));

    assertEquals(ExitCodes.TOKENS_EXPIRED, result.code());
    String[] lines = result.out().split("\n");
    assertTrue(lines[0].startsWith("ADDRESS"), lines[0]);
    assertEquals(1 + 6 + 1 + 1, lines.length, result.out());
    assertTrue(result.out().contains("module.ci.pyvider_timed_token.deploy[\"blue\"] (deposed object 00000001)"));
    assertTrue(lines[lines.length - 1].contains("6 tokens in "), lines[lines.length - 1]);
    assertTrue(lines[lines.length - 1].contains("1 valid, 2 expiring, 1 unreadable, 2 expired"),
        lines[lines.length - 1]);
    assertFalse(result.out().contains("\u001b["), "no colour when not on a terminal");
  }

  @Test
  void statuses_are_coloured_on_a_terminal() {
    CliHarness cli = cli();
    cli.colour = true;
    String out = cli.run("tokens", "audit", "--state", state("mixed.tfstate")).out();
    assertTrue(out.contains("\u001b[31mexpired"), out);
    assertTrue(out.contains("\u001b[32mvalid"), out);
  }

  @ParameterizedTest(name = "{0} exits {1}")
  @CsvSource({
      "python-provider.tfstate, 0",
      "no-tokens.tfstate, 0",
      "expiring.tfstate, 3",
      "expired.tfstate, 4",
      "unreadable.tfstate, 5",
      "mixed.tfstate, 4"})
  void the_exit_code_says_the_worst_status(String fixture, int code) {
    assertEquals(code, cli().run("tokens", "audit", "--state", state(fixture)).code());
  }

  @Test
  void warn_before_moves_the_expiring_line() {
    assertEquals(ExitCodes.OK,
        cli().run("tokens", "audit", "--state", state("expiring.tfstate"), "--warn-before", "5m").code());
    assertEquals(ExitCodes.TOKENS_EXPIRING,
        cli().run("tokens", "audit", "--state", state("expiring.tfstate"), "--warn-before", "20m").code());
    assertEquals(ExitCodes.TOKENS_EXPIRING,
        cli().run("tokens", "audit", "--state", state("python-provider.tfstate"), "--warn-before", "1h").code());
  }

  @Test
  void time_moving_on_turns_a_valid_token_expired() {
    CliHarness cli = cli();
    cli.clock.advance(java.time.Duration.ofMinutes(31));
    CliHarness.Result result = cli.run("tokens", "audit", "--state", state("python-provider.tfstate"));
    assertEquals(ExitCodes.TOKENS_EXPIRED, result.code());
    assertTrue(result.out().contains("1m ago"), result.out());
  }

  @Test
  void the_state_can_come_from_standard_input() {
    CliHarness cli = cli();
    cli.stdin = CliHarness.read("mixed.tfstate");
    CliHarness.Result result = cli.run("tokens", "audit", "--state", "-");
    assertEquals(ExitCodes.TOKENS_EXPIRED, result.code(), result.err());
    assertTrue(result.out().contains("in standard input"), result.out());
  }

  @Test
  void a_state_without_tokens_says_so() {
    CliHarness.Result result = cli().run("tokens", "audit", "--state", state("no-tokens.tfstate"));
    assertEquals(ExitCodes.OK, result.code());
    assertTrue(result.out().startsWith("No pyvider_timed_token in "), result.out());
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', value = {
      "truncated.tfstate | is truncated: its JSON ends at line",
      "not-json.tfstate | is not JSON at line 1, column 1",
      "empty.tfstate | is empty",
      "version3.tfstate | is state format version 3 (Terraform 0.11 or older)",
      "version5.tfstate | is state format version 5, newer than the version 4",
      "resources-not-a-list.tfstate | is malformed: \"resources\" is a JSON object, not a list"})
  void a_bad_state_file_is_one_line_on_stderr_and_exit_1(String fixture, String problem) {
    CliHarness.Result result = cli().run("tokens", "audit", "--state", state(fixture));
    assertEquals(ExitCodes.ERROR, result.code());
    assertEquals("", result.out());
    assertOneLine(result.err());
    assertTrue(result.err().startsWith("Error: "), result.err());
    assertTrue(result.err().contains(problem), result.err());
    assertTrue(result.err().contains(fixture), "names the file: " + result.err());
  }

  @Test
  void a_malformed_resource_fails_the_audit_and_is_named_even_when_it_holds_no_token() throws IOException {
    Path state = temporary.resolve("malformed.tfstate");
    Files.writeString(state, CliHarness.read("mixed.tfstate").replaceFirst(
        "(?s)(\"type\": \"pyvider_file_content\",\\s*\"name\": \"cfg\",.*?)\"instances\": \\[",
        "$1\"instances\": null, \"was\": ["));

    CliHarness.Result audit = cli().run("tokens", "audit", "--state", state.toString());
    CliHarness.Result unseal = cli().run("state", "unseal", "--state", state.toString(), "--address",
        "pyvider_timed_token.api");

    for (CliHarness.Result result : List.of(audit, unseal)) {
      assertEquals(ExitCodes.ERROR, result.code(), result.out());
      assertEquals("", result.out());
      assertOneLine(result.err());
      assertTrue(result.err().contains(": pyvider_file_content.cfg (resources["), result.err());
      assertTrue(result.err().contains("is malformed: \"instances\" is null, not a list"), result.err());
    }
  }

  @Test
  void a_missing_state_file_is_named() {
    CliHarness.Result result = cli().run("tokens", "audit", "--state", temporary.resolve("nope.tfstate").toString());
    assertEquals(ExitCodes.ERROR, result.code());
    assertOneLine(result.err());
    assertTrue(result.err().contains("nope.tfstate does not exist"), result.err());
  }

  @Test
  void a_directory_is_not_a_state_file() {
    CliHarness.Result result = cli().run("tokens", "audit", "--state", temporary.toString());
    assertEquals(ExitCodes.ERROR, result.code());
    assertOneLine(result.err());
    assertTrue(result.err().contains("is a directory, not a state file"), result.err());
  }

  @Test
  void a_duration_that_does_not_parse_is_a_usage_error() {
    CliHarness.Result result = cli().run("tokens", "audit", "--state", state("mixed.tfstate"), "--warn-before",
        "15 minutes");
    assertEquals(ExitCodes.USAGE, result.code());
    assertOneLine(result.err());
    assertTrue(result.err().contains("--warn-before"), result.err());
    assertTrue(result.err().contains("\"15 minutes\" is not a duration"), result.err());
  }

  @Test
  void an_empty_state_argument_is_a_usage_error() {
    for (String command : new String[] {"tokens audit", "state unseal --address x"}) {
      List<String> args = new java.util.ArrayList<>(List.of(command.split(" ")));
      args.addAll(List.of("--state", ""));
      CliHarness.Result result = cli().run(args.toArray(String[]::new));
      assertEquals(ExitCodes.USAGE, result.code(), result.err());
      assertOneLine(result.err());
      assertTrue(result.err().contains("'--state'"), result.err());
      assertTrue(result.err().contains("is empty"), result.err());
    }
  }

  @Test
  void state_is_required() {
    CliHarness.Result result = cli().run("tokens", "audit");
    assertEquals(ExitCodes.USAGE, result.code());
    assertOneLine(result.err());
    assertTrue(result.err().contains("--state"), result.err());
  }

  @Test
  void help_documents_the_audit_exit_codes() {
    CliHarness.Result result = cli().run("tokens", "audit", "--help");
    assertEquals(ExitCodes.OK, result.code());
    for (String code : new String[] {"0", "1", "2", "3", "4", "5"}) {
      assertTrue(result.out().matches("(?s).*\\n\\s+" + code + "\\s+\\S.*"), "exit code " + code + " listed:\n"
          + result.out());
    }
  }

  static void assertOneLine(String err) {
    assertTrue(err.endsWith("\n"), err);
    assertEquals(1, err.split("\n").length, "one line on stderr: " + err);
    assertFalse(err.contains("\tat "), "no stack trace: " + err);
    assertPlainWords(err);
  }

  /** What a user reads: no Java class or package names, no Jackson internals (its limits, character codes). */
  private static final Pattern INTERNALS = Pattern.compile("\\b[A-Z]\\w+(Exception|Error)\\b"
      + "|\\b(java|javax|com\\.fasterxml|picocli|io\\.pyvider)\\.[a-z]"
      + "|StreamRead(Constraints|Feature)|\\(code \\d|CTRL-CHAR|REDACTED");

  static void assertPlainWords(String message) {
    Matcher internal = INTERNALS.matcher(message);
    assertFalse(internal.find(), () -> "\"" + internal.group() + "\" in: " + message);
  }

  private static JsonNode find(JsonNode tokens, String address) {
    for (JsonNode token : tokens) {
      if (token.get("address").asText().equals(address) && token.get("deposed").isNull()) {
        return token;
      }
    }
    throw new AssertionError("no token " + address + " in " + tokens);
  }
}
