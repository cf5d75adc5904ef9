package io.pyvider.domain.token;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * A time-limited token: who it is ({@link TokenId}), what it is called, its secret, when it was issued and when it
 * expires. It knows how long it has left and when it is due for re-issue; it never reads a clock itself.
 */
public record TimedToken(TokenId id, String name, TokenSecret secret, Instant expiresAt) {

  public static final Duration DEFAULT_LIFETIME = Duration.ofHours(1);

  public TimedToken {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(secret, "secret");
    Objects.requireNonNull(expiresAt, "expiresAt");
  }

  /** Issues a new token that expires {@code lifetime} after {@code now}. */
  public static TimedToken issue(TokenId id, String name, TokenSecret secret, Instant now, Duration lifetime) {
    if (lifetime.isNegative() || lifetime.isZero()) {
      throw new IllegalArgumentException("a token's lifetime must be positive");
    }
    return new TimedToken(id, name, secret, now.plus(lifetime));
  }

  public boolean isExpiredAt(Instant now) {
    return !now.isBefore(expiresAt);
  }

  /** Time left until expiry; zero once expired. */
  public Duration remainingAt(Instant now) {
    Duration left = Duration.between(now, expiresAt);
    return left.isNegative() ? Duration.ZERO : left;
  }

  /** The expiry in the format state and users see. */
  public String expiresAtText() {
    return ExpiryTimestamp.format(expiresAt);
  }

  public TimedToken renamed(String newName) {
    return new TimedToken(id, newName, secret, expiresAt);
  }

  /** Whether the token is due for re-issue at {@code now}, given an optional early-rotation window. */
  public RotationDecision rotationAt(Instant now, Optional<Duration> rotateBefore) {
    return decide(expiresAt, now, rotateBefore);
  }

  /** The rotation decision for any expiry, so state whose token cannot be restored can still be judged. */
  public static RotationDecision decide(Instant expiresAt, Instant now, Optional<Duration> rotateBefore) {
    if (!now.isBefore(expiresAt)) {
      return RotationDecision.EXPIRED;
    }
    Duration window = rotateBefore.orElse(Duration.ZERO);
    return now.isBefore(expiresAt.minus(window)) ? RotationDecision.VALID : RotationDecision.DUE_IN_WINDOW;
  }

  @Override
  public String toString() {
    return "TimedToken[id=" + id + ", name=" + name + ", secret=***, expiresAt=" + expiresAtText() + "]";
  }
}
