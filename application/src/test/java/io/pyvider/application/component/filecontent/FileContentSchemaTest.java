package io.pyvider.application.component.filecontent;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.pyvider.application.fakes.InMemoryFileStore;
import io.pyvider.domain.terraform.cty.CtyType;
import io.pyvider.domain.terraform.schema.Attribute;
import io.pyvider.domain.terraform.schema.Schema;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;

@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class FileContentSchemaTest {

  private final Schema schema = new FileContentResource(new InMemoryFileStore(), () -> Path.of("/")).schema();

  @Test
  void it_keeps_the_python_providers_version_and_shape() {
    assertEquals(1, schema.version());
    assertEquals(List.of("filename", "content", "exists", "content_hash"),
        List.copyOf(schema.block().attributes().keySet()));
  }

  @Test
  void filename_and_content_are_required_strings_the_rest_computed() {
    Attribute filename = schema.block().attribute("filename");
    Attribute content = schema.block().attribute("content");
    assertTrue(filename.required() && content.required());
    assertEquals(CtyType.STRING, filename.type());
    assertEquals(CtyType.STRING, content.type());
    assertTrue(schema.block().attribute("exists").computedOnly());
    assertEquals(CtyType.BOOL, schema.block().attribute("exists").type());
    assertTrue(schema.block().attribute("content_hash").computedOnly());
  }

  @Test
  void every_attribute_is_described_and_none_is_sensitive() {
    for (Attribute attribute : schema.block().attributes().values()) {
      assertFalse(attribute.description().isBlank(), attribute.name());
      assertFalse(attribute.sensitive(), attribute.name());
    }
    assertTrue(schema.block().attribute("filename").description().contains("replaces"));
  }

  @Test
  void it_is_not_test_only() {
    assertFalse(new FileContentResource(new InMemoryFileStore(), () -> Path.of("/")).testOnly());
  }
}
