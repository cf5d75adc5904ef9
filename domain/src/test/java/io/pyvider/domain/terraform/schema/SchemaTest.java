package io.pyvider.domain.terraform.schema;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.pyvider.domain.terraform.cty.CtyType;
import java.util.List;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;

/** The small schema records: versions Terraform compares, and the function signature's defaults. */
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class SchemaTest {

  private static final Block BLOCK = Block.of("a token", List.of(
      Attribute.builder("name", CtyType.STRING).required().build()));

  @Test
  void version_zero_is_the_first_schema_version_and_a_negative_one_is_refused() {
    assertEquals(0, new Schema(0, BLOCK).version());

    IllegalArgumentException negative = assertThrows(IllegalArgumentException.class, () -> new Schema(-1, BLOCK));
    assertEquals("schema version must not be negative", negative.getMessage());
    assertThrows(NullPointerException.class, () -> new Schema(0, null));
  }

  @Test
  void a_function_parameter_without_a_description_has_an_empty_one() {
    FunctionDeclaration.Parameter bare = new FunctionDeclaration.Parameter("input", CtyType.STRING, null, false, false);
    FunctionDeclaration.Parameter described =
        new FunctionDeclaration.Parameter("input", CtyType.STRING, "A duration.", false, false);

    assertEquals("", bare.description());
    assertEquals("A duration.", described.description());
  }
}
