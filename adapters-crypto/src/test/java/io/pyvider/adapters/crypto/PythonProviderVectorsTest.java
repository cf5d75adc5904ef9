package io.pyvider.adapters.crypto;

import static io.pyvider.adapters.crypto.Sealing.TIMED_TOKEN;
import static io.pyvider.adapters.crypto.Sealing.failed;
import static io.pyvider.adapters.crypto.Sealing.opened;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.pyvider.application.port.out.PrivateData;
import io.pyvider.application.port.out.SealingContext;
import io.pyvider.application.port.out.UnsealFailure;
import io.pyvider.application.port.out.UnsealResult;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Blobs of the Python provider's format 1, made by an independent implementation, open with the same secret. */
class PythonProviderVectorsTest {

  /** One vector of the reference file. */
  record Vector(String secret, Map<String, String> fields, byte[] blob) {}

  static List<Vector> vectors() throws IOException {
    ObjectMapper json = new ObjectMapper();
    try (InputStream in = PythonProviderVectorsTest.class.getResourceAsStream("/vectors/pyvider-sealed-v1.json")) {
      List<Vector> vectors = new ArrayList<>();
      for (JsonNode node : json.readTree(in).get("vectors")) {
        vectors.add(new Vector(node.get("shared_secret").asText(),
            json.convertValue(node.get("plaintext_fields"), new TypeReference<Map<String, String>>() {}),
            Base64.getDecoder().decode(node.get("sealed_base64").asText())));
      }
      return vectors;
    }
  }

  @Test
  void bothReferenceVectorsOpenWithExactlyTheirFieldsAndAreMarkedStale() throws IOException {
    List<Vector> vectors = vectors();
    assertEquals(2, vectors.size());
    for (Vector vector : vectors) {
      UnsealResult.Opened opened = opened(Sealing.sealerWithSecret(vector.secret()).unseal(vector.blob(), TIMED_TOKEN));
      assertEquals(vector.fields(), opened.data().fields());
      assertTrue(opened.staleKey(), "format 1 must be re-sealed as format 2");
    }
  }

  @Test
  void formatOneIgnoresTheResourceTypeBecauseItHadNoAssociatedData() throws IOException {
    Vector vector = vectors().get(0);
    opened(Sealing.sealerWithSecret(vector.secret()).unseal(vector.blob(), new SealingContext("another_type")));
  }

  @Test
  void aFormatOneBlobOpensWhenItsSecretIsOnlyAPreviousSecret() throws IOException {
    Vector vector = vectors().get(1);
    PrivateStateSealer sealer = Sealing.sealer(Map.of(KeyRing.SHARED_SECRET, "the new team secret",
        KeyRing.PREVIOUS_SECRETS, "unrelated, " + vector.secret()));
    UnsealResult.Opened opened = opened(sealer.unseal(vector.blob(), TIMED_TOKEN));
    assertEquals(vector.fields(), opened.data().fields());
    assertTrue(opened.staleKey());
  }

  @Test
  void aFormatOneBlobReSealsAsFormatTwoUnderTheCurrentKey() throws IOException {
    Vector vector = vectors().get(0);
    PrivateStateSealer sealer = Sealing.sealerWithSecret(vector.secret());
    PrivateData data = opened(sealer.unseal(vector.blob(), TIMED_TOKEN)).data();
    byte[] resealed = Sealing.seal(sealer, data);
    assertEquals(PrivateStateSealer.V2, resealed[0]);
    UnsealResult.Opened reopened = opened(sealer.unseal(resealed, TIMED_TOKEN));
    assertEquals(data, reopened.data());
    assertFalse(reopened.staleKey());
  }

  @Test
  void aFormatOneBlobUnderAnotherSecretFailsAuthenticationWithoutNamingTheSecret() throws IOException {
    Vector vector = vectors().get(0);
    UnsealResult.Failed failure = failed(Sealing.sealerWithSecret("wrong secret").unseal(vector.blob(), TIMED_TOKEN));
    assertEquals(UnsealFailure.AUTHENTICATION_FAILED, failure.reason());
    assertTrue(failure.detail().contains("Python"), failure.detail());
    assertFalse(failure.detail().contains("wrong secret"));
    assertFalse(failure.detail().contains(vector.secret()));
  }

  @Test
  void everyTamperedByteOfAFormatOneBlobIsRejected() throws IOException {
    for (Vector vector : vectors()) {
      PrivateStateSealer sealer = Sealing.sealerWithSecret(vector.secret());
      for (int position = 0; position < vector.blob().length; position++) {
        byte[] tampered = vector.blob().clone();
        tampered[position] ^= 0x01;
        failed(sealer.unseal(tampered, TIMED_TOKEN));
      }
    }
  }

  @Test
  void everyTruncationOfAFormatOneBlobIsRejected() throws IOException {
    Vector vector = vectors().get(1);
    PrivateStateSealer sealer = Sealing.sealerWithSecret(vector.secret());
    for (int length = 1; length < vector.blob().length; length++) {
      byte[] cut = java.util.Arrays.copyOf(vector.blob(), length);
      UnsealFailure expected = length < PrivateStateSealer.V1_MINIMUM_BYTES
          ? UnsealFailure.TRUNCATED : UnsealFailure.AUTHENTICATION_FAILED;
      assertEquals(expected, failed(sealer.unseal(cut, TIMED_TOKEN)).reason(), "length " + length);
    }
  }
}
