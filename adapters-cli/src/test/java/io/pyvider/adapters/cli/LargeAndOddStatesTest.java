package io.pyvider.adapters.cli;

import static io.pyvider.adapters.cli.TokensAuditCommandTest.assertOneLine;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * States larger than the JVM's heap, strings longer than Jackson's default cap, and standard input that holds no state
 * at all: each is either read, or refused in one line that says why.
 */
class LargeAndOddStatesTest {

  private static final long HUNDRED_MEGABYTES = 100L * 1024 * 1024;

  @TempDir
  Path temporary;

  @Test
  void a_state_larger_than_the_heap_is_audited() throws IOException {
    Path state = LargeStates.write(temporary.resolve("large.tfstate"), 2_100, 50_000);
    assertTrue(Files.size(state) > HUNDRED_MEGABYTES, "the state is larger than " + ForkedCli.MAX_HEAP);

    CliHarness.Result result = ForkedCli.withStdinFrom(Path.of("/dev/null"), temporary, "tokens", "audit", "--state",
        state.toString(), "--json");

    assertEquals(ExitCodes.TOKENS_EXPIRED, result.code(), result.err());
    assertEquals("", result.err());
    assertEquals(Map.of(LargeStates.TOKENS[0], "valid", LargeStates.TOKENS[1], "expiring", LargeStates.TOKENS[2],
        "expired"), statuses(result.out()));
  }

  @Test
  void a_state_larger_than_the_heap_on_standard_input_is_unsealed() throws IOException {
    Path state = LargeStates.write(temporary.resolve("large.tfstate"), 2_100, 50_000);

    CliHarness.Result result = ForkedCli.withStdinFrom(state, temporary, "state", "unseal", "--state", "-",
        "--address", LargeStates.TOKENS[2], "--show-secrets");

    assertEquals(ExitCodes.OK, result.code(), result.err());
    assertTrue(result.out().contains("token       token-last  [same as in the state]"), result.out());
  }

  @Test
  void strings_longer_than_jacksons_default_cap_are_read_where_needed_and_skipped_elsewhere() throws IOException {
    int thirtyMegabytes = 30 * 1024 * 1024;
    Path state = LargeStates.write(temporary.resolve("long-strings.tfstate"), 1, thirtyMegabytes);

    CliHarness.Result result = new CliHarness(temporary).run("tokens", "audit", "--state", state.toString(),
        "--json");

    assertEquals(ExitCodes.TOKENS_EXPIRED, result.code(), result.err());
    assertEquals(3, statuses(result.out()).size(), result.out());
  }

  @Test
  void closed_standard_input_is_one_line_not_the_jvms_own_files() {
    CliHarness.Result result = ForkedCli.withStdinClosed(temporary, "tokens", "audit", "--state", "-");

    assertEquals(ExitCodes.ERROR, result.code());
    assertOneLine(result.err());
    assertTrue(result.err().startsWith("Error: standard input is closed"), result.err());
    assertEquals("", result.out());
  }

  @Test
  void standard_input_at_its_end_is_one_line() {
    CliHarness.Result result =
        ForkedCli.withStdinFrom(Path.of("/dev/null"), temporary, "state", "unseal", "--state", "-", "--address", "x");

    assertEquals(ExitCodes.ERROR, result.code());
    assertOneLine(result.err());
    assertTrue(result.err().startsWith("Error: standard input is empty"), result.err());
  }

  @Test
  void a_directory_on_standard_input_is_one_line() {
    CliHarness.Result result = ForkedCli.withStdinFrom(temporary, temporary, "tokens", "audit", "--state", "-");

    assertEquals(ExitCodes.ERROR, result.code());
    assertOneLine(result.err());
    assertTrue(result.err().startsWith("Error: standard input is a directory"), result.err());
  }

  private static Map<String, String> statuses(String auditJson) throws IOException {
    Map<String, String> statuses = new LinkedHashMap<>();
    for (JsonNode token : new ObjectMapper().readTree(auditJson).get("tokens")) {
      statuses.put(token.get("address").asText(), token.get("status").asText());
    }
    assertFalse(statuses.isEmpty(), auditJson);
    return statuses;
  }
}
