package io.pyvider.bootstrap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The forge's workflow (.github/workflows/ci.yml) is what contributors' pull requests are checked by: it must parse
 * (a step name holding ": " once made the whole file invalid, which a forge reports only on its own page) and run
 * every check .ci/run runs, on JDK 17 and 25.
 */
class CiWorkflowTest {

  private static Path repository() {
    for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
      if (Files.isRegularFile(dir.resolve(".ci/run"))) {
        return dir;
      }
    }
    throw new IllegalStateException(".ci/run not found above " + Path.of("").toAbsolutePath());
  }

  private static JsonNode workflow() throws IOException {
    return new YAMLMapper().readTree(repository().resolve(".github/workflows/ci.yml").toFile());
  }

  /** A command without its -D properties (their values differ on purpose: CI's defaults vs fixed ones). */
  private static String shape(String command) {
    return Arrays.stream(command.trim().split("\\s+")).filter(word -> !word.startsWith("-D"))
        .collect(Collectors.joining(" "));
  }

  private static Set<String> ciRunChecks() throws IOException {
    Set<String> checks = new TreeSet<>();
    for (String line : Files.readAllLines(repository().resolve(".ci/run"))) {
      String command = line.replaceAll("\\s+#.*$", "").trim();
      if (command.startsWith("mvn ") || command.startsWith("bootstrap/target/dist/terraform-provider-pyvider ")) {
        checks.add(shape(command));
      }
    }
    return checks;
  }

  @Test
  void itParsesAndRunsOnPullRequestsOnJdk17And25() throws IOException {
    JsonNode workflow = workflow();
    assertTrue(workflow.path("on").has("pull_request"), workflow.path("on").toString());
    List<String> jdks = new ArrayList<>();
    workflow.path("jobs").path("verify").path("strategy").path("matrix").path("java").forEach(j -> jdks.add(j.asText()));
    assertEquals(List.of("17", "25"), jdks);
  }

  @Test
  void itRunsEveryCheckCiRunRuns() throws IOException {
    Set<String> steps = new TreeSet<>();
    workflow().path("jobs").path("verify").path("steps").forEach(step -> {
      if (step.has("run")) {
        steps.add(shape(step.get("run").asText()));
      }
    });
    Set<String> expected = ciRunChecks();
    assertTrue(expected.size() >= 4, "verify, docs, fuzz and mutation in .ci/run: " + expected);
    Set<String> missing = new TreeSet<>(expected);
    missing.removeAll(steps);
    assertEquals(Set.of(), missing, "in .ci/run but not in the workflow; the workflow runs " + steps);
  }
}
