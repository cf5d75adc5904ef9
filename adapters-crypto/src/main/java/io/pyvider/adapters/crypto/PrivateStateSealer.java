package io.pyvider.adapters.crypto;

import static java.nio.charset.StandardCharsets.US_ASCII;
import static java.nio.charset.StandardCharsets.UTF_8;

import io.pyvider.application.port.out.PrivateData;
import io.pyvider.application.port.out.SealResult;
import io.pyvider.application.port.out.SealingContext;
import io.pyvider.application.port.out.StateSealer;
import io.pyvider.application.port.out.UnsealFailure;
import io.pyvider.application.port.out.UnsealResult;
import java.nio.ByteBuffer;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Seals private state as format 2, {@code 0x02 | keyId(8) | salt(16) | nonce(12) | AES-256-GCM(ciphertext | tag(16))},
 * bound to its resource type, and opens both format 2 and the Python provider's format 1,
 * {@code 0x01 | salt(16) | nonce(12) | ciphertext | tag(16)}.
 */
final class PrivateStateSealer implements StateSealer {

  static final byte V1 = 0x01;
  static final byte V2 = 0x02;
  static final int SALT_BYTES = 16;
  static final int KEY_ID_BYTES = 8;
  static final int V1_HEADER_BYTES = 1 + SALT_BYTES;
  static final int V2_HEADER_BYTES = 1 + KEY_ID_BYTES + SALT_BYTES;
  static final int V1_MINIMUM_BYTES = V1_HEADER_BYTES + AesGcm.NONCE_BYTES + AesGcm.TAG_BYTES;
  static final int V2_MINIMUM_BYTES = V2_HEADER_BYTES + AesGcm.NONCE_BYTES + AesGcm.TAG_BYTES;
  private static final byte[] V1_INFO = "pyvider-private-state-v1".getBytes(US_ASCII);
  private static final byte[] V2_INFO = "pyvider-private-state-v2".getBytes(US_ASCII);
  private static final byte[] RESOURCE_TYPE_LABEL = "pyvider_resource_type=".getBytes(US_ASCII);

  private final KeyRing ring;
  private final SecureRandom random;

  PrivateStateSealer(KeyRing ring, SecureRandom random) {
    this.ring = Objects.requireNonNull(ring, "ring");
    this.random = Objects.requireNonNull(random, "random");
  }

  @Override
  public SealResult seal(PrivateData data, SealingContext context) {
    Objects.requireNonNull(data, "data");
    Objects.requireNonNull(context, "context");
    if (data.isEmpty()) {
      return new SealResult.Sealed(new byte[0]);
    }
    try {
      return new SealResult.Sealed(sealPlaintext(PlaintextCodec.encode(data), context));
    } catch (MalformedPlaintextException e) {
      return new SealResult.Failed("cannot seal the private state of " + context.resourceType() + ": "
          + e.getMessage());
    } catch (KeyUnavailableException e) {
      return new SealResult.Failed("cannot seal the private state of " + context.resourceType() + ": "
          + e.getMessage());
    }
  }

  /** Seals raw plaintext bytes under the current key; package-private so tests can seal malformed plaintext. */
  byte[] sealPlaintext(byte[] plaintext, SealingContext context) throws KeyUnavailableException {
    RingKey key = ring.current();
    byte[] salt = randomBytes(SALT_BYTES);
    byte[] nonce = randomBytes(AesGcm.NONCE_BYTES);
    byte[] header = ByteBuffer.allocate(V2_HEADER_BYTES).put(V2).putLong(key.id()).put(salt).array();
    byte[] sealed = AesGcm.seal(key.dataKey(salt, V2_INFO), nonce, plaintext, associatedData(header, context));
    return ByteBuffer.allocate(header.length + nonce.length + sealed.length).put(header).put(nonce).put(sealed)
        .array();
  }

  @Override
  public UnsealResult unseal(byte[] blob, SealingContext context) {
    Objects.requireNonNull(blob, "blob");
    Objects.requireNonNull(context, "context");
    if (blob.length == 0) {
      return new UnsealResult.Opened(PrivateData.EMPTY, false);
    }
    try {
      switch (blob[0]) {
        case V1:
          return unsealV1(blob);
        case V2:
          return unsealV2(blob, context);
        default:
          return new UnsealResult.Failed(UnsealFailure.UNKNOWN_VERSION, String.format("the sealed private state "
              + "starts with format byte 0x%02x, but this provider reads only 0x01 (the Python pyvider provider) "
              + "and 0x02; it was probably written by a newer provider, or it is not pyvider private state",
              blob[0] & 0xff));
      }
    } catch (IllegalStateException jdkCipherMissing) {
      return new UnsealResult.Failed(UnsealFailure.AUTHENTICATION_FAILED, "the sealed private state could not be "
          + "opened: " + jdkCipherMissing.getMessage());
    }
  }

