package io.pyvider.domain.token;

import java.util.Objects;
import java.util.UUID;

/**
 * The secret value of a timed token, {@code token-<uuid>}. It never prints itself: {@link #toString()} redacts, so a
 * stray log line or exception message cannot leak it; call {@link #reveal()} where the value must leave on purpose.
 */
public final class TokenSecret {

  public static final String PREFIX = "token-";
  private final String value;

  private TokenSecret(String value) {
    this.value = Objects.requireNonNull(value, "value");
    if (value.isEmpty()) {
      throw new IllegalArgumentException("a token secret is never empty");
    }
  }

  public static TokenSecret of(UUID uuid) {
    return new TokenSecret(PREFIX + uuid);
  }

  /** A secret restored from storage (state written earlier, possibly by the Python provider). */
  public static TokenSecret restore(String value) {
    return new TokenSecret(value);
  }

  public String reveal() {
    return value;
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof TokenSecret s && java.security.MessageDigest.isEqual(
        s.value.getBytes(java.nio.charset.StandardCharsets.UTF_8),
        value.getBytes(java.nio.charset.StandardCharsets.UTF_8));
  }

  @Override
  public int hashCode() {
    return value.hashCode();
  }

  @Override
  public String toString() {
    return "TokenSecret[***]";
  }
}
