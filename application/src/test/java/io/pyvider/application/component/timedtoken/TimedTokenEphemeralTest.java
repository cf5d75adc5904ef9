package io.pyvider.application.component.timedtoken;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.pyvider.application.fakes.FakeClock;
import io.pyvider.application.fakes.MapWire;
import io.pyvider.application.fakes.PassThroughSealer;
import io.pyvider.application.fakes.SequentialIds;
import io.pyvider.application.lifecycle.ComponentCatalog;
import io.pyvider.application.lifecycle.EphemeralResourceService;
import io.pyvider.application.lifecycle.ProviderSession;
import io.pyvider.application.port.in.Commands;
import io.pyvider.application.port.in.Outcomes;
import io.pyvider.application.port.out.Environment;
import io.pyvider.application.port.out.PrivateData;
import io.pyvider.application.port.out.SealResult;
import io.pyvider.application.port.out.SealingContext;
import io.pyvider.domain.terraform.cty.AttributePath;
import io.pyvider.domain.terraform.cty.CtyType;
import io.pyvider.domain.terraform.cty.Value;
import io.pyvider.domain.terraform.diag.Diagnostic;
import io.pyvider.domain.terraform.diag.Diagnostics;
import io.pyvider.domain.terraform.schema.Block;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;

/** The ephemeral pyvider_timed_token through the ephemeral engine: validate, open, renew, close. */
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class TimedTokenEphemeralTest {

  private static final String TYPE = "pyvider_timed_token";
  private static final Instant START = Instant.parse("2026-12-03T10:00:00.123456789Z");

  private final FakeClock clock = new FakeClock(START);
  private final PassThroughSealer sealer = new PassThroughSealer();
  private final TimedTokenEphemeralResource ephemeral = new TimedTokenEphemeralResource(clock, new SequentialIds());
  private final EphemeralResourceService service = new EphemeralResourceService(
      new ComponentCatalog(List.of(), List.of(), List.of(ephemeral)), new ProviderSession(Environment.of(Map.of())),
      sealer);
  private final Block block = ephemeral.schema().block();

  private Value.ObjectVal config(String name, String lifetime) {
    Value.ObjectVal config = block.emptyValue().with("name", Value.string(name));
    return lifetime == null ? config : config.with("lifetime", Value.string(lifetime));
  }

  private Outcomes.OpenEphemeral open(Value.ObjectVal config) {
    Outcomes.OpenEphemeral opened = service.open(new Commands.OpenEphemeral(TYPE, MapWire.of(config)));
    assertEquals(Diagnostics.NONE, opened.diagnostics());
    return opened;
  }

  private static String string(Value value, String attribute) {
    return ((Value.Str) ((Value.ObjectVal) value).get(attribute)).value();
  }

  private Diagnostic onlyError(Value.ObjectVal config) {
    Diagnostics diagnostics = service.validate(new Commands.ValidateConfig(TYPE, MapWire.of(config)));
    assertEquals(1, diagnostics.asList().size(), diagnostics.toString());
    assertTrue(diagnostics.asList().get(0).isError());
    return diagnostics.asList().get(0);
  }

  @Test
  void the_schema_is_the_managed_tokens_values_with_a_sensitive_token() {
    assertTrue(block.attribute("name").required());
    assertTrue(block.attribute("lifetime").optional() && block.attribute("lifetime").computed());
    assertTrue(block.attribute("token").sensitive() && block.attribute("token").computedOnly());
    assertTrue(block.attribute("id").computedOnly() && block.attribute("expires_at").computedOnly());
    assertEquals(List.of("name", "lifetime", "id", "token", "expires_at"), List.copyOf(block.attributes().keySet()));
  }

  @Test
  void validation_says_which_attribute_is_wrong() {
    assertEquals(AttributePath.attribute("name"), onlyError(config("  ", null)).path());
    assertEquals(AttributePath.attribute("lifetime"), onlyError(config("x", "soon")).path());
    assertEquals(AttributePath.attribute("lifetime"), onlyError(config("x", "0s")).path());
  }

  @Test
  void unknown_values_validate_without_error() {
    Value.ObjectVal unknown = block.emptyValue().with("name", Value.unknown(CtyType.STRING))
        .with("lifetime", Value.unknown(CtyType.STRING));
    assertEquals(Diagnostics.NONE, service.validate(new Commands.ValidateConfig(TYPE, MapWire.of(unknown))));
  }

  @Test
  void open_issues_a_token_that_expires_after_the_default_hour_and_asks_for_renewal_at_the_expiry() {
    Outcomes.OpenEphemeral opened = open(config("ci", null));

    assertEquals("ci", string(opened.result(), "name"));
    assertEquals("1h", string(opened.result(), "lifetime"));
    assertTrue(string(opened.result(), "id").startsWith("timed-token-id-"));
    assertTrue(string(opened.result(), "token").startsWith("token-"));
    assertEquals("2026-12-03T11:00:00.123456+00:00", string(opened.result(), "expires_at"));
    assertEquals(Optional.of(Instant.parse("2026-12-03T11:00:00.123456Z")), opened.renewAt(),
        "renew at the expiry as written, never a fraction of a microsecond after it");
  }

  @Test
  void every_open_issues_a_new_token() {
    Outcomes.OpenEphemeral first = open(config("ci", null));
    Outcomes.OpenEphemeral second = open(config("ci", "10m"));

    assertNotEquals(string(first.result(), "token"), string(second.result(), "token"));
    assertNotEquals(string(first.result(), "id"), string(second.result(), "id"));
    assertEquals("2026-12-03T10:10:00.123456+00:00", string(second.result(), "expires_at"));
  }

  @Test
  void the_private_data_is_sealed_for_the_ephemeral_kind_and_never_holds_the_secret() {
    Outcomes.OpenEphemeral opened = open(config("ci", null));

    String sealed = new String(opened.privateData(), StandardCharsets.UTF_8);
    assertTrue(sealed.startsWith("fake-sealed:ephemeral:pyvider_timed_token"), "bound to the ephemeral kind");
    assertFalse(sealed.contains(java.util.Base64.getEncoder().withoutPadding().encodeToString(
        string(opened.result(), "token").getBytes(StandardCharsets.UTF_8))), "the secret is in the private data");
  }

  @Test
  void renewing_a_valid_token_asks_for_the_next_renewal_at_the_expiry_without_diagnostics() {
    Outcomes.OpenEphemeral opened = open(config("ci", null));
    clock.advance(Duration.ofMinutes(30));

    Outcomes.RenewEphemeral renewed = service.renew(new Commands.RenewEphemeral(TYPE, opened.privateData()));

    assertEquals(Diagnostics.NONE, renewed.diagnostics());
    assertEquals(opened.renewAt(), renewed.renewAt());
    assertTrue(renewed.privateData().length > 0, "a later renewal must still find the token");
  }

  @Test
  void renewing_after_the_expiry_warns_with_the_expiry_and_asks_for_no_more_renewals() {
    Outcomes.OpenEphemeral opened = open(config("ci", "1m"));
    clock.advance(Duration.ofMinutes(2));

    Outcomes.RenewEphemeral renewed = service.renew(new Commands.RenewEphemeral(TYPE, opened.privateData()));

    assertEquals(1, renewed.diagnostics().asList().size());
    Diagnostic warning = renewed.diagnostics().asList().get(0);
    assertFalse(warning.isError());
    assertTrue(warning.detail().contains(string(opened.result(), "expires_at")), warning.detail());
    assertEquals(Optional.empty(), renewed.renewAt());
  }

  @Test
  void close_of_its_own_private_data_says_nothing() {
    Outcomes.OpenEphemeral opened = open(config("ci", null));
    assertEquals(Diagnostics.NONE, service.close(new Commands.CloseEphemeral(TYPE, opened.privateData())));
  }

  @Test
  void tampered_empty_or_foreign_private_data_is_a_warning_never_a_crash() {
    byte[] managed = ((SealResult.Sealed) sealer.seal(PrivateData.of(Map.of("id", "x", "expires_at",
        "2026-12-03T11:00:00.000000+00:00")), new SealingContext(TYPE))).blob();
    for (byte[] blob : List.of(new byte[0], "garbage".getBytes(StandardCharsets.UTF_8), managed)) {
      Diagnostics renewed = service.renew(new Commands.RenewEphemeral(TYPE, blob)).diagnostics();
      Diagnostics closed = service.close(new Commands.CloseEphemeral(TYPE, blob));
      for (Diagnostics diagnostics : List.of(renewed, closed)) {
        assertEquals(1, diagnostics.asList().size(), diagnostics.toString());
        assertFalse(diagnostics.hasErrors(), diagnostics.toString());
      }
    }
  }

  @Test
  void a_close_without_private_data_says_terraform_sent_none() {
    Diagnostic warning = service.close(new Commands.CloseEphemeral(TYPE, new byte[0])).asList().get(0);

    assertEquals(Diagnostic.warning("Cannot close the ephemeral pyvider_timed_token", "The token to close could not "
        + "be identified: Terraform sent no private data. The token itself is unaffected and expires at its "
        + "expires_at."), warning);
  }
}
