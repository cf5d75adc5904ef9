package io.pyvider.adapters.crypto;

import static io.pyvider.adapters.crypto.Sealing.TIMED_TOKEN;
import static io.pyvider.adapters.crypto.Sealing.TOKEN_STATE;
import static io.pyvider.adapters.crypto.Sealing.failed;
import static io.pyvider.adapters.crypto.Sealing.opened;
import static io.pyvider.adapters.crypto.Sealing.seal;
import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.pyvider.application.port.out.PrivateData;
import io.pyvider.application.port.out.SealResult;
import io.pyvider.application.port.out.SealingContext;
import io.pyvider.application.port.out.UnsealFailure;
import io.pyvider.application.port.out.UnsealResult;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.msgpack.core.MessageBufferPacker;
import org.msgpack.core.MessagePack;

/** Format 2: round trips, binding to the resource type and key, and rejection of every damaged blob. */
class PrivateStateSealerTest {

  private static final String SECRET = "s3cret-for-sealer-tests";
  private final PrivateStateSealer sealer = Sealing.sealerWithSecret(SECRET);

  @Test
  void sealedStateOpensWithTheSameFieldsAndIsNotStale() {
    UnsealResult.Opened opened = opened(sealer.unseal(seal(sealer, TOKEN_STATE), TIMED_TOKEN));
    assertEquals(TOKEN_STATE, opened.data());
    assertFalse(opened.staleKey());
  }

  @Test
  void aBlobHasTheDocumentedLayoutAndIsFreshEverySeal() {
    byte[] first = seal(sealer, TOKEN_STATE);
    byte[] second = seal(sealer, TOKEN_STATE);
    assertEquals(0x02, first[0]);
    assertArrayEquals(IndependentFormatTwo.keyId(SECRET), Arrays.copyOfRange(first, 1, 9));
    assertArrayEquals(Arrays.copyOfRange(first, 0, 9), Arrays.copyOfRange(second, 0, 9), "same version and key id");
    assertFalse(Arrays.equals(Arrays.copyOfRange(first, 9, 37), Arrays.copyOfRange(second, 9, 37)), "salt, nonce");
    assertNotEquals(Arrays.toString(first), Arrays.toString(second));
  }

  @Test
  void emptyStateSealsToAnEmptyBlobAndAnEmptyBlobOpensToEmptyState() {
    assertEquals(0, seal(sealer, PrivateData.EMPTY).length);
    UnsealResult.Opened opened = opened(sealer.unseal(new byte[0], TIMED_TOKEN));
    assertEquals(PrivateData.EMPTY, opened.data());
    assertFalse(opened.staleKey());
  }

  @Test
  void aBlobSealedForOneResourceTypeDoesNotOpenForAnother() {
    byte[] blob = seal(sealer, TOKEN_STATE);
    UnsealResult.Failed failure = failed(sealer.unseal(blob, new SealingContext("pyvider_other_resource")));
    assertEquals(UnsealFailure.AUTHENTICATION_FAILED, failure.reason());
    assertTrue(failure.detail().contains("pyvider_other_resource"), failure.detail());
  }

  @Test
  void aBlobSealedWithAnotherSecretIsAnUnknownKeyNamedByItsId() {
    byte[] blob = seal(Sealing.sealerWithSecret("the old secret"), TOKEN_STATE);
    UnsealResult.Failed failure = failed(sealer.unseal(blob, TIMED_TOKEN));
    assertEquals(UnsealFailure.UNKNOWN_KEY, failure.reason());
    String oldId = RingKey.hex(java.nio.ByteBuffer.wrap(IndependentFormatTwo.keyId("the old secret")).getLong());
    assertTrue(failure.detail().contains(oldId), failure.detail());
    assertTrue(failure.detail().contains(KeyRing.PREVIOUS_SECRETS), failure.detail());
  }

  @Test
  void everySingleTamperedBytePositionIsRejected() {
    byte[] blob = seal(sealer, TOKEN_STATE);
    for (int position = 0; position < blob.length; position++) {
      for (int mask : new int[] {0x01, 0x80, 0xff}) {
        byte[] tampered = blob.clone();
        tampered[position] ^= (byte) mask;
        failed(sealer.unseal(tampered, TIMED_TOKEN));
      }
    }
  }

