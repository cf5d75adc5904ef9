package io.pyvider.adapters.cli;

import static java.nio.charset.StandardCharsets.US_ASCII;
import static java.nio.charset.StandardCharsets.UTF_8;

import io.pyvider.application.port.out.PrivateData;
import io.pyvider.application.port.out.SealResult;
import io.pyvider.application.port.out.SealingContext;
import io.pyvider.application.port.out.StateSealer;
import io.pyvider.application.port.out.UnsealFailure;
import io.pyvider.application.port.out.UnsealResult;
import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.Mac;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * The Python pyvider provider's private-state format 1, written out with JDK primitives only, so the CLI's tests open
 * real Python-written blobs without depending on the crypto adapter: {@code 0x01 | salt(16) | nonce(12) | AES-256-GCM
 * ciphertext | tag(16)}, key = HKDF-SHA256(secret, salt, "pyvider-private-state-v1"), no associated data, plaintext a
 * msgpack map of strings. Tries each secret in turn, as the provider's key ring does.
 */
final class PythonFormatOneSealer implements StateSealer {

  private final List<String> secrets;

  PythonFormatOneSealer(String... secrets) {
    this.secrets = List.of(secrets);
  }

  @Override
  public SealResult seal(PrivateData data, SealingContext context) {
    return new SealResult.Failed("this test sealer only opens");
  }

  @Override
  public UnsealResult unseal(byte[] blob, SealingContext context) {
    if (blob.length == 0) {
      return new UnsealResult.Opened(PrivateData.EMPTY, false);
    }
    if (blob[0] != 1) {
      return new UnsealResult.Failed(UnsealFailure.UNKNOWN_VERSION, "format byte " + blob[0]);
    }
    if (blob.length < 1 + 16 + 12 + 16) {
      return new UnsealResult.Failed(UnsealFailure.TRUNCATED, "only " + blob.length + " bytes");
    }
    if (secrets.isEmpty()) {
      return new UnsealResult.Failed(UnsealFailure.NO_KEY, "no secret configured");
    }
    byte[] salt = Arrays.copyOfRange(blob, 1, 17);
    byte[] nonce = Arrays.copyOfRange(blob, 17, 29);
    for (String secret : secrets) {
      byte[] prk = hmac(salt, secret.getBytes(UTF_8));
      byte[] key = hmac(prk, concat("pyvider-private-state-v1".getBytes(US_ASCII), new byte[] {1}));
      try {
        Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
        cipher.init(Cipher.DECRYPT_MODE, new SecretKeySpec(key, "AES"), new GCMParameterSpec(128, nonce));
        byte[] plaintext = cipher.doFinal(blob, 29, blob.length - 29);
        return new UnsealResult.Opened(PrivateData.of(msgpackStringMap(plaintext)), true);
      } catch (AEADBadTagException wrongKey) {
        // try the next secret
      } catch (java.security.GeneralSecurityException e) {
        throw new AssertionError(e);
      }
    }
    return new UnsealResult.Failed(UnsealFailure.AUTHENTICATION_FAILED, "the private state was sealed by the Python "
        + "pyvider provider (format 1) and no configured secret opens it");
  }

  /** A msgpack map of str to str: fixmap/map16 headers, fixstr/str8/str16 strings. */
  private static Map<String, String> msgpackStringMap(byte[] bytes) {
    ByteBuffer in = ByteBuffer.wrap(bytes);
    int head = in.get() & 0xff;
    int size = (head & 0xf0) == 0x80 ? head & 0x0f : head == 0xde ? in.getShort() & 0xffff : -1;
    if (size < 0) {
      throw new AssertionError("not a msgpack map");
    }
    Map<String, String> fields = new TreeMap<>();
    for (int i = 0; i < size; i++) {
      fields.put(string(in), string(in));
    }
    return fields;
  }

  private static String string(ByteBuffer in) {
    int head = in.get() & 0xff;
    int length = (head & 0xe0) == 0xa0 ? head & 0x1f : head == 0xd9 ? in.get() & 0xff
        : head == 0xda ? in.getShort() & 0xffff : -1;
    if (length < 0) {
      throw new AssertionError("not a msgpack string");
    }
    byte[] text = new byte[length];
    in.get(text);
    return new String(text, UTF_8);
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
