package io.pyvider.application.lifecycle;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.pyvider.application.fakes.MapWire;
import io.pyvider.application.port.in.Outcomes;
import io.pyvider.application.port.out.Environment;
import io.pyvider.domain.terraform.cty.CtyType;
import io.pyvider.domain.terraform.diag.Diagnostics;
import io.pyvider.domain.terraform.schema.Attribute;
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
