package io.pyvider.bootstrap.examples;

import static io.pyvider.bootstrap.e2e.OrderedSteps.needs;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.pyvider.bootstrap.e2e.ReplayBridge;
import io.pyvider.bootstrap.e2e.ReplayBridge.Stored;
import io.pyvider.domain.terraform.cty.Value;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * The life of one example directory under Terraform, replayed against the packaged provider: validate, plan, apply
 * (each in a new provider process; the files and outputs it leaves are compared with reviewed golden files, see
 * {@link Golden}), a second plan that must be empty, and destroy. Subclasses name the directory and
 * add what their example promises: tests ordered 4 to 9 run after the apply, 11 to 14 after the second plan, all
 * before the destroy (15). A step whose predecessor failed fails too, naming the predecessor ({@link #needsTheApply}
 * and its siblings): a failing apply shows up as the failure of everything built on it, never as skips.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
abstract class ExampleReplayLifecycle {

  static final String TOKEN = "pyvider_timed_token";
  static final Pattern UUID4 = Pattern.compile("[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}");
  static final Pattern EXPIRES_AT = Pattern.compile("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}\\.\\d{6}\\+00:00");
  static final ObjectMapper JSON = new ObjectMapper();

  protected Path home;
  protected Path outputDir;
  protected LoopbackApi api;
  protected ReplayBridge terraform;
  protected Module module;
  protected Replay replay;
  protected Replay.PlanOutcome firstPlan;
  protected Replay.PlanOutcome secondPlan;
  protected Instant appliedAt;
  protected boolean applied;
  protected boolean destroyed;
  /** The variables this run passes (temporary directory, loopback URL): golden files leave them to placeholders. */
  protected final Map<String, String> passed = new LinkedHashMap<>();
  protected Golden golden;

  /** The directory under examples/{@link #collection()}. */
  protected abstract String section();

  /** The directory under examples/ that holds {@link #section()}. */
  protected String collection() {
    return "seed";
  }

  /** The routes the loopback API answers (empty: the example makes no HTTP calls). */
  protected Map<String, LoopbackApi.Answer> routes() {
    return Map.of();
  }

  @BeforeAll
  void start() throws IOException {
    home = Files.createTempDirectory("pyvider-example-home");
    outputDir = Files.createTempDirectory("pyvider-example-out").resolve("out");
    api = LoopbackApi.start(routes());
    terraform = ReplayBridge.start(home);
    module = Module.load(examplesDirectory(collection()).resolve(section()));
    if (module.variables.containsKey("output_dir")) {
      passed.put("output_dir", outputDir.toString());
    }
    if (module.variables.containsKey("api_base_url")) {
      passed.put("api_base_url", api.baseUrl());
    }
    replay = new Replay(module, terraform, passed);
    golden = Golden.of(collection(), section());
  }

  @AfterAll
  void stop() throws IOException {
    try {
      terraform.close(); // fails if a sensitive value reached a provider's output
    } finally {
      api.close();
      deleteTree(home);
      deleteTree(outputDir.getParent());
    }
  }

  /** examples/{collection}, found from the module directory Maven runs the tests in. */
  static Path examplesDirectory(String collection) {
    for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
      Path candidate = dir.resolve("examples").resolve(collection);
      if (Files.isDirectory(candidate)) {
        return candidate;
      }
    }
    throw new IllegalStateException("examples/" + collection + " not found above " + Path.of("").toAbsolutePath());
  }

  @Test
  @Order(1)
  void the_validate_walk_accepts_every_block_of_the_example() {
    assertEquals(Map.of("pyvider", "provide-io/pyvider"), module.requiredProviders,
        "provider.tf must require provide-io/pyvider");
    replay.validate();
    assertEquals(List.of(), replay.warnings.get("validate"), "warnings in the validate walk");
    assertEquals(module.resources.keySet().stream().map(a -> "validate " + a).sorted().toList(),
        replay.journal.get("validate").stream().sorted().toList(), "every block validated once");
  }

  @Test
  @Order(2)
  void the_plan_walk_creates_every_resource_in_dependency_order() {
    firstPlan = replay.plan("plan");
    firstPlan.changes.forEach((address, change) -> {
      assertEquals("CREATE", change.action(), address + " in the first plan");
      assertEquals(List.of(), change.requiresReplace(), address + " requires_replace on create");
    });
    long planned = firstPlan.changes.size();
    assertTrue(planned > 0, "the example plans no resource");
    assertEquals(List.of(), replay.warnings.get("plan"), "warnings in the plan walk");
    firstPlan.changes.forEach((address, change) -> {
      if (address.startsWith(TOKEN + ".")) {
        Value.ObjectVal after = (Value.ObjectVal) change.after();
        assertFalse(after.get("token").isKnown(), address + ".token must stay unknown until apply");
        assertFalse(after.get("id").isKnown(), address + ".id must stay unknown until apply");
      }
    });
  }

  @Test
  @Order(3)
  void the_apply_walk_writes_exactly_what_terraform_would_write() throws IOException {
    needs(firstPlan != null, "the plan walk (the_plan_walk_creates_every_resource_in_dependency_order)");
    appliedAt = Instant.now();
    replay.apply(firstPlan);
    applied = true;
    assertEquals(firstPlan.changes.keySet(), replay.state.keySet(), "every planned resource is in the state");
    for (Path path : replay.filesWritten) {
      assertTrue(path.startsWith(outputDir), path + " is outside var.output_dir, where the golden files are compared");
      assertTrue(Files.isRegularFile(path), path + " was not written");
      if (path.toString().endsWith(".json")) {
        JSON.readTree(Files.readAllBytes(path)); // jsonencode always gives valid JSON
      }
    }
    // The bytes against reviewed golden files, never against what the replay's own jsonencode/yamlencode rendered.
    golden.assertFiles(outputDir, placeholders("apply"));
    replay.state.forEach((address, stored) -> {
      Value.ObjectVal object = (Value.ObjectVal) stored.value();
      if (address.startsWith(Replay.FILE_CONTENT + ".")) {
        Value.ObjectVal config = (Value.ObjectVal) replay.appliedConfigs.get(address);
        if (config.get("content_wo").isNull()) {
          assertEquals(config.get("content"), object.get("content"), address + ".content in state");
          String content = ((Value.Str) object.get("content")).value();
          assertEquals(Value.string(sha256(content)), object.get("content_hash"), address + ".content_hash");
        } else {
          // Nothing derived from write-only content is stored: no content, no hash a guess could be tested against.
          List.of("content", "content_wo", "content_hash").forEach(name ->
              assertTrue(object.get(name).isNull(), address + "." + name + " must be null in the state"));
          assertEquals(config.get("content_wo_version"), object.get("content_wo_version"),
              address + ".content_wo_version");
        }
        assertEquals(Value.bool(true), object.get("exists"), address + ".exists");
      }
      if (address.startsWith(TOKEN + ".")) {
        assertIssued(address, stored);
      }
    });
    replay.warnings.forEach((walk, list) -> assertEquals(List.of(), list, "warnings in the " + walk + " walk"));
    assertInDependencyOrder(replay.journal.get("plan"), false);
    assertInDependencyOrder(replay.journal.get("apply"), false);
    assertEquals(List.of(), replay.outputsSensitiveWithoutNeed(),
        "outputs marked sensitive although nothing in them is (the examples mark only what Terraform requires)");
  }

  private void assertIssued(String address, Stored stored) {
    Value.ObjectVal token = (Value.ObjectVal) stored.value();
    String id = ((Value.Str) token.get("id")).value();
    String secret = ((Value.Str) token.get("token")).value();
    String expiresAt = ((Value.Str) token.get("expires_at")).value();
    assertTrue(id.startsWith("timed-token-id-") && UUID4.matcher(id.substring(15)).matches(), address + ".id " + id);
    assertTrue(secret.startsWith("token-") && UUID4.matcher(secret.substring(6)).matches(),
        address + ".token has the wrong format");
    assertTrue(EXPIRES_AT.matcher(expiresAt).matches(), address + ".expires_at " + expiresAt);
    Instant expiry = OffsetDateTime.parse(expiresAt).toInstant();
    assertTrue(!expiry.isBefore(appliedAt.plus(Duration.ofHours(1)).minusSeconds(1))
        && expiry.isBefore(Instant.now().plus(Duration.ofHours(1)).plusSeconds(1)),
        address + " expires an hour after apply, got " + expiresAt);
    assertEquals(Value.string("1h"), token.get("lifetime"), address + ".lifetime defaults to 1h");
    assertEquals(Value.bool(false), token.get("ready_for_rotation"), address + ".ready_for_rotation");
    assertTrue(stored.privateBytes().length > 0, address + " has no sealed private state");
  }

  @Test
  @Order(4)
  void the_outputs_are_the_reviewed_golden_outputs() throws IOException {
    needsTheApply();
    Map<String, Map<String, Object>> shown = new TreeMap<>();
    module.outputs.forEach((name, output) -> shown.put(name,
        Golden.shown(output.sensitive(), replay.outputs.get(name).value())));
    golden.assertOutputs(shown, placeholders("apply"));
  }

  @Test
  @Order(10)
  void a_second_plan_after_the_apply_is_empty() {
    needsTheApply();
    secondPlan = replay.plan("plan-2");
    assertEquals(Map.of(), secondPlan.pendingChanges(), "changes in the second plan");
    assertEquals(List.of(), replay.warnings.get("plan-2"), "warnings in the second plan");
    secondPlan.outputs.forEach((name, value) -> assertEquals(replay.outputs.get(name).value(), value.value(),
        "output " + name + " changes in the second plan"));
  }

  @Test
  @Order(15)
  void destroy_removes_every_resource_and_every_file() {
    needsTheApply();
    replay.destroy();
    destroyed = true;
    assertEquals(Map.of(), replay.state, "resources left in the state after destroy");
    assertInDependencyOrder(replay.journal.get("destroy-apply"), true);
    List<Path> left = replay.allFiles.stream().filter(Files::exists).toList();
    assertEquals(List.of(), left, "files left behind by destroy");
    List.of("destroy-refresh", "destroy-plan", "destroy-apply").forEach(walk ->
        assertEquals(List.of(), replay.warnings.get(walk), "warnings in the " + walk + " walk"));
  }

  /**
   * Every step on a resource comes after the steps on what it refers to (reversed for destroy: dependants first), as
   * Terraform's graph orders them.
   */
  void assertInDependencyOrder(List<String> steps, boolean reverse) {
    List<String> addresses = steps.stream().map(s -> s.substring(s.indexOf(' ') + 1).replaceAll("\\[\\d+]$", ""))
        .toList();
    for (int i = 0; i < addresses.size(); i++) {
      for (String dependency : module.dependencies(module.resources.get(addresses.get(i)))) {
        int at = addresses.indexOf(dependency);
        if (at >= 0) {
          assertTrue(reverse ? at > i : at < i, steps.get(i) + " ran " + (reverse ? "after" : "before")
              + " its dependency " + dependency + ": " + steps);
        }
      }
    }
  }

  // --- helpers for the section tests ---------------------------------------------------------------------------

  /**
   * What golden files leave to placeholders (golden/README.md): {{var.NAME}} for each variable this run passes, and
   * {{ADDRESS.ATTRIBUTE}} for the id, token and expires_at the provider issued to each token in the state and to each
   * ephemeral token the given walk opened.
   */
  Map<String, String> placeholders(String walk) {
    Map<String, String> values = new TreeMap<>();
    passed.forEach((name, value) -> values.put("var." + name, value));
    replay.state.forEach((address, stored) -> {
      if (address.startsWith(TOKEN + ".")) {
        issued(values, address, stored.value());
      }
    });
    replay.opened.getOrDefault(walk, Map.of()).forEach((address, value) -> {
      if (address.startsWith("ephemeral." + TOKEN + ".")) {
        issued(values, address, value);
      }
    });
    return values;
  }

  private static void issued(Map<String, String> values, String address, Value token) {
    for (String name : List.of("id", "token", "expires_at")) {
      values.put(address + "." + name, ((Value.Str) ((Value.ObjectVal) token).get(name)).value());
    }
  }

  /** For the steps after the apply (4 to 9, and everything after them). */
  void needsTheApply() {
    needs(applied, "the apply walk (the_apply_walk_writes_exactly_what_terraform_would_write)");
  }

  /** For the steps after the second plan (11 to 14). */
  void needsTheSecondPlan() {
    needs(secondPlan != null, "the second plan walk (a_second_plan_after_the_apply_is_empty)");
  }

  /** For the steps that look at what terraform destroy did (16 on). */
  void needsTheDestroy() {
    needs(destroyed, "terraform destroy (destroy_removes_every_resource_and_every_file)");
  }

  Value.ObjectVal stateOf(String address) {
    Stored stored = replay.state.get(address);
    assertTrue(stored != null, address + " is not in the state: " + replay.state.keySet());
    return (Value.ObjectVal) stored.value();
  }

  String attribute(String address, String name) {
    return ((Value.Str) stateOf(address).get(name)).value();
  }

  String written(String relative) throws IOException {
    Path path = outputDir.resolve(relative);
    assertTrue(replay.filesWritten.contains(path), relative + " was not written; written: " + replay.filesWritten);
    return Files.readString(path, StandardCharsets.UTF_8);
  }

  JsonNode writtenJson(String relative) throws IOException {
    return JSON.readTree(written(relative));
  }

  Value outputValue(String name) {
    return replay.outputs.get(name).value();
  }

  static String sha256(String text) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
          .digest(text.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException impossible) {
      throw new IllegalStateException(impossible);
    }
  }

  static void deleteTree(Path root) throws IOException {
    if (root == null || !Files.exists(root)) {
      return;
    }
    List<Path> paths = new ArrayList<>();
    try (Stream<Path> walk = Files.walk(root)) {
      walk.sorted(Comparator.reverseOrder()).forEach(paths::add);
    }
    for (Path path : paths) {
      Files.deleteIfExists(path);
    }
  }
}
