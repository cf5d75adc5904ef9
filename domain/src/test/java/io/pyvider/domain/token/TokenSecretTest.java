package io.pyvider.domain.token;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.UUID;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;

@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class TokenSecretTest {

  private static final UUID UUID_1 = UUID.fromString("6ba7b810-9dad-41d1-80b4-00c04fd430c8");

  @Test
  void a_new_secret_is_token_dash_followed_by_the_uuid() {
    assertEquals("token-6ba7b810-9dad-41d1-80b4-00c04fd430c8", TokenSecret.of(UUID_1).reveal());
    assertTrue(TokenSecret.of(UUID_1).reveal().startsWith(TokenSecret.PREFIX));
  }

  @Test
  void to_string_redacts_the_value() {
    TokenSecret secret = TokenSecret.of(UUID_1);

    String printed = secret.toString();

    assertFalse(printed.contains(secret.reveal()), printed);
    assertFalse(printed.contains("6ba7b810"), printed);
    assertTrue(printed.contains("***"), printed);
  }

  @Test
  void a_restored_secret_keeps_any_stored_text_and_still_redacts_it() {
    TokenSecret restored = TokenSecret.restore("legacy-secret-from-python");

    assertEquals("legacy-secret-from-python", restored.reveal());
    assertFalse(restored.toString().contains("legacy"), restored.toString());
  }

  @Test
  void secrets_with_the_same_value_are_equal_with_equal_hash_codes() {
    TokenSecret a = TokenSecret.of(UUID_1);
    TokenSecret b = TokenSecret.restore("token-6ba7b810-9dad-41d1-80b4-00c04fd430c8");

    assertEquals(a, b);
    assertEquals(a.hashCode(), b.hashCode());
  }

  @Test
  void secrets_with_different_values_are_not_equal() {
    assertNotEquals(TokenSecret.restore("token-a"), TokenSecret.restore("token-b"));
    assertNotEquals(TokenSecret.restore("token-a"), TokenSecret.restore("token-a-longer"));
    assertNotEquals(TokenSecret.restore("token-a"), "token-a");
    assertNotEquals(TokenSecret.restore("token-a"), null);
  }

  @Test
  void an_empty_or_null_secret_is_rejected() {
    assertThrows(IllegalArgumentException.class, () -> TokenSecret.restore(""));
    assertThrows(NullPointerException.class, () -> TokenSecret.restore(null));
  }
}
