package io.pyvider.application.component;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.pyvider.domain.terraform.cty.CtyType;
import io.pyvider.domain.terraform.cty.Value;
import io.pyvider.domain.terraform.diag.Diagnostic;
import io.pyvider.domain.terraform.diag.Diagnostics;
import io.pyvider.domain.terraform.schema.Attribute;
import io.pyvider.domain.terraform.schema.Block;
import io.pyvider.domain.terraform.schema.Schema;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;

/**
 * What a component gets for what it does not implement: every configuration valid, import refused with a sentence
 * saying why, generated configuration without computed or write-only attributes, nothing to renew or close.
 */
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class ComponentDefaultsTest {

  private static final String TYPE = "pyvider_minimal";
  private static final Schema SCHEMA = new Schema(2, Block.of("minimal", List.of(
      Attribute.builder("name", CtyType.STRING).required().build(),
      Attribute.builder("password", CtyType.STRING).optional().writeOnly().build(),
      Attribute.builder("id", CtyType.STRING).computed().build(),
      Attribute.builder("label", CtyType.STRING).optional().computed().build())));
  private static final Value.ObjectVal STATE = SCHEMA.block().emptyValue().with("name", Value.string("n"))
      .with("password", Value.string("pw")).with("id", Value.string("id-1")).with("label", Value.string("l"));
  private static final ProviderContext CONTEXT = new ProviderContext(Value.nullOf(CtyType.DYNAMIC), false,
      ProviderContext.Cancellation.NEVER);

  private static final ManagedResource RESOURCE = new ManagedResource() {
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
      throw new AssertionError("not under test");
    }

    @Override
    public ApplyResult apply(ApplyRequest request) {
      throw new AssertionError("not under test");
    }

    @Override
    public ReadResult read(ReadRequest request) {
      throw new AssertionError("not under test");
    }
  };

  @Test
  void a_managed_resource_accepts_any_configuration_and_refuses_import_saying_why() {
    assertEquals(Diagnostics.NONE, RESOURCE.validate(STATE, CONTEXT));
    assertEquals(ImportResult.refused(Diagnostic.error("Import is not supported by " + TYPE,
        TYPE + " cannot be imported: its state can only be created by this provider.")),
        RESOURCE.importState("id-1", CONTEXT));
    assertEquals(ImportResult.refused(Diagnostic.error("Import by identity is not supported by " + TYPE,
        TYPE + " declares no resource identity, so an import block must give an id instead.")),
        RESOURCE.importByIdentity(Value.ObjectVal.of(java.util.Map.of("id", Value.string("id-1"))), CONTEXT));
  }

  @Test
  void generated_configuration_leaves_out_computed_only_and_write_only_attributes() {
    assertEquals(SCHEMA.block().emptyValue().with("name", Value.string("n")).with("label", Value.string("l")),
        RESOURCE.generateConfig(STATE));
  }

  @Test
  void stored_state_is_read_at_the_current_version_only_and_kept_as_it_is() {
    assertEquals(Optional.of(SCHEMA.block().impliedType()), RESOURCE.stateTypeAt(2));
    assertEquals(Optional.empty(), RESOURCE.stateTypeAt(1));
    assertEquals(STATE, RESOURCE.upgrade(2, STATE).upgraded());
    assertEquals(Optional.empty(), RESOURCE.identitySchema());
  }

  @Test
  void an_ephemeral_resource_has_nothing_to_renew_or_close() {
    EphemeralResource ephemeral = new EphemeralResource() {
      @Override
      public String typeName() {
        return TYPE;
      }

      @Override
      public Schema schema() {
        return SCHEMA;
      }

      @Override
      public EphemeralOpenResult open(Value.ObjectVal config, ProviderContext provider) {
        throw new AssertionError("not under test");
      }
    };

    assertEquals(Diagnostics.NONE, ephemeral.validate(STATE, CONTEXT));
    assertEquals(EphemeralRenewResult.NOTHING_TO_RENEW, ephemeral.renew(PrivateState.ABSENT, CONTEXT));
    assertEquals(Diagnostics.NONE, ephemeral.close(PrivateState.ABSENT, CONTEXT));
  }

  @Test
  void data_sources_actions_and_list_resources_accept_any_configuration() {
    DataSource dataSource = new DataSource() {
      @Override
      public String typeName() {
        return TYPE;
      }

      @Override
      public Schema schema() {
        return SCHEMA;
      }

      @Override
      public DataReadResult read(Value.ObjectVal config, ProviderContext provider) {
        throw new AssertionError("not under test");
      }
    };
    Action action = new Action() {
      @Override
      public String typeName() {
        return TYPE;
      }

      @Override
      public Schema schema() {
        return SCHEMA;
      }

      @Override
      public Diagnostics invoke(Value.ObjectVal config, ProviderContext provider, Progress progress) {
        throw new AssertionError("not under test");
      }
    };
    ListResource list = new ListResource() {
      @Override
      public String typeName() {
        return TYPE;
      }

      @Override
      public Schema schema() {
        return SCHEMA;
      }

      @Override
      public Diagnostics list(Value.ObjectVal config, boolean includeResourceObject, ProviderContext provider,
          Sink sink) {
        throw new AssertionError("not under test");
      }
    };

    assertEquals(Diagnostics.NONE, dataSource.validate(STATE, CONTEXT));
    assertEquals(Diagnostics.NONE, action.validate(STATE, CONTEXT));
    assertEquals(Diagnostics.NONE, action.plan(STATE, CONTEXT));
    assertEquals(Diagnostics.NONE, list.validate(STATE, CONTEXT));
  }
}
