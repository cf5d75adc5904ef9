package io.pyvider.adapters.crypto;

import static java.nio.charset.StandardCharsets.US_ASCII;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.util.Arrays;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;

/**
 * A ring key derives each blob's data key once (a blob is opened several times per run), keeps at most 64 of them,
 * and never hands out the key of another salt or info: checked against an independent HKDF.
 */
class RingKeyTest {

  private static final String SECRET = "the team secret";
  private static final byte[] V2_INFO = "pyvider-private-state-v2".getBytes(US_ASCII);
  private static final byte[] V1_INFO = "pyvider-private-state-v1".getBytes(US_ASCII);

  private static byte[] salt(int... leadingBytes) {
    byte[] salt = new byte[16];
    for (int i = 0; i < leadingBytes.length; i++) {
      salt[i] = (byte) leadingBytes[i];
    }
    return salt;
  }

  @Test
  void theDataKeyIsHkdfOfTheSecretSaltAndInfo() {
    RingKey key = new RingKey(SECRET, "test");
    assertArrayEquals(IndependentFormatTwo.dataKey(SECRET, salt(7), V2_INFO), key.dataKey(salt(7), V2_INFO));
    assertArrayEquals(IndependentFormatTwo.dataKey(SECRET, salt(7), V1_INFO), key.dataKey(salt(7), V1_INFO));
  }

  @Test
  void saltsWhoseHashCodesCollideStillGetTheirOwnKeys() {
    // Arrays.hashCode: 31 * (31 * 1 + 0) + 31 == 31 * (31 * 1 + 1) + 0, and the remaining bytes are equal.
    byte[] first = salt(0, 31);
    byte[] second = salt(1, 0);
    assertEquals(Arrays.hashCode(first), Arrays.hashCode(second));
    RingKey key = new RingKey(SECRET, "test");
    key.dataKey(first, V2_INFO);
    assertArrayEquals(IndependentFormatTwo.dataKey(SECRET, second, V2_INFO), key.dataKey(second, V2_INFO));
  }

  @Test
  void aDataKeyIsDerivedOnceAndTheCacheKeepsTheSixtyFourMostRecent() {
    RingKey key = new RingKey(SECRET, "test");
    byte[] first = key.dataKey(salt(0), V2_INFO);
    assertSame(first, key.dataKey(salt(0), V2_INFO), "derived again");
    assertSame(first, key.dataKey(salt(0).clone(), V2_INFO.clone()), "an equal salt is the same cache entry");
    for (int i = 1; i < 64; i++) {
      key.dataKey(salt(i), V2_INFO);
    }
    assertSame(first, key.dataKey(salt(0), V2_INFO), "64 keys fit");
    for (int i = 1; i <= 64; i++) {
      key.dataKey(salt(i), V2_INFO);
    }
    byte[] again = key.dataKey(salt(0), V2_INFO);
    assertNotSame(first, again, "the least recently used key was kept beyond 64");
    assertArrayEquals(first, again);
  }

  @Test
  void aKeyIsNamedByItsIdAndSourceAndPrintsNoSecret() {
    RingKey key = new RingKey(SECRET, "PYVIDER_PRIVATE_STATE_SHARED_SECRET");
    String id = HexFormat.of().formatHex(IndependentFormatTwo.keyId(SECRET));
    assertEquals(id, key.idHex());
    assertEquals("RingKey[id " + id + " from PYVIDER_PRIVATE_STATE_SHARED_SECRET, secret redacted]", key.toString());
  }
}
