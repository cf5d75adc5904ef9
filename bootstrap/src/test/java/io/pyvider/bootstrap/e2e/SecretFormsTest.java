package io.pyvider.bootstrap.e2e;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;

/** The state checks of the ephemeral examples find a token in every form they look for, and nothing else. */
class SecretFormsTest {

  private static final String TOKEN = "token-3be1c9f6-2a63-4fec-b0ca-f4b1c7d41f0e";
  private static final String OTHER = "token-40c979bd-da43-4565-b24a-5821ee48646f";

  @Test
  void a_token_written_as_is_or_in_hex_is_found() {
    assertTrue(SecretForms.found("{\"api_token\":\"" + TOKEN + "\"}", TOKEN));
    byte[] bytes = TOKEN.getBytes(StandardCharsets.UTF_8);
    assertTrue(SecretForms.found("x=" + HexFormat.of().formatHex(bytes) + ";", TOKEN));
    assertTrue(SecretForms.found("x=" + HexFormat.of().withUpperCase().formatHex(bytes), TOKEN));
  }

  @Test
  void the_sha256_of_a_token_is_found_in_either_case() {
    String hash = HexFormat.of().formatHex(SecretForms.sha256(TOKEN.getBytes(StandardCharsets.UTF_8)));
    assertTrue(SecretForms.found("content_hash=" + hash, TOKEN));
    assertTrue(SecretForms.found(hash.toUpperCase(java.util.Locale.ROOT), TOKEN));
  }

  @Test
  void a_token_inside_a_base64_blob_is_found_wherever_it_starts() {
    for (int prefix = 0; prefix < 6; prefix++) {
      String blob = "{\"n\":\"" + "abcdef".substring(0, prefix) + "\",\"t\":\"" + TOKEN + "\"}";
      byte[] bytes = blob.getBytes(StandardCharsets.UTF_8);
      assertTrue(SecretForms.found(Base64.getEncoder().encodeToString(bytes), TOKEN), "standard, prefix " + prefix);
      assertTrue(SecretForms.found(Base64.getUrlEncoder().withoutPadding().encodeToString(bytes), TOKEN),
          "url-safe, prefix " + prefix);
    }
  }

  @Test
  void other_text_is_not_mistaken_for_the_token() {
    assertFalse(SecretForms.found("{\"api_token\":\"" + OTHER + "\",\"id\":\"timed-token-id-x\"}", TOKEN));
    assertFalse(SecretForms.found(Base64.getEncoder().encodeToString(OTHER.getBytes(StandardCharsets.UTF_8)), TOKEN));
    assertFalse(SecretForms.found("", TOKEN));
  }
}