  private UnsealResult unsealV2(byte[] blob, SealingContext context) {
    if (blob.length < V2_MINIMUM_BYTES) {
      return truncated(blob, 2, V2_MINIMUM_BYTES);
    }
    long keyId = ByteBuffer.wrap(blob, 1, KEY_ID_BYTES).getLong();
    Optional<RingKey> found = ring.find(keyId);
    if (found.isEmpty()) {
      if (ring.all().isEmpty()) {
        return new UnsealResult.Failed(UnsealFailure.NO_KEY, ring.noKeyAdvice());
      }
      return new UnsealResult.Failed(UnsealFailure.UNKNOWN_KEY, "the private state was sealed with key id "
          + RingKey.hex(keyId) + ", which is not in the key ring (" + ring.describeKeys() + "); add the secret it "
          + "was sealed with to " + KeyRing.PREVIOUS_SECRETS + " (comma-separated)");
    }
    RingKey key = found.get();
    byte[] header = Arrays.copyOf(blob, V2_HEADER_BYTES);
    byte[] salt = Arrays.copyOfRange(blob, 1 + KEY_ID_BYTES, V2_HEADER_BYTES);
    byte[] nonce = Arrays.copyOfRange(blob, V2_HEADER_BYTES, V2_HEADER_BYTES + AesGcm.NONCE_BYTES);
    Optional<byte[]> plaintext = AesGcm.open(key.dataKey(salt, V2_INFO), nonce, blob,
        V2_HEADER_BYTES + AesGcm.NONCE_BYTES, associatedData(header, context));
    if (plaintext.isEmpty()) {
      return new UnsealResult.Failed(UnsealFailure.AUTHENTICATION_FAILED, "the private state sealed with key id "
          + key.idHex() + " failed authentication for resource type " + context.resourceType() + ": it was sealed "
          + "for another resource type or altered after sealing");
    }
    return opened(plaintext.get(), key, !isCurrent(key));
  }

  private UnsealResult unsealV1(byte[] blob) {
    if (blob.length < V1_MINIMUM_BYTES) {
      return truncated(blob, 1, V1_MINIMUM_BYTES);
    }
    List<RingKey> keys = ring.all();
    if (keys.isEmpty()) {
      return new UnsealResult.Failed(UnsealFailure.NO_KEY, ring.noKeyAdvice());
    }
    byte[] salt = Arrays.copyOfRange(blob, 1, V1_HEADER_BYTES);
    byte[] nonce = Arrays.copyOfRange(blob, V1_HEADER_BYTES, V1_HEADER_BYTES + AesGcm.NONCE_BYTES);
    // Format 1 names no key, so every key of the ring is tried; format 1 had no associated data.
    for (RingKey key : keys) {
      Optional<byte[]> plaintext =
          AesGcm.open(key.dataKey(salt, V1_INFO), nonce, blob, V1_HEADER_BYTES + AesGcm.NONCE_BYTES, new byte[0]);
      if (plaintext.isPresent()) {
        return opened(plaintext.get(), key, true);
      }
    }
    return new UnsealResult.Failed(UnsealFailure.AUTHENTICATION_FAILED, "the private state was sealed by the Python "
        + "pyvider provider (format 1, which names no key) and no key of the ring opens it (" + ring.describeKeys()
        + "); set " + KeyRing.SHARED_SECRET + " or " + KeyRing.PREVIOUS_SECRETS + " to the secret that provider "
        + "used, unless the state was altered");
  }

  private static UnsealResult opened(byte[] plaintext, RingKey key, boolean stale) {
    try {
      return new UnsealResult.Opened(PlaintextCodec.decode(plaintext), stale);
    } catch (MalformedPlaintextException e) {
      return new UnsealResult.Failed(UnsealFailure.MALFORMED_PLAINTEXT, "the private state opened with key id "
          + key.idHex() + " but does not hold a map of text fields: " + e.getMessage());
    } finally {
      Arrays.fill(plaintext, (byte) 0);
    }
  }

  private static UnsealResult truncated(byte[] blob, int version, int minimum) {
    return new UnsealResult.Failed(UnsealFailure.TRUNCATED, "the sealed private state is " + blob.length
        + " bytes long, shorter than the " + minimum + " bytes of the smallest format-" + version + " blob: it was "
        + "cut off in storage or in transit");
  }

  private boolean isCurrent(RingKey key) {
    return ring.currentIfPresent().filter(current -> current.id() == key.id()).isPresent();
  }

  private static byte[] associatedData(byte[] header, SealingContext context) {
    byte[] type = context.resourceType().getBytes(UTF_8);
    return ByteBuffer.allocate(header.length + RESOURCE_TYPE_LABEL.length + type.length).put(header)
        .put(RESOURCE_TYPE_LABEL).put(type).array();
  }

  private byte[] randomBytes(int count) {
    byte[] bytes = new byte[count];
    random.nextBytes(bytes);
    return bytes;
  }
}
