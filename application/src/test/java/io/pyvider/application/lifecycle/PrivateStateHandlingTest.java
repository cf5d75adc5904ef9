package io.pyvider.application.lifecycle;

import static io.pyvider.application.lifecycle.Engine.nothing;
import static io.pyvider.application.lifecycle.Engine.onlyError;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.pyvider.application.component.ApplyResult;
import io.pyvider.application.component.ImportResult;
import io.pyvider.application.component.PlanResult;
import io.pyvider.application.component.PrivateState;
import io.pyvider.application.component.ReadResult;
import io.pyvider.application.fakes.KeylessSealer;
import io.pyvider.application.fakes.PassThroughSealer;
import io.pyvider.application.port.in.Commands;
import io.pyvider.application.port.in.Outcomes;
import io.pyvider.application.port.out.PrivateData;
import io.pyvider.application.port.out.SealResult;
import io.pyvider.application.port.out.SealingContext;
import io.pyvider.application.port.out.StateSealer;
import io.pyvider.application.port.out.UnsealFailure;
import io.pyvider.application.port.out.UnsealResult;
import io.pyvider.domain.terraform.cty.CtyType;
import io.pyvider.domain.terraform.cty.Value;
import io.pyvider.domain.terraform.diag.Diagnostic;
import io.pyvider.domain.terraform.diag.Diagnostics;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;

