package io.pyvider.adapters.grpc.wire;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.code_intelligence.jazzer.junit.FuzzTest;
import io.pyvider.application.fuzz.HostileInput;
import io.pyvider.domain.terraform.cty.CtyType;
import io.pyvider.domain.terraform.cty.Value;
import java.util.Arrays;
import java.util.Optional;

/**
 * Terraform's msgpack DynamicValue, as hostile as it can be: any bytes as a value of any type (the first byte picks it
 * from {@link FuzzTypes}) decode to a value or a {@link WireFormatException}, within bounded memory; a value that
 * decodes encodes back to bytes that decode to the same value. The corpus is MsgpackDecodeFuzzTestInputs/.
 */
class MsgpackDecodeFuzzTest {

  @FuzzTest
  void decode(byte[] input) throws Exception {
    if (input.length == 0) {
      return;
    }
    CtyType type = FuzzTypes.pick(input[0]);
    byte[] msgpack = Arrays.copyOfRange(input, 1, input.length);
    Optional<Value> decoded = HostileInput.decodeOrRefuse(msgpack.length, WireFormatException.class,
        () -> MsgpackValueCodec.decode(msgpack, type));
    if (decoded.isPresent()) {
      Value value = decoded.get();
      assertEquals(value, MsgpackValueCodec.decode(MsgpackValueCodec.encode(value, type), type));
    }
  }
}
