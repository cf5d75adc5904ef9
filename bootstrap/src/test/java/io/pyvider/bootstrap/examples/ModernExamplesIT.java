package io.pyvider.bootstrap.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The examples for Terraform 1.8–1.14's capabilities (examples/query, examples/actions, examples/expiry-check and the
 * registry examples of functions, list resources and actions) are not replayed: the replay models plan and apply,
 * not {@code terraform query} or action invocation. This checks what can go stale instead, against the schema the
 * packaged binary serves ({@code schema --json}): every file parses; every resource, ephemeral, data, list and action
 * block names a type the provider has; every argument in a list or action {@code config} block exists and every
 * required one is set; every {@code provider::pyvider::} function exists and gets as many arguments as it declares.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ModernExamplesIT {

  private static final Pattern FUNCTION_CALL = Pattern.compile("provider::pyvider::([a-z_0-9]+)\\(");
  private static final Map<String, String> SCHEMA_KEY_OF_BLOCK = Map.of(
      "resource", "resource_schemas", "data", "data_source_schemas", "ephemeral", "ephemeral_resource_schemas",
      "list", "list_resource_schemas", "action", "action_schemas");

  private JsonNode provider;

  @BeforeAll
  void readTheServedSchema() throws Exception {
    ProcessBuilder builder = new ProcessBuilder(System.getProperty("pyvider.provider.binary"), "schema", "--json")
        .redirectError(ProcessBuilder.Redirect.DISCARD);
    builder.environment().put("PYVIDER_DAEMON", "off");
    Process process = builder.start();
    byte[] json = process.getInputStream().readAllBytes();
    assertTrue(process.waitFor(60, TimeUnit.SECONDS) && process.exitValue() == 0, "schema --json failed");
    provider = new ObjectMapper().readTree(json).get("provider_schemas").elements().next();
  }

  private static List<Path> files() throws IOException {
    Path examples = ExampleReplayLifecycle.examplesDirectory("query").getParent();
    List<Path> files = new ArrayList<>();
    for (String directory : List.of("query", "actions", "expiry-check", "functions", "list-resources")) {
      try (Stream<Path> walk = Files.walk(examples.resolve(directory))) {
        walk.filter(path -> path.toString().endsWith(".tf") || path.toString().endsWith(".tfquery.hcl"))
            .sorted().forEach(files::add);
      }
    }
    return files;
  }

  @Test
  void every_example_parses_and_uses_only_what_the_provider_serves() throws IOException {
    List<String> problems = new ArrayList<>();
    List<Path> files = files();
    assertTrue(files.size() >= 8, "examples not found: " + files);
    for (Path file : files) {
      String source = Files.readString(file, StandardCharsets.UTF_8);
      Hcl.Body body;
      try {
        body = HclParser.parseFile(file.toString(), source);
      } catch (RuntimeException unparsable) {
        problems.add(file + ": " + unparsable.getMessage());
        continue;
      }
      for (Hcl.Block block : body.blocks()) {
        String schemas = SCHEMA_KEY_OF_BLOCK.get(block.type());
        if (schemas == null || !block.labels().get(0).startsWith("pyvider_")) {
          continue;
        }
        JsonNode schema = provider.path(schemas).path(block.labels().get(0));
        if (schema.isMissingNode()) {
          problems.add(file + ": " + block.type() + " \"" + block.labels().get(0) + "\" is not served");
        } else if (block.type().equals("list") || block.type().equals("action")) {
          block.body().blocks("config").forEach(config -> problems.addAll(configProblems(file, block, config,
              schema.path("block").path("attributes"))));
        }
      }
      Matcher call = FUNCTION_CALL.matcher(source);
      while (call.find()) {
        JsonNode function = provider.path("functions").path(call.group(1));
        if (function.isMissingNode()) {
          problems.add(file + ": provider::pyvider::" + call.group(1) + " is not served");
        } else {
          int given = argumentCount(source, call.end());
          if (given != function.path("parameters").size()) {
            problems.add(file + ": " + call.group(1) + " gets " + given + " arguments, takes "
                + function.path("parameters").size());
          }
        }
      }
    }
    assertEquals(List.of(), problems);
  }

  private static List<String> configProblems(Path file, Hcl.Block block, Hcl.Block config, JsonNode attributes) {
    List<String> problems = new ArrayList<>();
    String where = file + ": " + block.type() + " \"" + block.labels().get(0) + "\" config";
    config.body().attributes().keySet().stream().filter(name -> !attributes.has(name))
        .forEach(name -> problems.add(where + " sets unknown argument " + name));
    attributes.fields().forEachRemaining(entry -> {
      if (entry.getValue().path("required").asBoolean() && !config.body().attributes().containsKey(entry.getKey())) {
        problems.add(where + " lacks required argument " + entry.getKey());
      }
    });
    return problems;
  }

  /** Arguments of the call whose "(" ends at {@code open}: top-level commas, with nesting and strings respected. */
  private static int argumentCount(String source, int open) {
    int depth = 0;
    int commas = 0;
    boolean inString = false;
    boolean empty = true;
    for (int i = open; i < source.length(); i++) {
      char c = source.charAt(i);
      if (inString) {
        if (c == '\\') {
          i++;
        } else if (c == '"') {
          inString = false;
        }
        continue;
      }
      switch (c) {
        case '"' -> {
          inString = true;
          empty = false;
        }
        case '(', '[', '{' -> {
          depth++;
          empty = false;
        }
        case ')', ']', '}' -> {
          if (depth == 0) {
            return empty ? 0 : commas + 1;
          }
          depth--;
        }
        case ',' -> {
          if (depth == 0) {
            commas++;
          }
        }
        default -> {
          if (!Character.isWhitespace(c)) {
            empty = false;
          }
        }
      }
    }
    throw new AssertionError("unclosed call at " + open);
  }
}
