package io.pyvider.adapters.crypto;

import java.io.ByteArrayOutputStream;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/** The handful of DER encodings an X.509 certificate needs (ITU-T X.690), so start-up needs no ASN.1 library. */
final class Der {

  private static final DateTimeFormatter UTC_TIME = DateTimeFormatter.ofPattern("yyMMddHHmmss'Z'")
      .withZone(ZoneOffset.UTC);
  private static final DateTimeFormatter GENERALIZED_TIME = DateTimeFormatter.ofPattern("yyyyMMddHHmmss'Z'")
      .withZone(ZoneOffset.UTC);

  private Der() {
  }

  static byte[] tagged(int tag, byte[]... contents) {
    ByteArrayOutputStream body = new ByteArrayOutputStream();
    for (byte[] content : contents) {
      body.writeBytes(content);
    }
    byte[] bytes = body.toByteArray();
    ByteArrayOutputStream out = new ByteArrayOutputStream(bytes.length + 6);
    out.write(tag);
    int length = bytes.length;
    if (length < 0x80) {
      out.write(length);
    } else {
      byte[] lengthBytes = BigInteger.valueOf(length).toByteArray();
      int skip = lengthBytes[0] == 0 ? 1 : 0;
      out.write(0x80 | (lengthBytes.length - skip));
      out.write(lengthBytes, skip, lengthBytes.length - skip);
    }
    out.writeBytes(bytes);
    return out.toByteArray();
  }

  static byte[] sequence(byte[]... contents) {
    return tagged(0x30, contents);
  }

  static byte[] set(byte[]... contents) {
    return tagged(0x31, contents);
  }

  static byte[] integer(BigInteger value) {
    return tagged(0x02, value.toByteArray());
  }

  static byte[] bool(boolean value) {
    return tagged(0x01, new byte[] {(byte) (value ? 0xFF : 0x00)});
  }

  static byte[] octetString(byte[] content) {
    return tagged(0x04, content);
  }

  /** A BIT STRING of whole bytes, or with {@code unusedBits} unused low bits in the last byte. */
  static byte[] bitString(int unusedBits, byte[] content) {
    byte[] withPrefix = new byte[content.length + 1];
    withPrefix[0] = (byte) unusedBits;
    System.arraycopy(content, 0, withPrefix, 1, content.length);
    return tagged(0x03, withPrefix);
  }

  static byte[] utf8(String text) {
    return tagged(0x0C, text.getBytes(StandardCharsets.UTF_8));
  }

  /** UTCTime until 2049, GeneralizedTime after, as RFC 5280 §4.1.2.5 requires. */
  static byte[] time(Instant instant) {
    boolean utc = instant.atZone(ZoneOffset.UTC).getYear() < 2050;
    String text = (utc ? UTC_TIME : GENERALIZED_TIME).format(instant);
    return tagged(utc ? 0x17 : 0x18, text.getBytes(StandardCharsets.US_ASCII));
  }

  /** The first two arcs make one subidentifier (X.690 8.19.4), which, like every other, is base 128. */
  static byte[] oid(String dotted) {
    String[] parts = dotted.split("\\.");
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    subidentifier(out, Long.parseLong(parts[0]) * 40 + Long.parseLong(parts[1]));
    for (int i = 2; i < parts.length; i++) {
      subidentifier(out, Long.parseLong(parts[i]));
    }
    return tagged(0x06, out.toByteArray());
  }

  private static void subidentifier(ByteArrayOutputStream out, long value) {
    int groups = 1;
    for (long rest = value >>> 7; rest != 0; rest >>>= 7) {
      groups++;
    }
    for (int g = groups - 1; g >= 0; g--) {
      int septet = (int) ((value >>> (7 * g)) & 0x7F);
      out.write(g == 0 ? septet : septet | 0x80);
    }
  }
}
