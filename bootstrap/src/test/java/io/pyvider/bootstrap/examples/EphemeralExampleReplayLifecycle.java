package io.pyvider.bootstrap.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.pyvider.bootstrap.e2e.ReplayBridge.Stored;
import io.pyvider.bootstrap.e2e.SecretForms;
import io.pyvider.domain.terraform.cty.Value;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;

/**
 * The life of an examples/ephemeral directory, with what keeping tokens out of the state promises on top of
 * {@link ExampleReplayLifecycle}: every plan and apply walk opens each ephemeral token once, after validating it, and
 * closes it before the walk ends; each walk gets new tokens; no stored value or private state ever holds a token or a
 * token file's content in any form; a new content_wo_version rewrites the token files with the tokens of that apply.
 */
abstract class EphemeralExampleReplayLifecycle extends ExampleReplayLifecycle {

  static final String VERSION = "token_file_version";
  static final String TOKEN_RPC = " " + TOKEN;

  /** Every plan outcome seen, for the check that no plan holds a token either. */
  private final List<Replay.PlanOutcome> plans = new ArrayList<>();
  /** Every token file content any apply wrote. */
  private final Set<String> tokenFileContents = new HashSet<>();

  @Override
  protected String collection() {
    return "ephemeral";
  }

  List<String> ephemeralAddresses() {
    return module.resources.values().stream().filter(Module.Resource::ephemeral).map(Module.Resource::address)
        .toList();
  }

  /** The value the given walk opened for an ephemeral block. */
  Value.ObjectVal openedIn(String walk, String address) {
    Map<String, Value> opened = replay.opened.get(walk);
    assertTrue(opened != null && opened.containsKey(address), walk + " did not open " + address);
    return (Value.ObjectVal) opened.get(address);
  }

  static String text(Value.ObjectVal object, String name) {
    return ((Value.Str) object.get(name)).value();
  }

  /** The file resources written from content_wo, by address. */
  Map<String, Path> tokenFiles() {
    Map<String, Path> files = new LinkedHashMap<>();
    replay.appliedConfigs.forEach((address, config) -> {
      Value.ObjectVal object = (Value.ObjectVal) config;
      if (address.startsWith(Replay.FILE_CONTENT + ".") && !object.get("content_wo").isNull()) {
        files.put(address, Replay.resolve(((Value.Str) object.get("filename")).value()));
      }
    });
    return files;
  }

  @Test
  @Order(4)
  void each_plan_and_apply_walk_opens_every_token_once_after_validating_it_and_closes_it_at_the_end() {
    needsTheApply();
    int tokens = ephemeralAddresses().size();
    assertEquals(Collections.nCopies(tokens, "ValidateEphemeralResourceConfig" + TOKEN_RPC),
        replay.rpcs.get("validate").stream().filter(r -> r.contains("Ephemeral")).toList(),
        "the validate walk validates each ephemeral block and opens none");
    for (String walk : List.of("plan", "apply")) {
      assertOpenedOnceAndClosedLast(walk);
    }
  }

  void assertOpenedOnceAndClosedLast(String walk) {
    List<String> rpcs = replay.rpcs.get(walk);
    int tokens = ephemeralAddresses().size();
    assertEquals(tokens, rpcs.stream().filter(r -> r.equals("OpenEphemeralResource" + TOKEN_RPC)).count(),
        walk + ": one Open per ephemeral block " + rpcs);
    for (int i = 0; i < rpcs.size(); i++) {
      if (rpcs.get(i).startsWith("OpenEphemeralResource")) {
        assertEquals("ValidateEphemeralResourceConfig" + TOKEN_RPC, rpcs.get(i - 1), walk + ": Open without "
            + "ValidateEphemeralResourceConfig right before it " + rpcs);
      }
    }
    assertEquals(Collections.nCopies(tokens, "CloseEphemeralResource" + TOKEN_RPC),
        rpcs.subList(rpcs.size() - tokens, rpcs.size()), walk + ": every token closed once, after its last use");
    assertEquals(ephemeralAddresses().stream().sorted().toList(), replay.opened.get(walk).keySet().stream().sorted()
        .toList(), walk + " opened every ephemeral block");
    assertInDependencyOrder(replay.journal.get(walk), false);
  }

