package io.pyvider.adapters.grpc.toproto;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.protobuf.ByteString;
import io.pyvider.adapters.grpc.proto.Tfplugin6;
import io.pyvider.adapters.grpc.wire.WireFormatException;
import io.pyvider.domain.terraform.cty.CtyType;
import io.pyvider.domain.terraform.cty.Value;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DynamicValuesTest {

  private static final CtyType.ObjectOf TYPE = CtyType.ObjectOf.of("id", CtyType.STRING, "n", CtyType.NUMBER);
  private static final Value VALUE = Value.ObjectVal.of(Map.of("id", Value.string("x"), "n", Value.unknown(
      CtyType.NUMBER)));

  @Test
  void encodesMsgpackOnly() throws WireFormatException {
    Tfplugin6.DynamicValue dv = DynamicValues.encode(VALUE, TYPE);
    assertTrue(dv.getJson().isEmpty());
    assertEquals(VALUE, DynamicValues.decode(dv, TYPE));
  }

  @Test
  void prefersMsgpackThenJsonThenNull() throws WireFormatException {
    Value known = Value.ObjectVal.of(Map.of("id", Value.string("j"), "n", Value.number(1)));
    Tfplugin6.DynamicValue json = Tfplugin6.DynamicValue.newBuilder()
        .setJson(ByteString.copyFromUtf8("{\"id\":\"j\",\"n\":1}")).build();
    assertEquals(known, DynamicValues.decode(json, TYPE));

    Tfplugin6.DynamicValue both = json.toBuilder().setMsgpack(DynamicValues.encode(VALUE, TYPE).getMsgpack()).build();
    assertEquals(VALUE, DynamicValues.decode(both, TYPE));

    assertEquals(Value.nullOf(TYPE), DynamicValues.decode(Tfplugin6.DynamicValue.getDefaultInstance(), TYPE));
    assertEquals(Value.nullOf(TYPE), DynamicValues.decode(null, TYPE), "a field Terraform left unset");
  }

  @Test
  void malformedPayloadsAreWireFormatErrors() {
    Tfplugin6.DynamicValue bad = Tfplugin6.DynamicValue.newBuilder()
        .setMsgpack(ByteString.copyFrom(new byte[] {(byte) 0x01})).build();
    WireFormatException e = assertThrows(WireFormatException.class, () -> DynamicValues.decode(bad, TYPE));
    assertEquals("an object is required, got a msgpack integer", e.getMessage());
  }
}
