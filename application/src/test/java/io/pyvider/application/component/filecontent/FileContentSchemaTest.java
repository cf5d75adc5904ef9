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
import java.util.Map;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;

@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class FileContentSchemaTest {

  private final Schema schema = new FileContentResource(new InMemoryFileStore(), () -> Path.of("/")).schema();

  @Test
  void it_keeps_the_python_providers_version_and_attributes_beside_the_write_only_ones() {
    assertEquals(1, schema.version(), "adding optional attributes needs no state upgrade");
    assertEquals(List.of("filename", "content", "content_wo", "content_wo_version", "exists", "content_hash"),
        List.copyOf(schema.block().attributes().keySet()));
    Map<String, CtyType> python = Map.of("filename", CtyType.STRING, "content", CtyType.STRING,
        "exists", CtyType.BOOL, "content_hash", CtyType.STRING);
    python.forEach((name, type) -> assertEquals(type, schema.block().attribute(name).type(), name));
  }

  @Test
  void filename_is_required_content_optional_and_the_rest_computed() {
    Attribute filename = schema.block().attribute("filename");
    Attribute content = schema.block().attribute("content");
    assertTrue(filename.required());
    assertTrue(content.optional() && !content.computed(), "content or content_wo, never both");
    assertFalse(content.writeOnly());
    assertTrue(schema.block().attribute("exists").computedOnly());
    assertTrue(schema.block().attribute("content_hash").computedOnly());
  }

  @Test
  void content_wo_is_a_sensitive_write_only_string_with_a_stored_version_beside_it() {
    Attribute writeOnly = schema.block().attribute("content_wo");
    assertEquals(CtyType.STRING, writeOnly.type());
    assertTrue(writeOnly.optional() && writeOnly.writeOnly() && writeOnly.sensitive());
    assertFalse(writeOnly.computed() || writeOnly.required());
    Attribute version = schema.block().attribute("content_wo_version");
    assertEquals(CtyType.NUMBER, version.type());
    assertTrue(version.optional());
    assertFalse(version.writeOnly() || version.computed() || version.sensitive(),
        "a change Terraform can see, so it must be stored");
  }

  @Test
  void every_attribute_is_described_and_only_the_write_only_content_is_sensitive() {
    for (Attribute attribute : schema.block().attributes().values()) {
      assertFalse(attribute.description().isBlank(), attribute.name());
      assertEquals(attribute.name().equals("content_wo"), attribute.sensitive(), attribute.name());
    }
    assertTrue(schema.block().attribute("filename").description().contains("replaces"));
    assertTrue(schema.block().attribute("content_wo").description().contains("content_wo_version"));
  }

  @Test
  void it_is_not_test_only() {
    assertFalse(new FileContentResource(new InMemoryFileStore(), () -> Path.of("/")).testOnly());
  }

  @Test
  void its_calls_wait_on_the_file_system_so_they_run_where_waiting_stalls_no_other_call() {
    assertTrue(new FileContentResource(new InMemoryFileStore(), () -> Path.of("/")).waitsOnHost());
  }
}
