package io.pyvider.adapters.crypto;

import java.security.GeneralSecurityException;
import java.util.Optional;
import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * AES-256-GCM with a 128-bit tag through the JDK's own provider: it needs no provider registration and uses the
 * CPU's AES and carry-less multiply instructions, where Bouncy Castle's lightweight GCM is table-driven Java.
 */
final class AesGcm {

  static final int NONCE_BYTES = 12;
  static final int TAG_BYTES = 16;
  private static final String TRANSFORMATION = "AES/GCM/NoPadding";

  private AesGcm() {}

  static byte[] seal(byte[] key, byte[] nonce, byte[] plaintext, byte[] associatedData) {
    try {
      return cipher(Cipher.ENCRYPT_MODE, key, nonce, associatedData).doFinal(plaintext);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("the JDK's AES-GCM cipher is unavailable: " + e.getClass().getSimpleName(), e);
    }
  }

  /** The plaintext, or empty when the tag does not verify (wrong key, wrong associated data, altered bytes). */
  static Optional<byte[]> open(byte[] key, byte[] nonce, byte[] ciphertext, int offset, byte[] associatedData) {
    try {
      Cipher cipher = cipher(Cipher.DECRYPT_MODE, key, nonce, associatedData);
      return Optional.of(cipher.doFinal(ciphertext, offset, ciphertext.length - offset));
    } catch (AEADBadTagException authenticationFailed) {
      return Optional.empty();
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("the JDK's AES-GCM cipher is unavailable: " + e.getClass().getSimpleName(), e);
    }
  }

  private static Cipher cipher(int mode, byte[] key, byte[] nonce, byte[] associatedData)
      throws GeneralSecurityException {
    // A new Cipher per call: GCM forbids reusing an initialised encryptor, and Cipher is not thread-safe.
    Cipher cipher = Cipher.getInstance(TRANSFORMATION);
    cipher.init(mode, new SecretKeySpec(key, "AES"), new GCMParameterSpec(TAG_BYTES * 8, nonce));
    cipher.updateAAD(associatedData); // empty for format 1, which had no associated data: then a no-op
    return cipher;
  }
}
