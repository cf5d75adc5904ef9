package io.pyvider.application.component.timedtoken;

import static io.pyvider.application.component.Attributes.knownBool;
import static io.pyvider.application.component.Attributes.knownString;
import static io.pyvider.application.component.timedtoken.TimedTokenSchema.*;

import io.pyvider.application.component.ApplyRequest;
import io.pyvider.application.component.ApplyResult;
import io.pyvider.application.component.ImportResult;
import io.pyvider.application.component.ManagedResource;
import io.pyvider.application.component.PlanRequest;
import io.pyvider.application.component.PlanResult;
import io.pyvider.application.component.PrivateState;
import io.pyvider.application.component.ProviderContext;
import io.pyvider.application.component.ReadRequest;
import io.pyvider.application.component.ReadResult;
import io.pyvider.application.component.UpgradeResult;
import io.pyvider.application.port.out.Clock;
import io.pyvider.application.port.out.IdGenerator;
import io.pyvider.application.port.out.PrivateData;
import io.pyvider.domain.terraform.cty.AttributePath;
import io.pyvider.domain.terraform.cty.CtyType;
import io.pyvider.domain.terraform.cty.Refinements;
import io.pyvider.domain.terraform.cty.Value;
import io.pyvider.domain.terraform.diag.Diagnostic;
import io.pyvider.domain.terraform.diag.Diagnostics;
import io.pyvider.domain.terraform.schema.IdentitySchema;
import io.pyvider.domain.terraform.schema.Schema;
import io.pyvider.domain.token.RotationDecision;
import io.pyvider.domain.token.TimedToken;
import io.pyvider.domain.token.TokenDuration;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * {@code pyvider_timed_token}: issues a token at apply, keeps a sealed copy in private state, and rotates it the way
 * the TLS provider renews certificates: a refresh marks {@code ready_for_rotation}, the next plan replaces.
 */
public final class TimedTokenResource implements ManagedResource {

  static final String PRIVATE_TOKEN = "token";
  static final String PRIVATE_EXPIRES_AT = "expires_at";

  static final IdentitySchema IDENTITY = new IdentitySchema(0, List.of(new IdentitySchema.IdentityAttribute(ID,
      CtyType.STRING, true, false, "The token's id, `timed-token-id-{uuid}`. Import by identity is refused like "
          + "import by id: the secret exists only in the state that created the token.")));

  private final Clock clock;
  private final IdGenerator ids;

  public TimedTokenResource(Clock clock, IdGenerator ids) {
    this.clock = clock;
    this.ids = ids;
  }

  @Override
  public String typeName() {
    return TYPE_NAME;
  }

  @Override
  public Schema schema() {
    return SCHEMA;
  }

  @Override
  public Diagnostics validate(Value.ObjectVal config, ProviderContext provider) {
    List<Diagnostic> problems = new ArrayList<>();
    Optional<TokenDuration> lifetime = TokenConfigRules.nameAndLifetime(config, problems);
    Optional<TokenDuration> rotateBefore = TokenConfigRules.duration(config, ROTATE_BEFORE, problems);
    if (rotateBefore.isPresent()) {
      Duration life = lifetime.map(TokenDuration::duration).orElse(TimedToken.DEFAULT_LIFETIME);
      boolean lifetimeKnown = lifetime.isPresent() || config.get(LIFETIME).isNull();
      if (lifetimeKnown && rotateBefore.get().duration().compareTo(life) >= 0) {
        problems.add(Diagnostic.error(AttributePath.attribute(ROTATE_BEFORE), "rotate_before is not shorter than "
            + "lifetime", "rotate_before (" + rotateBefore.get() + ") must be shorter than the token's lifetime ("
            + lifetime.map(TokenDuration::text).orElse(DEFAULT_LIFETIME) + "), or every token would be due for "
            + "rotation as soon as it is issued."));
      }
    }
    return Diagnostics.of(problems);
  }

  @Override
  public PlanResult plan(PlanRequest request) {
    if (request.isDestroy()) {
      return new PlanResult(Value.nullOf(SCHEMA.block().impliedType()), PrivateData.EMPTY, List.of(),
          Diagnostics.NONE);
    }
    Value.ObjectVal config = (Value.ObjectVal) request.config();
    Value.ObjectVal planned = ((Value.ObjectVal) request.proposed()).with(LIFETIME, lifetimeOrDefault(config));
    if (request.isCreate()) {
      return new PlanResult(awaitingIssue(planned), PrivateData.EMPTY, List.of(), Diagnostics.NONE);
    }
    Value.ObjectVal prior = (Value.ObjectVal) request.prior();
    List<AttributePath> replace = new ArrayList<>();
    for (String trigger : List.of(LIFETIME, KEEPERS)) {
      if (!planned.get(trigger).equals(prior.get(trigger))) {
        replace.add(AttributePath.attribute(trigger));
      }
    }
    boolean otherwiseNoOp = replace.isEmpty() && planned.equals(prior);
    if (dueForRotation(prior, otherwiseNoOp)) {
      // The TLS provider's renewal pattern: an unknown flag on a requires-replace path makes a normal -/+ plan.
      planned = planned.with(READY_FOR_ROTATION, Value.unknown(CtyType.BOOL, Refinements.notNull()));
      replace.add(AttributePath.attribute(READY_FOR_ROTATION));
    }
    if (!replace.isEmpty()) {
      return new PlanResult(planned, PrivateData.EMPTY, replace, Diagnostics.NONE);
    }
    Carried carried = carry(request.priorPrivate(), prior);
    return new PlanResult(planned, carried.data(), List.of(), carried.diagnostics());
  }

