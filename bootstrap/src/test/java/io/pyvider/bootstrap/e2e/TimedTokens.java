package io.pyvider.bootstrap.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.pyvider.domain.terraform.cty.Value;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;

/** What the end-to-end tests know of {@code pyvider_timed_token}: its configuration and the formats it promises. */
final class TimedTokens {

  static final String TYPE = "pyvider_timed_token";
  static final Pattern ID = Pattern.compile("^timed-token-id-[0-9a-f-]{36}$");
  static final Pattern TOKEN = Pattern.compile("^token-[0-9a-f-]{36}$");
  static final Pattern EXPIRES_AT = Pattern.compile("^\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{6}\\+00:00$");
  /** How far an expiry may sit from the expected instant: process start-up and a loaded machine, not precision. */
  static final Duration EXPIRY_TOLERANCE = Duration.ofMinutes(5);

  private TimedTokens() {
  }

  static Value.ObjectVal config(ResourceSchema schema, String name) {
    return config(schema, name, null, null);
  }

  static Value.ObjectVal config(ResourceSchema schema, String name, String lifetime, String rotateBefore) {
    Map<String, Value> given = new LinkedHashMap<>();
    given.put("name", Value.string(name));
    if (lifetime != null) {
      given.put("lifetime", Value.string(lifetime));
    }
    if (rotateBefore != null) {
      given.put("rotate_before", Value.string(rotateBefore));
    }
    return schema.config(given);
  }

  /** A stored token as a state file would hold it (made up here, not issued by the provider). */
  static ResourceState stored(ResourceSchema schema, String name, Instant expiry, byte[] privateBytes) {
    Map<String, Value> values = new LinkedHashMap<>();
    values.put("name", Value.string(name));
    values.put("id", Value.string("timed-token-id-" + UUID.randomUUID()));
    values.put("token", Value.string("token-" + UUID.randomUUID()));
    values.put("expires_at", Value.string(format(expiry)));
    values.put("lifetime", Value.string("1h"));
    values.put("ready_for_rotation", Value.bool(false));
    return new ResourceState(TYPE, schema.config(values), privateBytes);
  }

  static String format(Instant instant) {
    return java.time.format.DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSSSSS'+00:00'")
        .withZone(java.time.ZoneOffset.UTC).format(instant);
  }

  static Instant expiresAt(ResourceState state) {
    return OffsetDateTime.parse(state.string("expires_at")).toInstant();
  }

  static boolean readyForRotation(ResourceState state) {
    Value flag = state.get("ready_for_rotation");
    assertTrue(flag instanceof Value.Bool, () -> "ready_for_rotation is not a known bool: " + flag);
    return ((Value.Bool) flag).value();
  }

  /** id, token and expires_at as promised; the expiry near {@code expectedExpiry}. */
  static void assertIssued(ResourceState state, Instant expectedExpiry) {
    String id = state.string("id");
    String token = state.string("token");
    String expiresAt = state.string("expires_at");
    assertTrue(ID.matcher(id).matches(), () -> "id " + id + " does not match " + ID);
    assertTrue(TOKEN.matcher(token).matches(), "the token does not match " + TOKEN);
    assertEquals(4, UUID.fromString(token.substring("token-".length())).version(), "the token is not a UUIDv4");
    assertTrue(EXPIRES_AT.matcher(expiresAt).matches(), () -> "expires_at " + expiresAt + " does not match "
        + EXPIRES_AT);
    Duration off = Duration.between(expectedExpiry, expiresAt(state)).abs();
    assertTrue(off.compareTo(EXPIRY_TOLERANCE) <= 0, () -> "expires_at " + expiresAt + " is " + off
        + " away from the expected " + expectedExpiry);
  }

  /** Private state is sealed: non-empty, and neither the token nor its base64/hex/raw-UUID forms appear in it. */
  static void assertPrivateConceals(byte[] privateBytes, String token) {
    assertTrue(privateBytes.length > 0, "private state is empty: the sealed copy of the token is missing");
    byte[] tokenBytes = token.getBytes(StandardCharsets.UTF_8);
    UUID uuid = UUID.fromString(token.substring("token-".length()));
    byte[] rawUuid = java.nio.ByteBuffer.allocate(16).putLong(uuid.getMostSignificantBits())
        .putLong(uuid.getLeastSignificantBits()).array();
    Map<String, byte[]> forms = new LinkedHashMap<>();
    forms.put("the token", tokenBytes);
    forms.put("the token's UUID bytes", rawUuid);
    forms.put("the token's UUID text", uuid.toString().getBytes(StandardCharsets.US_ASCII));
    forms.put("base64 of the token", Base64.getEncoder().withoutPadding().encode(tokenBytes));
    forms.put("base64url of the token", Base64.getUrlEncoder().withoutPadding().encode(tokenBytes));
    forms.put("hex of the token", HexFormat.of().formatHex(tokenBytes).getBytes(StandardCharsets.US_ASCII));
    forms.put("HEX of the token", HexFormat.of().withUpperCase().formatHex(tokenBytes)
        .getBytes(StandardCharsets.US_ASCII));
    forms.forEach((what, form) -> assertFalse(contains(privateBytes, form), "private state contains " + what));
    // Merely encoded is not sealed: the whole blob must not decode to something holding the token.
    String text = new String(privateBytes, StandardCharsets.ISO_8859_1).trim();
    for (java.util.function.Function<String, byte[]> decoder : java.util.List.<java.util.function.Function<String,
        byte[]>>of(Base64.getDecoder()::decode, Base64.getUrlDecoder()::decode, HexFormat.of()::parseHex)) {
      try {
        assertFalse(contains(decoder.apply(text), tokenBytes), "private state is only encoded, not sealed");
      } catch (IllegalArgumentException notThatEncoding) {
        // Good: the blob is not text in this encoding.
      }
    }
  }

  static boolean contains(byte[] haystack, byte[] needle) {
    outer:
    for (int i = 0; i + needle.length <= haystack.length; i++) {
      for (int j = 0; j < needle.length; j++) {
        if (haystack[i + j] != needle[j]) {
          continue outer;
        }
      }
      return true;
    }
    return false;
  }
}
