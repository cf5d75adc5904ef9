package io.pyvider.adapters.crypto;

import static java.nio.charset.StandardCharsets.US_ASCII;
import static java.nio.charset.StandardCharsets.UTF_8;

import java.io.ByteArrayOutputStream;
import java.util.Arrays;
import javax.crypto.Cipher;
import javax.crypto.Mac;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/** Format 2 written out from its documentation with JDK primitives only, to check the sealer against the spec. */
final class IndependentFormatTwo {

  private IndependentFormatTwo() {}

  static byte[] keyId(String secret) {
    return Arrays.copyOf(hmac(secret.getBytes(UTF_8), "pyvider-key-id-v2".getBytes(US_ASCII)), 8);
  }

  /** {@code 0x02 | keyId(8) | salt(16) | nonce(12) | ciphertext | tag(16)}; AAD = header + "pyvider_resource_type=" + type. */
  static byte[] open(String secret, byte[] blob, String resourceType) throws Exception {
    byte[] header = Arrays.copyOf(blob, 25);
    byte[] salt = Arrays.copyOfRange(blob, 9, 25);
    byte[] nonce = Arrays.copyOfRange(blob, 25, 37);
    byte[] key = dataKey(secret, salt, "pyvider-private-state-v2".getBytes(US_ASCII));
    ByteArrayOutputStream aad = new ByteArrayOutputStream();
    aad.writeBytes(header);
    aad.writeBytes(("pyvider_resource_type=" + resourceType).getBytes(UTF_8));
    Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
    cipher.init(Cipher.DECRYPT_MODE, new SecretKeySpec(key, "AES"), new GCMParameterSpec(128, nonce));
    cipher.updateAAD(aad.toByteArray());
    return cipher.doFinal(blob, 37, blob.length - 37);
  }

  /** HKDF-SHA256 (RFC 5869) with one output block: 32 bytes = one SHA-256 block. */
  static byte[] dataKey(String secret, byte[] salt, byte[] info) {
    byte[] prk = hmac(salt, secret.getBytes(UTF_8));
    return hmac(prk, concat(info, new byte[] {1}));
  }

  private static byte[] hmac(byte[] key, byte[] message) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(key, "HmacSHA256"));
      return mac.doFinal(message);
    } catch (java.security.GeneralSecurityException e) {
      throw new AssertionError(e);
    }
  }

  private static byte[] concat(byte[] a, byte[] b) {
    byte[] both = Arrays.copyOf(a, a.length + b.length);
    System.arraycopy(b, 0, both, a.length, b.length);
    return both;
  }
}
