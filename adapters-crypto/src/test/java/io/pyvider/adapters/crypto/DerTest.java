package io.pyvider.adapters.crypto;

import static java.nio.charset.StandardCharsets.US_ASCII;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;

/** DER encodings checked byte for byte against X.690 and RFC 5280 (hex written out by hand, not by the encoder). */
class DerTest {

  private static String hex(byte[] bytes) {
    return HexFormat.of().formatHex(bytes);
  }

  @Test
  void lengthsBelow128AreOneByteAndLongerOnesAreMinimalLongForm() {
    assertEquals("047f" + "00".repeat(127), hex(Der.octetString(new byte[127])));
    assertEquals("048180" + "00".repeat(128), hex(Der.octetString(new byte[128])));
    assertEquals("0481c8" + "00".repeat(200), hex(Der.octetString(new byte[200])));
    assertEquals("04820100" + "00".repeat(256), hex(Der.octetString(new byte[256])));
  }

  @Test
  void objectIdentifiersPackTheFirstTwoArcsAndBase128TheRest() {
    assertEquals("0603550403", hex(Der.oid("2.5.4.3"))); // commonName
    assertEquals("06082a8648ce3d040302", hex(Der.oid("1.2.840.10045.4.3.2"))); // ecdsa-with-SHA256
    assertEquals("06052b81040023", hex(Der.oid("1.3.132.0.35"))); // secp521r1
  }

  @Test
  void aFirstSubidentifierOf128OrMoreIsBase128LikeEveryOther() {
    // X.690 8.19.4-5: arcs 2.999 combine to the subidentifier 1079, which takes two bytes (X.690's own example).
    assertEquals("0603883703", hex(Der.oid("2.999.3")));
  }

  @Test
  void setsAndUtf8StringsHaveTheirUniversalTags() {
    assertEquals("310302012a", hex(Der.set(Der.integer(java.math.BigInteger.valueOf(42)))));
    assertEquals("0c0770797669646572", hex(Der.utf8("pyvider")));
    assertEquals("0c02c3bc", hex(Der.utf8("ü")));
  }

  @Test
  void timesBefore2050AreUtcTimeAndFromThenOnGeneralizedTime() {
    assertEquals("170d" + hex("491231235959Z".getBytes(US_ASCII)), hex(Der.time(Instant.parse("2049-12-31T23:59:59Z"))));
    assertEquals("180f" + hex("20500101000000Z".getBytes(US_ASCII)), hex(Der.time(Instant.parse("2050-01-01T00:00:00Z"))));
  }
}
