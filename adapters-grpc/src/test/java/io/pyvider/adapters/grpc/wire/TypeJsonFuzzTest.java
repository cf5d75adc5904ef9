package io.pyvider.adapters.grpc.wire;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.code_intelligence.jazzer.junit.FuzzTest;
import io.pyvider.application.fuzz.HostileInput;
import io.pyvider.domain.terraform.cty.CtyType;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * cty's type JSON, which a dynamic value carries inside itself: any text parses to a type or a
 * {@link WireFormatException}, within bounded memory, and a parsed type renders back to JSON that parses to the same
 * type. The corpus is TypeJsonFuzzTestInputs/.
 */
class TypeJsonFuzzTest {

  @FuzzTest
  void parse(byte[] input) throws Exception {
    String json = new String(input, StandardCharsets.UTF_8);
    Optional<CtyType> parsed = HostileInput.decodeOrRefuse(input.length, WireFormatException.class,
        () -> TypeJson.parse(json));
    if (parsed.isPresent()) {
      assertEquals(parsed.get(), TypeJson.parse(parsed.get().toJson()));
    }
  }
}
