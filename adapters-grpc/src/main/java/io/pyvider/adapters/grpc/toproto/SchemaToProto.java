package io.pyvider.adapters.grpc.toproto;

import com.google.protobuf.ByteString;
import io.pyvider.adapters.grpc.proto.Tfplugin6;
import io.pyvider.domain.terraform.schema.Attribute;
import io.pyvider.domain.terraform.schema.Block;
import io.pyvider.domain.terraform.schema.FunctionDeclaration;
import io.pyvider.domain.terraform.schema.IdentitySchema;
import io.pyvider.domain.terraform.schema.NestedBlock;
import io.pyvider.domain.terraform.schema.Schema;

/** Converts core schemas to the protocol's Schema messages; descriptions are plain text. */
public final class SchemaToProto {
  private SchemaToProto() {
  }

  public static Tfplugin6.Schema schema(Schema schema) {
    return Tfplugin6.Schema.newBuilder()
        .setVersion(schema.version())
        .setBlock(block(schema.block()))
        .build();
  }

  /** Block.version stays 0: Terraform reads the version from Schema.version only. */
  public static Tfplugin6.Schema.Block block(Block block) {
    Tfplugin6.Schema.Block.Builder out = Tfplugin6.Schema.Block.newBuilder()
        .setDescription(block.description())
        .setDescriptionKind(Tfplugin6.StringKind.PLAIN)
        .setDeprecated(block.deprecated());
    for (Attribute attribute : block.attributes().values()) {
      out.addAttributes(attribute(attribute));
    }
    for (NestedBlock nested : block.blockTypes().values()) {
      out.addBlockTypes(nestedBlock(nested));
    }
    return out.build();
  }

  private static Tfplugin6.Schema.Attribute attribute(Attribute attribute) {
    return Tfplugin6.Schema.Attribute.newBuilder()
        .setName(attribute.name())
        .setType(ByteString.copyFromUtf8(attribute.type().toJson()))
        .setDescription(attribute.description())
        .setDescriptionKind(Tfplugin6.StringKind.PLAIN)
        .setRequired(attribute.required())
        .setOptional(attribute.optional())
        .setComputed(attribute.computed())
        .setSensitive(attribute.sensitive())
        .setWriteOnly(attribute.writeOnly())
        .setDeprecated(attribute.deprecated())
        .build();
  }

  private static Tfplugin6.Schema.NestedBlock nestedBlock(NestedBlock nested) {
    return Tfplugin6.Schema.NestedBlock.newBuilder()
        .setTypeName(nested.typeName())
        .setBlock(block(nested.block()))
        .setNesting(switch (nested.nesting()) {
          case SINGLE -> Tfplugin6.Schema.NestedBlock.NestingMode.SINGLE;
          case LIST -> Tfplugin6.Schema.NestedBlock.NestingMode.LIST;
          case SET -> Tfplugin6.Schema.NestedBlock.NestingMode.SET;
          case MAP -> Tfplugin6.Schema.NestedBlock.NestingMode.MAP;
          case GROUP -> Tfplugin6.Schema.NestedBlock.NestingMode.GROUP;
        })
        .setMinItems(nested.minItems())
        .setMaxItems(nested.maxItems())
        .build();
  }

  public static Tfplugin6.ResourceIdentitySchema identity(IdentitySchema identity) {
    Tfplugin6.ResourceIdentitySchema.Builder out = Tfplugin6.ResourceIdentitySchema.newBuilder()
        .setVersion(identity.version());
    for (IdentitySchema.IdentityAttribute attribute : identity.attributes()) {
      out.addIdentityAttributes(Tfplugin6.ResourceIdentitySchema.IdentityAttribute.newBuilder()
          .setName(attribute.name())
          .setType(ByteString.copyFromUtf8(attribute.type().toJson()))
          .setRequiredForImport(attribute.requiredForImport())
          .setOptionalForImport(attribute.optionalForImport())
          .setDescription(attribute.description()));
    }
    return out.build();
  }

  public static Tfplugin6.Function function(FunctionDeclaration declaration) {
    Tfplugin6.Function.Builder out = Tfplugin6.Function.newBuilder()
        .setSummary(declaration.summary())
        .setDescription(declaration.description())
        .setDescriptionKind(Tfplugin6.StringKind.PLAIN)
        .setReturn(Tfplugin6.Function.Return.newBuilder()
            .setType(ByteString.copyFromUtf8(declaration.returnType().toJson())));
    for (FunctionDeclaration.Parameter parameter : declaration.parameters()) {
      out.addParameters(Tfplugin6.Function.Parameter.newBuilder()
          .setName(parameter.name())
          .setType(ByteString.copyFromUtf8(parameter.type().toJson()))
          .setAllowNullValue(parameter.allowNull())
          .setAllowUnknownValues(parameter.allowUnknown())
          .setDescription(parameter.description())
          .setDescriptionKind(Tfplugin6.StringKind.PLAIN));
    }
    return out.build();
  }
}
