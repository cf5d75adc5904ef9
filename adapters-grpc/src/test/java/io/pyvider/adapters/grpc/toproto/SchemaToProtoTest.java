package io.pyvider.adapters.grpc.toproto;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.protobuf.ByteString;
import io.pyvider.adapters.grpc.proto.Tfplugin6;
import io.pyvider.domain.terraform.cty.CtyType;
import io.pyvider.domain.terraform.schema.Attribute;
import io.pyvider.domain.terraform.schema.Block;
import io.pyvider.domain.terraform.schema.FunctionDeclaration;
import io.pyvider.domain.terraform.schema.IdentitySchema;
import io.pyvider.domain.terraform.schema.NestedBlock;
import io.pyvider.domain.terraform.schema.Schema;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SchemaToProtoTest {

  private static Schema sample() {
    Block inner = Block.of("a rule", List.of(Attribute.builder("pattern", CtyType.STRING).required().build()));
    Map<String, Attribute> attributes = new LinkedHashMap<>();
    attributes.put("name", Attribute.builder("name", CtyType.STRING).description("The name.").required().build());
    attributes.put("ttl", Attribute.builder("ttl", CtyType.NUMBER).optional().computed().deprecated().build());
    attributes.put("secret", Attribute.builder("secret", CtyType.STRING).optional().sensitive().writeOnly().build());
    attributes.put("keepers", Attribute.builder("keepers", CtyType.mapOf(CtyType.STRING)).optional().build());
    Map<String, NestedBlock> blocks = Map.of("rule", new NestedBlock("rule", inner, NestedBlock.Nesting.LIST, 1, 3));
    return new Schema(2, new Block(attributes, blocks, "A token.", true));
  }

  @Test
  void schemaVersionAndBlock() {
    Tfplugin6.Schema schema = SchemaToProto.schema(sample());
    assertEquals(2, schema.getVersion());
    Tfplugin6.Schema.Block block = schema.getBlock();
    assertEquals(0, block.getVersion());
    assertEquals("A token.", block.getDescription());
    assertEquals(Tfplugin6.StringKind.PLAIN, block.getDescriptionKind());
    assertTrue(block.getDeprecated());
    assertEquals(List.of("name", "ttl", "secret", "keepers"),
        block.getAttributesList().stream().map(Tfplugin6.Schema.Attribute::getName).toList());
  }

  @Test
  void attributeFlagsAndTypeJson() {
    Tfplugin6.Schema.Block block = SchemaToProto.schema(sample()).getBlock();
    Tfplugin6.Schema.Attribute name = block.getAttributes(0);
    assertEquals("\"string\"", name.getType().toStringUtf8());
    assertEquals("The name.", name.getDescription());
    assertEquals(Tfplugin6.StringKind.PLAIN, name.getDescriptionKind());
    assertTrue(name.getRequired());
    assertFalse(name.getOptional() || name.getComputed() || name.getSensitive() || name.getWriteOnly());

    Tfplugin6.Schema.Attribute ttl = block.getAttributes(1);
    assertTrue(ttl.getOptional() && ttl.getComputed() && ttl.getDeprecated());
    assertFalse(ttl.getRequired());

    Tfplugin6.Schema.Attribute secret = block.getAttributes(2);
    assertTrue(secret.getSensitive() && secret.getWriteOnly());

    assertEquals("[\"map\",\"string\"]", block.getAttributes(3).getType().toStringUtf8());
    assertFalse(block.getAttributes(3).hasNestedType());
  }

  @Test
  void nestedBlocks() {
    Tfplugin6.Schema.NestedBlock rule = SchemaToProto.schema(sample()).getBlock().getBlockTypes(0);
    assertEquals("rule", rule.getTypeName());
    assertEquals(Tfplugin6.Schema.NestedBlock.NestingMode.LIST, rule.getNesting());
    assertEquals(1, rule.getMinItems());
    assertEquals(3, rule.getMaxItems());
    assertEquals("a rule", rule.getBlock().getDescription());
    assertEquals("pattern", rule.getBlock().getAttributes(0).getName());
  }

  @Test
  void everyNestingMode() {
    for (NestedBlock.Nesting nesting : NestedBlock.Nesting.values()) {
      Block block = new Block(Map.of(), Map.of("b", new NestedBlock("b", Block.of("", List.of()), nesting, 0, 0)),
          "", false);
      assertEquals(nesting.name(),
          SchemaToProto.block(block).getBlockTypes(0).getNesting().name());
    }
  }

  @Test
  void identitySchemasCarryVersionTypesAndImportFlags() {
    Tfplugin6.ResourceIdentitySchema identity = SchemaToProto.identity(new IdentitySchema(3, List.of(
        new IdentitySchema.IdentityAttribute("path", CtyType.STRING, true, false, "The file."),
        new IdentitySchema.IdentityAttribute("serial", CtyType.NUMBER, false, true, ""))));

    assertEquals(3, identity.getVersion());
    assertEquals(Tfplugin6.ResourceIdentitySchema.IdentityAttribute.newBuilder().setName("path")
        .setType(ByteString.copyFromUtf8("\"string\"")).setRequiredForImport(true).setDescription("The file.")
        .build(), identity.getIdentityAttributes(0));
    assertEquals(Tfplugin6.ResourceIdentitySchema.IdentityAttribute.newBuilder().setName("serial")
        .setType(ByteString.copyFromUtf8("\"number\"")).setOptionalForImport(true).build(),
        identity.getIdentityAttributes(1));
  }

  @Test
  void functionsCarryTheirSignatureAsPlainText() {
    Tfplugin6.Function function = SchemaToProto.function(new FunctionDeclaration("parse", "Parses", "Parses text.",
        List.of(new FunctionDeclaration.Parameter("text", CtyType.STRING, "The text.", true, false),
            new FunctionDeclaration.Parameter("base", CtyType.NUMBER, "", false, true)),
        CtyType.listOf(CtyType.NUMBER)));

    assertEquals(Tfplugin6.Function.newBuilder().setSummary("Parses").setDescription("Parses text.")
        .setDescriptionKind(Tfplugin6.StringKind.PLAIN)
        .setReturn(Tfplugin6.Function.Return.newBuilder().setType(ByteString.copyFromUtf8("[\"list\",\"number\"]")))
        .addParameters(Tfplugin6.Function.Parameter.newBuilder().setName("text")
            .setType(ByteString.copyFromUtf8("\"string\"")).setAllowNullValue(true).setDescription("The text.")
            .setDescriptionKind(Tfplugin6.StringKind.PLAIN))
        .addParameters(Tfplugin6.Function.Parameter.newBuilder().setName("base")
            .setType(ByteString.copyFromUtf8("\"number\"")).setAllowUnknownValues(true)
            .setDescriptionKind(Tfplugin6.StringKind.PLAIN))
        .build(), function);
  }
}