  /**
   * Due when the last refresh said so; the clock decides only for a plan that would otherwise change nothing (as with
   * {@code -refresh=false}). An update is re-planned at apply, possibly much later from a saved plan, and must then
   * keep its action: only the refreshed flag, which the re-plan sees unchanged, may turn it into a replacement.
   */
  private boolean dueForRotation(Value.ObjectVal prior, boolean otherwiseNoOp) {
    if (knownBool(prior, READY_FOR_ROTATION).orElse(false)) {
      return true;
    }
    if (!otherwiseNoOp) {
      return false;
    }
    // Otherwise a no-op: the planned object equals the prior one, rotate_before included.
    Optional<Instant> expiry = knownString(prior, EXPIRES_AT).flatMap(TimedTokenResource::parseExpiry);
    return expiry.map(at -> TimedToken.decide(at, clock.now(), window(prior)).isDue()).orElse(false);
  }

  private static Value.ObjectVal awaitingIssue(Value.ObjectVal planned) {
    return planned
        .with(ID, Value.unknown(CtyType.STRING, Refinements.notNull().withStringPrefix("timed-token-id-")))
        .with(TOKEN, Value.unknown(CtyType.STRING, Refinements.notNull().withStringPrefix("token-")))
        .with(EXPIRES_AT, Value.unknown(CtyType.STRING, Refinements.notNull()))
        .with(READY_FOR_ROTATION, Value.bool(false));
  }

  private static Value lifetimeOrDefault(Value.ObjectVal config) {
    Value configured = config.get(LIFETIME);
    return configured.isNull() ? Value.string(DEFAULT_LIFETIME) : configured;
  }

  @Override
  public ApplyResult apply(ApplyRequest request) {
    if (request.isDestroy()) {
      // Tokens live only in state: destroying is forgetting them.
      return new ApplyResult(Value.nullOf(SCHEMA.block().impliedType()), PrivateData.EMPTY, Diagnostics.NONE);
    }
    Value.ObjectVal planned = (Value.ObjectVal) request.planned();
    if (request.isCreate()) {
      Duration lifetime = knownString(planned, LIFETIME).map(TokenDuration::parse).map(TokenDuration::duration)
          .orElse(TimedToken.DEFAULT_LIFETIME);
      String name = knownString(planned, NAME).orElse("");
      TimedToken token = TimedToken.issue(ids.newTokenId(), name, ids.newTokenSecret(), clock.now(), lifetime);
      Value.ObjectVal issued = planned
          .with(ID, Value.string(token.id().value()))
          .with(TOKEN, Value.string(token.secret().reveal()))
          .with(EXPIRES_AT, Value.string(token.expiresAtText()))
          .with(READY_FOR_ROTATION, Value.bool(false));
      return new ApplyResult(issued, sealedCopy(issued), Diagnostics.NONE);
    }
    Carried carried = carry(request.plannedPrivate(), planned);
    return new ApplyResult(planned, carried.data(), carried.diagnostics());
  }

  @Override
  public ReadResult read(ReadRequest request) {
    Value.ObjectVal current = request.current();
    List<Diagnostic> notes = new ArrayList<>();
    PrivateState privateState = request.privateState();
    if (privateState instanceof PrivateState.Opened opened) {
      // The sealed copy is the source of truth for the secret and its expiry, as in the Python provider.
      Optional<String> token = opened.data().get(PRIVATE_TOKEN);
      Optional<String> expiresAt = opened.data().get(PRIVATE_EXPIRES_AT);
      if (token.isPresent() && expiresAt.isPresent()) {
        current = current.with(TOKEN, Value.string(token.get())).with(EXPIRES_AT, Value.string(expiresAt.get()));
      }
    } else if (privateState instanceof PrivateState.Unreadable unreadable) {
      notes.add(unreadableWarning(unreadable));
    }
    boolean due;
    Optional<String> expiryText = knownString(current, EXPIRES_AT);
    Optional<Instant> expiry = expiryText.flatMap(TimedTokenResource::parseExpiry);
    if (expiryText.isPresent() && expiry.isEmpty()) {
      notes.add(Diagnostic.warning(AttributePath.attribute(EXPIRES_AT), "Unreadable token expiry",
          "expires_at is not an ISO 8601 timestamp, so the token is treated as expired and will be re-issued."));
      due = true;
    } else {
      RotationDecision decision = expiry.map(at -> TimedToken.decide(at, clock.now(), window(request.current())))
          .orElse(RotationDecision.VALID);
      due = decision.isDue();
    }
    Value.ObjectVal refreshed = current.with(READY_FOR_ROTATION, Value.bool(due));
    return new ReadResult(refreshed, sealedCopy(refreshed), Diagnostics.of(notes));
  }

