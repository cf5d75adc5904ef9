package io.pyvider.application.component.httprequest;

import io.pyvider.application.fakes.MapWire;
import io.pyvider.application.fakes.ScriptedHttpTransport;
import io.pyvider.application.lifecycle.ActionService;
import io.pyvider.application.lifecycle.ComponentCatalog;
import io.pyvider.application.lifecycle.ProviderService;
import io.pyvider.application.lifecycle.ProviderSession;
import io.pyvider.application.port.in.Commands;
import io.pyvider.application.port.out.Environment;
import io.pyvider.application.port.out.HttpTransport;
import io.pyvider.domain.terraform.cty.CtyType;
import io.pyvider.domain.terraform.cty.Value;
import io.pyvider.domain.terraform.diag.Diagnostic;
import io.pyvider.domain.terraform.diag.Diagnostics;
import io.pyvider.domain.terraform.schema.Block;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.BooleanSupplier;

/**
 * pyvider_http_request behind the action engine, as Terraform drives it, with a scripted transport (or one a test
 * writes) instead of the network; it keeps every progress message and diagnostic text the user would see.
 */
final class HttpRequestTerraform {

  static final String TYPE = "pyvider_http_request";

  final ScriptedHttpTransport transport = new ScriptedHttpTransport();
  final ProviderSession session = new ProviderSession(Environment.of(Map.of()));
  final ProviderService provider;
  final ActionService service;
  final Block block = new HttpRequestAction(transport).schema().block();
  final List<String> progress = new ArrayList<>();
  private final List<String> shown = new ArrayList<>();

  HttpRequestTerraform() {
    this(null);
  }

  /** With {@code transport} in place of the scripted one (null: the scripted one). */
  HttpRequestTerraform(HttpTransport transport) {
    ComponentCatalog catalog = new ComponentCatalog(List.of(), List.of())
        .withActions(List.of(new HttpRequestAction(transport == null ? this.transport : transport)));
    provider = new ProviderService(catalog, session);
    service = new ActionService(catalog, session);
  }

  Value.ObjectVal config(String url) {
    return block.emptyValue().with("url", Value.string(url));
  }

  static Value.ObjectVal with(Value.ObjectVal config, String attribute, String value) {
    return config.with(attribute, Value.string(value));
  }

  static Value.ObjectVal headers(Value.ObjectVal config, Map<String, String> headers) {
    Map<String, Value> values = new TreeMap<>();
    headers.forEach((name, value) -> values.put(name, Value.string(value)));
    return config.with("headers", Value.MapVal.of(CtyType.STRING, values));
  }

  Diagnostics validate(Value.ObjectVal config) {
    return shown(service.validate(new Commands.ValidateConfig(TYPE, MapWire.of(config))));
  }

  Diagnostics plan(Value.ObjectVal config) {
    return shown(service.plan(new Commands.PlanAction(TYPE, MapWire.of(config))));
  }

  Diagnostics invoke(Value.ObjectVal config) {
    return invoke(config, () -> false);
  }

  Diagnostics invoke(Value.ObjectVal config, BooleanSupplier callCancelled) {
    return shown(service.invoke(new Commands.InvokeAction(TYPE, MapWire.of(config)), message -> {
      progress.add(message);
      shown.add(message);
    }, callCancelled));
  }

  private Diagnostics shown(Diagnostics diagnostics) {
    for (Diagnostic diagnostic : diagnostics) {
      shown.add(diagnostic.summary() + " " + diagnostic.detail());
    }
    return diagnostics;
  }

  /** Every progress message and diagnostic so far, and every call's description: what could reach a terminal. */
  List<String> everythingShown() {
    List<String> all = new ArrayList<>(shown);
    transport.calls().forEach(call -> all.add(call.toString()));
    return all;
  }

  static Diagnostic onlyError(Diagnostics diagnostics) {
    if (diagnostics.asList().size() != 1 || !diagnostics.asList().get(0).isError()) {
      throw new AssertionError("expected exactly one error, got " + diagnostics);
    }
    return diagnostics.asList().get(0);
  }
}
