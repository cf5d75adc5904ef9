package io.pyvider.application.component.verifier;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.pyvider.application.fakes.MapWire;
import io.pyvider.application.fakes.PassThroughSealer;
import io.pyvider.application.fakes.ProposedNewState;
import io.pyvider.application.lifecycle.ComponentCatalog;
import io.pyvider.application.lifecycle.ProviderService;
import io.pyvider.application.lifecycle.ProviderSession;
import io.pyvider.application.lifecycle.ResourceLifecycleService;
import io.pyvider.application.port.in.Commands;
import io.pyvider.application.port.in.Outcomes;
import io.pyvider.application.port.out.Environment;
import io.pyvider.application.port.out.PrivateData;
import io.pyvider.application.port.out.SealResult;
import io.pyvider.application.port.out.SealingContext;
import io.pyvider.application.port.out.UnsealResult;
import io.pyvider.domain.terraform.cty.AttributePath;
import io.pyvider.domain.terraform.cty.CtyType;
import io.pyvider.domain.terraform.cty.Refinements;
import io.pyvider.domain.terraform.cty.Value;
import io.pyvider.domain.terraform.diag.Diagnostic;
import io.pyvider.domain.terraform.diag.Diagnostics;
import io.pyvider.domain.terraform.diag.Severity;
import io.pyvider.domain.terraform.schema.Attribute;
import io.pyvider.domain.terraform.schema.Block;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;

