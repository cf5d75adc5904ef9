package io.pyvider.adapters.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class KeygenCommandTest {

  @TempDir
  Path temporary;

  @Test
  void prints_only_a_32_byte_base64url_secret_on_stdout_and_how_to_use_it_on_stderr() {
    CliHarness.Result result = new CliHarness(temporary).run("keygen");

    assertEquals(ExitCodes.OK, result.code());
    String secret = result.out().strip();
    assertEquals(secret + "\n", result.out(), "stdout is the secret alone, so $(keygen) captures exactly it");
    assertTrue(secret.matches("[A-Za-z0-9_-]{43}"), secret);
    assertEquals(32, Base64.getUrlDecoder().decode(secret).length);
    assertTrue(result.err().contains("export PYVIDER_PRIVATE_STATE_SHARED_SECRET="), result.err());
    assertFalse(result.err().contains(secret), "the advice does not repeat the secret");
  }

  @Test
  void every_secret_is_new() {
    CliHarness cli = new CliHarness(temporary);
    assertNotEquals(cli.run("keygen", "-q").out(), cli.run("keygen", "-q").out());
  }

  @Test
  void quiet_prints_nothing_but_the_secret() {
    CliHarness.Result result = new CliHarness(temporary).run("keygen", "--quiet");
    assertEquals("", result.err());
    assertTrue(result.out().matches("[A-Za-z0-9_-]{43}\n"), result.out());
  }

  @Test
  void with_a_secret_already_set_the_advice_explains_rotation() {
    CliHarness cli = new CliHarness(temporary);
    cli.environment.put("PYVIDER_PRIVATE_STATE_SHARED_SECRET", "old");
    assertTrue(cli.run("keygen").err().contains("PYVIDER_PRIVATE_STATE_PREVIOUS_SECRETS"));
  }

  @Test
  void json_names_the_variable() throws IOException {
    CliHarness.Result result = new CliHarness(temporary).run("keygen", "--json");
    JsonNode document = new ObjectMapper().readTree(result.out());
    assertEquals("PYVIDER_PRIVATE_STATE_SHARED_SECRET", document.get("variable").asText());
    assertTrue(document.get("secret").asText().matches("[A-Za-z0-9_-]{43}"));
    assertEquals("", result.err());
  }

  @Test
  void arguments_are_a_usage_error() {
    CliHarness.Result result = new CliHarness(temporary).run("keygen", "extra");
    assertEquals(ExitCodes.USAGE, result.code());
    TokensAuditCommandTest.assertOneLine(result.err());
  }
}
