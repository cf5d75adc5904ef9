package io.pyvider.bootstrap.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Every directory under examples/seed and examples/ephemeral parses, has the same provider.tf as its siblings, refers
 * only to what it declares, has a dependency order, is replayed by an example IT and is described in its collection's
 * README.md. Runs without the provider, so a broken example fails in seconds rather than in the end-to-end phase.
 */
class ExampleModulesTest {

  private static List<Path> directories(String collection) throws IOException {
    try (Stream<Path> listing = Files.list(ExampleReplayLifecycle.examplesDirectory(collection))) {
      return listing.filter(Files::isDirectory).sorted().toList();
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"seed", "ephemeral"})
  void every_example_parses_and_has_a_dependency_order(String collection) throws IOException {
    List<Path> directories = directories(collection);
    assertFalse(directories.isEmpty(), "no example directories");
    for (Path directory : directories) {
      Module module = Module.load(directory);
      assertEquals(java.util.Map.of("pyvider", "provide-io/pyvider"), module.requiredProviders, directory.toString());
      assertEquals(module.resources.size(), module.dependencyOrder().size(), directory.toString());
      module.resources.values().forEach(module::dependencies); // every reference is declared
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"seed", "ephemeral"})
  void every_example_has_the_same_provider_tf(String collection) throws IOException {
    String first = null;
    for (Path directory : directories(collection)) {
      String provider = Files.readString(directory.resolve("provider.tf"), StandardCharsets.UTF_8);
      if (first == null) {
        first = provider;
      }
      assertEquals(first, provider, directory + "/provider.tf differs");
    }
  }

  /** Ephemeral resources need Terraform 1.10 and write-only arguments 1.11; older versions must refuse to start. */
  @Test
  void every_ephemeral_example_requires_terraform_1_11_and_opens_an_ephemeral_token() throws IOException {
    for (Path directory : directories("ephemeral")) {
      Module module = Module.load(directory);
      assertEquals(">= 1.11", module.requiredVersion, directory + " required_version");
      assertTrue(module.resources.values().stream().anyMatch(Module.Resource::ephemeral),
          directory + " has no ephemeral block");
      assertFalse(module.resources.values().stream().anyMatch(r -> !r.ephemeral()
          && r.type().equals(ExampleReplayLifecycle.TOKEN)), directory + " still stores a pyvider_timed_token");
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"seed", "ephemeral"})
  void every_example_is_replayed_by_an_integration_test_and_described_in_the_readme(String collection)
      throws IOException {
    String readme = Files.readString(ExampleReplayLifecycle.examplesDirectory(collection).resolve("README.md"),
        StandardCharsets.UTF_8);
    List<String> missing = new ArrayList<>();
    for (Path directory : directories(collection)) {
      String name = directory.getFileName().toString();
      String test = testClassName(collection, name);
      try {
        Class<?> replay = Class.forName(ExampleModulesTest.class.getPackageName() + "." + test);
        assertTrue(ExampleReplayLifecycle.class.isAssignableFrom(replay), test + " is not an example replay");
        ExampleReplayLifecycle lifecycle = (ExampleReplayLifecycle) replay.getDeclaredConstructor().newInstance();
        assertEquals(collection + "/" + name, lifecycle.collection() + "/" + lifecycle.section(),
            test + " replays another directory");
      } catch (ReflectiveOperationException absent) {
        missing.add(name + " (no " + test + ")");
      }
      if (!readme.contains("`" + name + "/`") || !readme.contains(test)) {
        missing.add(name + " (not in README.md with " + test + ")");
      }
    }
    assertEquals(List.of(), missing);
  }

  /**
   * {@code seed/cicd-pipeline-tokens} is replayed by {@code CicdPipelineTokensExampleIT}, {@code ephemeral/quick-start}
   * by {@code EphemeralQuickStartExampleIT}.
   */
  static String testClassName(String collection, String directory) {
    StringBuilder name = new StringBuilder(collection.equals("seed") ? "" : camel(collection));
    for (String word : directory.split("-")) {
      name.append(camel(word));
    }
    return name + "ExampleIT";
  }

  private static String camel(String word) {
    return Character.toUpperCase(word.charAt(0)) + word.substring(1);
  }
}
