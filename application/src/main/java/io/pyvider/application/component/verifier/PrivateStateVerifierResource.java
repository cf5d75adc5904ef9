package io.pyvider.application.component.verifier;

import static io.pyvider.application.component.Attributes.knownString;
import static io.pyvider.application.component.verifier.PrivateStateVerifierSchema.*;

import io.pyvider.application.component.ApplyRequest;
import io.pyvider.application.component.ApplyResult;
import io.pyvider.application.component.ManagedResource;
import io.pyvider.application.component.PlanRequest;
import io.pyvider.application.component.PlanResult;
import io.pyvider.application.component.PrivateState;
import io.pyvider.application.component.ReadRequest;
import io.pyvider.application.component.ReadResult;
import io.pyvider.application.port.out.PrivateData;
import io.pyvider.domain.terraform.cty.AttributePath;
import io.pyvider.domain.terraform.cty.CtyType;
import io.pyvider.domain.terraform.cty.Refinements;
import io.pyvider.domain.terraform.cty.Value;
import io.pyvider.domain.terraform.diag.Diagnostic;
import io.pyvider.domain.terraform.diag.Diagnostics;
import io.pyvider.domain.terraform.schema.Schema;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * {@code pyvider_private_state_verifier} (test-only): the plan seals {@code SECRET_FOR_<INPUT>} into planned private
 * state, the apply reads it from there. A new {@code input_value} replaces the resource, so the secret is derived
 * again instead of going stale as it did in the Python provider.
 */
public final class PrivateStateVerifierResource implements ManagedResource {

  @Override
  public String typeName() {
    return TYPE_NAME;
  }

  @Override
  public Schema schema() {
    return SCHEMA;
  }

  @Override
  public boolean testOnly() {
    return true;
  }

  @Override
  public PlanResult plan(PlanRequest request) {
    if (request.isDestroy()) {
      return new PlanResult(Value.nullOf(SCHEMA.block().impliedType()), PrivateData.EMPTY, List.of(),
          Diagnostics.NONE);
    }
    Value.ObjectVal config = (Value.ObjectVal) request.config();
    if (!request.isCreate()) {
      Value.ObjectVal prior = (Value.ObjectVal) request.prior();
      if (prior.get(INPUT_VALUE).equals(config.get(INPUT_VALUE))) {
        // Nothing to do: keep the state and whatever private state it has.
        PrivateData kept = request.priorPrivate() instanceof PrivateState.Opened opened ? opened.data()
            : PrivateData.EMPTY;
        return new PlanResult(prior, kept, List.of(), Diagnostics.NONE);
      }
    }
    Value.ObjectVal planned = ((Value.ObjectVal) request.proposed()).with(DECRYPTED_TOKEN,
        Value.unknown(CtyType.STRING, Refinements.notNull().withStringPrefix(SECRET_PREFIX)));
    // An unknown input is planned without a secret; Terraform plans again at apply time with the known value.
    PrivateData secret = knownString(config, INPUT_VALUE)
        .map(input -> PrivateData.of(Map.of(PRIVATE_SECRET_TOKEN, secretFor(input))))
        .orElse(PrivateData.EMPTY);
    List<AttributePath> replace = request.isCreate() ? List.of() : List.of(AttributePath.attribute(INPUT_VALUE));
    return new PlanResult(planned, secret, replace, Diagnostics.NONE);
  }

  static String secretFor(String input) {
    return SECRET_PREFIX + input.toUpperCase(Locale.ROOT);
  }

  @Override
  public ApplyResult apply(ApplyRequest request) {
    if (request.isDestroy()) {
      return new ApplyResult(Value.nullOf(SCHEMA.block().impliedType()), PrivateData.EMPTY, Diagnostics.NONE);
    }
    Value.ObjectVal planned = (Value.ObjectVal) request.planned();
    PrivateState plannedPrivate = request.plannedPrivate();
    Optional<String> secret = plannedPrivate instanceof PrivateState.Opened opened
        ? opened.data().get(PRIVATE_SECRET_TOKEN) : Optional.empty();
    if (secret.isEmpty()) {
      String why = plannedPrivate instanceof PrivateState.Unreadable unreadable
          ? "the planned private state arrived but could not be opened: " + unreadable.detail()
          : "no planned private state (or no secret_token in it) reached ApplyResourceChange";
      return new ApplyResult(request.prior(), PrivateData.EMPTY, Diagnostics.of(Diagnostic.error(
          "Apply phase failed: private state was not received",
          "pyvider_private_state_verifier reads decrypted_token only from the private state its plan sealed, and "
              + why + ". Terraform must pass PlanResourceChange's planned_private to ApplyResourceChange.")));
    }
    Value.ObjectVal applied = planned.with(DECRYPTED_TOKEN, Value.string(secret.get()));
    return new ApplyResult(applied, ((PrivateState.Opened) plannedPrivate).data(), Diagnostics.NONE);
  }

  @Override
  public ReadResult read(ReadRequest request) {
    if (request.privateState() instanceof PrivateState.Opened opened) {
      return new ReadResult(request.current(), opened.data(), Diagnostics.NONE);
    }
    Diagnostics notes = request.privateState() instanceof PrivateState.Unreadable unreadable
        ? Diagnostics.of(Diagnostic.warning("Private state of pyvider_private_state_verifier could not be unsealed",
            unreadable.detail() + ". The state is kept as it is; the private state is dropped."))
        : Diagnostics.NONE;
    return new ReadResult(request.current(), PrivateData.EMPTY, notes);
  }
}
