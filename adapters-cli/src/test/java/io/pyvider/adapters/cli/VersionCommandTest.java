package io.pyvider.adapters.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class VersionCommandTest {

  @TempDir
  Path temporary;

  @Test
  void version_prints_the_provider_version_address_protocol_and_platform() {
    CliHarness.Result result = new CliHarness(temporary).run("version");
    assertEquals(ExitCodes.OK, result.code());
    assertTrue(result.out().startsWith("terraform-provider-pyvider 0.1.0\n"), result.out());
    assertTrue(result.out().contains("  provider  registry.terraform.io/provide-io/pyvider\n"), result.out());
    assertTrue(result.out().contains("  protocol  6.0\n"), result.out());
    assertTrue(result.out().contains("  platform  linux_amd64\n"), result.out());
    assertTrue(result.out().contains("  java      " + System.getProperty("java.version")), result.out());
  }

  @Test
  void json_gives_the_same_facts() throws IOException {
    JsonNode document = new ObjectMapper().readTree(new CliHarness(temporary).run("version", "--json").out());
    assertEquals("0.1.0", document.get("version").asText());
    assertEquals("6.0", document.get("protocol_versions").get(0).asText());
    assertEquals("linux_amd64", document.get("platform").asText());
  }

  @Test
  void the_version_option_prints_one_line() {
    CliHarness.Result result = new CliHarness(temporary).run("--version");
    assertEquals(ExitCodes.OK, result.code());
    assertEquals("terraform-provider-pyvider 0.1.0\n", result.out());
  }
}
