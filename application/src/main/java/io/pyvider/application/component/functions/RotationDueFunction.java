package io.pyvider.application.component.functions;

import io.pyvider.application.component.FunctionResult;
import io.pyvider.domain.terraform.cty.CtyType;
import io.pyvider.domain.terraform.cty.Value;
import io.pyvider.domain.terraform.schema.FunctionDeclaration;
import io.pyvider.domain.token.TimedToken;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * {@code provider::pyvider::rotation_due(expires_at, at, rotate_before)}: whether a token is due for re-issue at a
 * given time, by the rule pyvider_timed_token applies on refresh.
 */
public final class RotationDueFunction extends TextArgumentsFunction {

  private static final int EXPIRES_AT = 0;
  private static final int AT = 1;
  private static final int ROTATE_BEFORE = 2;

  public RotationDueFunction() {
    super(new FunctionDeclaration("rotation_due",
        "Whether a token is due for rotation at a given time",
        "True when `at` is at or after `expires_at` minus `rotate_before`: the token has expired or is inside its "
            + "rotation window, the rule pyvider_timed_token applies to `ready_for_rotation`. The function reads no "
            + "clock: pass plantimestamp() or another fixed time as `at`, so plan and apply agree. Timestamps are "
            + "RFC 3339 (a timed token's `expires_at` is); `rotate_before` is a duration such as \"15m\", and "
            + "\"0s\" means due only once expired.",
        List.of(
            text("expires_at", "When the token expires, as RFC 3339, such as a pyvider_timed_token's `expires_at`."),
            text("at", "The time to judge at, as RFC 3339, such as plantimestamp()."),
            text("rotate_before", "How long before the expiry rotation is due, such as \"15m\".")),
        CtyType.BOOL));
  }

  @Override
  FunctionResult compute(FunctionArguments arguments) throws FunctionArguments.InvalidArgument {
    Instant expiresAt = arguments.timestamp(EXPIRES_AT);
    Instant at = arguments.timestamp(AT);
    Optional<Duration> rotateBefore = Optional.of(arguments.duration(ROTATE_BEFORE).duration());
    return FunctionResult.of(Value.bool(TimedToken.decide(expiresAt, at, rotateBefore).isDue()));
  }
}
