package io.pyvider.application.component;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.pyvider.application.component.envvariables.EnvVariablesDataSource;
import io.pyvider.application.component.envvariables.EnvVariablesEphemeralResource;
import io.pyvider.application.component.filecontent.FileContentListResource;
import io.pyvider.application.component.filecontent.FileContentResource;
import io.pyvider.application.component.httpapi.HttpApiDataSource;
import io.pyvider.application.component.httprequest.HttpRequestAction;
import io.pyvider.application.component.timedtoken.TimedTokenEphemeralResource;
import io.pyvider.application.component.timedtoken.TimedTokenResource;
import io.pyvider.application.component.verifier.PrivateStateVerifierResource;
import io.pyvider.application.fakes.FakeClock;
import io.pyvider.application.fakes.InMemoryFileStore;
import io.pyvider.application.fakes.RecordingSleeper;
import io.pyvider.application.fakes.ScriptedHttpTransport;
import io.pyvider.application.fakes.SequentialIds;
import io.pyvider.application.port.out.Environment;
import io.pyvider.domain.terraform.cty.CtyType;
import io.pyvider.domain.terraform.schema.Attribute;
import io.pyvider.domain.terraform.schema.Schema;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The registry pages under docs/ list every attribute of their component exactly as the schema declares it: section
 * (Required, Optional, Read-Only), type, sensitivity, write-only and description. An ephemeral resource has a page of
 * its own beside the managed resource or data source of the same name.
 */
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class DocsPagesTest {

  private static final Pattern ITEM = Pattern.compile("^- `([a-z_]+)` \\(([^)]*)\\) (.*)$");

  static Stream<Arguments> pages() {
    return Stream.of(
        Arguments.of("resources/timed_token.md", "Resource",
            new TimedTokenResource(FakeClock.at("2025-01-01T00:00:00Z"), new SequentialIds()).schema()),
        Arguments.of("resources/file_content.md", "Resource",
            new FileContentResource(new InMemoryFileStore(), () -> Path.of("/")).schema()),
        Arguments.of("resources/private_state_verifier.md", "Resource", new PrivateStateVerifierResource().schema()),
        Arguments.of("data-sources/http_api.md", "Data Source",
            new HttpApiDataSource(new ScriptedHttpTransport(), new RecordingSleeper()).schema()),
        Arguments.of("data-sources/env_variables.md", "Data Source",
            new EnvVariablesDataSource(Environment.of(Map.of())).schema()),
        Arguments.of("ephemeral-resources/timed_token.md", "Ephemeral Resource",
            new TimedTokenEphemeralResource(FakeClock.at("2025-01-01T00:00:00Z"), new SequentialIds()).schema()),
        Arguments.of("ephemeral-resources/env_variables.md", "Ephemeral Resource",
            new EnvVariablesEphemeralResource(Environment.of(Map.of())).schema()),
        Arguments.of("list-resources/file_content.md", "List Resource", new FileContentListResource(
            new InMemoryFileStore(), () -> Path.of("/"), new FileContentResource(new InMemoryFileStore(),
            () -> Path.of("/"))).schema()),
        Arguments.of("actions/http_request.md", "Action", new HttpRequestAction((call, cancelled) -> {
          throw new AssertionError("documentation never sends a request");
        }).schema()));
  }

  private static Path docs() {
    for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
      if (Files.isDirectory(dir.resolve("docs/resources"))) {
        return dir.resolve("docs");
      }
    }
    throw new AssertionError("no docs/resources directory above " + Path.of("").toAbsolutePath());
  }

  private static String typeName(CtyType type) {
    if (type == CtyType.STRING) {
      return "String";
    }
    if (type == CtyType.NUMBER) {
      return "Number";
    }
    if (type == CtyType.BOOL) {
      return "Boolean";
    }
    if (type instanceof CtyType.MapOf map) {
      return "Map of " + typeName(map.element());
    }
    if (type instanceof CtyType.ListOf list) {
      return "List of " + typeName(list.element());
    }
    throw new AssertionError("no docs name for " + type.toJson());
  }

  private static String section(Attribute attribute) {
    return attribute.required() ? "Required" : attribute.optional() ? "Optional" : "Read-Only";
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("pages")
  void the_page_lists_every_attribute_as_the_schema_declares_it(String page, String kind, Schema schema)
      throws IOException {
    List<String> lines = Files.readAllLines(docs().resolve(page));
    String type = "pyvider_" + page.substring(page.indexOf('/') + 1, page.length() - ".md".length());
    assertTrue(lines.get(0).equals("---")
        && lines.stream().anyMatch(l -> l.startsWith("page_title: \"" + type + " " + kind + " - "))
        && lines.stream().anyMatch(l -> l.startsWith("subcategory: "))
        && lines.stream().anyMatch(l -> l.startsWith("description: ")), page + ": front matter");
    assertTrue(lines.contains("# " + type + " (" + kind + ")"), page + ": heading");
    assertTrue(lines.contains("## Example Usage") && lines.contains("## Schema"), page + ": sections");

    Map<String, String> documented = new TreeMap<>();
    String heading = null;
    boolean inSchema = false;
    for (String line : lines) {
      if (line.startsWith("## ")) {
        inSchema = line.equals("## Schema");
      } else if (inSchema && line.startsWith("### ")) {
        heading = line.substring(4);
      } else if (inSchema && heading != null) {
        Matcher item = ITEM.matcher(line);
        if (item.matches()) {
          documented.put(item.group(1), heading + " | " + item.group(2) + " | " + item.group(3));
        }
      }
    }
    Map<String, String> declared = new TreeMap<>();
    for (Attribute attribute : schema.block().attributes().values()) {
      declared.put(attribute.name(), section(attribute) + " | " + typeName(attribute.type())
          + (attribute.sensitive() ? ", Sensitive" : "") + (attribute.writeOnly() ? ", Write-only" : "") + " | "
          + attribute.description());
    }
    assertEquals(declared, documented, page);
  }
}
