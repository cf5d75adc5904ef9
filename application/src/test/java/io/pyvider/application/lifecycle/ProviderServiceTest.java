package io.pyvider.application.lifecycle;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.pyvider.application.fakes.MapWire;
import io.pyvider.application.port.in.Outcomes;
import io.pyvider.application.port.out.Environment;
import io.pyvider.domain.terraform.cty.CtyType;
import io.pyvider.domain.terraform.diag.Diagnostics;
import io.pyvider.domain.terraform.schema.Attribute;
import io.pyvider.domain.terraform.schema.IdentitySchema;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;

@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class ProviderServiceTest {

  private final ProviderService provider = new ProviderService(new ComponentCatalog(
      List.of(new ScriptedResource("pyvider_thing")), List.of(new ScriptedDataSource("pyvider_lookup"))),
      new ProviderSession(Environment.of(Map.of())));

  @Test
  void the_schemas_list_every_component_by_type_name() {
    Outcomes.ProviderSchemas schemas = provider.schemas();

    assertEquals(Map.of("pyvider_thing", ScriptedResource.SCHEMA), schemas.resources());
    assertEquals(Map.of("pyvider_lookup", ScriptedDataSource.SCHEMA), schemas.dataSources());
    assertThrows(UnsupportedOperationException.class, () -> schemas.resources().clear());
  }

  @Test
  void the_schemas_list_every_kind_of_component_and_each_identity() {
    ScriptedResource listed = new ScriptedResource("pyvider_thing");
    IdentitySchema identity = new IdentitySchema(0, List.of(
        new IdentitySchema.IdentityAttribute("id", CtyType.STRING, true, false, "")));
    listed.identitySchema = identity;
    ComponentCatalog catalog = new ComponentCatalog(List.of(listed), List.of(), List.of(new ScriptedEphemeral()))
        .withListResources(List.of(new ScriptedListResource("pyvider_thing")))
        .withActions(List.of(new ScriptedAction("pyvider_notify"))).withFunctions(List.of(new ScriptedFunction()));
    ProviderService everything = new ProviderService(catalog, new ProviderSession(Environment.of(Map.of())));

    Outcomes.ProviderSchemas schemas = everything.schemas();

    assertEquals(Map.of(ScriptedEphemeral.TYPE, ScriptedEphemeral.SCHEMA), schemas.ephemeralResources());
    assertEquals(Map.of("pyvider_thing", ScriptedListResource.SCHEMA), schemas.listResources());
    assertEquals(Map.of("pyvider_notify", ScriptedAction.SCHEMA), schemas.actions());
    assertEquals(Map.of(ScriptedFunction.NAME, ScriptedFunction.DECLARATION), schemas.functions());
    assertEquals(Map.of("pyvider_thing", identity), schemas.identities());
    assertSame(catalog, everything.catalog(), "the other services are built over the same components");
  }

  @Test
  void the_provider_block_needs_no_configuration_and_offers_only_the_test_mode_switch() {
    Attribute testMode = provider.schemas().provider().block().attribute("pyvider_testmode");

    assertEquals(1, provider.schemas().provider().block().attributes().size());
    assertEquals(CtyType.BOOL, testMode.type());
    assertTrue(testMode.optional());
    assertEquals(Diagnostics.NONE, provider.validate(MapWire.of(
        ProviderService.PROVIDER_SCHEMA.block().emptyValue())));
    assertEquals(Diagnostics.NONE, provider.configure(MapWire.of(
        ProviderService.PROVIDER_SCHEMA.block().emptyValue())));
  }
}
