package io.pyvider.adapters.cli.tokens;

import io.pyvider.adapters.cli.Durations;
import io.pyvider.adapters.cli.state.ResourceInstance;
import io.pyvider.domain.token.ExpiryTimestamp;
import io.pyvider.domain.token.RotationDecision;
import io.pyvider.domain.token.TimedToken;
import io.pyvider.domain.token.TokenDuration;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Judges every {@code pyvider_timed_token} of a state at one instant, with the domain's own rotation rule
 * ({@link TimedToken#decide}): expired once now reaches expires_at, expiring inside the larger of --warn-before and the
 * token's rotate_before. Reads only the public attributes (no key needed), and never the token.
 */
public final class TokenAudit {

  /** The resource type audited. */
  public static final String TYPE = "pyvider_timed_token";

  private TokenAudit() {
  }

  /** One audited token; {@code remaining} is negative once expired, empty when the expiry cannot be read. */
  public record Finding(ResourceInstance instance, Optional<String> name, Optional<String> id,
      Optional<String> expiresAt, Optional<Duration> remaining, TokenStatus status, String detail) {
  }

  /** Audits the timed tokens among {@code instances}. */
  public static List<Finding> audit(List<ResourceInstance> instances, Instant now, Duration warnBefore) {
    List<Finding> findings = new ArrayList<>();
    for (ResourceInstance instance : instances) {
      if (instance.managed() && instance.type().equals(TYPE)) {
        findings.add(judge(instance, now, warnBefore));
      }
    }
    return findings;
  }

  /** The exit code for a set of findings: the worst status decides (expired, then unreadable, then expiring). */
  public static int exitCode(List<Finding> findings) {
    return findings.stream().map(Finding::status).max(Enum::compareTo).orElse(TokenStatus.VALID).exitCode();
  }

  private static Finding judge(ResourceInstance instance, Instant now, Duration warnBefore) {
    Optional<String> name = instance.text("name");
    Optional<String> id = instance.text("id");
    Optional<String> expiresText = instance.text("expires_at");
    if (instance.attributes() == null) {
      return new Finding(instance, name, id, expiresText, Optional.empty(), TokenStatus.UNREADABLE,
          "the state holds no attributes for this instance");
    }
    if (expiresText.isEmpty()) {
      boolean present = instance.attribute("expires_at").filter(v -> !v.isNull()).isPresent();
      return new Finding(instance, name, id, expiresText, Optional.empty(), TokenStatus.UNREADABLE,
          present ? "expires_at is not a string" : "expires_at is not set");
    }
    Instant expiresAt;
    try {
      expiresAt = ExpiryTimestamp.parse(expiresText.get());
    } catch (IllegalArgumentException bad) {
      return new Finding(instance, name, id, expiresText, Optional.empty(), TokenStatus.UNREADABLE,
          "expires_at " + bad.getMessage());
    }
    Optional<Duration> rotateBefore = rotateBefore(instance);
    Duration window = rotateBefore.filter(r -> r.compareTo(warnBefore) > 0).orElse(warnBefore);
    Duration remaining = Duration.between(now, expiresAt);
    RotationDecision decision = TimedToken.decide(expiresAt, now, Optional.of(window));
    String tainted = "tainted".equals(instance.status()) ? "; tainted: the next apply replaces it" : "";
    return switch (decision) {
      case EXPIRED -> new Finding(instance, name, id, expiresText, Optional.of(remaining), TokenStatus.EXPIRED,
          tainted.isEmpty() ? "" : tainted.substring(2));
      case DUE_IN_WINDOW -> new Finding(instance, name, id, expiresText, Optional.of(remaining),
          TokenStatus.EXPIRING, expiringDetail(remaining, warnBefore, rotateBefore) + tainted);
      case VALID -> new Finding(instance, name, id, expiresText, Optional.of(remaining), TokenStatus.VALID,
          tainted.isEmpty() ? "" : tainted.substring(2));
    };
  }

  private static String expiringDetail(Duration remaining, Duration warnBefore, Optional<Duration> rotateBefore) {
    String left = Durations.approximate(remaining) + " left";
    if (rotateBefore.isPresent() && remaining.compareTo(rotateBefore.get()) <= 0) {
      return left + ", inside rotate_before (" + Durations.format(rotateBefore.get())
          + "): the next refresh marks it for rotation";
    }
    return left + ", inside --warn-before (" + Durations.format(warnBefore) + ")";
  }

  private static Optional<Duration> rotateBefore(ResourceInstance instance) {
    try {
      return instance.text("rotate_before").map(TokenDuration::parse).map(TokenDuration::duration);
    } catch (IllegalArgumentException unreadable) {
      return Optional.empty();
    }
  }
}
