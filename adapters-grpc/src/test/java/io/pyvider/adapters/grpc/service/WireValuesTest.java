package io.pyvider.adapters.grpc.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import com.google.protobuf.ByteString;
import io.pyvider.adapters.grpc.proto.Tfplugin6;
import io.pyvider.application.port.in.WireValue;
import io.pyvider.domain.terraform.cty.CtyType;
import org.junit.jupiter.api.Test;

/** Terraform's malformed input and the decoder's own failure reach the engine as different things. */
class WireValuesTest {

  @Test
  void bytes_that_are_not_msgpack_are_terraforms_malformed_input() {
    WireValue garbage = WireValues.of(Tfplugin6.DynamicValue.newBuilder()
        .setMsgpack(ByteString.copyFrom(new byte[] {(byte) 0xc1})).build());
    assertInstanceOf(WireValue.Malformed.class, garbage.decodeAs(CtyType.STRING));
  }

  @Test
  void a_decoder_that_fails_otherwise_is_the_providers_bug_not_terraforms() {
    WireValue buggy = WireValues.decodedBy(type -> {
      throw new IllegalStateException("codec bug");
    });
    WireValue.Decoding decoding = buggy.decodeAs(CtyType.STRING);
    assertEquals(new WireValue.DecoderFailed("IllegalStateException"), decoding);
  }
}
