package io.pyvider.bootstrap.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.pyvider.domain.terraform.cty.Value;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The oracle for what an example's apply leaves behind, independent of the replay's own renderer ({@link Evaluator},
 * {@link JsonEncode}, {@link YamlEncode}): files under {@code src/test/resources/golden/COLLECTION/EXAMPLE/}, produced
 * once from a run and reviewed by hand against the example's .tf source and Terraform's encoders. See
 * {@code golden/README.md} for the layout and the placeholders.
 *
 * <p>A missing or differing golden file fails the test; the run's actual content, with its values turned back into
 * placeholders, is then written under {@code target/golden-actual/} for review. Nothing ever copies it into
 * {@code src/test/resources}: a golden file is what a person checked, not what the last run produced.
 */
final class Golden {

  private static final Pattern PLACEHOLDER = Pattern.compile("\\{\\{([^{}]+)}}");
  /** What a placeholder may stand for: text that reads the same unescaped in JSON, YAML and plain text. */
  private static final Pattern PLAIN = Pattern.compile("[A-Za-z0-9:./+_-]*");
  private static final ObjectMapper JSON = new ObjectMapper()
      .configure(JsonGenerator.Feature.WRITE_BIGDECIMAL_AS_PLAIN, true);

  private final String example;
  private final Path directory;
  private final Path proposals;

  private Golden(String example, Path directory, Path proposals) {
    this.example = example;
    this.directory = directory;
    this.proposals = proposals;
  }

  /** The golden files of examples/{collection}/{example}, as Maven copied them to target/test-classes. */
  static Golden of(String collection, String example) {
    Path testClasses;
    try {
      testClasses = Path.of(Golden.class.getProtectionDomain().getCodeSource().getLocation().toURI());
    } catch (URISyntaxException impossible) {
      throw new IllegalStateException(impossible);
    }
    String relative = collection + "/" + example;
    return new Golden(relative, testClasses.resolve("golden").resolve(relative),
        testClasses.resolveSibling("golden-actual").resolve(relative));
  }

  /**
   * Every regular file under {@code root} (var.output_dir) is the golden file of the same relative path under
   * {@code files/}, its placeholders filled from {@code values}, byte for byte; and every golden file was written.
   */
  void assertFiles(Path root, Map<String, String> values) throws IOException {
    TreeSet<String> paths = new TreeSet<>(relativeFiles(root));
    List<String> golden = relativeFiles(directory.resolve("files"));
    paths.addAll(golden);
    List<String> problems = new ArrayList<>();
    for (String relative : paths) {
      if (!Files.isRegularFile(root.resolve(relative))) {
        problems.add(relative + ": has a golden file, but the apply did not write it");
      } else {
        compareFile(root, relative, values).ifPresent(problems::add);
      }
    }
    assertEquals(List.of(), problems, failureAdvice());
  }

  /** One file under {@code root}, against its golden file. */
  void assertFile(Path root, String relative, Map<String, String> values) throws IOException {
    assertEquals(List.of(), compareFile(root, relative, values).stream().toList(), failureAdvice());
  }

  private Optional<String> compareFile(Path root, String relative, Map<String, String> values)
      throws IOException {
    byte[] actual = Files.readAllBytes(root.resolve(relative));
    Path golden = directory.resolve("files").resolve(relative);
    if (!Files.isRegularFile(golden)) {
      propose("files/" + relative, new String(actual, StandardCharsets.UTF_8), values);
      return Optional.of(relative + ": written, but there is no golden file for it");
    }
    String template = Files.readString(golden, StandardCharsets.UTF_8);
    if (Arrays.equals(fill(template, values).getBytes(StandardCharsets.UTF_8), actual)) {
      return Optional.empty();
    }
    String written = new String(actual, StandardCharsets.UTF_8);
    propose("files/" + relative, written, values);
    return Optional.of(relative + " differs from its golden file "
        + firstDifference(template, unfill(written, values)));
  }

  /**
   * The root module's outputs after the apply, as {@code terraform output -json} shows them less "type" (name to
   * sensitive and value), against golden/.../outputs.json, compared as JSON.
   */
  void assertOutputs(Map<String, Map<String, Object>> shown, Map<String, String> values) throws IOException {
    Path golden = directory.resolve("outputs.json");
    String actual = JSON.writerWithDefaultPrettyPrinter().writeValueAsString(new TreeMap<>(shown)) + "\n";
    if (shown.isEmpty() && !Files.exists(golden)) {
      return;
    }
    if (!Files.isRegularFile(golden)) {
      propose("outputs.json", actual, values);
      assertEquals(List.of(), List.of("outputs.json: the example has outputs, but there is no golden file for them"),
          failureAdvice());
    }
    JsonNode expected = JSON.readTree(fill(Files.readString(golden, StandardCharsets.UTF_8), values));
    if (!expected.equals(JSON.readTree(actual))) {
      propose("outputs.json", actual, values);
      assertEquals(expected.toPrettyString(), JSON.readTree(actual).toPrettyString(),
          "outputs differ from golden/" + example + "/outputs.json (placeholders filled). " + failureAdvice());
    }
  }

