package io.pyvider.application.component.timedtoken;

import static io.pyvider.application.component.Attributes.knownString;
import static io.pyvider.application.component.timedtoken.TimedTokenSchema.LIFETIME;
import static io.pyvider.application.component.timedtoken.TimedTokenSchema.NAME;

import io.pyvider.domain.terraform.cty.AttributePath;
import io.pyvider.domain.terraform.cty.Value;
import io.pyvider.domain.terraform.diag.Diagnostic;
import io.pyvider.domain.token.TokenDuration;
import java.util.List;
import java.util.Optional;

/** The configuration rules the managed and the ephemeral timed token share, so both say the same thing. */
final class TokenConfigRules {

  private TokenConfigRules() {
  }

  /** Checks {@code name} and {@code lifetime}; returns the lifetime when it is known and valid. */
  static Optional<TokenDuration> nameAndLifetime(Value.ObjectVal config, List<Diagnostic> problems) {
    knownString(config, NAME).filter(String::isBlank).ifPresent(name -> problems.add(Diagnostic.error(
        AttributePath.attribute(NAME), "Invalid token name", "The name must not be empty.")));
    Optional<TokenDuration> lifetime = duration(config, LIFETIME, problems);
    if (lifetime.filter(TokenDuration::isZero).isPresent()) {
      problems.add(Diagnostic.error(AttributePath.attribute(LIFETIME), "Invalid lifetime",
          "A token's lifetime must be at least one second."));
      return Optional.empty();
    }
    return lifetime;
  }

  /** A duration attribute when known and valid; an error with its path when it does not parse. */
  static Optional<TokenDuration> duration(Value.ObjectVal config, String attribute, List<Diagnostic> problems) {
    Optional<String> text = knownString(config, attribute);
    if (text.isEmpty()) {
      return Optional.empty();
    }
    try {
      return Optional.of(TokenDuration.parse(text.get()));
    } catch (IllegalArgumentException bad) {
      problems.add(Diagnostic.error(AttributePath.attribute(attribute), "Invalid " + attribute, bad.getMessage()));
      return Optional.empty();
    }
  }
}
