package io.pyvider.application.lifecycle;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.pyvider.application.component.timedtoken.TimedTokenResource;
import io.pyvider.application.fakes.FakeClock;
import io.pyvider.application.fakes.SequentialIds;
import java.util.List;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;

@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class ComponentCatalogTest {

  @Test
  void components_are_found_by_type_name() {
    ScriptedResource resource = new ScriptedResource("pyvider_thing");
    ScriptedDataSource dataSource = new ScriptedDataSource("pyvider_lookup");

    ComponentCatalog catalog = new ComponentCatalog(List.of(resource), List.of(dataSource));

    assertSame(resource, catalog.resource("pyvider_thing").orElseThrow());
    assertSame(dataSource, catalog.dataSource("pyvider_lookup").orElseThrow());
    assertTrue(catalog.resource("pyvider_lookup").isEmpty());
    assertTrue(catalog.dataSource("pyvider_thing").isEmpty());
  }

  @Test
  void the_real_timed_token_registers_under_its_own_name() {
    ComponentCatalog catalog = new ComponentCatalog(
        List.of(new TimedTokenResource(FakeClock.at("2025-01-01T00:00:00Z"), new SequentialIds())), List.of());

    assertEquals(List.of("pyvider_timed_token"), List.copyOf(catalog.resources().keySet()));
  }

  @Test
  void a_resource_registered_twice_is_rejected() {
    IllegalArgumentException error = assertThrows(IllegalArgumentException.class, () -> new ComponentCatalog(
        List.of(new ScriptedResource("pyvider_thing"), new ScriptedResource("pyvider_thing")), List.of()));
    assertTrue(error.getMessage().contains("pyvider_thing"), error.getMessage());
  }

  @Test
  void a_data_source_registered_twice_is_rejected() {
    assertThrows(IllegalArgumentException.class, () -> new ComponentCatalog(List.of(),
        List.of(new ScriptedDataSource("pyvider_lookup"), new ScriptedDataSource("pyvider_lookup"))));
  }

  @Test
  void a_resource_and_a_data_source_may_share_a_name() {
    ComponentCatalog catalog = new ComponentCatalog(List.of(new ScriptedResource("pyvider_thing")),
        List.of(new ScriptedDataSource("pyvider_thing")));

    assertTrue(catalog.resource("pyvider_thing").isPresent());
    assertTrue(catalog.dataSource("pyvider_thing").isPresent());
  }

  @Test
  void a_resource_named_for_another_provider_is_rejected() {
    IllegalArgumentException error = assertThrows(IllegalArgumentException.class,
        () -> new ComponentCatalog(List.of(new ScriptedResource("random_password")), List.of()));
    assertTrue(error.getMessage().contains("pyvider_"), error.getMessage());
  }

  @Test
  void a_data_source_named_for_another_provider_is_rejected() {
    assertThrows(IllegalArgumentException.class,
        () -> new ComponentCatalog(List.of(), List.of(new ScriptedDataSource("pyvider"))));
    assertThrows(IllegalArgumentException.class,
        () -> new ComponentCatalog(List.of(), List.of(new ScriptedDataSource("Pyvider_lookup"))));
  }

  @Test
  void the_listings_are_sorted_and_read_only() {
    ComponentCatalog catalog = new ComponentCatalog(
        List.of(new ScriptedResource("pyvider_zeta"), new ScriptedResource("pyvider_alpha")), List.of());

    assertEquals(List.of("pyvider_alpha", "pyvider_zeta"), List.copyOf(catalog.resources().keySet()));
    assertThrows(UnsupportedOperationException.class, () -> catalog.resources().clear());
    assertThrows(UnsupportedOperationException.class, () -> catalog.dataSources().clear());
  }
}
