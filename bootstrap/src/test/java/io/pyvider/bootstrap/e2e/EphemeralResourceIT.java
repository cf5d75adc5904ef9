package io.pyvider.bootstrap.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.pyvider.adapters.grpc.proto.Tfplugin6;
import io.pyvider.domain.terraform.cty.CtyType;
import io.pyvider.domain.terraform.cty.Value;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The ephemeral resources through the packaged binary, walk by walk as Terraform 1.15 runs them: validate without a
 * configured provider; in the plan and again in the apply walk validate, open and, at the end of the walk, close with
 * Open's private data; renew once renew_at has passed. The provider runs with a movable clock so a renewal after the
 * expiry is real, not waited for.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class EphemeralResourceIT {

  private static final String TOKEN = "pyvider_timed_token";
  private static final String ENV = "pyvider_env_variables";
  private static final List<String> CONFIGURE = List.of("ValidateProviderConfig", "ConfigureProvider");

  private Path home;
  private Path offsetFile;
  private TerraformSimulator terraform;
  private ResourceSchema tokenSchema;

  @BeforeAll
  void startTerraform() throws Exception {
    home = Files.createTempDirectory("pyvider-e2e-ephemeral");
    offsetFile = home.resolve("clock-offset-seconds");
    TestClockProviderMain.setOffset(offsetFile, 0);
    terraform = new TerraformSimulator(ProviderLaunch.testClock(home, offsetFile)
        .with("TF_LOG_PROVIDER", "DEBUG").with("PYVIDER_E2E_DEPLOY_KEY", "deploy-key-7f3a9c1e"));
    tokenSchema = terraform.ephemeral(TOKEN);
  }

  @AfterAll
  void stopTerraform() throws Exception {
    try {
      terraform.close(); // also fails if a token reached the provider's log or a diagnostic
    } finally {
      TestFiles.deleteTree(home);
    }
  }

  private Value.ObjectVal token(String name, String lifetime) {
    return lifetime == null ? tokenSchema.config(Map.of("name", Value.string(name)))
        : tokenSchema.config(Map.of("name", Value.string(name), "lifetime", Value.string(lifetime)));
  }

  private static String string(Value value, String attribute) {
    return ((Value.Str) ((Value.ObjectVal) value).get(attribute)).value();
  }

  private static Instant expiry(Value opened) {
    return OffsetDateTime.parse(string(opened, "expires_at")).toInstant();
  }

  @Test
  void the_schema_is_advertised_as_terraform_reads_it() {
    Tfplugin6.GetProviderSchema.Response schema = terraform.providerSchema();
    assertTrue(schema.getEphemeralResourceSchemasMap().keySet().containsAll(List.of(TOKEN, ENV)));
    assertTrue(tokenSchema.attribute("token").sensitive());
    assertTrue(tokenSchema.attribute("name").required());
    assertTrue(tokenSchema.attribute("lifetime").optional() && tokenSchema.attribute("lifetime").computed());
    assertFalse(terraform.ephemeral(ENV).attributes().containsKey("all_environment"),
        "the ephemeral env_variables has nothing to gain from an environment dump");
    try (Walk validate = terraform.validateWalk()) {
      Tfplugin6.GetMetadata.Response metadata = validate.stub().getMetadata(
          Tfplugin6.GetMetadata.Request.getDefaultInstance());
      assertEquals(List.of(ENV, TOKEN), metadata.getEphemeralResourcesList().stream()
          .map(Tfplugin6.GetMetadata.EphemeralMetadata::getTypeName).sorted().toList(),
          "GetMetadata lists what GetProviderSchema serves (Terraform uses it when the schema is cached)");
    }
  }

  @Test
  void validation_needs_no_configured_provider_and_names_the_wrong_attribute() {
    try (Walk validate = terraform.validateWalk()) {
      assertEquals(List.of(), validate.validateEphemeralDiagnostics(TOKEN, token("ok", null)));
      for (Map.Entry<Value.ObjectVal, String> wrong : Map.of(token(" ", null), "name", token("x", "soon"),
          "lifetime", token("x", "0s"), "lifetime").entrySet()) {
        List<Diag> diagnostics = validate.validateEphemeralDiagnostics(TOKEN, wrong.getKey());
        assertEquals(1, Diag.errors(diagnostics).size(), diagnostics.toString());
        assertEquals(wrong.getValue(), Diag.errors(diagnostics).get(0).path());
      }
      Value.ObjectVal unknown = tokenSchema.config(Map.of("name", Value.unknown(CtyType.STRING),
          "lifetime", Value.unknown(CtyType.STRING)));
      assertEquals(List.of(), validate.validateEphemeralDiagnostics(TOKEN, unknown));
      assertTrue(validate.rpcsSent().stream().allMatch("ValidateEphemeralResourceConfig"::equals),
          validate.rpcsSent().toString());
    }
  }

  @Test
  void plan_and_apply_each_open_their_own_token_and_close_it_with_opens_private_data() {
    String planToken;
    Instant before = Instant.now();
    try (Walk plan = terraform.walk("plan")) {
      ProviderRpc.Opened opened = plan.openEphemeral(TOKEN, token("ci-deploy", null));
      Value value = opened.value();
      assertEquals("ci-deploy", string(value, "name"));
      assertEquals("1h", string(value, "lifetime"));
      assertTrue(TimedTokens.ID.matcher(string(value, "id")).matches(), string(value, "id"));
      assertTrue(TimedTokens.TOKEN.matcher(string(value, "token")).matches(), "token format");
      assertTrue(TimedTokens.EXPIRES_AT.matcher(string(value, "expires_at")).matches(), string(value, "expires_at"));
      Duration off = Duration.between(before.plus(Duration.ofHours(1)), expiry(value)).abs();
      assertTrue(off.compareTo(TimedTokens.EXPIRY_TOLERANCE) <= 0, "expires_at is not an hour from now: " + off);
      assertTrue(opened.renewAt().isPresent(), "renew_at is not set");
      assertFalse(opened.renewAt().get().isAfter(expiry(value)), "renew_at is after expires_at");
      TimedTokens.assertPrivateConceals(opened.privateBytes(), string(value, "token"));
      planToken = string(value, "token");

      ProviderRpc.Opened second = plan.openEphemeral(TOKEN, token("ci-deploy", "10m"));
      assertNotEquals(planToken, string(second.value(), "token"), "every open issues a new token");
      assertNotEquals(string(value, "id"), string(second.value(), "id"));

      Tfplugin6.RenewEphemeralResource.Response renewed = plan.renewEphemeral(TOKEN, opened.privateBytes());
      assertEquals(List.of(), Diag.of(renewed.getDiagnosticsList()), "renewing a valid token");
      assertEquals(List.of(), plan.closeEphemeral(TOKEN, opened.privateBytes()));
      assertEquals(List.of(), plan.closeEphemeral(TOKEN, second.privateBytes()));
      assertEquals(concat(CONFIGURE, "ValidateEphemeralResourceConfig", "OpenEphemeralResource",
          "ValidateEphemeralResourceConfig", "OpenEphemeralResource", "RenewEphemeralResource",
          "CloseEphemeralResource", "CloseEphemeralResource"), plan.rpcsSent());
    }
    try (Walk apply = terraform.walk("apply")) {
      ProviderRpc.Opened opened = apply.openEphemeral(TOKEN, token("ci-deploy", null));
      assertNotEquals(planToken, string(opened.value(), "token"), "the apply walk opens a token of its own");
      assertEquals(List.of(), apply.closeEphemeral(TOKEN, opened.privateBytes()));
    }
  }

  @Test
  void a_renewal_after_the_expiry_warns_with_the_expiry_and_asks_for_no_further_renewal() {
    try (Walk plan = terraform.walk("long plan")) {
      ProviderRpc.Opened opened = plan.openEphemeral(TOKEN, token("short", "1m"));
      TestClockProviderMain.setOffset(offsetFile, 120);
      try {
        Tfplugin6.RenewEphemeralResource.Response renewed = plan.renewEphemeral(TOKEN, opened.privateBytes());
        List<Diag> diagnostics = Diag.of(renewed.getDiagnosticsList());
        assertEquals(1, diagnostics.size(), diagnostics.toString());
        assertTrue(diagnostics.get(0).isWarning(), diagnostics.toString());
        assertTrue(diagnostics.get(0).detail().contains(string(opened.value(), "expires_at")),
            diagnostics.get(0).detail());
        assertFalse(renewed.hasRenewAt(), "an expired token cannot be renewed again");
        assertEquals(List.of(), plan.closeEphemeral(TOKEN, opened.privateBytes()));
      } finally {
        TestClockProviderMain.setOffset(offsetFile, 0);
      }
    }
  }

  @Test
  void tampered_or_missing_private_data_is_a_diagnostic_and_the_provider_keeps_serving() {
    try (Walk plan = terraform.walk("tampered")) {
      ProviderRpc.Opened opened = plan.openEphemeral(TOKEN, token("t", null));
      byte[] tampered = opened.privateBytes().clone();
      tampered[tampered.length - 1] ^= 0x01;
      for (byte[] blob : List.of(tampered, new byte[0], "not sealed at all".getBytes())) {
        List<Diag> renewed = Diag.of(plan.renewEphemeral(TOKEN, blob).getDiagnosticsList());
        List<Diag> closed = plan.closeEphemeral(TOKEN, blob);
        assertEquals(1, renewed.size(), renewed.toString());
        assertEquals(1, closed.size(), closed.toString());
      }
      assertEquals(List.of(), plan.closeEphemeral(TOKEN, opened.privateBytes()), "the provider still serves");
    }
  }

  @Test
  void the_ephemeral_env_variables_reads_a_secret_from_the_environment_and_never_the_providers_own() {
    ResourceSchema env = terraform.ephemeral(ENV);
    Value.ObjectVal config = env.config(Map.of(
        "keys", new Value.ListVal(CtyType.STRING, List.of(Value.string("PYVIDER_E2E_DEPLOY_KEY"),
            Value.string("TF_PLUGIN_MAGIC_COOKIE"))),
        "sensitive_keys", new Value.ListVal(CtyType.STRING, List.of(Value.string("PYVIDER_E2E_DEPLOY_KEY")))));
    try (Walk plan = terraform.walk("env")) {
      ProviderRpc.Opened opened = plan.openEphemeral(ENV, config);
      Value.ObjectVal value = (Value.ObjectVal) opened.value();
      assertEquals(Map.of("PYVIDER_E2E_DEPLOY_KEY", Value.string("deploy-key-7f3a9c1e")),
          ((Value.MapVal) value.get("sensitive_values")).entries());
      assertEquals(Map.of(), ((Value.MapVal) value.get("values")).entries());
      assertEquals(1, opened.diagnostics().size(), "the withheld magic cookie is named in a warning");
      assertEquals(List.of(), plan.closeEphemeral(ENV, opened.privateBytes()));
    }
  }

  private static List<String> concat(List<String> head, String... tail) {
    List<String> all = new java.util.ArrayList<>(head);
    all.addAll(List.of(tail));
    return all;
  }
}
