package io.pyvider.application.lifecycle;

import io.pyvider.application.fakes.MapWire;
import io.pyvider.application.fakes.PassThroughSealer;
import io.pyvider.application.port.in.Commands;
import io.pyvider.application.port.in.Outcomes;
import io.pyvider.application.port.in.WireValue;
import io.pyvider.application.port.out.Environment;
import io.pyvider.application.port.out.StateSealer;
import io.pyvider.domain.terraform.cty.Value;
import io.pyvider.domain.terraform.diag.Diagnostic;
import io.pyvider.domain.terraform.diag.Diagnostics;
import java.util.List;
import java.util.Map;

/** The lifecycle engine around one {@link ScriptedResource}, with short calls for each RPC. */
final class Engine {

  static final String TYPE = "pyvider_scripted";
  static final byte[] NO_PRIVATE = new byte[0];

  final ScriptedResource resource = new ScriptedResource(TYPE);
  final ProviderSession session;
  /** What the engine reported to the provider log for each crash: "where: message". */
  final java.util.List<String> crashes = new java.util.concurrent.CopyOnWriteArrayList<>();
  final ResourceLifecycleService service;

  Engine() {
    this(Map.of(), new PassThroughSealer());
  }

  Engine(Map<String, String> environment, StateSealer sealer) {
    session = new ProviderSession(Environment.of(environment),
        (where, crash) -> crashes.add(where + ": " + crash.getMessage()));
    service = new ResourceLifecycleService(new ComponentCatalog(List.of(resource), List.of()), session, sealer);
  }

  static WireValue wire(Value value) {
    return MapWire.of(value);
  }

  static Value nothing() {
    return Value.nullOf(ScriptedResource.TYPE);
  }

  Diagnostics validate(Value config) {
    return service.validate(new Commands.ValidateConfig(TYPE, wire(config)));
  }

  Outcomes.PlanResource plan(Value prior, Value proposed, Value config) {
    return service.plan(new Commands.PlanResource(TYPE, wire(prior), wire(proposed), wire(config), NO_PRIVATE));
  }

  Outcomes.ApplyResource apply(Value prior, Value planned, Value config, byte[] plannedPrivate) {
    return service.apply(new Commands.ApplyResource(TYPE, wire(prior), wire(planned), wire(config), plannedPrivate));
  }

  Outcomes.ReadResource read(Value current, byte[] privateState) {
    return service.read(new Commands.ReadResource(TYPE, wire(current), privateState));
  }

  /** The only diagnostic, which must be an error. */
  static Diagnostic onlyError(Diagnostics diagnostics) {
    if (diagnostics.asList().size() != 1 || !diagnostics.asList().get(0).isError()) {
      throw new AssertionError("expected exactly one error, got " + diagnostics);
    }
    return diagnostics.asList().get(0);
  }
}
