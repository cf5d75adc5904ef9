package io.pyvider.domain.terraform.schema;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.pyvider.domain.terraform.cty.CtyType;
import io.pyvider.domain.terraform.cty.Value;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;

@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class BlockTest {

  private static final Attribute NAME = Attribute.builder("name", CtyType.STRING).required().build();
  private static final Attribute ID = Attribute.builder("id", CtyType.STRING).computed().build();
  private static final Attribute TAGS = Attribute.builder("tags", CtyType.mapOf(CtyType.STRING)).optional().build();

  private static final Block INNER = Block.of("inner", List.of(
      Attribute.builder("port", CtyType.NUMBER).required().build(),
      Attribute.builder("tls", CtyType.BOOL).optional().build()));
  private static final CtyType.ObjectOf INNER_TYPE = CtyType.ObjectOf.of("port", CtyType.NUMBER, "tls", CtyType.BOOL);

  private static Block withEveryNesting() {
    Map<String, NestedBlock> nested = new LinkedHashMap<>();
    for (NestedBlock.Nesting nesting : NestedBlock.Nesting.values()) {
      String typeName = nesting.name().toLowerCase();
      nested.put(typeName, new NestedBlock(typeName, INNER, nesting, 0, 0));
    }
    return new Block(Map.of("name", NAME), nested, "outer", false);
  }

  @Test
  void the_implied_type_of_a_flat_block_is_an_object_of_its_attributes() {
    Block block = Block.of("token", List.of(NAME, ID, TAGS));

    assertEquals(CtyType.ObjectOf.of("id", CtyType.STRING, "name", CtyType.STRING, "tags", CtyType.mapOf(CtyType.STRING)),
        block.impliedType());
  }

  @Test
  void the_implied_type_wraps_each_nested_block_by_its_nesting() {
    CtyType.ObjectOf type = withEveryNesting().impliedType();

    assertEquals(CtyType.STRING, type.attributes().get("name"));
    assertEquals(INNER_TYPE, type.attributes().get("single"));
    assertEquals(INNER_TYPE, type.attributes().get("group"));
    assertEquals(CtyType.listOf(INNER_TYPE), type.attributes().get("list"));
    assertEquals(CtyType.setOf(INNER_TYPE), type.attributes().get("set"));
    assertEquals(CtyType.mapOf(INNER_TYPE), type.attributes().get("map"));
    assertEquals(6, type.attributes().size());
    assertTrue(type.optional().isEmpty());
  }

  @Test
  void the_empty_value_has_every_attribute_null() {
    Value.ObjectVal empty = Block.of("token", List.of(NAME, ID, TAGS)).emptyValue();

    assertEquals(Value.nullOf(CtyType.STRING), empty.get("name"));
    assertEquals(Value.nullOf(CtyType.STRING), empty.get("id"));
    assertEquals(Value.nullOf(CtyType.mapOf(CtyType.STRING)), empty.get("tags"));
  }

  @Test
  void the_empty_value_has_null_single_blocks_empty_collections_and_a_present_group() {
    Value.ObjectVal empty = withEveryNesting().emptyValue();

    assertEquals(Value.nullOf(INNER_TYPE), empty.get("single"));
    assertEquals(new Value.ListVal(INNER_TYPE, List.of()), empty.get("list"));
    assertEquals(new Value.SetVal(INNER_TYPE, Set.of()), empty.get("set"));
    assertEquals(new Value.MapVal(INNER_TYPE, new TreeMap<>()), empty.get("map"));
    assertEquals(INNER.emptyValue(), empty.get("group"));
    assertFalse(empty.get("group").isNull());
    assertTrue(empty.isWhollyKnown());
  }

  @Test
  void the_empty_value_has_the_implied_type() {
    Block block = withEveryNesting();

    assertEquals(block.impliedType(), block.emptyValue().type());
  }

  @Test
  void blocks_nest_more_than_one_level_deep() {
    Block middle = new Block(Map.of(), Map.of("inner", new NestedBlock("inner", INNER, NestedBlock.Nesting.LIST, 0, 0)),
        "", false);
    Block outer = new Block(Map.of(), Map.of("middle", new NestedBlock("middle", middle, NestedBlock.Nesting.GROUP, 0,
        0)), "", false);

    assertEquals(CtyType.ObjectOf.of("middle", CtyType.ObjectOf.of("inner", CtyType.listOf(INNER_TYPE))),
        outer.impliedType());
    assertEquals(new Value.ListVal(INNER_TYPE, List.of()),
        ((Value.ObjectVal) outer.emptyValue().get("middle")).get("inner"));
  }

  @Test
  void an_attribute_declared_twice_is_rejected() {
    assertThrows(IllegalArgumentException.class, () -> Block.of("dup", List.of(NAME, NAME)));
  }

  @Test
  void attributes_are_found_by_name_and_keep_declaration_order() {
    Block block = Block.of("token", List.of(NAME, ID, TAGS));

    assertEquals(ID, block.attribute("id"));
    assertNull(block.attribute("nope"));
    assertEquals(List.of("name", "id", "tags"), List.copyOf(block.attributes().keySet()));
    assertEquals("token", block.description());
  }

  @Test
  void a_missing_description_is_empty() {
    assertEquals("", new Block(Map.of(), Map.of(), null, false).description());
  }

  @Test
  void a_schema_version_is_never_negative() {
    Block block = Block.of("", List.of(NAME));

    assertEquals(2, new Schema(2, block).version());
    assertThrows(IllegalArgumentException.class, () -> new Schema(-1, block));
    assertThrows(NullPointerException.class, () -> new Schema(0, null));
  }
}
