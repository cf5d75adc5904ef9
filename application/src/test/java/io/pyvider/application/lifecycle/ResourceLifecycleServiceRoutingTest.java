package io.pyvider.application.lifecycle;

import static io.pyvider.application.lifecycle.Engine.onlyError;
import static io.pyvider.application.lifecycle.Engine.wire;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.pyvider.application.fakes.PassThroughSealer;
import io.pyvider.application.port.in.Commands;
import io.pyvider.application.port.in.WireValue;
import io.pyvider.domain.terraform.cty.CtyType;
import io.pyvider.domain.terraform.cty.Value;
import io.pyvider.domain.terraform.diag.Diagnostic;
import io.pyvider.domain.terraform.diag.Diagnostics;
import io.pyvider.domain.terraform.schema.Block;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;

/** Which component serves a request: unknown type names and test-only components. */
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class ResourceLifecycleServiceRoutingTest {

  private static final String UNKNOWN = "pyvider_nope";
  private final Engine engine = new Engine();
  private final Value config = ScriptedResource.object("n", null, null, null);

  private static void assertUnknownType(Diagnostic error) {
    assertEquals("Unknown resource type", error.summary());
    assertTrue(error.detail().contains("\"" + UNKNOWN + "\""), error.detail());
  }

  @Test
  void an_unknown_resource_type_is_an_error_for_validation() {
    assertUnknownType(onlyError(engine.service.validate(new Commands.ValidateConfig(UNKNOWN, wire(config)))));
  }

  @Test
  void an_unknown_resource_type_is_an_error_for_plan_with_a_null_dynamic_answer() {
    var plan = engine.service.plan(new Commands.PlanResource(UNKNOWN, WireValue.NULL, wire(config), wire(config),
        new byte[0]));

    assertUnknownType(onlyError(plan.diagnostics()));
    assertEquals(CtyType.DYNAMIC, plan.type());
    assertTrue(plan.planned().isNull());
  }

  @Test
  void an_unknown_resource_type_is_an_error_for_apply_read_import_and_upgrade() {
    assertUnknownType(onlyError(engine.service.apply(new Commands.ApplyResource(UNKNOWN, WireValue.NULL,
        wire(config), wire(config), new byte[0])).diagnostics()));
    assertUnknownType(onlyError(engine.service.read(new Commands.ReadResource(UNKNOWN, wire(config), new byte[0]))
        .diagnostics()));
    assertUnknownType(onlyError(engine.service.importState(new Commands.ImportResource(UNKNOWN, "x"))
        .diagnostics()));
    assertUnknownType(onlyError(engine.service.upgrade(new Commands.UpgradeResource(UNKNOWN, 0, wire(config)))
        .diagnostics()));
  }

  @Test
  void a_read_of_an_unknown_type_hands_the_private_state_back_untouched() {
    byte[] blob = {1, 2, 3};

    var read = engine.service.read(new Commands.ReadResource(UNKNOWN, wire(config), blob));

    assertArrayEquals(blob, read.privateState());
  }

  @Test
  void a_test_only_resource_is_refused_outside_test_mode_without_calling_it() {
    engine.resource.testOnly = true;

    Diagnostic error = onlyError(engine.plan(Engine.nothing(), config, config).diagnostics());

    assertTrue(error.summary().contains("test-only"), error.summary());
    assertTrue(error.detail().contains("PYVIDER_TESTMODE=true"), error.detail());
    assertEquals(List.of(), engine.resource.calls);
    assertTrue(engine.validate(config).hasErrors());
  }

  @Test
  void a_test_only_resource_is_served_when_the_environment_enables_test_mode() {
    Engine testing = new Engine(Map.of("PYVIDER_TESTMODE", "true"), new PassThroughSealer());
    testing.resource.testOnly = true;

    assertEquals(Diagnostics.NONE, testing.plan(Engine.nothing(), config, config).diagnostics());
    assertEquals(List.of("plan"), testing.resource.calls);
  }

  @Test
  void a_test_only_resource_is_served_once_the_provider_block_enables_test_mode() {
    engine.resource.testOnly = true;
    Block providerBlock = ProviderService.PROVIDER_SCHEMA.block();
    new ProviderService(new ComponentCatalog(List.of(), List.of()), engine.session).configure(
        wire(providerBlock.emptyValue().with(ProviderSession.TEST_MODE_ATTRIBUTE, Value.bool(true))));

    assertEquals(Diagnostics.NONE, engine.plan(Engine.nothing(), config, config).diagnostics());
  }

  @Test
  void whether_calls_wait_on_the_host_is_the_components_word_and_an_unknown_type_does_not() {
    assertEquals(false, engine.service.waitsOnHost(Engine.TYPE));
    engine.resource.waitsOnHost = true;
    assertEquals(true, engine.service.waitsOnHost(Engine.TYPE));
    assertEquals(false, engine.service.waitsOnHost(UNKNOWN));
  }
}
