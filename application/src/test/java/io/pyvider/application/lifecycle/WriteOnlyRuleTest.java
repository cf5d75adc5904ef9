package io.pyvider.application.lifecycle;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.pyvider.application.component.ApplyRequest;
import io.pyvider.application.component.ApplyResult;
import io.pyvider.application.component.ImportResult;
import io.pyvider.application.component.ManagedResource;
import io.pyvider.application.component.PlanRequest;
import io.pyvider.application.component.PlanResult;
import io.pyvider.application.component.ProviderContext;
import io.pyvider.application.component.ReadRequest;
import io.pyvider.application.component.ReadResult;
import io.pyvider.application.fakes.MapWire;
import io.pyvider.application.fakes.PassThroughSealer;
import io.pyvider.application.port.in.Commands;
import io.pyvider.application.port.in.Outcomes;
import io.pyvider.application.port.out.Environment;
import io.pyvider.application.port.out.PrivateData;
import io.pyvider.domain.terraform.cty.CtyType;
import io.pyvider.domain.terraform.cty.Value;
import io.pyvider.domain.terraform.schema.Attribute;
import io.pyvider.domain.terraform.schema.Block;
import io.pyvider.domain.terraform.schema.NestedBlock;
import io.pyvider.domain.terraform.schema.Schema;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;