  @Override
  public Optional<IdentitySchema> identitySchema() {
    return Optional.of(IDENTITY);
  }

  @Override
  public Optional<Value.ObjectVal> identityOf(Value.ObjectVal state) {
    return Optional.of(Value.ObjectVal.of(Map.of(ID, state.get(ID))));
  }

  /** Refused for the same reason as import by id, and said the same way. */
  @Override
  public ImportResult importByIdentity(Value.ObjectVal identity, ProviderContext provider) {
    return importState(knownString(identity, ID).orElse(""), provider);
  }

  @Override
  public ImportResult importState(String id, ProviderContext provider) {
    return ImportResult.refused(Diagnostic.error("pyvider_timed_token cannot be imported",
        "A timed token's secret is generated by this provider and exists only in the Terraform state that created "
            + "it, so an id alone (\"" + id + "\") cannot recover it. To move an existing token to a new address, "
            + "use a moved block or `terraform state mv`; to get a new token, declare the resource and apply."));
  }

  @Override
  public Optional<CtyType.ObjectOf> stateTypeAt(long version) {
    // Versions 0 and 1 (the Python provider) stored a subset of today's attributes; the JSON decoder fills the
    // missing ones with null, so the current type reads them all.
    return version <= VERSION ? Optional.of(SCHEMA.block().impliedType()) : Optional.empty();
  }

  @Override
  public UpgradeResult upgrade(long version, Value.ObjectVal stored) {
    Value.ObjectVal upgraded = stored;
    if (upgraded.get(LIFETIME).isNull()) {
      upgraded = upgraded.with(LIFETIME, Value.string(DEFAULT_LIFETIME));
    }
    if (upgraded.get(READY_FOR_ROTATION).isNull()) {
      upgraded = upgraded.with(READY_FOR_ROTATION, Value.bool(false));
    }
    return UpgradeResult.of(upgraded);
  }

  private static Optional<Duration> window(Value.ObjectVal state) {
    try {
      return knownString(state, ROTATE_BEFORE).map(TokenDuration::parse).map(TokenDuration::duration);
    } catch (IllegalArgumentException invalid) {
      return Optional.empty();
    }
  }

  private static Optional<Instant> parseExpiry(String text) {
    try {
      return Optional.of(io.pyvider.domain.token.ExpiryTimestamp.parse(text));
    } catch (IllegalArgumentException invalid) {
      return Optional.empty();
    }
  }

  /** The private data for a state: the token and its expiry, as the Python provider stored them. */
  private static PrivateData sealedCopy(Value.ObjectVal state) {
    Optional<String> token = knownString(state, TOKEN);
    Optional<String> expiresAt = knownString(state, EXPIRES_AT);
    if (token.isEmpty() || expiresAt.isEmpty()) {
      return PrivateData.EMPTY;
    }
    Map<String, String> fields = new TreeMap<>();
    fields.put(PRIVATE_TOKEN, token.get());
    fields.put(PRIVATE_EXPIRES_AT, expiresAt.get());
    return PrivateData.of(fields);
  }

  /** Private data carried through an in-place update: the sealed copy if it opened, else rebuilt from state. */
  private static Carried carry(PrivateState privateState, Value.ObjectVal state) {
    if (privateState instanceof PrivateState.Opened opened && opened.data().get(PRIVATE_TOKEN).isPresent()) {
      return new Carried(opened.data(), Diagnostics.NONE);
    }
    Diagnostics notes = privateState instanceof PrivateState.Unreadable unreadable
        ? Diagnostics.of(unreadableWarning(unreadable)) : Diagnostics.NONE;
    return new Carried(sealedCopy(state), notes);
  }

  private static Diagnostic unreadableWarning(PrivateState.Unreadable unreadable) {
    return Diagnostic.warning("Private state of pyvider_timed_token could not be unsealed",
        "The private state could not be opened: " + unreadable.detail() + ". The token and expiry in the Terraform "
            + "state are kept and will be sealed again with the current key. If the shared secret was changed on "
            + "purpose, list the old one in PYVIDER_PRIVATE_STATE_PREVIOUS_SECRETS to keep reading older state.");
  }

  private record Carried(PrivateData data, Diagnostics diagnostics) {
  }
}
