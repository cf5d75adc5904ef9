package io.pyvider.domain.terraform.schema;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.pyvider.domain.terraform.cty.CtyType;
import java.util.List;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;

@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class IdentitySchemaTest {

  private static final IdentitySchema.IdentityAttribute PATH =
      new IdentitySchema.IdentityAttribute("path", CtyType.STRING, true, false, "The file.");
  private static final IdentitySchema.IdentityAttribute SERIAL =
      new IdentitySchema.IdentityAttribute("serial", CtyType.NUMBER, false, true, null);

  @Test
  void the_implied_type_is_an_object_of_every_identity_attribute() {
    IdentitySchema identity = new IdentitySchema(0, List.of(SERIAL, PATH));

    assertEquals(CtyType.ObjectOf.of("path", CtyType.STRING, "serial", CtyType.NUMBER), identity.impliedType());
    assertEquals(List.of(SERIAL, PATH), identity.attributes());
  }

  @Test
  void version_zero_is_the_first_version_and_a_negative_one_is_refused() {
    assertEquals(0, new IdentitySchema(0, List.of(PATH)).version());

    IllegalArgumentException negative =
        assertThrows(IllegalArgumentException.class, () -> new IdentitySchema(-1, List.of(PATH)));
    assertEquals("identity version must not be negative", negative.getMessage());
  }

  @Test
  void an_identity_names_at_least_one_attribute_and_each_only_once() {
    assertThrows(IllegalArgumentException.class, () -> new IdentitySchema(0, List.of()));

    IllegalArgumentException twice = assertThrows(IllegalArgumentException.class, () -> new IdentitySchema(0,
        List.of(PATH, new IdentitySchema.IdentityAttribute("path", CtyType.NUMBER, false, true, ""))));
    assertEquals("identity attribute \"path\" declared twice", twice.getMessage());
  }

  @Test
  void an_attribute_is_required_or_optional_for_import_never_both() {
    IllegalArgumentException both = assertThrows(IllegalArgumentException.class,
        () -> new IdentitySchema.IdentityAttribute("path", CtyType.STRING, true, true, ""));
    assertEquals("path: required and optional for import at once", both.getMessage());

    IdentitySchema.IdentityAttribute neither =
        new IdentitySchema.IdentityAttribute("tag", CtyType.STRING, false, false, "");
    assertEquals("tag", neither.name());
  }

  @Test
  void a_missing_description_is_empty() {
    // Built here, not in a static field: PIT cannot re-run a class initialiser for each mutant.
    assertEquals("", new IdentitySchema.IdentityAttribute("serial", CtyType.NUMBER, false, true, null).description());
    assertEquals("The file.",
        new IdentitySchema.IdentityAttribute("path", CtyType.STRING, true, false, "The file.").description());
  }
}
