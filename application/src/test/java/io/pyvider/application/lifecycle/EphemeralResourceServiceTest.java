package io.pyvider.application.lifecycle;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.pyvider.application.component.EphemeralOpenResult;
import io.pyvider.application.component.EphemeralRenewResult;
import io.pyvider.application.component.EphemeralResource;
import io.pyvider.application.component.PrivateState;
import io.pyvider.application.component.ProviderContext;
import io.pyvider.application.fakes.MapWire;
import io.pyvider.application.fakes.PassThroughSealer;
import io.pyvider.application.port.in.Commands;
import io.pyvider.application.port.in.Outcomes;
import io.pyvider.application.port.out.Environment;
import io.pyvider.application.port.out.PrivateData;
import io.pyvider.domain.terraform.cty.AttributePath;
import io.pyvider.domain.terraform.cty.CtyType;
import io.pyvider.domain.terraform.cty.Value;
import io.pyvider.domain.terraform.diag.Diagnostic;
import io.pyvider.domain.terraform.diag.Diagnostics;
import io.pyvider.domain.terraform.schema.Attribute;
import io.pyvider.domain.terraform.schema.Block;
import io.pyvider.domain.terraform.schema.Schema;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;

/** The ephemeral engine around a scriptable component: routing, decoding, Terraform's checks on Open, crashes. */
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class EphemeralResourceServiceTest {

  private static final String TYPE = "pyvider_lease";
  private static final Schema SCHEMA = new Schema(0, Block.of("lease", List.of(
      Attribute.builder("name", CtyType.STRING).required().build(),
      Attribute.builder("secret", CtyType.STRING).computed().sensitive().build())));
  private static final Block BLOCK = SCHEMA.block();

  /** An ephemeral resource whose answers a test scripts; it records the private state each call received. */
  private static final class ScriptedEphemeral implements EphemeralResource {
    boolean testOnly;
    Function<Value.ObjectVal, EphemeralOpenResult> open = config -> new EphemeralOpenResult(
        config.with("secret", Value.string("s-1")), PrivateData.of(Map.of("lease", "l-1")),
        Optional.of(Instant.parse("2030-01-01T00:00:00Z")), null);
    final List<PrivateState> received = new ArrayList<>();

    @Override
    public String typeName() {
      return TYPE;
    }

    @Override
    public Schema schema() {
      return SCHEMA;
    }

    @Override
    public boolean testOnly() {
      return testOnly;
    }

    @Override
    public EphemeralOpenResult open(Value.ObjectVal config, ProviderContext provider) {
      return open.apply(config);
    }

    @Override
    public EphemeralRenewResult renew(PrivateState opened, ProviderContext provider) {
      received.add(opened);
      return new EphemeralRenewResult(((PrivateState.Opened) opened).data(), Optional.empty(), null);
    }

    @Override
    public Diagnostics close(PrivateState opened, ProviderContext provider) {
      received.add(opened);
      return Diagnostics.NONE;
    }
  }

  private final ScriptedEphemeral component = new ScriptedEphemeral();
  private final EphemeralResourceService service = new EphemeralResourceService(
      new ComponentCatalog(List.of(), List.of(), List.of(component)), new ProviderSession(Environment.of(Map.of())),
      new PassThroughSealer());
  private final Value.ObjectVal config = BLOCK.emptyValue().with("name", Value.string("n"));

  private Outcomes.OpenEphemeral open(Value config) {
    return service.open(new Commands.OpenEphemeral(TYPE, MapWire.of(config)));
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
    Outcomes.OpenEphemeral opened = open(BLOCK.emptyValue().with("name", Value.unknown(CtyType.STRING)));
    onlyError(opened.diagnostics());
    assertTrue(opened.result().isNull());
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
