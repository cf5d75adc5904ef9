package io.pyvider.adapters.grpc.wire;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.code_intelligence.jazzer.junit.FuzzTest;
import io.pyvider.application.fuzz.HostileInput;
import io.pyvider.domain.terraform.cty.CtyType;
import io.pyvider.domain.terraform.cty.Value;
import java.util.Arrays;
import java.util.Optional;

/**
 * Terraform's JSON values (DynamicValue.json, UpgradeResourceState's raw state), as hostile as they can be: any bytes
 * as a value of any type (the first byte picks it from {@link FuzzTypes}) decode to a value or a
 * {@link WireFormatException}, within bounded memory; a decoded value encodes back, as JSON and as msgpack, to the
 * same value. The corpus is JsonDecodeFuzzTestInputs/.
 */
class JsonDecodeFuzzTest {

  @FuzzTest
  void decode(byte[] input) throws Exception {
    if (input.length == 0) {
      return;
    }
    CtyType type = FuzzTypes.pick(input[0]);
    byte[] json = Arrays.copyOfRange(input, 1, input.length);
    Optional<Value> decoded = HostileInput.decodeOrRefuse(json.length, WireFormatException.class,
        () -> JsonValueCodec.decode(json, type));
    if (decoded.isPresent()) {
      Value value = decoded.get();
      assertEquals(value, JsonValueCodec.decode(JsonValueCodec.encode(value, type), type));
      assertEquals(value, MsgpackValueCodec.decode(MsgpackValueCodec.encode(value, type), type));
    }
  }
}
