package io.pyvider.bootstrap.e2e;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;

/**
 * The forms in which a secret could sit in a stored text without being written as is: base64 (either alphabet, padded
 * or not, starting at any byte of a larger encoded blob), hex, and the SHA-256 hex a provider might store as a hash.
 */
public final class SecretForms {

  private SecretForms() {
  }

  /** Whether {@code text} holds {@code secret} in any of its forms; hex is matched in either case. */
  public static boolean found(String text, String secret) {
    String lower = text.toLowerCase(Locale.ROOT);
    byte[] bytes = secret.getBytes(StandardCharsets.UTF_8);
    if (text.contains(secret) || lower.contains(HexFormat.of().formatHex(bytes))
        || lower.contains(HexFormat.of().formatHex(sha256(bytes)))) {
      return true;
    }
    for (Base64.Encoder encoder : List.of(Base64.getEncoder(), Base64.getUrlEncoder())) {
      for (String core : base64Cores(encoder, bytes)) {
        if (text.contains(core)) {
          return true;
        }
      }
    }
    return false;
  }

  /**
   * For each of the three positions the secret can start at within a base64 group, the characters that depend on the
   * secret's bytes alone: those of neighbouring bytes (and the padding) would differ from blob to blob.
   */
  static List<String> base64Cores(Base64.Encoder encoder, byte[] secret) {
    List<String> cores = new ArrayList<>();
    for (int shift = 0; shift < 3; shift++) {
      byte[] shifted = new byte[shift + secret.length];
      System.arraycopy(secret, 0, shifted, shift, secret.length);
      String encoded = encoder.withoutPadding().encodeToString(shifted);
      int firstOwnChar = shift == 0 ? 0 : shift + 1;
      int endOfWholeGroups = shifted.length / 3 * 4;
      cores.add(encoded.substring(firstOwnChar, endOfWholeGroups));
    }
    return cores;
  }

  static byte[] sha256(byte[] bytes) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(bytes);
    } catch (NoSuchAlgorithmException impossible) {
      throw new IllegalStateException(impossible);
    }
  }
}
