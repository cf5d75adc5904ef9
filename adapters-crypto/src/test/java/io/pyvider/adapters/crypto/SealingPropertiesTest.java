package io.pyvider.adapters.crypto;

import static io.pyvider.adapters.crypto.Sealing.TIMED_TOKEN;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import io.pyvider.application.port.out.PrivateData;
import io.pyvider.application.port.out.SealingContext;
import io.pyvider.application.port.out.UnsealResult;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

/** Properties of sealing over generated state: it round-trips any text, and any flipped bit is detected. */
class SealingPropertiesTest {

  private static final PrivateStateSealer SEALER = Sealing.sealerWithSecret("property secret");

  @Provide
  Arbitrary<String> text() {
    // Whole code points (no lone surrogates, which are not text), from ASCII to emoji, and often empty.
    Arbitrary<String> unicode = Arbitraries.integers().between(0, 0x10FFFF)
        .filter(cp -> cp < 0xD800 || cp > 0xDFFF)
        .list().ofMaxSize(24)
        .map(points -> points.stream().collect(StringBuilder::new, StringBuilder::appendCodePoint,
            StringBuilder::append).toString());
    return Arbitraries.frequencyOf(net.jqwik.api.Tuple.of(1, Arbitraries.just("")),
        net.jqwik.api.Tuple.of(3, Arbitraries.strings().alpha().numeric().ofMaxLength(40)),
        net.jqwik.api.Tuple.of(3, unicode));
  }

  @Provide
  Arbitrary<Map<String, String>> fields() {
    return Arbitraries.maps(text(), text()).ofMaxSize(8);
  }

  @Property(tries = 300)
  void sealingRoundTripsAnyMapOfStrings(@ForAll("fields") Map<String, String> fields, @ForAll("text") String type) {
    PrivateData data = PrivateData.of(fields);
    SealingContext context = new SealingContext(type);
    UnsealResult.Opened opened = Sealing.opened(SEALER.unseal(Sealing.seal(SEALER, data, context), context));
    assertEquals(data, opened.data());
    assertFalse(opened.staleKey());
  }

  @Property(tries = 500)
  void flippingAnySingleBitOfASealedBlobIsAlwaysDetected(
      @ForAll("fields") Map<String, String> fields, @ForAll @IntRange(min = 0, max = 1_000_000) int bit) {
    PrivateData data = PrivateData.of(fields);
    if (data.isEmpty()) {
      data = Sealing.TOKEN_STATE;
    }
    byte[] blob = Sealing.seal(SEALER, data);
    int position = bit % (blob.length * 8);
    blob[position / 8] ^= (byte) (1 << (position % 8));
    assertInstanceOf(UnsealResult.Failed.class, SEALER.unseal(blob, TIMED_TOKEN));
  }

  @Property(tries = 100)
  void aBlobOpensOnlyForTheResourceTypeItWasSealedFor(@ForAll("text") String sealedFor,
      @ForAll("text") String openedAs) {
    if (sealedFor.equals(openedAs)) {
      return;
    }
    byte[] blob = Sealing.seal(SEALER, Sealing.TOKEN_STATE, new SealingContext(sealedFor));
    assertInstanceOf(UnsealResult.Failed.class, SEALER.unseal(blob, new SealingContext(openedAs)));
  }
}
