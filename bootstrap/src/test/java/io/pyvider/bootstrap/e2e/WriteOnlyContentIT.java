package io.pyvider.bootstrap.e2e;

import static io.pyvider.bootstrap.e2e.OrderedSteps.needs;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.pyvider.domain.terraform.cty.Value;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * {@code pyvider_file_content} with write-only content through the packaged binary, each walk in a fresh process as
 * Terraform runs it: create, refresh and a no-op plan, a new secret under the same version (still no-op: Terraform
 * cannot see it), a version bump (update, rewritten), destroy. After every step the state and the private bytes are
 * searched for the secret in clear, base64, hex and SHA-256 hex.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class WriteOnlyContentIT {

  private static final String TYPE = "pyvider_file_content";
  private static final String CREATED =
      "the create (create_writes_the_secret_and_neither_plan_nor_state_holds_a_trace_of_it)";

  private final String secret = "wo-secret-" + UUID.randomUUID();
  private final String newSecret = "wo-secret-" + UUID.randomUUID();
  private Path home;
  private Path file;
  private TerraformSimulator terraform;
  private ResourceSchema schema;
  private ResourceState state;

  @BeforeAll
  void startTerraform() throws Exception {
    home = Files.createTempDirectory("pyvider-e2e-write-only");
    file = home.resolve("out/secret.txt");
    terraform = new TerraformSimulator(ProviderLaunch.binary(home).with("TF_LOG_PROVIDER", "DEBUG"));
    schema = terraform.resource(TYPE);
  }

  @AfterAll
  void stopTerraform() throws Exception {
    try {
      terraform.close();
    } finally {
      TestFiles.deleteTree(home);
    }
  }

  private Value.ObjectVal config(String content, long version) {
    return schema.config(Map.of("filename", Value.string(file.toString()), "content_wo", Value.string(content),
        "content_wo_version", Value.number(version)));
  }

  @Test
  @Order(1)
  void the_schema_declares_content_wo_write_only_and_content_optional() {
    assertTrue(schema.attribute("content_wo").writeOnly());
    assertFalse(schema.attribute("content_wo").computed());
    assertTrue(schema.attribute("content").optional());
    assertTrue(schema.attribute("content_wo_version").optional());
  }

  @Test
  @Order(2)
  void create_writes_the_secret_and_neither_plan_nor_state_holds_a_trace_of_it() throws Exception {
    Change plan;
    try (Walk walk = terraform.walk("plan")) {
      plan = walk.plan(TYPE, null, config(secret, 1));
    }
    assertEquals(Change.Action.CREATE, plan.action());
    SecretTraces.assertNone(plan.after(), plan.plannedPrivate(), secret);
    try (Walk walk = terraform.walk("apply")) {
      state = walk.apply(plan, null);
    }
    assertEquals(secret, Files.readString(file, StandardCharsets.UTF_8));
    assertTrue(state.object().get("content").isNull() && state.object().get("content_hash").isNull());
    SecretTraces.assertNone(state.value(), state.privateBytes(), secret);
  }

  @Test
  @Order(3)
  void the_next_plan_refreshes_without_reading_the_secret_and_changes_nothing() {
    needs(state != null, CREATED);
    try (Walk walk = terraform.walk("plan again")) {
      ResourceState refreshed = walk.refresh(state).state();
      SecretTraces.assertNone(refreshed.value(), refreshed.privateBytes(), secret);
      assertEquals(Change.Action.NO_OP, walk.plan(TYPE, refreshed, config(secret, 1)).action());
      assertEquals(Change.Action.NO_OP, walk.plan(TYPE, refreshed, config(newSecret, 1)).action(),
          "a new secret under the same version is invisible to Terraform");
      state = refreshed;
    }
  }

  @Test
  @Order(4)
  void a_new_version_updates_in_place_and_writes_the_current_secret() throws Exception {
    needs(state != null, CREATED);
    Change plan;
    try (Walk walk = terraform.walk("plan version 2")) {
      plan = walk.plan(TYPE, walk.refresh(state).state(), config(newSecret, 2));
    }
    assertEquals(Change.Action.UPDATE, plan.action());
    try (Walk walk = terraform.walk("apply version 2")) {
      state = walk.apply(plan, state);
    }
    assertEquals(newSecret, Files.readString(file, StandardCharsets.UTF_8));
    SecretTraces.assertNone(state.value(), state.privateBytes(), newSecret);
    SecretTraces.assertNone(state.value(), state.privateBytes(), secret);
  }

  @Test
  @Order(5)
  void destroy_removes_the_file() {
    needs(state != null, CREATED);
    try (Walk walk = terraform.walk("destroy")) {
      walk.apply(walk.planDestroy(state), state);
    }
    assertFalse(Files.exists(file));
  }
}
