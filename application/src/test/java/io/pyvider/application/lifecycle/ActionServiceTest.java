package io.pyvider.application.lifecycle;

import static io.pyvider.application.lifecycle.Engine.onlyError;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.pyvider.application.component.Action;
import io.pyvider.application.fakes.MapWire;
import io.pyvider.application.port.in.Commands;
import io.pyvider.application.port.in.WireValue;
import io.pyvider.application.port.out.Environment;
import io.pyvider.domain.terraform.cty.AttributePath;
import io.pyvider.domain.terraform.cty.CtyType;
import io.pyvider.domain.terraform.cty.Value;
import io.pyvider.domain.terraform.diag.Diagnostic;
import io.pyvider.domain.terraform.diag.Diagnostics;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;

/** The action engine: decoding, validation before planning and invoking, progress, and failures as diagnostics. */
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class ActionServiceTest {

  private static final String TYPE = "pyvider_scripted_action";

  private final ScriptedAction action = new ScriptedAction(TYPE);
  private final ProviderSession session = new ProviderSession(Environment.of(Map.of()));
  private final ActionService service = new ActionService(
      new ComponentCatalog(List.of(), List.of()).withActions(List.of(action)), session);
  private final List<String> progress = new ArrayList<>();

  private Diagnostics invoke(Value config) {
    return invoke(MapWire.of(config), progress::add, () -> false);
  }

  private Diagnostics invoke(WireValue config, Consumer<String> receiver, BooleanSupplier callCancelled) {
    return service.invoke(new Commands.InvokeAction(TYPE, config), receiver, callCancelled);
  }

  private Diagnostics plan(Value config) {
    return service.plan(new Commands.PlanAction(TYPE, MapWire.of(config)));
  }

  private static void assertCrashed(Diagnostic error, String operation) {
    assertEquals("Internal error in provider pyvider", error.summary());
    assertTrue(error.detail().contains(TYPE + " failed during " + operation), error.detail());
  }

  @Test
  void an_invocation_passes_progress_on_and_returns_the_actions_diagnostics() {
    Diagnostic warning = Diagnostic.warning("done, mostly", "");
    action.invoke = (config, sink) -> {
      sink.report("one");
      sink.report("two");
      return Diagnostics.of(warning);
    };

    assertEquals(Diagnostics.of(warning), invoke(ScriptedAction.config("x")));
    assertEquals(List.of("one", "two"), progress);
    assertEquals(List.of("validate", "invoke"), action.calls);
  }

  @Test
  void an_unknown_action_type_is_an_error_for_every_rpc() {
    Value config = ScriptedAction.config("x");
    for (Diagnostics diagnostics : List.of(
        service.validate(new Commands.ValidateConfig("pyvider_nope", MapWire.of(config))),
        service.plan(new Commands.PlanAction("pyvider_nope", MapWire.of(config))),
        service.invoke(new Commands.InvokeAction("pyvider_nope", MapWire.of(config)), progress::add, () -> false))) {
      Diagnostic error = onlyError(diagnostics);
      assertEquals("Unknown action type", error.summary());
      assertTrue(error.detail().contains("\"pyvider_nope\""), error.detail());
    }
    assertEquals(List.of(), action.calls);
  }

  @Test
  void a_missing_required_argument_or_a_malformed_configuration_is_refused_before_the_action_sees_it() {
    assertEquals(AttributePath.attribute("target"), onlyError(invoke(ScriptedAction.config(null))).path());
    WireValue malformed = type -> new WireValue.Malformed(AttributePath.attribute("note"), "not a string");
    Diagnostic error = onlyError(invoke(malformed, progress::add, () -> false));
    assertEquals("Invalid configuration", error.summary());
    assertEquals(List.of(), action.calls);
  }

  @Test
  void validation_errors_stop_planning_and_invoking() {
    action.validate = config -> Diagnostics.of(Diagnostic.error(AttributePath.attribute("target"), "bad", "bad"));

    assertEquals("bad", onlyError(plan(ScriptedAction.config("x"))).summary());
    assertEquals("bad", onlyError(invoke(ScriptedAction.config("x"))).summary());
    assertEquals(List.of("validate", "validate"), action.calls);
    assertEquals(List.of(), progress);
  }

  @Test
  void planning_validates_and_plans_and_accepts_unknown_values_but_never_invokes() {
    Value.ObjectVal unknown = ScriptedAction.config("x").with("target", Value.unknown(CtyType.STRING));

    assertEquals(Diagnostics.NONE, plan(unknown));
    assertEquals(Diagnostics.NONE, service.validate(new Commands.ValidateConfig(TYPE, MapWire.of(unknown))));
    assertEquals(List.of("validate", "plan", "validate"), action.calls);
  }

  @Test
  void what_the_action_says_while_planning_reaches_terraform() {
    Diagnostic note = Diagnostic.warning(AttributePath.attribute("target"), "Target is slow", "expect minutes");
    action.plan = config -> Diagnostics.of(note);

    assertEquals(Diagnostics.of(note), plan(ScriptedAction.config("x")));
  }

  @Test
  void an_invocation_with_unknown_values_is_refused() {
    Diagnostic error = onlyError(invoke(ScriptedAction.config("x").with("note", Value.unknown(CtyType.STRING))));

    assertEquals("Invalid InvokeAction request", error.summary());
    assertFalse(action.calls.contains("invoke"));
  }

  @Test
  void a_crash_in_any_step_becomes_an_internal_error() {
    action.validate = config -> {
      throw new IllegalStateException("validate broke");
    };
    assertCrashed(onlyError(service.validate(new Commands.ValidateConfig(TYPE,
        MapWire.of(ScriptedAction.config("x"))))), "validation");

    action.validate = config -> Diagnostics.NONE;
    action.plan = config -> {
      throw new IllegalStateException("plan broke");
    };
    assertCrashed(onlyError(plan(ScriptedAction.config("x"))), "planning");
  }

  @Test
  void a_crash_during_invocation_keeps_the_progress_already_reported() {
    action.invoke = (config, sink) -> {
      sink.report("started");
      throw new IllegalStateException("invoke broke");
    };

    assertCrashed(onlyError(invoke(ScriptedAction.config("x"))), "invocation");
    assertEquals(List.of("started"), progress);
  }

  @Test
  void progress_after_the_invocation_returned_is_dropped() {
    AtomicReference<Action.Progress> kept = new AtomicReference<>();
    action.invoke = (config, sink) -> {
      kept.set(sink);
      return Diagnostics.NONE;
    };

    invoke(ScriptedAction.config("x"));
    kept.get().report("too late: the completed event has been sent");

    assertEquals(List.of(), progress);
  }

  @Test
  void a_receiver_that_fails_does_not_fail_the_action_and_gets_nothing_more() {
    List<String> received = new ArrayList<>();
    Consumer<String> goneAfterOne = message -> {
      received.add(message);
      throw new IllegalStateException("stream closed");
    };
    action.invoke = (config, sink) -> {
      sink.report("one");
      sink.report("two");
      sink.report(null);
      return Diagnostics.NONE;
    };

    assertEquals(Diagnostics.NONE, invoke(MapWire.of(ScriptedAction.config("x")), goneAfterOne, () -> false));
    assertEquals(List.of("one"), received);
  }

  @Test
  void a_null_progress_message_is_skipped() {
    action.invoke = (config, sink) -> {
      sink.report(null);
      sink.report("real");
      return Diagnostics.NONE;
    };

    invoke(ScriptedAction.config("x"));

    assertEquals(List.of("real"), progress);
  }

  @Test
  void the_action_is_cancelled_by_stop_provider_or_by_the_caller_giving_up() {
    boolean[] callCancelled = {false};
    invoke(MapWire.of(ScriptedAction.config("x")), progress::add, () -> callCancelled[0]);
    assertFalse(action.lastContext.cancellation().isCancelled());
    callCancelled[0] = true;
    assertTrue(action.lastContext.cancellation().isCancelled(), "the caller gave up");

    invoke(ScriptedAction.config("x"));
    assertFalse(action.lastContext.cancellation().isCancelled());
    session.stop();
    assertTrue(action.lastContext.cancellation().isCancelled(), "StopProvider");
  }
}