  @Test
  @Order(4)
  void every_walk_gets_new_tokens_so_the_apply_writes_other_tokens_than_the_plan_saw() {
    needsTheApply();
    Set<String> seen = new HashSet<>();
    for (String walk : List.of("plan", "apply")) {
      for (String address : ephemeralAddresses()) {
        Value.ObjectVal token = openedIn(walk, address);
        assertTrue(seen.add(text(token, "token")), address + " in " + walk + " repeats a token");
        assertTrue(seen.add(text(token, "id")), address + " in " + walk + " repeats an id");
        assertTrue(text(token, "token").startsWith("token-") && UUID4.matcher(text(token, "token").substring(6))
            .matches(), address + ".token has the wrong format");
        assertTrue(EXPIRES_AT.matcher(text(token, "expires_at")).matches(), address + ".expires_at");
        assertEquals(Value.string("1h"), token.get("lifetime"), address + ".lifetime defaults to 1h");
      }
    }
  }

  @Test
  @Order(4)
  void plans_and_state_hold_null_for_the_file_content_and_the_version_for_when_to_rewrite_it() {
    needsTheApply();
    assertFalse(tokenFiles().isEmpty(), "no file is written from content_wo");
    tokenFiles().keySet().forEach(address -> {
      Value.ObjectVal planned = (Value.ObjectVal) firstPlan.changes.get(address).after();
      Value.ObjectVal stored = stateOf(address);
      for (String name : List.of("content", "content_wo", "content_hash")) {
        assertTrue(planned.get(name).isNull() && planned.get(name).isKnown(), address + "." + name + " planned");
        assertTrue(stored.get(name).isNull(), address + "." + name + " stored");
      }
      assertEquals(Value.number(1), planned.get("content_wo_version"), address + ".content_wo_version planned");
      assertEquals(Value.number(1), stored.get("content_wo_version"), address + ".content_wo_version stored");
    });
  }

  @Test
  @Order(5)
  void after_the_apply_no_state_or_plan_holds_a_token_or_a_token_file_in_any_form() {
    needsTheApply();
    plans.add(firstPlan);
    rememberTokenFiles();
    assertNoSecretStored();
  }

  @Test
  @Order(11)
  void after_the_second_plan_no_state_or_plan_holds_a_token_either() {
    needsTheSecondPlan();
    plans.add(secondPlan);
    assertOpenedOnceAndClosedLast("plan-2");
    assertNoSecretStored();
  }

  @Test
  @Order(12)
  void a_new_content_wo_version_rewrites_every_token_file_with_the_tokens_of_that_apply() throws IOException {
    needsTheSecondPlan();
    replay.setVariable(VERSION, "2");
    Replay.PlanOutcome bump = replay.plan("plan-version-2");
    plans.add(bump);
    Map<String, String> expected = new LinkedHashMap<>();
    tokenFiles().keySet().forEach(address -> expected.put(address, "UPDATE"));
    alsoChangedByANewVersion().forEach(address -> expected.put(address, "UPDATE"));
    assertEquals(expected, bump.pendingChanges(), "the plan after content_wo_version = 2");
    Map<String, String> before = new LinkedHashMap<>();
    for (Path file : tokenFiles().values()) {
      before.put(file.toString(), Files.readString(file, StandardCharsets.UTF_8));
    }
    replay.apply(bump, "apply-version-2");
    assertOpenedOnceAndClosedLast("apply-version-2");
    Map<String, String> rewritten = placeholders("apply-version-2");
    for (Map.Entry<String, Path> file : tokenFiles().entrySet()) {
      Path path = file.getValue();
      String written = Files.readString(path, StandardCharsets.UTF_8);
      // The same golden file as after the first apply, filled with the tokens this apply opened.
      golden.assertFile(outputDir, outputDir.relativize(path).toString(), rewritten);
      assertFalse(written.equals(before.get(path.toString())), path + " still holds the tokens of the first apply");
      assertEquals(Value.number(2), stateOf(file.getKey()).get("content_wo_version"));
    }
    for (String address : ephemeralAddresses()) {
      String token = text(openedIn("apply-version-2", address), "token");
      assertTrue(tokenFiles().values().stream().anyMatch(p -> read(p).contains(token)),
          "no file holds the token " + address + " opened in this apply");
    }
    rememberTokenFiles();
    assertNoSecretStored();
    Replay.PlanOutcome after = replay.plan("plan-version-2-again");
    plans.add(after);
    assertEquals(Map.of(), after.pendingChanges(), "the plan after the rewrite");
  }

