package io.pyvider.adapters.grpc.wire;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.pyvider.domain.terraform.cty.CtyType;
import io.pyvider.domain.terraform.cty.Value;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

class CodecPropertiesTest {

  @Provide
  Arbitrary<CtyArbitraries.Typed> anyValue() {
    return CtyArbitraries.typedValues(true);
  }

  @Provide
  Arbitrary<CtyArbitraries.Typed> knownValue() {
    return CtyArbitraries.typedValues(false);
  }

  @Provide
  Arbitrary<CtyType> anyType() {
    return CtyArbitraries.types(4);
  }

  @Property(tries = 400)
  void msgpackRoundTripsEveryValue(@ForAll("anyValue") CtyArbitraries.Typed typed) throws WireFormatException {
    byte[] wire = MsgpackValueCodec.encode(typed.value(), typed.type());
    assertEquals(typed.value(), MsgpackValueCodec.decode(wire, typed.type()));
  }

  @Property(tries = 400)
  void jsonRoundTripsEveryKnownValue(@ForAll("knownValue") CtyArbitraries.Typed typed) throws WireFormatException {
    byte[] json = JsonValueCodec.encode(typed.value(), typed.type());
    assertEquals(typed.value(), JsonValueCodec.decode(json, typed.type()));
  }

  @Property(tries = 200)
  void jsonAndMsgpackAgree(@ForAll("knownValue") CtyArbitraries.Typed typed) throws WireFormatException {
    Value viaJson = JsonValueCodec.decode(JsonValueCodec.encode(typed.value(), typed.type()), typed.type());
    byte[] wire = MsgpackValueCodec.encode(viaJson, typed.type());
    assertEquals(typed.value(), MsgpackValueCodec.decode(wire, typed.type()));
  }

  @Property(tries = 500)
  void typeJsonRoundTrips(@ForAll("anyType") CtyType type) throws WireFormatException {
    assertEquals(type, TypeJson.parse(type.toJson()));
  }

  @Provide
  Arbitrary<byte[]> garbage() {
    return Arbitraries.bytes().array(byte[].class).ofMaxSize(40);
  }

  /** Hostile input yields a value or a WireFormatException, never another exception. */
  @Property(tries = 1000)
  void arbitraryBytesNeverCrashTheDecoders(@ForAll("garbage") byte[] bytes, @ForAll("anyType") CtyType type) {
    try {
      MsgpackValueCodec.decode(bytes, type);
    } catch (WireFormatException expected) {
      // fine
    }
    try {
      JsonValueCodec.decode(bytes, type);
    } catch (WireFormatException expected) {
      // fine
    }
  }

  /** Truncating a valid encoding anywhere is reported as an error, not a crash or a wrong value. */
  @Property(tries = 200)
  void truncatedEncodingsAreRejected(@ForAll("anyValue") CtyArbitraries.Typed typed) {
    byte[] wire = MsgpackValueCodec.encode(typed.value(), typed.type());
    for (int cut = 0; cut < wire.length; cut++) {
      byte[] part = java.util.Arrays.copyOf(wire, cut);
      try {
        MsgpackValueCodec.decode(part, typed.type());
        throw new AssertionError("a truncated encoding decoded: " + Hex.of(part));
      } catch (WireFormatException expected) {
        // fine
      }
    }
  }

  /** Corrupting one byte of a valid encoding yields a value or a WireFormatException, never another exception. */
  @Property(tries = 500)
  void corruptedEncodingsNeverCrashTheDecoder(@ForAll("anyValue") CtyArbitraries.Typed typed,
      @ForAll int position, @ForAll byte replacement) {
    byte[] wire = MsgpackValueCodec.encode(typed.value(), typed.type());
    wire[Math.floorMod(position, wire.length)] = replacement;
    try {
      MsgpackValueCodec.decode(wire, typed.type());
    } catch (WireFormatException expected) {
      // fine
    }
  }
}
