package io.pyvider.application.component.filecontent;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.pyvider.application.fakes.InMemoryFileStore;
import io.pyvider.application.fakes.MapWire;
import io.pyvider.application.fakes.PassThroughSealer;
import io.pyvider.application.fakes.ProposedNewState;
import io.pyvider.application.lifecycle.ComponentCatalog;
import io.pyvider.application.lifecycle.ProviderSession;
import io.pyvider.application.lifecycle.ResourceLifecycleService;
import io.pyvider.application.port.in.Commands;
import io.pyvider.application.port.in.Outcomes;
import io.pyvider.application.port.out.Environment;
import io.pyvider.domain.terraform.cty.AttributePath;
import io.pyvider.domain.terraform.cty.CtyType;
import io.pyvider.domain.terraform.cty.Value;
import io.pyvider.domain.terraform.diag.Diagnostic;
import io.pyvider.domain.terraform.diag.Diagnostics;
import io.pyvider.domain.terraform.schema.Block;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/** Drives pyvider_file_content through the lifecycle engine the way Terraform does, on an in-memory file system. */
final class FileTerraform {

  static final String TYPE = "pyvider_file_content";
  static final Path WORKDIR = Path.of("/work/tf");

  final InMemoryFileStore files = new InMemoryFileStore();
  final FileContentResource resource = new FileContentResource(files, () -> WORKDIR);
  final ResourceLifecycleService service = new ResourceLifecycleService(
      new ComponentCatalog(List.of(resource), List.of()), new ProviderSession(Environment.of(Map.of())),
      new PassThroughSealer());
  final Block block = resource.schema().block();
  final CtyType.ObjectOf type = block.impliedType();

  Value.ObjectVal config(String filename, String content) {
    return block.emptyValue().with("filename", Value.string(filename)).with("content", Value.string(content));
  }

  Value nothing() {
    return Value.nullOf(type);
  }

  Diagnostics validate(Value config) {
    return service.validate(new Commands.ValidateConfig(TYPE, MapWire.of(config)));
  }

  Outcomes.PlanResource plan(Value prior, Value config) {
    return service.plan(new Commands.PlanResource(TYPE, MapWire.of(prior),
        MapWire.of(ProposedNewState.of(block, prior, config)), MapWire.of(config), new byte[0]));
  }

  Outcomes.PlanResource planDestroy(Value prior) {
    return service.plan(new Commands.PlanResource(TYPE, MapWire.of(prior), MapWire.of(nothing()),
        MapWire.of(nothing()), new byte[0]));
  }

  Outcomes.ApplyResource apply(Value prior, Outcomes.PlanResource plan, Value config) {
    return service.apply(new Commands.ApplyResource(TYPE, MapWire.of(prior), MapWire.of(plan.planned()),
        MapWire.of(config), plan.plannedPrivate()));
  }

  Outcomes.ApplyResource destroy(Value prior) {
    return apply(prior, planDestroy(prior), nothing());
  }

  Outcomes.ReadResource read(Value current) {
    return service.read(new Commands.ReadResource(TYPE, MapWire.of(current), new byte[0]));
  }

  /** `terraform apply` of a new instance; asserts it went through cleanly and returns the state. */
  Value.ObjectVal create(Value.ObjectVal config) {
    Outcomes.PlanResource plan = plan(nothing(), config);
    assertEquals(Diagnostics.NONE, plan.diagnostics());
    Outcomes.ApplyResource applied = apply(nothing(), plan, config);
    assertEquals(Diagnostics.NONE, applied.diagnostics());
    return (Value.ObjectVal) applied.newState();
  }

  /** A refresh that leaves an object; returns it. */
  Value.ObjectVal refresh(Value.ObjectVal state) {
    Outcomes.ReadResource read = read(state);
    assertTrue(!read.diagnostics().hasErrors(), read.diagnostics().toString());
    return (Value.ObjectVal) read.newState();
  }

  static String string(Value.ObjectVal state, String attribute) {
    return ((Value.Str) state.get(attribute)).value();
  }

  /** The only diagnostic, which must be an error on {@code filename}. */
  static Diagnostic filenameError(Diagnostics diagnostics) {
    assertEquals(1, diagnostics.asList().size(), diagnostics.toString());
    Diagnostic only = diagnostics.asList().get(0);
    assertTrue(only.isError(), only.toString());
    assertEquals(AttributePath.attribute("filename"), only.path());
    return only;
  }
}
