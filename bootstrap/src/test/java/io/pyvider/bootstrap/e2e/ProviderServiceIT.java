package io.pyvider.bootstrap.e2e;

import static io.pyvider.bootstrap.e2e.TimedTokens.TYPE;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.pyvider.adapters.grpc.proto.Tfplugin6;
import io.pyvider.domain.terraform.cty.CtyType;
import io.pyvider.domain.terraform.cty.Value;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The provider service as Terraform sees it: the schema's shape and capabilities, hclog JSON on stderr under
 * TF_LOG_PROVIDER, and no sensitive value ever in a provider's output.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ProviderServiceIT {

  private static final Set<String> LEVELS = Set.of("trace", "debug", "info", "warn", "error");
  /** go-plugin parses @timestamp with layout 2006-01-02T15:04:05.000000Z07:00: exactly six fraction digits. */
  private static final Pattern TIMESTAMP =
      Pattern.compile("^\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{6}(Z|[+-]\\d\\d:\\d\\d)$");

  @TempDir
  Path home;

  private Path sharedHome;
  /** One Terraform (one schema load) for the tests that need no special environment. */
  private TerraformSimulator shared;

  @BeforeAll
  void loadTheSchemaOnce() throws Exception {
    sharedHome = Files.createTempDirectory("pyvider-e2e-service");
    shared = new TerraformSimulator(ProviderLaunch.binary(sharedHome));
    shared.providerSchema();
  }

  @AfterAll
  void closeTerraform() throws Exception {
    try {
      shared.close();
    } finally {
      TestFiles.deleteTree(sharedHome);
    }
  }

  @Test
  void the_schema_describes_the_timed_token_and_advertises_plan_destroy_and_optional_schema_loading() {
    TerraformSimulator terraform = shared;
    Tfplugin6.GetProviderSchema.Response schema = terraform.providerSchema();
    assertTrue(schema.getServerCapabilities().getPlanDestroy(), "plan_destroy");
    assertTrue(schema.getServerCapabilities().getGetProviderSchemaOptional(), "get_provider_schema_optional");
    ResourceSchema token = terraform.resource(TYPE);
    assertTrue(token.version() >= 1, "pyvider wrote version 1; the successor must not go below it");
    ResourceSchema.Attr name = token.attribute("name");
    assertTrue(name.required() && !name.computed(), "name is required");
    for (String computed : List.of("id", "token", "expires_at")) {
      ResourceSchema.Attr a = token.attribute(computed);
      assertTrue(a.computed() && !a.required() && !a.optional(), computed + " is computed only");
    }
    for (String text : List.of("name", "id", "token", "expires_at")) {
      assertEquals(CtyType.STRING, token.attribute(text).type(), text);
    }
    assertTrue(token.attribute("token").sensitive(), "token is sensitive");
    assertFalse(token.attribute("expires_at").sensitive(), "expires_at is not sensitive, so outputs may show it");
    List<String> undescribed = new ArrayList<>();
    schema.getResourceSchemasMap().forEach((type, s) -> s.getBlock().getAttributesList().stream()
        .filter(a -> a.getDescription().isBlank()).forEach(a -> undescribed.add(type + "." + a.getName())));
    schema.getProvider().getBlock().getAttributesList().stream().filter(a -> a.getDescription().isBlank())
        .forEach(a -> undescribed.add("provider." + a.getName()));
    assertEquals(List.of(), undescribed, "attributes without a description");
  }

  @ParameterizedTest(name = "{0} works as the first call of a fresh process")
  @ValueSource(strings = {"ValidateProviderConfig", "ConfigureProvider", "ValidateResourceConfig",
      "UpgradeResourceState", "ReadResource", "PlanResourceChange", "ApplyResourceChange", "ImportResourceState",
      "GetResourceIdentitySchemas", "StopProvider"})
  void every_rpc_works_without_a_prior_get_provider_schema_in_that_process(String name) {
    TerraformSimulator terraform = shared;
    ResourceSchema schema = terraform.resource(TYPE);
    try (ProviderProcess process = terraform.start("fresh " + name)) {
      ResourceSchema provider = terraform.providerConfigSchema();
      Value.ObjectVal config = TimedTokens.config(schema, "fresh");
      ResourceState stored = TimedTokens.stored(schema, "fresh", Instant.now().plusSeconds(3600), new byte[0]);
      ProviderRpc rpc = new ProviderRpc(terraform, process);
      Tfplugin6.DynamicValue providerConfig = ProviderRpc.dynamic(provider.config(Map.of()), provider.impliedType());
      switch (name) {
        case "ValidateProviderConfig" -> assertEquals(List.of(), Diag.errors(Diag.of(rpc.call(name, () -> rpc.stub()
            .validateProviderConfig(Tfplugin6.ValidateProviderConfig.Request.newBuilder().setConfig(providerConfig)
                .build())).getDiagnosticsList())));
        case "ConfigureProvider" -> assertEquals(List.of(), Diag.errors(Diag.of(rpc.call(name, () -> rpc.stub()
            .configureProvider(Tfplugin6.ConfigureProvider.Request.newBuilder().setConfig(providerConfig)
                .setTerraformVersion(TerraformSimulator.TERRAFORM_VERSION)
                .setClientCapabilities(ProviderRpc.CAPABILITIES).build())).getDiagnosticsList())));
        case "ValidateResourceConfig" -> rpc.validate(TYPE, config);
        case "UpgradeResourceState" -> assertEquals(stored.value(),
            rpc.upgrade(TYPE, schema.version(), schema.stateJson(stored.object())).value());
        case "ReadResource" -> rpc.read(TYPE, stored.value(), new byte[0]);
        case "PlanResourceChange" -> rpc.plan(TYPE, Value.nullOf(schema.impliedType()), new byte[0], config,
            TerraformChecks.proposedNew(schema, Value.nullOf(schema.impliedType()), config), "");
        case "ApplyResourceChange" -> {
          Value.ObjectVal planned = config.with("lifetime", Value.string("1h"))
              .with("ready_for_rotation", Value.bool(false))
              .with("id", Value.unknown(CtyType.STRING)).with("token", Value.unknown(CtyType.STRING))
              .with("expires_at", Value.unknown(CtyType.STRING));
          assertTrue(rpc.apply(TYPE, Value.nullOf(schema.impliedType()), planned, config, new byte[0], "")
              .value().isWhollyKnown());
        }
        case "ImportResourceState" -> assertTrue(Diag.hasErrors(Diag.of(rpc.call(name, () -> rpc.stub()
            .importResourceState(Tfplugin6.ImportResourceState.Request.newBuilder().setTypeName(TYPE)
                .setId("timed-token-id-1").setClientCapabilities(ProviderRpc.CAPABILITIES).build()))
            .getDiagnosticsList())), "import is refused with a diagnostic, not a transport error");
        case "GetResourceIdentitySchemas" -> assertEquals(List.of(), Diag.errors(Diag.of(rpc.call(name,
            () -> rpc.stub().getResourceIdentitySchemas(Tfplugin6.GetResourceIdentitySchemas.Request
                .getDefaultInstance())).getDiagnosticsList())));
        case "StopProvider" -> assertEquals("", rpc.call(name, () -> rpc.stub()
            .stopProvider(Tfplugin6.StopProvider.Request.getDefaultInstance())).getError());
        default -> throw new IllegalArgumentException(name);
      }
      assertEquals(List.of(name), rpc.sent(), "exactly one RPC in this process");
      assertTrue(process.connect().healthy(), "still serving");
    }
  }

  @Test
  void with_tf_log_provider_debug_stderr_carries_hclog_json_lines_only() throws Exception {
    try (TerraformSimulator terraform =
        new TerraformSimulator(ProviderLaunch.binary(home).with("TF_LOG_PROVIDER", "DEBUG"))) {
      ResourceSchema schema = terraform.resource(TYPE);
      Change plan;
      try (Walk walk = terraform.walk("plan")) {
        plan = walk.plan(TYPE, null, TimedTokens.config(schema, "logged"));
      }
      ProviderProcess logged;
      try (Walk walk = terraform.walk("apply")) {
        walk.apply(plan, null);
        logged = walk.process();
      }
      List<String> lines = logged.stderrLines();
      assertFalse(lines.isEmpty(), "no log lines at DEBUG");
      boolean debugSeen = false;
      for (String line : lines) {
        JsonNode entry;
        try {
          entry = ResourceSchema.JSON.readTree(line);
        } catch (Exception notJson) {
          throw new AssertionError("stderr line is not hclog JSON: " + line);
        }
        assertTrue(entry != null && entry.isObject(), () -> "not a JSON object: " + line);
        for (String field : List.of("@level", "@message", "@module", "@timestamp")) {
          assertTrue(entry.path(field).isTextual(), () -> field + " missing or not a string in " + line);
        }
        assertTrue(LEVELS.contains(entry.get("@level").asText()), () -> "unknown level in " + line);
        assertTrue(TIMESTAMP.matcher(entry.get("@timestamp").asText()).matches(), () -> "timestamp of " + line);
        debugSeen |= entry.get("@level").asText().equals("debug");
      }
      assertTrue(debugSeen, "TF_LOG_PROVIDER=DEBUG produced no debug entry");
    }
  }

  @Test
  void no_token_ever_reaches_the_stderr_of_any_provider_process_even_at_trace() {
    TerraformSimulator terraform = new TerraformSimulator(ProviderLaunch.binary(home).with("TF_LOG_PROVIDER", "TRACE"));
    try {
      ResourceSchema schema = terraform.resource(TYPE);
      Value.ObjectVal config = TimedTokens.config(schema, "secretive");
      Change create;
      try (Walk walk = terraform.walk("plan")) {
        create = walk.plan(TYPE, null, config);
      }
      ResourceState state;
      try (Walk walk = terraform.walk("apply")) {
        state = walk.apply(create, null);
      }
      Change rename;
      try (Walk walk = terraform.walk("plan rename")) {
        state = walk.refresh(state).state();
        rename = walk.plan(TYPE, state, TimedTokens.config(schema, "secretive-renamed"));
      }
      try (Walk walk = terraform.walk("apply rename")) {
        state = walk.apply(rename, state);
      }
      try (Walk walk = terraform.walk("destroy")) {
        walk.apply(walk.planDestroy(state), state);
      }
      assertTrue(terraform.sensitiveValuesSeen().contains(state.string("token")), "the token was not collected");
      assertTrue(terraform.processes().stream().allMatch(p -> !p.stderrLines().isEmpty()), "TRACE logged nothing");
      assertEquals(List.of(), terraform.leaks(), "tokens in provider output");
    } finally {
      terraform.close();
    }
  }
}
