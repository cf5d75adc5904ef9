package io.pyvider.domain.token;

import java.util.Objects;
import java.util.UUID;
import java.util.regex.Pattern;

/** A timed token's identifier, {@code timed-token-id-<uuid>}, as pyvider writes it. */
public record TokenId(String value) {

  public static final String PREFIX = "timed-token-id-";
  private static final Pattern FORMAT =
      Pattern.compile("timed-token-id-[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");

  public TokenId {
    Objects.requireNonNull(value, "value");
    if (!FORMAT.matcher(value).matches()) {
      throw new IllegalArgumentException("a token id looks like timed-token-id-<lowercase uuid>, not \"" + value + "\"");
    }
  }

  public static TokenId of(UUID uuid) {
    return new TokenId(PREFIX + uuid);
  }

  public static boolean isWellFormed(String text) {
    return text != null && FORMAT.matcher(text).matches();
  }

  @Override
  public String toString() {
    return value;
  }
}
