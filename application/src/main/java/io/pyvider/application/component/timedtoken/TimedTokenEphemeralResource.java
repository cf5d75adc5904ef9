package io.pyvider.application.component.timedtoken;

import static io.pyvider.application.component.Attributes.knownString;
import static io.pyvider.application.component.timedtoken.TimedTokenSchema.DEFAULT_LIFETIME;
import static io.pyvider.application.component.timedtoken.TimedTokenSchema.EXPIRES_AT;
import static io.pyvider.application.component.timedtoken.TimedTokenSchema.ID;
import static io.pyvider.application.component.timedtoken.TimedTokenSchema.LIFETIME;
import static io.pyvider.application.component.timedtoken.TimedTokenSchema.NAME;
import static io.pyvider.application.component.timedtoken.TimedTokenSchema.TOKEN;
import static io.pyvider.application.component.timedtoken.TimedTokenSchema.TYPE_NAME;

import io.pyvider.application.component.EphemeralOpenResult;
import io.pyvider.application.component.EphemeralRenewResult;
import io.pyvider.application.component.EphemeralResource;
import io.pyvider.application.component.PrivateState;
import io.pyvider.application.component.ProviderContext;
import io.pyvider.application.port.out.Clock;
import io.pyvider.application.port.out.IdGenerator;
import io.pyvider.application.port.out.PrivateData;
import io.pyvider.domain.terraform.cty.Value;
import io.pyvider.domain.terraform.diag.Diagnostic;
import io.pyvider.domain.terraform.diag.Diagnostics;
import io.pyvider.domain.terraform.schema.Schema;
import io.pyvider.domain.token.ExpiryTimestamp;
import io.pyvider.domain.token.TimedToken;
import io.pyvider.domain.token.TokenDuration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The ephemeral {@code pyvider_timed_token} (Terraform 1.10): every Open issues a new token that lives only in
 * Terraform's memory. The private data Terraform carries to Renew and Close names the token and its expiry, never the
 * secret, and the engine seals it. Terraform renews at {@code renew_at}, which is the expiry: a run that outlives its
 * token hears about it then, instead of failing later with a token the far side rejects.
 */
public final class TimedTokenEphemeralResource implements EphemeralResource {

  static final String PRIVATE_ID = "id";
  static final String PRIVATE_NAME = "name";
  static final String PRIVATE_EXPIRES_AT = "expires_at";

  private final Clock clock;
  private final IdGenerator ids;

  public TimedTokenEphemeralResource(Clock clock, IdGenerator ids) {
    this.clock = clock;
    this.ids = ids;
  }

  @Override
  public String typeName() {
    return TYPE_NAME;
  }

  @Override
  public Schema schema() {
    return TimedTokenEphemeralSchema.SCHEMA;
  }

  @Override
  public Diagnostics validate(Value.ObjectVal config, ProviderContext provider) {
    List<Diagnostic> problems = new ArrayList<>();
    TokenConfigRules.nameAndLifetime(config, problems);
    return Diagnostics.of(problems);
  }

  @Override
  public EphemeralOpenResult open(Value.ObjectVal config, ProviderContext provider) {
    String lifetimeText = knownString(config, LIFETIME).orElse(DEFAULT_LIFETIME);
    TimedToken token = TimedToken.issue(ids.newTokenId(), knownString(config, NAME).orElse(""),
        ids.newTokenSecret(), clock.now(), TokenDuration.parse(lifetimeText).duration());
    Value.ObjectVal result = config
        .with(LIFETIME, Value.string(lifetimeText))
        .with(ID, Value.string(token.id().value()))
        .with(TOKEN, Value.string(token.secret().reveal()))
        .with(EXPIRES_AT, Value.string(token.expiresAtText()));
    PrivateData opened = PrivateData.of(Map.of(PRIVATE_ID, token.id().value(), PRIVATE_NAME, token.name(),
        PRIVATE_EXPIRES_AT, token.expiresAtText()));
    // Renew at the expiry as written (microseconds), never a fraction of a microsecond after it.
    Instant renewAt = ExpiryTimestamp.parse(token.expiresAtText());
    return new EphemeralOpenResult(result, opened, Optional.of(renewAt), Diagnostics.NONE);
  }

  @Override
  public EphemeralRenewResult renew(PrivateState opened, ProviderContext provider) {
    Optional<Opened> token = Opened.from(opened);
    if (token.isEmpty()) {
      return new EphemeralRenewResult(PrivateData.EMPTY, Optional.empty(), Diagnostics.of(unidentified(opened,
          "renew")));
    }
    PrivateData data = ((PrivateState.Opened) opened).data();
    Instant now = clock.now();
    if (!now.isBefore(token.get().expiresAt())) {
      // Nothing can extend a token that has expired: say so once, and ask for no further renewal.
      return new EphemeralRenewResult(data, Optional.empty(), Diagnostics.of(Diagnostic.warning(
          "Ephemeral token expired during the run", "The ephemeral pyvider_timed_token \"" + token.get().name()
              + "\" (" + token.get().id() + ") expired at " + ExpiryTimestamp.format(token.get().expiresAt())
              + ", while Terraform was still using it. Anything that received it may reject it now; give the "
              + "token a longer lifetime than the run takes.")));
    }
    return new EphemeralRenewResult(data, Optional.of(token.get().expiresAt()), Diagnostics.NONE);
  }

  @Override
  public Diagnostics close(PrivateState opened, ProviderContext provider) {
    // A token lives only in this run's memory: closing has nothing to revoke, only its private data to check.
    return Opened.from(opened).isPresent() ? Diagnostics.NONE : Diagnostics.of(unidentified(opened, "close"));
  }

  private static Diagnostic unidentified(PrivateState opened, String operation) {
    String why = opened instanceof PrivateState.Unreadable unreadable ? "its private data could not be opened ("
        + unreadable.detail() + ")" : opened instanceof PrivateState.Absent ? "Terraform sent no private data"
        : "its private data does not describe a token";
    return Diagnostic.warning("Cannot " + operation + " the ephemeral pyvider_timed_token",
        "The token to " + operation + " could not be identified: " + why + ". The token itself is unaffected "
            + "and expires at its expires_at.");
  }

  /** The token an Open described in its private data. */
  private record Opened(String id, String name, Instant expiresAt) {
    static Optional<Opened> from(PrivateState state) {
      if (!(state instanceof PrivateState.Opened opened)) {
        return Optional.empty();
      }
      Optional<String> id = opened.data().get(PRIVATE_ID);
      Optional<String> expiresAt = opened.data().get(PRIVATE_EXPIRES_AT);
      if (id.isEmpty() || expiresAt.isEmpty()) {
        return Optional.empty();
      }
      try {
        return Optional.of(new Opened(id.get(), opened.data().get(PRIVATE_NAME).orElse(""),
            ExpiryTimestamp.parse(expiresAt.get())));
      } catch (IllegalArgumentException unreadable) {
        return Optional.empty();
      }
    }
  }
}