/** pyvider_private_state_verifier: the secret reaches apply only through sealed planned private state. */
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class PrivateStateVerifierTest {

  private static final String TYPE = "pyvider_private_state_verifier";

  private final PrivateStateVerifierResource resource = new PrivateStateVerifierResource();
  private final PassThroughSealer sealer = new PassThroughSealer();
  private final Block block = resource.schema().block();

  private ResourceLifecycleService service(Map<String, String> environment) {
    return new ResourceLifecycleService(new ComponentCatalog(List.of(resource), List.of()),
        new ProviderSession(Environment.of(environment)), sealer);
  }

  private final ResourceLifecycleService testMode = service(Map.of("PYVIDER_TESTMODE", "true"));

  private Value.ObjectVal config(String input) {
    return block.emptyValue().with("input_value", Value.string(input));
  }

  private Value nothing() {
    return Value.nullOf(block.impliedType());
  }

  private Outcomes.PlanResource plan(ResourceLifecycleService service, Value prior, byte[] priorPrivate,
      Value config) {
    return service.plan(new Commands.PlanResource(TYPE, MapWire.of(prior),
        MapWire.of(ProposedNewState.of(block, prior, config)), MapWire.of(config), priorPrivate));
  }

  private Outcomes.ApplyResource apply(Value prior, Value planned, Value config, byte[] plannedPrivate) {
    return testMode.apply(new Commands.ApplyResource(TYPE, MapWire.of(prior), MapWire.of(planned),
        MapWire.of(config), plannedPrivate));
  }

  private Outcomes.ApplyResource create(Value.ObjectVal config) {
    Outcomes.PlanResource plan = plan(testMode, nothing(), new byte[0], config);
    assertEquals(Diagnostics.NONE, plan.diagnostics());
    return apply(nothing(), plan.planned(), config, plan.plannedPrivate());
  }

  private Map<String, String> open(byte[] blob) {
    return ((UnsealResult.Opened) sealer.unseal(blob, new SealingContext(TYPE))).data().fields();
  }

  /** The verifier's private data, sealed for another resource type: it never opens for this one. */
  private byte[] sealedForAnotherType() {
    return ((SealResult.Sealed) sealer.seal(PrivateData.of(Map.of("secret_token", "SECRET_FOR_ABC")),
        new SealingContext("pyvider_timed_token"))).blob();
  }

  private static String token(Outcomes.ApplyResource applied) {
    return ((Value.Str) ((Value.ObjectVal) applied.newState()).get("decrypted_token")).value();
  }

  @Test
  void the_schema_is_the_python_providers_version_1_with_descriptions() {
    assertEquals(1, resource.schema().version());
    assertTrue(block.attribute("input_value").required());
    assertTrue(block.attribute("decrypted_token").computedOnly());
    for (Attribute attribute : block.attributes().values()) {
      assertFalse(attribute.description().isBlank(), attribute.name());
      assertEquals(CtyType.STRING, attribute.type());
    }
    assertTrue(resource.testOnly());
    assertFalse(resource.waitsOnHost(), "a pure computation, like most components: the SPI's default");
  }

  @Test
  void test_verification_becomes_SECRET_FOR_TEST_VERIFICATION() {
    Outcomes.ApplyResource applied = create(config("test-verification"));

    assertEquals(Diagnostics.NONE, applied.diagnostics());
    assertEquals("SECRET_FOR_TEST-VERIFICATION", token(applied));
  }

  @Test
  void the_plan_leaves_the_token_unknown_and_puts_the_secret_only_into_sealed_private_state() {
    Outcomes.PlanResource plan = plan(testMode, nothing(), new byte[0], config("abc"));

    assertEquals(Value.unknown(CtyType.STRING, Refinements.notNull().withStringPrefix("SECRET_FOR_")),
        ((Value.ObjectVal) plan.planned()).get("decrypted_token"));
    assertEquals(Map.of("secret_token", "SECRET_FOR_ABC"), open(plan.plannedPrivate()));
  }

  @Test
  void the_apply_takes_the_value_from_private_state_not_from_the_input() {
    Outcomes.PlanResource plan = plan(testMode, nothing(), new byte[0], config("abc"));
    byte[] other = ((SealResult.Sealed) sealer.seal(PrivateData.of(Map.of("secret_token", "FROM_PRIVATE")),
        new SealingContext(TYPE))).blob();

    Outcomes.ApplyResource applied = apply(nothing(), plan.planned(), config("abc"), other);

    assertEquals("FROM_PRIVATE", token(applied));
  }

  @Test
  void an_apply_without_private_state_fails_with_private_state_was_not_received() {
    Outcomes.PlanResource plan = plan(testMode, nothing(), new byte[0], config("abc"));

    Outcomes.ApplyResource applied = apply(nothing(), plan.planned(), config("abc"), new byte[0]);

    Diagnostic error = applied.diagnostics().asList().get(0);
    assertTrue(error.isError());
    assertTrue(error.summary().contains("private state was not received"), error.summary());
    assertTrue(applied.newState().isNull());
  }

  @Test
  void an_apply_with_private_state_that_does_not_open_fails_and_says_why() {
    Outcomes.PlanResource plan = plan(testMode, nothing(), new byte[0], config("abc"));
    byte[] foreign = ((SealResult.Sealed) sealer.seal(PrivateData.of(Map.of("secret_token", "X")),
        new SealingContext("pyvider_timed_token"))).blob();

    Outcomes.ApplyResource applied = apply(nothing(), plan.planned(), config("abc"), foreign);

    Diagnostic error = applied.diagnostics().asList().get(0);
    assertTrue(error.summary().contains("private state was not received"));
    assertTrue(error.detail().contains("could not be opened"), error.detail());
  }

  @Test
  void the_applied_state_keeps_the_sealed_secret_and_a_refresh_changes_nothing() {
    Outcomes.ApplyResource applied = create(config("abc"));

    Outcomes.ReadResource read = testMode.read(new Commands.ReadResource(TYPE, MapWire.of(applied.newState()),
        applied.privateState()));

    assertEquals(Map.of("secret_token", "SECRET_FOR_ABC"), open(applied.privateState()));
    assertEquals(Diagnostics.NONE, read.diagnostics());
    assertEquals(applied.newState(), read.newState());
    assertArrayEquals(applied.privateState(), read.privateState());
  }

  @Test
  void an_unchanged_input_plans_no_change() {
    Outcomes.ApplyResource applied = create(config("abc"));

    Outcomes.PlanResource plan = plan(testMode, applied.newState(), applied.privateState(), config("abc"));

    // A failed plan also answers with the prior state: only a clean answer shows the plan really is a no-op.
    assertEquals(Diagnostics.NONE, plan.diagnostics());
    assertEquals(applied.newState(), plan.planned());
    assertEquals(List.of(), plan.requiresReplace());
  }

  @Test
  void an_unchanged_input_keeps_the_sealed_secret_and_drops_one_that_does_not_open() {
    Outcomes.ApplyResource applied = create(config("abc"));
    byte[] foreign = sealedForAnotherType();

    Outcomes.PlanResource kept = plan(testMode, applied.newState(), applied.privateState(), config("abc"));
    Outcomes.PlanResource dropped = plan(testMode, applied.newState(), foreign, config("abc"));

    assertEquals(Map.of("secret_token", "SECRET_FOR_ABC"), open(kept.plannedPrivate()));
    assertEquals(0, dropped.plannedPrivate().length);
  }

  @Test
  void a_refresh_with_private_state_that_does_not_open_warns_and_drops_it_keeping_the_state() {
    Outcomes.ApplyResource applied = create(config("abc"));
    byte[] foreign = sealedForAnotherType();

    Outcomes.ReadResource unreadable = testMode.read(new Commands.ReadResource(TYPE, MapWire.of(applied.newState()),
        foreign));
    Outcomes.ReadResource absent = testMode.read(new Commands.ReadResource(TYPE, MapWire.of(applied.newState()),
        new byte[0]));

    Diagnostic warning = unreadable.diagnostics().asList().get(0);
    assertEquals(Severity.WARNING, warning.severity());
    assertEquals("Private state of pyvider_private_state_verifier could not be unsealed", warning.summary());
    assertTrue(warning.detail().endsWith(". The state is kept as it is; the private state is dropped."),
        warning.detail());
    assertEquals(applied.newState(), unreadable.newState());
    assertEquals(0, unreadable.privateState().length);
    assertEquals(Diagnostics.NONE, absent.diagnostics(), "no private state is nothing to warn about");
  }

  @Test
  void a_new_input_replaces_the_resource_and_derives_the_secret_again() {
    Outcomes.ApplyResource first = create(config("abc"));

    Outcomes.PlanResource plan = plan(testMode, first.newState(), first.privateState(), config("xyz"));
    // Terraform's replacement: a second plan from nothing with the first plan's private state, then apply.
    Outcomes.PlanResource replacement = plan(testMode, nothing(), plan.plannedPrivate(), config("xyz"));
    Outcomes.ApplyResource second = apply(nothing(), replacement.planned(), config("xyz"),
        replacement.plannedPrivate());

    assertEquals(List.of(AttributePath.attribute("input_value")), plan.requiresReplace());
    assertEquals("SECRET_FOR_XYZ", token(second));
  }

  @Test
  void an_unknown_input_is_planned_without_private_state_and_the_apply_time_plan_supplies_it() {
    Value.ObjectVal unknown = block.emptyValue().with("input_value", Value.unknown(CtyType.STRING));

    Outcomes.PlanResource early = plan(testMode, nothing(), new byte[0], unknown);
    Outcomes.ApplyResource applied = create(config("later"));

    assertEquals(Diagnostics.NONE, early.diagnostics());
    assertEquals(0, early.plannedPrivate().length);
    assertEquals("SECRET_FOR_LATER", token(applied));
  }

  @Test
  void destroy_plans_and_applies_null() {
    Outcomes.ApplyResource applied = create(config("abc"));

    Outcomes.PlanResource plan = testMode.plan(new Commands.PlanResource(TYPE, MapWire.of(applied.newState()),
        MapWire.of(nothing()), MapWire.of(nothing()), applied.privateState()));
    Outcomes.ApplyResource destroyed = apply(applied.newState(), plan.planned(), nothing(), plan.plannedPrivate());

    assertTrue(plan.planned().isNull());
    assertEquals(Diagnostics.NONE, destroyed.diagnostics());
    assertTrue(destroyed.newState().isNull());
  }

  @Test
  void outside_test_mode_the_engine_refuses_it() {
    Outcomes.PlanResource plan = plan(service(Map.of()), nothing(), new byte[0], config("abc"));

    Diagnostic error = plan.diagnostics().asList().get(0);
    assertTrue(error.isError());
    assertTrue(error.summary().contains("test-only"), error.summary());
  }

  @Test
  void the_provider_attribute_pyvider_testmode_enables_it() {
    ProviderSession session = new ProviderSession(Environment.of(Map.of()));
    ComponentCatalog catalog = new ComponentCatalog(List.of(resource), List.of());
    ProviderService provider = new ProviderService(catalog, session);
    provider.configure(MapWire.of(ProviderService.PROVIDER_SCHEMA.block().emptyValue()
        .with("pyvider_testmode", Value.bool(true))));
    ResourceLifecycleService configured = new ResourceLifecycleService(catalog, session, sealer);

    Outcomes.PlanResource plan = plan(configured, nothing(), new byte[0], config("abc"));

    assertEquals(Diagnostics.NONE, plan.diagnostics());
    assertEquals("SECRET_FOR_ABC", open(plan.plannedPrivate()).get("secret_token"));
  }

  @Test
  void upper_casing_is_locale_independent_and_unicode_aware() {
    assertEquals("SECRET_FOR_TITLE-STRASSE", PrivateStateVerifierResource.secretFor("title-straße"));
    assertEquals("SECRET_FOR_I", PrivateStateVerifierResource.secretFor("i"));
  }
}
