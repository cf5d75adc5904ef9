package io.pyvider.bootstrap.e2e;

import io.pyvider.domain.terraform.cty.Refinements;
import java.io.IOException;
import java.math.BigDecimal;
import org.msgpack.core.MessageBufferPacker;
import org.msgpack.core.MessagePack;
import org.msgpack.core.MessageUnpacker;

/**
 * The payload of cty's refined-unknown extension (msgpack ext 12): a map with integer keys, 1 nullness (false =
 * definitely not null), 2 string prefix, 3/4 number bounds as [number, inclusive], 5/6 collection length bounds.
 */
final class CtyRefinements {

  private CtyRefinements() {
  }

  static byte[] encode(Refinements refinements) throws IOException {
    try (MessageBufferPacker payload = MessagePack.newDefaultBufferPacker()) {
      int entries = (refinements.definitelyNotNull() ? 1 : 0) + (refinements.stringPrefix() != null ? 1 : 0)
          + (refinements.lowerBound() != null ? 1 : 0) + (refinements.upperBound() != null ? 1 : 0)
          + (refinements.lengthLowerBound() != null ? 1 : 0) + (refinements.lengthUpperBound() != null ? 1 : 0);
      payload.packMapHeader(entries);
      if (refinements.definitelyNotNull()) {
        payload.packInt(1).packBoolean(false);
      }
      if (refinements.stringPrefix() != null) {
        payload.packInt(2).packString(refinements.stringPrefix());
      }
      if (refinements.lowerBound() != null) {
        payload.packInt(3).packArrayHeader(2);
        CtyMsgpack.writeNumber(payload, refinements.lowerBound());
        payload.packBoolean(refinements.lowerInclusive());
      }
      if (refinements.upperBound() != null) {
        payload.packInt(4).packArrayHeader(2);
        CtyMsgpack.writeNumber(payload, refinements.upperBound());
        payload.packBoolean(refinements.upperInclusive());
      }
      if (refinements.lengthLowerBound() != null) {
        payload.packInt(5).packLong(refinements.lengthLowerBound());
      }
      if (refinements.lengthUpperBound() != null) {
        payload.packInt(6).packLong(refinements.lengthUpperBound());
      }
      return payload.toByteArray();
    }
  }

  static Refinements decode(byte[] payload, String path) throws IOException, CtyMsgpack.WireError {
    Refinements result = Refinements.NONE;
    try (MessageUnpacker in = MessagePack.newDefaultUnpacker(payload)) {
      int size = in.unpackMapHeader();
      for (int i = 0; i < size; i++) {
        int key = in.unpackInt();
        switch (key) {
          case 1 -> result = in.unpackBoolean() ? result : result.withNotNull();
          case 2 -> result = result.withStringPrefix(in.unpackString());
          case 3, 4 -> {
            if (in.unpackArrayHeader() != 2) {
              throw new CtyMsgpack.WireError(path + ": a number bound is [number, inclusive]");
            }
            BigDecimal bound = CtyMsgpack.readNumber(in, path);
            boolean inclusive = in.unpackBoolean();
            result = key == 3 ? result.withLowerBound(bound, inclusive) : result.withUpperBound(bound, inclusive);
          }
          case 5 -> result = result.withLengthBounds(in.unpackLong(), result.lengthUpperBound());
          case 6 -> result = result.withLengthBounds(result.lengthLowerBound(), in.unpackLong());
          default -> in.skipValue(); // cty ignores refinements it does not know
        }
      }
    }
    return result;
  }

}
