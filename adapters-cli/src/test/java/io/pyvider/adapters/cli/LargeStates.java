package io.pyvider.adapters.cli;

import io.pyvider.adapters.cli.tokens.TokenAudit;
import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * Writes large, valid version-4 state files for the tests, streamed to disk (they are never committed): three timed
 * tokens (first, in the middle, last) among filler resources of another type whose attributes hold long strings; the
 * first token holds one too, in its keepers.
 */
final class LargeStates {

  /** The addresses of the three tokens, in the order they are written. */
  static final String[] TOKENS = {"pyvider_timed_token.first", "pyvider_timed_token.middle",
      "pyvider_timed_token.last"};

  private LargeStates() {
  }

  /**
   * A state of {@code fillers} resources, each with one string attribute of {@code stringLength} characters, plus the
   * three tokens: valid ({@code first}), expiring ({@code middle}) and expired ({@code last}) at the harness's clock.
   */
  static Path write(Path file, int fillers, int stringLength) throws IOException {
    String filler = "x".repeat(stringLength);
    try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
      out.write("{\n  \"version\": 4,\n  \"terraform_version\": \"1.15.9\",\n  \"serial\": 1,\n"
          + "  \"lineage\": \"11111111-2222-4333-8444-555555555555\",\n  \"outputs\": {},\n  \"resources\": [\n");
      out.write(token("first", "2026-01-16T14:00:00Z", filler));
      for (int i = 0; i < fillers; i++) {
        out.write(",\n");
        if (i == fillers / 2) {
          out.write(token("middle", "2026-01-15T14:05:00Z", "") + ",\n");
        }
        out.write("    {\"mode\": \"managed\", \"type\": \"pyvider_file_content\", \"name\": \"f" + i + "\", "
            + "\"provider\": \"provider[\\\"registry.terraform.io/provide-io/pyvider\\\"]\", \"instances\": [{"
            + "\"schema_version\": 0, \"attributes\": {\"filename\": \"f" + i + ".txt\", \"content\": \"");
        out.write(filler);
        out.write("\", \"id\": \"f" + i + "\"}, \"sensitive_attributes\": []}]}");
      }
      out.write(",\n" + token("last", "2026-01-15T13:00:00Z", "") + "\n  ],\n  \"check_results\": null\n}\n");
    }
    return file;
  }

  private static String token(String name, String expiresAt, String keeper) {
    return "    {\"mode\": \"managed\", \"type\": \"pyvider_timed_token\", \"name\": \"" + name + "\", "
        + "\"provider\": \"provider[\\\"registry.terraform.io/provide-io/pyvider\\\"]\", \"instances\": [{"
        + "\"schema_version\": 2, \"attributes\": {\"name\": \"" + name + "\", \"id\": \"id-" + name + "\", "
        + "\"expires_at\": \"" + expiresAt + "\", \"keepers\": {\"build\": \"" + keeper + "\"}, "
        + "\"lifetime\": \"1h\", \"rotate_before\": null, "
        + "\"token\": \"token-" + name + "\"}, \"sensitive_attributes\": [], \"private\": \""
        + CliHarness.sealed(TokenAudit.TYPE, Map.of("expires_at", expiresAt, "token", "token-" + name)) + "\"}]}";
  }
}
