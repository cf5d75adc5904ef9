package io.pyvider.domain.token;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.UUID;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class TokenIdTest {

  private static final String WELL_FORMED = "timed-token-id-0f8fad5b-d9cb-469f-a165-70867728950e";

  @Test
  void an_id_is_the_prefix_followed_by_a_lowercase_uuid() {
    UUID uuid = UUID.fromString("0F8FAD5B-D9CB-469F-A165-70867728950E");

    TokenId id = TokenId.of(uuid);

    assertEquals(WELL_FORMED, id.value());
    assertEquals(WELL_FORMED, id.toString());
    assertTrue(id.value().startsWith(TokenId.PREFIX));
  }

  @Test
  void a_well_formed_id_is_accepted_and_recognised() {
    assertEquals(WELL_FORMED, new TokenId(WELL_FORMED).value());
    assertTrue(TokenId.isWellFormed(WELL_FORMED));
  }

  @ParameterizedTest
  @ValueSource(strings = {
      "",
      "0f8fad5b-d9cb-469f-a165-70867728950e",
      "timed-token-id-",
      "timed-token-id-0F8FAD5B-D9CB-469F-A165-70867728950E",
      "timed-token-id-0f8fad5b-d9cb-469f-a165-70867728950",
      "timed-token-id-0f8fad5b-d9cb-469f-a165-70867728950e0",
      "timed-token-id-0f8fad5bd9cb469fa16570867728950e",
      "token-0f8fad5b-d9cb-469f-a165-70867728950e",
      " timed-token-id-0f8fad5b-d9cb-469f-a165-70867728950e",
      "timed-token-id-0f8fad5b-d9cb-469f-a165-70867728950e\n",
      "timed-token-id-0g8fad5b-d9cb-469f-a165-70867728950e"})
  void a_malformed_id_is_rejected(String text) {
    IllegalArgumentException error = assertThrows(IllegalArgumentException.class, () -> new TokenId(text));
    assertTrue(error.getMessage().contains("timed-token-id-"), error.getMessage());
    assertFalse(TokenId.isWellFormed(text));
  }

  @Test
  void a_null_id_is_rejected_and_not_well_formed() {
    assertThrows(NullPointerException.class, () -> new TokenId(null));
    assertFalse(TokenId.isWellFormed(null));
  }

  @Test
  void ids_with_the_same_text_are_equal() {
    assertEquals(new TokenId(WELL_FORMED), TokenId.of(UUID.fromString("0f8fad5b-d9cb-469f-a165-70867728950e")));
    TokenId fromUuid = TokenId.of(UUID.fromString("0f8fad5b-d9cb-469f-a165-70867728950e"));
    assertEquals(new TokenId(WELL_FORMED).hashCode(), fromUuid.hashCode());
  }
}
