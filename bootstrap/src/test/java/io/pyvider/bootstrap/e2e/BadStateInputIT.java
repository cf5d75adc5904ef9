package io.pyvider.bootstrap.e2e;

import static io.pyvider.bootstrap.e2e.TimedTokens.TYPE;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.pyvider.adapters.crypto.Crypto;
import io.pyvider.adapters.grpc.proto.Tfplugin6;
import io.pyvider.application.port.out.Environment;
import io.pyvider.application.port.out.PrivateData;
import io.pyvider.application.port.out.SealResult;
import io.pyvider.application.port.out.SealingContext;
import io.pyvider.domain.terraform.cty.Value;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Bad or foreign stored state: tampered private bytes, private state sealed for another resource type, an import
 * request, the Python provider's version-1 state and its format-1 sealed private blobs.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class BadStateInputIT {

  private Path home;
  private TerraformSimulator terraform;
  private ResourceSchema schema;
  private ResourceState issued;

  @BeforeAll
  void issueAToken() throws Exception {
    home = Files.createTempDirectory("pyvider-e2e-bad-state");
    terraform = new TerraformSimulator(ProviderLaunch.binary(home));
    schema = terraform.resource(TYPE);
    Change plan;
    try (Walk walk = terraform.walk("plan")) {
      plan = walk.plan(TYPE, null, TimedTokens.config(schema, "stored"));
    }
    try (Walk walk = terraform.walk("apply")) {
      issued = walk.apply(plan, null);
    }
  }

  @AfterAll
  void stopTerraform() throws Exception {
    try {
      terraform.close();
    } finally {
      TestFiles.deleteTree(home);
    }
  }

  @Test
  void tampered_private_state_is_a_warning_the_state_is_kept_and_the_private_state_sealed_again() {
    byte[] tampered = issued.privateBytes();
    tampered[tampered.length - 1] ^= 0x01;
    assertReadKeepsStateAndReseals(issued.withPrivate(tampered), "tampered");
  }

  @Test
  void private_state_sealed_for_another_resource_type_is_not_trusted() {
    Environment sameKey = Environment.of(Map.of(ProviderLaunch.SHARED_SECRET, terraform.launch().secret()));
    SealResult sealed = Crypto.sealer(sameKey).seal(PrivateData.of(Map.of("token", PrivateStateProbe.DECOY,
        "expires_at", "2030-01-01T00:00:00.000000+00:00")), new SealingContext("pyvider_file_content"));
    byte[] foreign = ((SealResult.Sealed) sealed).blob();
    assertReadKeepsStateAndReseals(issued.withPrivate(foreign), "sealed for another type");
  }

  private void assertReadKeepsStateAndReseals(ResourceState stored, String what) {
    ResourceState read;
    try (Walk walk = terraform.walk("refresh " + what)) {
      read = walk.refresh(stored).state();
      assertFalse(walk.warnings().isEmpty(), what + " private state must be reported as a warning");
    }
    assertEquals(issued.value(), read.value(), "the state's own values are kept");
    assertTrue(read.privateBytes().length > 0, "the private state is sealed again, not dropped");
    assertFalse(Arrays.equals(stored.privateBytes(), read.privateBytes()), "the bad private bytes were returned");
    PrivateStateProbe.assertHoldsToken(terraform, read);
  }

  @Test
  void import_is_refused_with_a_clear_error_diagnostic() {
    try (Walk walk = terraform.walk("import")) {
      Tfplugin6.ImportResourceState.Response response = walk.stub().importResourceState(Tfplugin6
          .ImportResourceState.Request.newBuilder().setTypeName(TYPE).setId(issued.string("id"))
          .setClientCapabilities(ProviderRpc.CAPABILITIES).build());
      List<Diag> errors = Diag.errors(Diag.of(response.getDiagnosticsList()));
      assertFalse(errors.isEmpty(), "import must fail with an error (Terraform: \"Import returned no resources\")");
      assertTrue(errors.get(0).summary().toLowerCase(java.util.Locale.ROOT).contains("import"),
          () -> "summary does not say what failed: " + errors);
      assertFalse(errors.get(0).detail().isBlank(), "the error explains itself");
      assertEquals(0, response.getImportedResourcesCount());
    }
  }

  @Test
  void state_written_by_a_newer_schema_version_is_an_error_diagnostic_not_a_guess() {
    ResourceState stored = issued;
    try (Walk walk = terraform.walk("upgrade from the future")) {
      Tfplugin6.UpgradeResourceState.Response response = walk.stub().upgradeResourceState(Tfplugin6
          .UpgradeResourceState.Request.newBuilder().setTypeName(TYPE).setVersion(schema.version() + 1)
          .setRawState(Tfplugin6.RawState.newBuilder().setJson(com.google.protobuf.ByteString.copyFrom(
              schema.stateJson(stored.object())))).build());
      assertFalse(Diag.errors(Diag.of(response.getDiagnosticsList())).isEmpty(),
          "Terraform reports \"Resource instance managed by newer provider version\"; the provider must refuse too");
    }
  }

  @Test
  void the_python_providers_version_1_state_upgrades_to_a_known_state_that_read_accepts() throws Exception {
    String json = "{\"name\":\"from-python\",\"id\":\"timed-token-id-0b7f5a9e-3c1d-4e2f-8a6b-9c0d1e2f3a4b\","
        + "\"token\":\"token-1c2d3e4f-5a6b-4c7d-8e9f-0a1b2c3d4e5f\",\"expires_at\":\""
        + TimedTokens.format(Instant.now().plusSeconds(1800)) + "\"}";
    try (Walk walk = terraform.walk("upgrade python v1")) {
      Value upgraded = walk.upgrade(TYPE, 1, json.getBytes(StandardCharsets.UTF_8));
      JsonNode stored = ResourceSchema.JSON.readTree(json);
      stored.properties().forEach(field -> assertEquals(Value.string(field.getValue().asText()),
          ((Value.ObjectVal) upgraded).get(field.getKey()), field.getKey() + " must survive the upgrade"));
      ResourceState read = walk.read(new ResourceState(TYPE, upgraded, new byte[0]));
      assertEquals(((Value.ObjectVal) upgraded).get("token"), read.get("token"));
      assertFalse(TimedTokens.readyForRotation(read), "half an hour left and no window: not due");
    }
  }

  @Test
  void a_python_sealed_private_blob_opens_its_values_win_and_it_is_sealed_again_in_the_new_format() throws Exception {
    JsonNode vector = vectors().get("vectors").get(0);
    String secret = vector.get("shared_secret").asText();
    byte[] blob = Base64.getDecoder().decode(vector.get("sealed_base64").asText());
    String token = vector.get("plaintext_fields").get("token").asText();
    String expiresAt = vector.get("plaintext_fields").get("expires_at").asText();
    ResourceState stored = TimedTokens.stored(schema, "from-python", Instant.now().plusSeconds(3600), blob);
    try (TerraformSimulator python = new TerraformSimulator(
        terraform.launch().with(ProviderLaunch.SHARED_SECRET, secret));
        Walk walk = python.walk("refresh python blob")) {
      ResourceState read = walk.refresh(stored).state();
      assertEquals(List.of(), walk.warnings(), "a Python blob under the right secret opens without a warning");
      assertEquals(Value.string(token), read.get("token"), "the sealed token wins over the state's");
      assertEquals(Value.string(expiresAt), read.get("expires_at"), "the sealed expiry wins over the state's");
      assertEquals(OffsetDateTime.parse(expiresAt).toInstant().isBefore(Instant.now()),
          TimedTokens.readyForRotation(read), "ready_for_rotation follows the sealed expiry");
      byte[] resealed = read.privateBytes();
      assertTrue(resealed.length > 0);
      assertEquals(0x02, resealed[0], "re-sealed in the current format");
      assertFalse(Arrays.equals(blob, resealed));
    }
  }

  private static JsonNode vectors() throws Exception {
    try (InputStream in = BadStateInputIT.class.getResourceAsStream("/e2e/pyvider-sealed-v1.json")) {
      assertTrue(in != null, "test resource e2e/pyvider-sealed-v1.json is missing");
      return ResourceSchema.JSON.readTree(in);
    }
  }
}