  @Test
  void everyTruncationIsRejectedAsTruncatedOrUnauthentic() {
    byte[] blob = seal(sealer, TOKEN_STATE);
    for (int length = 1; length < blob.length; length++) {
      UnsealFailure expected = length < PrivateStateSealer.V2_MINIMUM_BYTES
          ? UnsealFailure.TRUNCATED : UnsealFailure.AUTHENTICATION_FAILED;
      assertEquals(expected, failed(sealer.unseal(Arrays.copyOf(blob, length), TIMED_TOKEN)).reason(), "length "
          + length);
    }
  }

  @Test
  void anUnknownFormatByteIsReportedWithItsValue() {
    for (int version : new int[] {0x00, 0x03, 0x80, 0xff}) {
      byte[] blob = seal(sealer, TOKEN_STATE);
      blob[0] = (byte) version;
      UnsealResult.Failed failure = failed(sealer.unseal(blob, TIMED_TOKEN));
      assertEquals(UnsealFailure.UNKNOWN_VERSION, failure.reason());
      assertTrue(failure.detail().contains(String.format("0x%02x", version)), failure.detail());
    }
  }

  @Test
  void aBlobNeverContainsThePlaintextTokenBytes() {
    byte[] token = TOKEN_STATE.get("token").orElseThrow().getBytes(UTF_8);
    byte[] field = "expires_at".getBytes(UTF_8);
    for (int i = 0; i < 50; i++) {
      byte[] blob = seal(sealer, TOKEN_STATE);
      assertFalse(contains(blob, token));
      assertFalse(contains(blob, field));
    }
  }

  @Test
  void aFormatTwoBlobOpensWithAnIndependentImplementationOfTheDocumentedFormat() throws Exception {
    byte[] blob = seal(sealer, TOKEN_STATE);
    byte[] plaintext = IndependentFormatTwo.open(SECRET, blob, TIMED_TOKEN.resourceType());
    assertEquals(TOKEN_STATE, PlaintextCodec.decode(plaintext));
  }

  @Test
  void plaintextThatIsNotAMapOfTextFieldsIsReportedAsMalformed() throws Exception {
    try (MessageBufferPacker packer = MessagePack.newDefaultBufferPacker()) {
      packer.packMapHeader(1).packString("nested").packMapHeader(0);
      byte[] blob = sealer.sealPlaintext(packer.toByteArray(), TIMED_TOKEN);
      UnsealResult.Failed failure = failed(sealer.unseal(blob, TIMED_TOKEN));
      assertEquals(UnsealFailure.MALFORMED_PLAINTEXT, failure.reason());
      assertFalse(failure.detail().contains("nested"), "field names are plaintext: " + failure.detail());
    }
  }

  @Test
  void textThatIsNotValidUnicodeIsRefusedRatherThanSealedChanged() {
    SealResult result = sealer.seal(PrivateData.of(Map.of("token", "half a pair \uD800")), TIMED_TOKEN);
    assertTrue(assertInstanceOf(SealResult.Failed.class, result).detail().contains("Unicode"));
  }

  @Test
  void failureDetailsNeverContainTheSecretOrThePlaintext() {
    List<String> details = new ArrayList<>();
    byte[] blob = seal(sealer, TOKEN_STATE);
    details.add(failed(sealer.unseal(blob, new SealingContext("x"))).detail());
    details.add(failed(sealer.unseal(Arrays.copyOf(blob, 20), TIMED_TOKEN)).detail());
    details.add(failed(Sealing.sealerWithSecret("other").unseal(blob, TIMED_TOKEN)).detail());
    byte[] v1 = blob.clone();
    v1[0] = 0x01;
    details.add(failed(sealer.unseal(v1, TIMED_TOKEN)).detail());
    byte[] flipped = blob.clone();
    flipped[blob.length - 1] ^= 1;
    details.add(failed(sealer.unseal(flipped, TIMED_TOKEN)).detail());
    for (String detail : details) {
      assertFalse(detail.contains(SECRET), detail);
      assertFalse(detail.contains(TOKEN_STATE.get("token").orElseThrow()), detail);
      assertFalse(detail.isBlank());
    }
  }

  private static boolean contains(byte[] haystack, byte[] needle) {
    for (int i = 0; i + needle.length <= haystack.length; i++) {
      if (Arrays.equals(haystack, i, i + needle.length, needle, 0, needle.length)) {
        return true;
      }
    }
    return false;
  }
}
