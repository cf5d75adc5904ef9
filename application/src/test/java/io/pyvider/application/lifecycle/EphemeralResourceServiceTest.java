package io.pyvider.application.lifecycle;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.pyvider.application.component.EphemeralOpenResult;
import io.pyvider.application.component.EphemeralRenewResult;
import io.pyvider.application.component.EphemeralResource;
import io.pyvider.application.component.PrivateState;
import io.pyvider.application.fakes.KeylessSealer;
import io.pyvider.application.fakes.MapWire;
import io.pyvider.application.fakes.PassThroughSealer;
import io.pyvider.application.port.in.Commands;
import io.pyvider.application.port.in.Outcomes;
import io.pyvider.application.port.out.Environment;
import io.pyvider.application.port.out.PrivateData;
import io.pyvider.application.port.out.StateSealer;
import io.pyvider.domain.terraform.cty.AttributePath;
import io.pyvider.domain.terraform.cty.CtyType;
import io.pyvider.domain.terraform.cty.Value;
import io.pyvider.domain.terraform.diag.Diagnostic;
import io.pyvider.domain.terraform.diag.Diagnostics;
import io.pyvider.domain.terraform.schema.Block;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;

/** The ephemeral engine around a scriptable component: routing, decoding, Terraform's checks on Open, crashes. */
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class EphemeralResourceServiceTest {

  private static final String TYPE = ScriptedEphemeral.TYPE;
  private static final Block BLOCK = ScriptedEphemeral.SCHEMA.block();

  private final ScriptedEphemeral component = new ScriptedEphemeral();
  private final EphemeralResourceService service = new EphemeralResourceService(
      new ComponentCatalog(List.of(), List.of(), List.of(component)), new ProviderSession(Environment.of(Map.of())),
      new PassThroughSealer());
  private final Value.ObjectVal config = BLOCK.emptyValue().with("name", Value.string("n"));

  private Outcomes.OpenEphemeral open(Value config) {
    return service.open(new Commands.OpenEphemeral(TYPE, MapWire.of(config)));
  }

  private static final Diagnostic WARNING = Diagnostic.warning(AttributePath.attribute("name"), "Name deprecated",
      "use label");

  private static EphemeralResourceService serviceSealingWith(EphemeralResource component, StateSealer sealer) {
    return new EphemeralResourceService(new ComponentCatalog(List.of(), List.of(), List.of(component)),
        new ProviderSession(Environment.of(Map.of())), sealer);
  }

  private static EphemeralOpenResult neverOpened(Value.ObjectVal config) {
    throw new AssertionError("must not open");
  }

  private static Diagnostic onlyError(Diagnostics diagnostics) {
    assertEquals(1, diagnostics.asList().size(), diagnostics.toString());
    assertTrue(diagnostics.asList().get(0).isError(), diagnostics.toString());
    return diagnostics.asList().get(0);
  }

  @Test
  void an_open_value_reaches_terraform_with_sealed_private_data_that_renew_and_close_get_back_opened() {
    Outcomes.OpenEphemeral opened = open(config);

    assertEquals(Diagnostics.NONE, opened.diagnostics());
    assertEquals(Value.string("s-1"), ((Value.ObjectVal) opened.result()).get("secret"));
    assertEquals(Optional.of(Instant.parse("2030-01-01T00:00:00Z")), opened.renewAt());
    service.renew(new Commands.RenewEphemeral(TYPE, opened.privateData()));
    service.close(new Commands.CloseEphemeral(TYPE, opened.privateData()));
    PrivateState expected = new PrivateState.Opened(PrivateData.of(Map.of("lease", "l-1")), false);
    assertEquals(List.of(expected, expected), component.received);
  }

  @Test
  void an_unknown_type_is_an_error_for_every_call() {
    assertTrue(service.open(new Commands.OpenEphemeral("pyvider_nope", MapWire.of(config))).diagnostics()
        .hasErrors());
    assertTrue(service.validate(new Commands.ValidateConfig("pyvider_nope", MapWire.of(config))).hasErrors());
    assertTrue(service.renew(new Commands.RenewEphemeral("pyvider_nope", new byte[0])).diagnostics().hasErrors());
    assertTrue(service.close(new Commands.CloseEphemeral("pyvider_nope", new byte[0])).hasErrors());
  }

  @Test
  void a_missing_required_argument_is_refused_before_the_component_runs() {
    component.open = config -> {
      throw new AssertionError("must not open");
    };
    assertEquals(AttributePath.attribute("name"), onlyError(open(BLOCK.emptyValue()).diagnostics()).path());
  }

  @Test
  void an_unknown_configuration_is_never_opened() {
    component.open = EphemeralResourceServiceTest::neverOpened;

    Outcomes.OpenEphemeral opened = open(BLOCK.emptyValue().with("name", Value.unknown(CtyType.STRING)));

    assertEquals(Diagnostic.error("Invalid OpenEphemeralResource request", TYPE + ": the configuration still "
        + "contains unknown values (Terraform defers opening until it is known)."), onlyError(opened.diagnostics()));
    assertTrue(opened.result().isNull());
  }

  @Test
  void validation_refuses_a_missing_required_argument_before_the_component_validates() {
    component.validate = config -> {
      throw new AssertionError("must not validate");
    };

    Diagnostic error = onlyError(service.validate(new Commands.ValidateConfig(TYPE, MapWire.of(BLOCK.emptyValue()))));

    assertEquals("Missing required argument", error.summary());
    assertEquals(AttributePath.attribute("name"), error.path());
  }

  @Test
  void a_configuration_the_component_finds_invalid_is_never_opened() {
    Diagnostic refusal = Diagnostic.error(AttributePath.attribute("name"), "Bad name", "letters only");
    component.validate = config -> Diagnostics.of(refusal);
    component.open = EphemeralResourceServiceTest::neverOpened;

    Outcomes.OpenEphemeral opened = open(config);

    assertEquals(Diagnostics.of(refusal), opened.diagnostics());
    assertTrue(opened.result().isNull());
    assertEquals(0, opened.privateData().length);
  }

  @Test
  void validation_warnings_travel_with_the_opened_value() {
    component.validate = config -> Diagnostics.of(WARNING);

    Outcomes.OpenEphemeral opened = open(config);

    assertEquals(Diagnostics.of(WARNING), opened.diagnostics());
    assertEquals(Value.string("s-1"), ((Value.ObjectVal) opened.result()).get("secret"));
  }

  @Test
  void an_open_that_reports_errors_hands_out_nothing_but_those_errors() {
    Diagnostic refused = Diagnostic.error("Lease refused", "quota exhausted");
    component.open = config -> new EphemeralOpenResult(config.with("secret", Value.string("s")),
        PrivateData.of(Map.of("k", "v")), Optional.of(Instant.EPOCH), Diagnostics.of(refused));

    Outcomes.OpenEphemeral opened = open(config);

    assertEquals(Diagnostics.of(refused), opened.diagnostics());
    assertTrue(opened.result().isNull());
    assertEquals(0, opened.privateData().length);
    assertEquals(Optional.empty(), opened.renewAt());
  }

  @Test
  void a_value_whose_private_data_cannot_be_sealed_is_not_handed_out() {
    Outcomes.OpenEphemeral opened = serviceSealingWith(component, new KeylessSealer())
        .open(new Commands.OpenEphemeral(TYPE, MapWire.of(config)));

    assertEquals("Private state could not be sealed", onlyError(opened.diagnostics()).summary());
    assertTrue(opened.result().isNull());
  }

  @Test
  void a_crashing_renewal_is_an_error_and_renews_nothing() {
    component.renew = opened -> {
      throw new IllegalStateException("boom");
    };

    Outcomes.RenewEphemeral renewed = service.renew(new Commands.RenewEphemeral(TYPE, open(config).privateData()));

    assertTrue(onlyError(renewed.diagnostics()).detail().contains(TYPE + " failed during renewal with "
        + "IllegalStateException"), renewed.diagnostics().toString());
    assertEquals(0, renewed.privateData().length);
    assertEquals(Optional.empty(), renewed.renewAt());
  }

  @Test
  void a_renewal_whose_private_data_cannot_be_sealed_is_an_error() {
    component.renew = opened -> new EphemeralRenewResult(PrivateData.of(Map.of("lease", "l-2")), Optional.empty(),
        null);

    Outcomes.RenewEphemeral renewed = serviceSealingWith(component, new KeylessSealer())
        .renew(new Commands.RenewEphemeral(TYPE, open(config).privateData()));

    assertEquals("Private state could not be sealed", onlyError(renewed.diagnostics()).summary());
  }

  @Test
  void a_result_that_changes_a_configured_value_is_caught_as_the_providers_bug() {
    component.open = config -> new EphemeralOpenResult(config.with("name", Value.string("other"))
        .with("secret", Value.string("s")), PrivateData.of(Map.of("k", "v")), Optional.empty(), null);

    Outcomes.OpenEphemeral opened = open(config);

    assertTrue(onlyError(opened.diagnostics()).summary().contains("invalid ephemeral resource value"));
    assertTrue(opened.result().isNull());
    assertEquals(0, opened.privateData().length, "nothing is handed out for a broken value");
  }

  @Test
  void a_result_with_unknown_values_is_caught_too() {
    component.open = config -> new EphemeralOpenResult(config.with("secret", Value.unknown(CtyType.STRING)),
        PrivateData.EMPTY, Optional.empty(), null);
    onlyError(open(config).diagnostics());
  }

  @Test
  void a_crashing_component_is_an_error_diagnostic_not_an_exception() {
    component.open = config -> {
      throw new IllegalStateException("boom");
    };
    assertTrue(onlyError(open(config).diagnostics()).detail().contains("open"));
  }

  @Test
  void a_test_only_ephemeral_resource_is_refused_outside_test_mode() {
    component.testOnly = true;
    assertTrue(onlyError(open(config).diagnostics()).summary().contains("test-only"));
  }
}
