package io.pyvider.application.lifecycle;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.pyvider.application.component.ProviderContext;
import io.pyvider.application.fakes.MapWire;
import io.pyvider.application.port.in.WireValue;
import io.pyvider.application.port.out.Environment;
import io.pyvider.domain.terraform.cty.AttributePath;
import io.pyvider.domain.terraform.cty.CtyType;
import io.pyvider.domain.terraform.cty.Value;
import io.pyvider.domain.terraform.diag.Diagnostics;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The provider instance's session: test mode (environment or provider block) and StopProvider. */
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class ProviderSessionTest {

  private static ProviderSession session(Map<String, String> environment) {
    return new ProviderSession(Environment.of(environment));
  }

  private static ProviderService provider(ProviderSession session) {
    return new ProviderService(new ComponentCatalog(List.of(), List.of()), session);
  }

  private static Value providerConfig(Value testMode) {
    return ProviderService.PROVIDER_SCHEMA.block().emptyValue().with(ProviderSession.TEST_MODE_ATTRIBUTE, testMode);
  }

  @Test
  void without_environment_or_configuration_test_mode_is_off() {
    ProviderSession session = session(Map.of());

    assertFalse(session.testMode());
    assertFalse(session.context().testMode());
    assertNull(session.context().providerConfig());
  }

  @ParameterizedTest
  @ValueSource(strings = {"true", "TRUE", "True"})
  void the_environment_variable_true_turns_test_mode_on(String value) {
    ProviderSession session = session(Map.of("PYVIDER_TESTMODE", value));

    assertTrue(session.testMode());
    assertTrue(session.context().testMode());
  }

  @ParameterizedTest
  @ValueSource(strings = {"false", "1", "yes", "", " true"})
  void any_other_value_of_the_environment_variable_leaves_test_mode_off(String value) {
    assertFalse(session(Map.of("PYVIDER_TESTMODE", value)).testMode());
  }

  @Test
  void the_provider_attribute_turns_test_mode_on_once_configured() {
    ProviderSession session = session(Map.of());

    Diagnostics diagnostics = provider(session).configure(MapWire.of(providerConfig(Value.bool(true))));

    assertEquals(Diagnostics.NONE, diagnostics);
    assertTrue(session.testMode());
    assertTrue(session.context().testMode());
    assertEquals(providerConfig(Value.bool(true)), session.context().providerConfig());
  }

  @Test
  void a_false_null_or_unknown_provider_attribute_leaves_test_mode_off() {
    for (Value flag : List.of(Value.bool(false), Value.nullOf(CtyType.BOOL), Value.unknown(CtyType.BOOL))) {
      ProviderSession session = session(Map.of());
      provider(session).configure(MapWire.of(providerConfig(flag)));
      assertFalse(session.testMode(), flag.toString());
    }
  }

  @Test
  void the_environment_wins_over_a_false_provider_attribute() {
    ProviderSession session = session(Map.of("PYVIDER_TESTMODE", "true"));

    provider(session).configure(MapWire.of(providerConfig(Value.bool(false))));

    assertTrue(session.testMode());
  }

  @Test
  void a_malformed_provider_configuration_is_an_error_and_configures_nothing() {
    ProviderSession session = session(Map.of());
    WireValue malformed = type -> new WireValue.Malformed(AttributePath.attribute("pyvider_testmode"), "not a bool");

    Diagnostics diagnostics = provider(session).configure(malformed);

    assertTrue(diagnostics.hasErrors());
    assertEquals(AttributePath.attribute("pyvider_testmode"), diagnostics.asList().get(0).path());
    assertNull(session.context().providerConfig());
    assertTrue(provider(session).validate(malformed).hasErrors());
  }

  @Test
  void stop_cancels_the_contexts_taken_before_it() {
    ProviderSession session = session(Map.of());
    ProviderContext first = session.context();
    ProviderContext second = session.context();
    assertFalse(first.cancellation().isCancelled());

    provider(session).stop();

    assertTrue(first.cancellation().isCancelled());
    assertTrue(second.cancellation().isCancelled());
  }

  @Test
  void stop_does_not_cancel_contexts_taken_after_it() {
    ProviderSession session = session(Map.of());
    provider(session).stop();

    ProviderContext after = session.context();

    assertFalse(after.cancellation().isCancelled());
  }

  @Test
  void a_second_stop_cancels_only_what_started_since_the_first() {
    ProviderSession session = session(Map.of());
    ProviderService provider = provider(session);
    ProviderContext beforeFirst = session.context();
    provider.stop();
    ProviderContext between = session.context();

    provider.stop();

    assertTrue(beforeFirst.cancellation().isCancelled());
    assertTrue(between.cancellation().isCancelled());
    assertFalse(session.context().cancellation().isCancelled());
  }

  @Test
  void the_never_cancellation_is_never_cancelled() {
    assertFalse(ProviderContext.Cancellation.NEVER.isCancelled());
  }
}