  /** One output as {@code terraform output -json} shows it, less "type". */
  static Map<String, Object> shown(boolean sensitive, Value value) {
    Map<String, Object> output = new LinkedHashMap<>();
    output.put("sensitive", sensitive);
    output.put("value", plain(value));
    return output;
  }

  /** A wholly known value as the JSON Terraform shows: objects and maps with sorted keys, sets in their JSON order. */
  static Object plain(Value value) {
    if (value instanceof Value.Null) {
      return null;
    } else if (value instanceof Value.Unknown) {
      throw new AssertionError("an output is still unknown after the apply");
    } else if (value instanceof Value.Str s) {
      return s.value();
    } else if (value instanceof Value.Num n) {
      BigDecimal number = n.value().stripTrailingZeros();
      return number.scale() < 0 ? number.setScale(0) : number;
    } else if (value instanceof Value.Bool b) {
      return b.value();
    } else if (value instanceof Value.ObjectVal object) {
      return plainMap(object.attributes());
    } else if (value instanceof Value.MapVal map) {
      return plainMap(map.entries());
    } else if (value instanceof Value.ListVal list) {
      return list.elements().stream().map(Golden::plain).toList();
    } else if (value instanceof Value.TupleVal tuple) {
      return tuple.elements().stream().map(Golden::plain).toList();
    } else if (value instanceof Value.SetVal set) {
      return set.elements().stream().map(Golden::plain).sorted(Comparator.comparing(Golden::json)).toList();
    }
    throw new AssertionError("no JSON form for " + value.getClass().getSimpleName());
  }

  private static Map<String, Object> plainMap(Map<String, Value> entries) {
    Map<String, Object> plain = new TreeMap<>();
    entries.forEach((key, element) -> plain.put(key, plain(element)));
    return plain;
  }

  private static String json(Object plain) {
    try {
      return JSON.writeValueAsString(plain);
    } catch (IOException impossible) {
      throw new UncheckedIOException(impossible);
    }
  }

  /** The golden text with each {{NAME}} replaced by the run's value of NAME; an unknown name is a broken golden file. */
  static String fill(String template, Map<String, String> values) {
    Matcher placeholder = PLACEHOLDER.matcher(template);
    StringBuilder filled = new StringBuilder();
    while (placeholder.find()) {
      String name = placeholder.group(1);
      String value = values.get(name);
      if (value == null) {
        throw new AssertionError("a golden file names {{" + name + "}}, which this run does not have; it has "
            + values.keySet());
      }
      if (!PLAIN.matcher(value).matches()) {
        throw new AssertionError("{{" + name + "}} stands for a value that would need escaping: " + value);
      }
      placeholder.appendReplacement(filled, Matcher.quoteReplacement(value));
    }
    placeholder.appendTail(filled);
    return filled.toString();
  }

  /** The reverse of {@link #fill}, for a proposal: each value of the run replaced by its placeholder, longest first. */
  static String unfill(String text, Map<String, String> values) {
    List<Map.Entry<String, String>> byLength = new ArrayList<>(values.entrySet());
    byLength.removeIf(entry -> entry.getValue().isEmpty());
    byLength.sort(Comparator.comparingInt((Map.Entry<String, String> entry) -> entry.getValue().length())
        .reversed().thenComparing(Map.Entry::getKey));
    String unfilled = text;
    for (Map.Entry<String, String> entry : byLength) {
      unfilled = unfilled.replace(entry.getValue(), "{{" + entry.getKey() + "}}");
    }
    return unfilled;
  }

  private void propose(String relative, String actual, Map<String, String> values) throws IOException {
    Path proposal = proposals.resolve(relative);
    Files.createDirectories(proposal.getParent());
    Files.writeString(proposal, unfill(actual, values), StandardCharsets.UTF_8);
  }

  private String failureAdvice() {
    return "golden/" + example + ": the run's content, with its values turned back into placeholders, is in "
        + proposals + "; review it against examples/" + example + " and Terraform's encoders before copying "
        + "anything to bootstrap/src/test/resources/golden/" + example;
  }

  private static String firstDifference(String expected, String actual) {
    String[] want = expected.split("\n", -1);
    String[] got = actual.split("\n", -1);
    for (int i = 0; i < Math.max(want.length, got.length); i++) {
      String w = i < want.length ? want[i] : "<end of file>";
      String g = i < got.length ? got[i] : "<end of file>";
      if (!w.equals(g)) {
        return "at line " + (i + 1) + ":\n  golden:  " + w + "\n  written: " + g;
      }
    }
    return "(same lines, other bytes)";
  }

  /** The regular files below {@code root}, relative, '/'-separated, sorted; none when it does not exist. */
  private static List<String> relativeFiles(Path root) throws IOException {
    if (!Files.isDirectory(root)) {
      return List.of();
    }
    try (Stream<Path> walk = Files.walk(root)) {
      return walk.filter(Files::isRegularFile).map(path -> root.relativize(path).toString().replace('\\', '/'))
          .sorted().toList();
    }
  }
}
