package io.pyvider.application.lifecycle;

import static io.pyvider.application.lifecycle.Engine.nothing;
import static io.pyvider.application.lifecycle.Engine.wire;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.pyvider.application.component.ApplyResult;
import io.pyvider.application.component.DataReadResult;
import io.pyvider.application.component.ImportResult;
import io.pyvider.application.component.PlanResult;
import io.pyvider.application.component.ReadResult;
import io.pyvider.application.component.UpgradeResult;
import io.pyvider.application.fakes.MapWire;
import io.pyvider.application.port.in.Commands;
import io.pyvider.application.port.in.Outcomes;
import io.pyvider.application.port.out.Environment;
import io.pyvider.application.port.out.PrivateData;
import io.pyvider.domain.terraform.cty.Value;
import io.pyvider.domain.terraform.diag.Diagnostics;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;

/**
 * Component results whose diagnostics are left null. PlanResult, ApplyResult and ReadResult read null as "no
 * diagnostics"; the engine must treat every other result the same way instead of throwing out of the port.
 */
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class ComponentResultDefaultsTest {

  private final Engine engine = new Engine();
  private final Value.ObjectVal config = ScriptedResource.object("n", null, null, null);
  private final Value.ObjectVal state = ScriptedResource.object("n", null, "id-1", "s");

  @Test
  void plan_apply_and_read_results_without_diagnostics_have_none() {
    engine.resource.plan = request -> new PlanResult(state, null, List.of(), null);
    engine.resource.apply = request -> new ApplyResult(state, null, null);
    engine.resource.read = request -> new ReadResult(state, null, null);

    assertEquals(Diagnostics.NONE, engine.plan(nothing(), config, config).diagnostics());
    assertEquals(Diagnostics.NONE, engine.apply(nothing(), state, config, new byte[0]).diagnostics());
    assertEquals(Diagnostics.NONE, engine.read(state, new byte[0]).diagnostics());
  }

  @Test
  void an_import_result_without_diagnostics_imports_the_state() {
    engine.resource.importer = id -> new ImportResult(Optional.of(state), PrivateData.EMPTY, null);

    Outcomes.ImportResource imported = engine.service.importState(new Commands.ImportResource(Engine.TYPE, "id-1"));

    assertEquals(Diagnostics.NONE, imported.diagnostics());
    assertEquals(Optional.of(state), imported.state());
  }

  @Test
  void an_upgrade_result_without_diagnostics_upgrades_the_state() {
    engine.resource.upgrade = stored -> new UpgradeResult(stored, null);

    Outcomes.UpgradeResource upgraded =
        engine.service.upgrade(new Commands.UpgradeResource(Engine.TYPE, 1, wire(state)));

    assertEquals(Diagnostics.NONE, upgraded.diagnostics());
    assertEquals(state, upgraded.upgraded());
  }

  @Test
  void a_data_source_result_without_diagnostics_is_read() {
    ScriptedDataSource dataSource = new ScriptedDataSource("pyvider_lookup");
    dataSource.read = config -> new DataReadResult(config.with("output", Value.string("x")), null);
    DataSourceService service = new DataSourceService(new ComponentCatalog(List.of(), List.of(dataSource)),
        new ProviderSession(Environment.of(Map.of())));

    Outcomes.ReadData read = service.read(new Commands.ReadData("pyvider_lookup",
        MapWire.of(ScriptedDataSource.config("in"))));

    assertEquals(Diagnostics.NONE, read.diagnostics());
    assertTrue(read.state().isWhollyKnown());
  }
}