/** How the engine opens private state for components and seals what they return (PrivateStateVault). */
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class PrivateStateHandlingTest {

  private static final PrivateData DATA = PrivateData.of(Map.of("token", "t-1", "expires_at", "later"));

  /** The pass-through sealer, counting seals, optionally reporting every blob as sealed with an older key. */
  private static final class CountingSealer implements StateSealer {
    private final PassThroughSealer inner = new PassThroughSealer();
    private final boolean stale;
    final List<PrivateData> sealed = new ArrayList<>();

    CountingSealer(boolean stale) {
      this.stale = stale;
    }

    @Override
    public SealResult seal(PrivateData data, SealingContext context) {
      sealed.add(data);
      return inner.seal(data, context);
    }

    @Override
    public UnsealResult unseal(byte[] blob, SealingContext context) {
      UnsealResult result = inner.unseal(blob, context);
      return stale && result instanceof UnsealResult.Opened opened ? new UnsealResult.Opened(opened.data(), true)
          : result;
    }
  }

  private final Value.ObjectVal config = ScriptedResource.object("n", null, null, null);
  private final Value.ObjectVal state = ScriptedResource.object("n", null, "id-1", "s");

  private static byte[] sealed(PrivateData data) {
    return ((SealResult.Sealed) new PassThroughSealer().seal(data, new SealingContext(Engine.TYPE))).blob();
  }

  @Test
  void the_component_sees_no_private_state_when_none_was_stored() {
    Engine engine = new Engine();
    List<PrivateState> seen = new ArrayList<>();
    engine.resource.read = request -> {
      seen.add(request.privateState());
      return new ReadResult(request.current(), null, null);
    };

    engine.read(state, new byte[0]);

    assertEquals(List.of(PrivateState.ABSENT), seen);
  }

  @Test
  void the_component_sees_opened_private_state() {
    Engine engine = new Engine();
    List<PrivateState> seen = new ArrayList<>();
    engine.resource.read = request -> {
      seen.add(request.privateState());
      return new ReadResult(request.current(), null, null);
    };

    engine.read(state, sealed(DATA));

    assertEquals(List.of(new PrivateState.Opened(DATA, false)), seen);
  }

  @Test
  void the_component_sees_why_private_state_is_unreadable() {
    Engine engine = new Engine(Map.of(), new KeylessSealer());
    List<PrivateState> seen = new ArrayList<>();
    engine.resource.read = request -> {
      seen.add(request.privateState());
      return new ReadResult(request.current(), null, null);
    };

    engine.read(state, new byte[] {1});

    PrivateState.Unreadable unreadable = assertInstanceOf(PrivateState.Unreadable.class, seen.get(0));
    assertEquals(UnsealFailure.NO_KEY, unreadable.reason());
    assertEquals(UnsealFailure.NO_KEY.explanation(), unreadable.detail());
  }

  @Test
  void unchanged_private_state_opened_with_the_current_key_is_passed_back_without_sealing() {
    CountingSealer sealer = new CountingSealer(false);
    Engine engine = new Engine(Map.of(), sealer);
    engine.resource.read = request -> new ReadResult(request.current(), DATA, null);
    byte[] blob = sealed(DATA);

    Outcomes.ReadResource read = engine.read(state, blob);

    assertArrayEquals(blob, read.privateState());
    assertEquals(List.of(), sealer.sealed);
  }

  @Test
  void unchanged_private_state_opened_with_an_older_key_is_sealed_again() {
    CountingSealer sealer = new CountingSealer(true);
    Engine engine = new Engine(Map.of(), sealer);
    engine.resource.read = request -> new ReadResult(request.current(), DATA, null);

    engine.read(state, sealed(DATA));

    assertEquals(List.of(DATA), sealer.sealed);
  }

  @Test
  void changed_private_state_is_sealed_again() {
    CountingSealer sealer = new CountingSealer(false);
    Engine engine = new Engine(Map.of(), sealer);
    PrivateData changed = PrivateData.of(Map.of("token", "t-2", "expires_at", "later"));
    engine.resource.read = request -> new ReadResult(request.current(), changed, null);

    Outcomes.ReadResource read = engine.read(state, sealed(DATA));

    assertEquals(List.of(changed), sealer.sealed);
    assertArrayEquals(sealed(changed), read.privateState());
  }

  @Test
  void empty_private_data_is_stored_as_no_private_state() {
    Engine engine = new Engine();

    Outcomes.ReadResource read = engine.read(state, sealed(DATA));

    assertEquals(0, read.privateState().length);
  }

  @Test
  void a_plan_whose_private_state_cannot_be_sealed_is_an_error_saying_what_to_configure() {
    Engine engine = new Engine(Map.of(), new KeylessSealer());
    engine.resource.plan = request -> new PlanResult(ScriptedResource.planNormally(request).planned(), DATA,
        List.of(), null);

    Outcomes.PlanResource plan = engine.plan(nothing(), config, config);

    Diagnostic error = onlyError(plan.diagnostics());
    assertEquals("Private state could not be sealed", error.summary());
    assertTrue(error.detail().contains("PYVIDER_PRIVATE_STATE_SHARED_SECRET"), error.detail());
    assertEquals(0, plan.plannedPrivate().length);
  }

  @Test
  void an_apply_whose_private_state_cannot_be_sealed_is_an_error_but_keeps_the_new_object() {
    Engine engine = new Engine(Map.of(), new KeylessSealer());
    engine.resource.apply = request -> new ApplyResult(state, DATA, null);

    Value planned = config.with("id", Value.unknown(CtyType.STRING)).with("secret", Value.unknown(CtyType.STRING));

    Outcomes.ApplyResource applied = engine.apply(nothing(), planned, config, new byte[0]);

    assertEquals("Private state could not be sealed", onlyError(applied.diagnostics()).summary());
    assertEquals(state, applied.newState());
    assertEquals(0, applied.privateState().length);
  }

  @Test
  void a_refresh_whose_private_state_cannot_be_sealed_keeps_the_stored_private_state() {
    Engine engine = new Engine(Map.of(), new KeylessSealer());
    engine.resource.read = request -> new ReadResult(request.current(), DATA, null);
    byte[] stored = {4, 2};

    Outcomes.ReadResource read = engine.read(state, stored);

    assertEquals("Private state could not be sealed", onlyError(read.diagnostics()).summary());
    assertArrayEquals(stored, read.privateState());
    assertEquals(state, read.newState());
  }

  @Test
  void an_import_whose_private_state_cannot_be_sealed_imports_nothing() {
    Engine engine = new Engine(Map.of(), new KeylessSealer());
    engine.resource.importer = id -> new ImportResult(Optional.of(state), DATA, Diagnostics.NONE);

    Outcomes.ImportResource imported = engine.service.importState(new Commands.ImportResource(Engine.TYPE, "id-1"));

    assertEquals("Private state could not be sealed", onlyError(imported.diagnostics()).summary());
    assertTrue(imported.state().isEmpty());
    assertEquals(0, imported.privateState().length);
  }

  @Test
  void a_successful_import_seals_the_imported_private_state() {
    Engine engine = new Engine();
    engine.resource.importer = id -> new ImportResult(Optional.of(state.with("id", Value.string(id))), DATA,
        Diagnostics.NONE);

    Outcomes.ImportResource imported = engine.service.importState(new Commands.ImportResource(Engine.TYPE, "id-9"));

    assertEquals(Diagnostics.NONE, imported.diagnostics());
    assertEquals(state.with("id", Value.string("id-9")), imported.state().orElseThrow());
    assertArrayEquals(sealed(DATA), imported.privateState());
  }
}
