package io.pyvider.application.component.timedtoken;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.pyvider.application.fakes.FakeClock;
import io.pyvider.application.fakes.SequentialIds;
import io.pyvider.domain.terraform.cty.CtyType;
import io.pyvider.domain.terraform.schema.Attribute;
import io.pyvider.domain.terraform.schema.Block;
import io.pyvider.domain.terraform.schema.Schema;
import java.util.Set;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;

/** The schema users and stored state depend on (facts §1.1 and §6). */
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class TimedTokenSchemaTest {

  private final Schema schema = new TimedTokenResource(FakeClock.at("2025-01-01T00:00:00Z"), new SequentialIds())
      .schema();
  private final Block block = schema.block();

  @Test
  void the_schema_is_version_two_after_the_python_providers_version_one() {
    assertEquals(2, schema.version());
  }

  @Test
  void it_has_exactly_the_documented_attributes() {
    assertEquals(Set.of("name", "id", "token", "expires_at", "lifetime", "rotate_before", "keepers",
        "ready_for_rotation"), block.attributes().keySet());
    assertEquals(CtyType.mapOf(CtyType.STRING), block.attribute("keepers").type());
    assertEquals(CtyType.BOOL, block.attribute("ready_for_rotation").type());
    assertTrue(block.blockTypes().isEmpty());
  }

  @Test
  void name_is_the_only_required_argument() {
    for (Attribute attribute : block.attributes().values()) {
      assertEquals(attribute.name().equals("name"), attribute.required(), attribute.name());
    }
  }

  @Test
  void the_provider_decides_id_token_expiry_and_the_rotation_flag() {
    for (String name : new String[] {"id", "token", "expires_at", "ready_for_rotation"}) {
      assertTrue(block.attribute(name).computedOnly(), name);
    }
    assertTrue(block.attribute("lifetime").optional());
    assertTrue(block.attribute("lifetime").computed());
    assertFalse(block.attribute("rotate_before").computed());
    assertFalse(block.attribute("keepers").computed());
  }

  @Test
  void only_the_token_is_sensitive_so_outputs_may_show_the_expiry() {
    for (Attribute attribute : block.attributes().values()) {
      assertEquals(attribute.name().equals("token"), attribute.sensitive(), attribute.name());
    }
  }

  @Test
  void every_attribute_is_documented() {
    for (Attribute attribute : block.attributes().values()) {
      assertFalse(attribute.description().isBlank(), attribute.name());
      assertFalse(attribute.writeOnly(), attribute.name());
    }
    assertFalse(block.description().isBlank());
  }
}
