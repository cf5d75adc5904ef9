package io.pyvider.adapters.crypto;

import static java.nio.charset.StandardCharsets.US_ASCII;
import static java.nio.charset.StandardCharsets.UTF_8;

import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import org.bouncycastle.crypto.digests.SHA256Digest;
import org.bouncycastle.crypto.generators.HKDFBytesGenerator;
import org.bouncycastle.crypto.macs.HMac;
import org.bouncycastle.crypto.params.HKDFParameters;
import org.bouncycastle.crypto.params.KeyParameter;

/** One secret of the key ring with its public fingerprint and origin; the secret itself never leaves this class. */
final class RingKey {

  static final int DATA_KEY_BYTES = 32;
  private static final byte[] KEY_ID_MESSAGE = "pyvider-key-id-v2".getBytes(US_ASCII);
  // A blob is usually opened several times per process (read, plan, apply), but every seal uses a fresh salt, so a
  // small bound keeps the benefit without keeping derived keys of long-gone blobs in memory.
  private static final int CACHED_DATA_KEYS = 64;

  private final byte[] secret;
  private final long id;
  private final String source;
  private final Map<CacheKey, byte[]> dataKeys = new LinkedHashMap<>(16, 0.75f, true) {
    @Override
    protected boolean removeEldestEntry(Map.Entry<CacheKey, byte[]> eldest) {
      return size() > CACHED_DATA_KEYS;
    }
  };

  /** {@code source} names where the secret came from (a variable or a file), for messages; never the secret. */
  RingKey(String secret, String source) {
    this.secret = secret.getBytes(UTF_8);
    this.id = fingerprint(this.secret);
    this.source = source;
  }

  /** The first 8 bytes of HMAC-SHA256(secret, "pyvider-key-id-v2"), big-endian: names the key, reveals nothing. */
  long id() {
    return id;
  }

  String idHex() {
    return hex(id);
  }

  String source() {
    return source;
  }

  static String hex(long keyId) {
    return HexFormat.of().toHexDigits(keyId);
  }

  /** HKDF-SHA256(ikm = secret, salt, info), 32 bytes; the caller must not modify the returned array. */
  byte[] dataKey(byte[] salt, byte[] info) {
    CacheKey cacheKey = new CacheKey(salt, info);
    synchronized (dataKeys) {
      byte[] cached = dataKeys.get(cacheKey);
      if (cached != null) {
        return cached;
      }
    }
    HKDFBytesGenerator hkdf = new HKDFBytesGenerator(new SHA256Digest());
    hkdf.init(new HKDFParameters(secret, salt, info));
    byte[] key = new byte[DATA_KEY_BYTES];
    hkdf.generateBytes(key, 0, key.length);
    synchronized (dataKeys) {
      dataKeys.put(cacheKey, key);
    }
    return key;
  }

  private static long fingerprint(byte[] secret) {
    HMac hmac = new HMac(new SHA256Digest());
    hmac.init(new KeyParameter(secret));
    hmac.update(KEY_ID_MESSAGE, 0, KEY_ID_MESSAGE.length);
    byte[] mac = new byte[hmac.getMacSize()];
    hmac.doFinal(mac, 0);
    return ByteBuffer.wrap(mac).getLong();
  }

  @Override
  public String toString() {
    return "RingKey[id " + idHex() + " from " + source + ", secret redacted]";
  }

  /** Salt and info as a map key (arrays compare by identity, so wrap them). */
  private static final class CacheKey {
    private final byte[] salt;
    private final byte[] info;

    CacheKey(byte[] salt, byte[] info) {
      this.salt = salt.clone();
      this.info = info.clone();
    }

    @Override
    public boolean equals(Object other) {
      return other instanceof CacheKey k && Arrays.equals(k.salt, salt) && Arrays.equals(k.info, info);
    }

    @Override
    public int hashCode() {
      return 31 * Arrays.hashCode(salt) + Arrays.hashCode(info);
    }
  }
}