  /** Resources other than the token files that show the version and so change with it. */
  protected Set<String> alsoChangedByANewVersion() {
    return Set.of();
  }

  @Test
  @Order(16)
  void destroy_opens_the_tokens_only_for_its_refresh_and_deletes_the_files_without_them() {
    needsTheDestroy();
    assertOpenedOnceAndClosedLast("destroy-refresh");
    for (String walk : List.of("destroy-plan", "destroy-apply")) {
      assertEquals(List.of(), replay.rpcs.get(walk).stream().filter(r -> r.contains("Ephemeral")).toList(),
          walk + " needs no ephemeral value");
    }
  }

  private void rememberTokenFiles() {
    tokenFiles().values().forEach(path -> tokenFileContents.add(read(path)));
  }

  /** Every token any walk opened and every token file's content, looked for in every stored value and plan. */
  private void assertNoSecretStored() {
    List<String> secrets = new ArrayList<>(tokenFileContents);
    replay.opened.values().forEach(walk -> walk.values().forEach(v -> secrets.add(text((Value.ObjectVal) v,
        "token"))));
    assertTrue(secrets.size() > tokenFileContents.size(), "no token was opened");
    Map<String, String> stored = new LinkedHashMap<>();
    replay.state.forEach((address, object) -> stored.put("state " + address, storedText(object)));
    for (Replay.PlanOutcome plan : plans) {
      plan.changes.forEach((address, change) -> stored.put(plan.label + " " + address, strings(change.after())));
    }
    tokenFiles().keySet().forEach(address -> assertTrue(stored.get("state " + address)
        .contains(text(stateOf(address), "filename")), "the search does not see what " + address + " stores"));
    List<String> leaks = new ArrayList<>();
    stored.forEach((where, text) -> {
      for (int i = 0; i < secrets.size(); i++) {
        if (SecretForms.found(text, secrets.get(i))) {
          leaks.add(where + " holds secret #" + i); // never the secret itself
        }
      }
    });
    assertEquals(List.of(), leaks);
  }

  /** A stored object's strings and its private bytes, as text a search can run over. */
  private static String storedText(Stored object) {
    return strings(object.value()) + "\n" + new String(object.privateBytes(), StandardCharsets.ISO_8859_1);
  }

  /** Every string inside a value (keys of maps too), one a line. */
  static String strings(Value value) {
    StringBuilder out = new StringBuilder();
    collectStrings(value, out);
    return out.toString();
  }

  private static void collectStrings(Value value, StringBuilder out) {
    if (value instanceof Value.Str s) {
      out.append(s.value()).append('\n');
    } else if (value instanceof Value.ObjectVal object) {
      object.attributes().values().forEach(v -> collectStrings(v, out));
    } else if (value instanceof Value.MapVal map) {
      map.entries().forEach((k, v) -> {
        out.append(k).append('\n');
        collectStrings(v, out);
      });
    } else if (value instanceof Value.ListVal list) {
      list.elements().forEach(v -> collectStrings(v, out));
    } else if (value instanceof Value.SetVal set) {
      set.elements().forEach(v -> collectStrings(v, out));
    } else if (value instanceof Value.TupleVal tuple) {
      tuple.elements().forEach(v -> collectStrings(v, out));
    }
  }

  static String read(Path path) {
    try {
      return Files.readString(path, StandardCharsets.UTF_8);
    } catch (IOException unreadable) {
      throw new AssertionError("cannot read " + path, unreadable);
    }
  }
}
