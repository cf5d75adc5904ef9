package io.pyvider.adapters.grpc.service;

import io.pyvider.adapters.grpc.proto.Tfplugin6;
import io.pyvider.adapters.grpc.toproto.DynamicValues;
import io.pyvider.adapters.grpc.wire.JsonValueCodec;
import io.pyvider.adapters.grpc.wire.WireFormatException;
import io.pyvider.application.port.in.WireValue;
import io.pyvider.domain.terraform.cty.AttributePath;

/** Wraps request payloads as {@link WireValue}s: the engine decodes them once it knows the schema. */
final class WireValues {

  private WireValues() {
  }

  static WireValue of(Tfplugin6.DynamicValue value) {
    return decodedBy(type -> DynamicValues.decode(value, type));
  }

  /** Terraform's bad input (WireFormatException) is told apart from the decoder's own failure (anything else). */
  static WireValue decodedBy(Decoder decoder) {
    return type -> {
      try {
        return new WireValue.Decoded(decoder.decode(type));
      } catch (WireFormatException malformed) {
        return new WireValue.Malformed(malformed.path(), malformed.getMessage());
      } catch (RuntimeException bug) {
        // The codec reports bad input as WireFormatException; anything else is the codec failing, not Terraform.
        return new WireValue.DecoderFailed(bug.getClass().getSimpleName());
      }
    };
  }

  /** UpgradeResourceState's raw state: JSON as stored in the state file; the pre-0.12 flatmap is not supported. */
  static WireValue ofRawState(Tfplugin6.RawState raw) {
    if (raw.getJson().isEmpty() && raw.getFlatmapCount() > 0) {
      return type -> new WireValue.Malformed(AttributePath.ROOT,
          "state in the legacy flatmap format of Terraform 0.11 is not supported");
    }
    byte[] json = raw.getJson().toByteArray();
    return type -> {
      if (json.length == 0) {
        return new WireValue.Malformed(AttributePath.ROOT, "the raw state is empty");
      }
      try {
        return new WireValue.Decoded(JsonValueCodec.decode(json, type));
      } catch (WireFormatException malformed) {
        return new WireValue.Malformed(malformed.path(), malformed.getMessage());
      } catch (RuntimeException bug) {
        return new WireValue.DecoderFailed(bug.getClass().getSimpleName());
      }
    };
  }

  /** Decodes a value of a type, throwing WireFormatException for bytes that are not one. */
  @FunctionalInterface
  interface Decoder {
    io.pyvider.domain.terraform.cty.Value decode(io.pyvider.domain.terraform.cty.CtyType type)
        throws WireFormatException;
  }
}
