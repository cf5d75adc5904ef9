package io.pyvider.adapters.grpc.wire;

import io.pyvider.domain.terraform.cty.CtyType;
import java.util.List;

/**
 * The types the value fuzz targets decode as: every kind of type, shaped like pyvider's schemas (an object with
 * primitives, a nested block list, a map, optional attributes), and dynamic, whose values name any type themselves.
 * The first byte of a fuzz input picks one, so a corpus file is that byte and then the encoded value.
 */
final class FuzzTypes {

  static final List<CtyType> TYPES = List.of(
      CtyType.DYNAMIC,
      CtyType.STRING,
      CtyType.NUMBER,
      CtyType.BOOL,
      CtyType.listOf(CtyType.STRING),
      CtyType.setOf(CtyType.NUMBER),
      CtyType.mapOf(CtyType.DYNAMIC),
      CtyType.listOf(CtyType.listOf(CtyType.DYNAMIC)),
      new CtyType.TupleOf(List.of(CtyType.STRING, CtyType.NUMBER, CtyType.BOOL)),
      CtyType.setOf(CtyType.ObjectOf.of("a", CtyType.STRING, "b", CtyType.NUMBER)),
      // A resource's shape: primitives, a map, a nested block list, a dynamic attribute.
      CtyType.ObjectOf.of(
          "id", CtyType.STRING,
          "expires_at", CtyType.STRING,
          "lifetime_seconds", CtyType.NUMBER,
          "sensitive", CtyType.BOOL,
          "keepers", CtyType.mapOf(CtyType.STRING),
          "headers", CtyType.listOf(CtyType.ObjectOf.of("name", CtyType.STRING, "value", CtyType.STRING)),
          "body", CtyType.DYNAMIC));

  private FuzzTypes() {
  }

  /** The type a fuzz input's first byte picks. */
  static CtyType pick(byte selector) {
    return TYPES.get((selector & 0xff) % TYPES.size());
  }
}
