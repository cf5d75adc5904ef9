package io.pyvider.domain.terraform.schema;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.pyvider.domain.terraform.cty.CtyType;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;

@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class AttributeTest {

  private static Attribute.Builder name() {
    return Attribute.builder("name", CtyType.STRING);
  }

  @Test
  void a_required_attribute_is_only_required() {
    Attribute attribute = name().required().description("the name").build();

    assertTrue(attribute.required());
    assertFalse(attribute.optional());
    assertFalse(attribute.computed());
    assertFalse(attribute.computedOnly());
    assertEquals("the name", attribute.description());
    assertEquals(CtyType.STRING, attribute.type());
  }

  @Test
  void a_required_attribute_cannot_also_be_computed() {
    IllegalArgumentException error =
        assertThrows(IllegalArgumentException.class, () -> name().required().computed().build());
    assertTrue(error.getMessage().startsWith("name:"), error.getMessage());
  }

  @Test
  void a_required_attribute_cannot_also_be_optional() {
    assertThrows(IllegalArgumentException.class, () -> name().required().optional().build());
  }

  @Test
  void an_attribute_must_be_required_optional_or_computed() {
    assertThrows(IllegalArgumentException.class, () -> name().build());
    assertThrows(IllegalArgumentException.class, () -> name().sensitive().build());
  }

  @Test
  void a_write_only_attribute_cannot_be_computed() {
    assertThrows(IllegalArgumentException.class, () -> name().optional().computed().writeOnly().build());
    assertTrue(name().optional().writeOnly().build().writeOnly());
    assertTrue(name().required().writeOnly().build().writeOnly());
  }

  @Test
  void computed_without_optional_is_computed_only() {
    Attribute id = Attribute.builder("id", CtyType.STRING).computed().build();

    assertTrue(id.computedOnly());
    assertFalse(id.optional());
  }

  @Test
  void optional_and_computed_is_allowed_and_not_computed_only() {
    Attribute lifetime = Attribute.builder("lifetime", CtyType.STRING).optional().computed().build();

    assertTrue(lifetime.optional());
    assertTrue(lifetime.computed());
    assertFalse(lifetime.computedOnly());
  }

  @Test
  void the_flags_for_terraform_are_carried_through() {
    Attribute token = Attribute.builder("token", CtyType.STRING).computed().sensitive().deprecated().build();

    assertTrue(token.sensitive());
    assertTrue(token.deprecated());
    assertFalse(token.writeOnly());
  }

  @Test
  void a_missing_description_is_empty() {
    assertEquals("", name().required().build().description());
    assertEquals("", name().required().description(null).build().description());
  }

  @Test
  void an_attribute_needs_a_name_and_a_type() {
    assertThrows(NullPointerException.class, () -> Attribute.builder(null, CtyType.STRING).required().build());
    assertThrows(NullPointerException.class, () -> Attribute.builder("name", null).required().build());
  }
}
