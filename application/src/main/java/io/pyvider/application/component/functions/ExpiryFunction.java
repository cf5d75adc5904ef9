package io.pyvider.application.component.functions;

import io.pyvider.application.component.FunctionResult;
import io.pyvider.domain.terraform.cty.CtyType;
import io.pyvider.domain.terraform.cty.Value;
import io.pyvider.domain.terraform.schema.FunctionDeclaration;
import io.pyvider.domain.token.ExpiryTimestamp;
import io.pyvider.domain.token.TokenDuration;
import java.time.Instant;
import java.util.List;

/**
 * {@code provider::pyvider::expiry(issued_at, lifetime)}: when a token issued at a time with a lifetime expires, in
 * the format pyvider_timed_token writes its {@code expires_at}, so the two compare as equal strings.
 */
public final class ExpiryFunction extends TextArgumentsFunction {

  private static final int ISSUED_AT = 0;
  private static final int LIFETIME = 1;

  public ExpiryFunction() {
    super(new FunctionDeclaration("expiry",
        "When a token issued at a given time with a given lifetime expires",
        "Adds a lifetime to an RFC 3339 timestamp and returns the expiry in the format of pyvider_timed_token's "
            + "`expires_at`: UTC with six fraction digits, YYYY-MM-DDTHH:MM:SS.ffffff+00:00. "
            + "expiry(\"2025-06-30T23:59:30+02:00\", \"45s\") is \"2025-06-30T22:00:15.000000+00:00\". The function "
            + "reads no clock: pass plantimestamp() or a stored time, so plan and apply agree. The lifetime uses "
            + "the timed token's syntax and must be at least one second.",
        List.of(
            text("issued_at", "When the token was issued, as RFC 3339 with Z or an offset, such as "
                + "plantimestamp() returns."),
            text("lifetime", "How long the token lives, such as \"1h\" or \"1h30m\".")),
        CtyType.STRING));
  }

  @Override
  FunctionResult compute(FunctionArguments arguments) throws FunctionArguments.InvalidArgument {
    Instant issuedAt = arguments.timestamp(ISSUED_AT);
    TokenDuration lifetime = arguments.duration(LIFETIME);
    if (lifetime.isZero()) {
      // The same rule as the timed token's lifetime: a token that expires as it is issued is never usable.
      return FunctionResult.badArgument(LIFETIME, "A token's lifetime must be at least one second.");
    }
    Instant expiresAt = issuedAt.plus(lifetime.duration());
    if (expiresAt.isAfter(ExpiryTimestamp.LATEST)) {
      return FunctionResult.badArgument(LIFETIME, "The expiry would fall after the year 9999, which the timestamp "
          + "format cannot write.");
    }
    return FunctionResult.of(Value.string(ExpiryTimestamp.format(expiresAt)));
  }
}
