package io.pyvider.adapters.grpc.toproto;

import com.google.protobuf.UnsafeByteOperations;
import io.pyvider.adapters.grpc.proto.Tfplugin6;
import io.pyvider.adapters.grpc.wire.JsonValueCodec;
import io.pyvider.adapters.grpc.wire.MsgpackValueCodec;
import io.pyvider.adapters.grpc.wire.WireFormatException;
import io.pyvider.domain.terraform.cty.CtyType;
import io.pyvider.domain.terraform.cty.Value;

/** Converts values to and from the protocol's DynamicValue, choosing the serialisation as Terraform does. */
public final class DynamicValues {
  private DynamicValues() {
  }

  /** Always msgpack: Terraform does not accept JSON in every response. */
  public static Tfplugin6.DynamicValue encode(Value value, CtyType type) {
    // The encoder's array is ours alone, so wrapping it without a copy is safe.
    return Tfplugin6.DynamicValue.newBuilder()
        .setMsgpack(UnsafeByteOperations.unsafeWrap(MsgpackValueCodec.encode(value, type)))
        .build();
  }

  /** msgpack when present, else JSON when present, else null of the type (Terraform's own rule). */
  public static Value decode(Tfplugin6.DynamicValue value, CtyType type) throws WireFormatException {
    if (value == null) {
      return Value.nullOf(type);
    }
    if (!value.getMsgpack().isEmpty()) {
      return MsgpackValueCodec.decode(value.getMsgpack().toByteArray(), type);
    }
    if (!value.getJson().isEmpty()) {
      return JsonValueCodec.decode(value.getJson().toByteArray(), type);
    }
    return Value.nullOf(type);
  }
}