/**
 * Terraform's write-only rule, applied by the engine to any component: even one that copies the write-only value
 * into every answer never gets it into a plan, a state, a refresh or an import.
 */
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class WriteOnlyRuleTest {

  private static final String TYPE = "pyvider_careless";
  private static final String SECRET = "hunter2-write-only";

  /** A component that echoes the write-only password everywhere it can. */
  private static final class CarelessResource implements ManagedResource {
    static final Schema SCHEMA = new Schema(0, Block.of("careless", List.of(
        Attribute.builder("name", CtyType.STRING).required().build(),
        Attribute.builder("password", CtyType.STRING).optional().writeOnly().build(),
        Attribute.builder("id", CtyType.STRING).computed().build())));

    @Override
    public String typeName() {
      return TYPE;
    }

    @Override
    public Schema schema() {
      return SCHEMA;
    }

    @Override
    public PlanResult plan(PlanRequest request) {
      Value planned = request.config().isNull() ? request.config()
          : ((Value.ObjectVal) request.proposed()).with("id", Value.string("id-1"))
              .with("password", ((Value.ObjectVal) request.config()).get("password"));
      return new PlanResult(planned, PrivateData.EMPTY, List.of(), null);
    }

    @Override
    public ApplyResult apply(ApplyRequest request) {
      Value applied = request.planned().isNull() ? request.planned()
          : ((Value.ObjectVal) request.planned()).with("password", ((Value.ObjectVal) request.config()).get("password"));
      return new ApplyResult(applied, PrivateData.EMPTY, null);
    }

    @Override
    public ReadResult read(ReadRequest request) {
      return new ReadResult(request.current().with("password", Value.string(SECRET)), PrivateData.EMPTY, null);
    }

    @Override
    public ImportResult importState(String id, ProviderContext provider) {
      return new ImportResult(Optional.of(SCHEMA.block().emptyValue().with("name", Value.string("n"))
          .with("id", Value.string(id)).with("password", Value.string(SECRET))), PrivateData.EMPTY, null);
    }
  }

  private final ResourceLifecycleService service = new ResourceLifecycleService(
      new ComponentCatalog(List.of(new CarelessResource()), List.of()), new ProviderSession(Environment.of(Map.of())),
      new PassThroughSealer());
  private final Block block = CarelessResource.SCHEMA.block();
  private final Value.ObjectVal config = block.emptyValue().with("name", Value.string("n"))
      .with("password", Value.string(SECRET));

  private static Value password(Value object) {
    return ((Value.ObjectVal) object).get("password");
  }

  @Test
  void the_plan_holds_null_for_the_write_only_attribute() {
    Value proposed = config;
    Outcomes.PlanResource plan = service.plan(new Commands.PlanResource(TYPE, MapWire.of(Value.nullOf(block
        .impliedType())), MapWire.of(proposed), MapWire.of(config), new byte[0]));

    assertFalse(plan.diagnostics().hasErrors(), plan.diagnostics().toString());
    assertTrue(password(plan.planned()).isNull());
  }

  @Test
  void the_applied_state_holds_null_although_the_component_returned_the_secret() {
    Value planned = config.with("id", Value.string("id-1")).with("password", Value.nullOf(CtyType.STRING));
    Outcomes.ApplyResource applied = service.apply(new Commands.ApplyResource(TYPE, MapWire.of(Value.nullOf(block
        .impliedType())), MapWire.of(planned), MapWire.of(config), new byte[0]));

    assertFalse(applied.diagnostics().hasErrors(), applied.diagnostics().toString());
    assertTrue(password(applied.newState()).isNull());
    assertEquals(Value.string("id-1"), ((Value.ObjectVal) applied.newState()).get("id"));
  }

  @Test
  void a_refresh_and_an_import_hold_null_too() {
    Value stored = config.with("id", Value.string("id-1")).with("password", Value.nullOf(CtyType.STRING));
    Outcomes.ReadResource read = service.read(new Commands.ReadResource(TYPE, MapWire.of(stored), new byte[0]));
    Outcomes.ImportResource imported = service.importState(new Commands.ImportResource(TYPE, "id-9"));

    assertTrue(password(read.newState()).isNull());
    assertTrue(password(imported.state().orElseThrow()).isNull());
  }

  @Test
  void blocks_without_write_only_attributes_are_returned_as_they_are() {
    Block inner = Block.of("inner", List.of(Attribute.builder("user", CtyType.STRING).optional().build()));
    Block plain = new Block(Map.of("name", Attribute.builder("name", CtyType.STRING).required().build()),
        Map.of("rule", new NestedBlock("rule", inner, NestedBlock.Nesting.LIST, 0, 0)), "plain", false);
    Value value = plain.emptyValue().with("name", Value.string("kept"))
        .with("rule", new Value.ListVal(inner.impliedType(), List.of(login(inner, "u", null))));

    assertSame(value, WriteOnlyValues.nulled(plain, value), "nothing to do, nothing rebuilt");
  }

  @Test
  void write_only_attributes_of_nested_blocks_are_nulled_in_every_nesting() {
    Block inner = Block.of("login", List.of(
        Attribute.builder("user", CtyType.STRING).optional().build(),
        Attribute.builder("password", CtyType.STRING).optional().writeOnly().build()));
    Map<String, NestedBlock> nested = new LinkedHashMap<>();
    for (NestedBlock.Nesting nesting : List.of(NestedBlock.Nesting.SINGLE, NestedBlock.Nesting.LIST,
        NestedBlock.Nesting.SET, NestedBlock.Nesting.MAP)) {
      String name = nesting.name().toLowerCase(java.util.Locale.ROOT);
      nested.put(name, new NestedBlock(name, inner, nesting, 0, 0));
    }
    Block outer = new Block(Map.of(), nested, "outer", false);
    CtyType.ObjectOf type = inner.impliedType();

    Value nulled = WriteOnlyValues.nulled(outer, outer.emptyValue()
        .with("single", login(inner, "u", SECRET))
        .with("list", new Value.ListVal(type, List.of(login(inner, "u1", SECRET), login(inner, "u2", SECRET))))
        .with("set", new Value.SetVal(type, Set.of(login(inner, "u", SECRET))))
        .with("map", Value.MapVal.of(type, Map.of("k", login(inner, "u", SECRET)))));

    assertEquals(outer.emptyValue()
        .with("single", login(inner, "u", null))
        .with("list", new Value.ListVal(type, List.of(login(inner, "u1", null), login(inner, "u2", null))))
        .with("set", new Value.SetVal(type, Set.of(login(inner, "u", null))))
        .with("map", Value.MapVal.of(type, Map.of("k", login(inner, "u", null)))), nulled);
    assertEquals(outer.emptyValue(), WriteOnlyValues.nulled(outer, outer.emptyValue()), "absent blocks stay absent");
  }

  private static Value.ObjectVal login(Block inner, String user, String password) {
    Value.ObjectVal login = inner.emptyValue().with("user", Value.string(user));
    return inner.attributes().containsKey("password")
        ? login.with("password", password == null ? Value.nullOf(CtyType.STRING) : Value.string(password)) : login;
  }
}
