package io.pyvider.application.lifecycle;

import io.pyvider.application.component.EphemeralOpenResult;
import io.pyvider.application.component.EphemeralRenewResult;
import io.pyvider.application.component.EphemeralResource;
import io.pyvider.application.component.PrivateState;
import io.pyvider.application.port.in.Commands;
import io.pyvider.application.port.in.EphemeralResourceUseCase;
import io.pyvider.application.port.in.Outcomes;
import io.pyvider.application.port.out.SealingContext;
import io.pyvider.application.port.out.StateSealer;
import io.pyvider.domain.terraform.cty.CtyType;
import io.pyvider.domain.terraform.cty.Value;
import io.pyvider.domain.terraform.diag.Diagnostics;
import io.pyvider.domain.terraform.schema.Block;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The ephemeral-resource lifecycle: Open's result is checked the way Terraform checks it (a plan from nothing: known,
 * conforming, configured values kept), and the private data that carries the resource from Open to Renew and Close
 * is sealed, bound to the ephemeral kind, so it never opens as a managed resource's private state.
 */
public final class EphemeralResourceService implements EphemeralResourceUseCase {

  private static final byte[] NONE = new byte[0];

  private final ComponentCatalog catalog;
  private final ProviderSession session;
  private final PrivateStateVault vault;

  public EphemeralResourceService(ComponentCatalog catalog, ProviderSession session, StateSealer sealer) {
    this.catalog = catalog;
    this.session = session;
    this.vault = new PrivateStateVault(sealer);
  }

  private Optional<EphemeralResource> find(String typeName, Decoded decoded) {
    Optional<EphemeralResource> found = catalog.ephemeralResource(typeName);
    if (found.isEmpty()) {
      decoded.add(Diagnoses.unknownEphemeralResourceType(typeName));
    } else if (found.get().testOnly() && !session.testMode()) {
      decoded.add(Diagnoses.testOnly(typeName));
      return Optional.empty();
    }
    return found;
  }

  @Override
  public Diagnostics validate(Commands.ValidateConfig command) {
    Decoded decoded = new Decoded();
    Optional<EphemeralResource> found = find(command.typeName(), decoded);
    if (found.isEmpty()) {
      return decoded.diagnostics();
    }
    EphemeralResource ephemeral = found.get();
    Block block = ephemeral.schema().block();
    Value config = decoded.value(command.config(), block.impliedType(), "configuration");
    decoded.requireConfigured(block, config);
    if (!decoded.failed() && config instanceof Value.ObjectVal object) {
      session.attempt(ephemeral.typeName(), "validation", decoded, () -> ephemeral.validate(object, session.context()))
          .ifPresent(decoded::add);
    }
    return decoded.diagnostics();
  }

  @Override
  public Outcomes.OpenEphemeral open(Commands.OpenEphemeral command) {
    Decoded decoded = new Decoded();
    Optional<EphemeralResource> found = find(command.typeName(), decoded);
    if (found.isEmpty()) {
      return failedOpen(CtyType.DYNAMIC, decoded);
    }
    EphemeralResource ephemeral = found.get();
    Block block = ephemeral.schema().block();
    CtyType type = block.impliedType();
    Value config = decoded.value(command.config(), type, "configuration");
    decoded.requireConfigured(block, config);
    if (!decoded.failed() && !config.isWhollyKnown()) {
      decoded.add(Diagnoses.brokenRequest(command.typeName(), "OpenEphemeralResource",
          "the configuration still contains unknown values (Terraform defers opening until it is known)"));
    }
    if (decoded.failed() || !(config instanceof Value.ObjectVal object)) {
      return failedOpen(type, decoded);
    }
    // Terraform validates before it opens, but a client may not: an invalid configuration never opens.
    session.attempt(ephemeral.typeName(), "validation", decoded, () -> ephemeral.validate(object, session.context()))
        .ifPresent(decoded::add);
    if (decoded.failed()) {
      return failedOpen(type, decoded);
    }
    Optional<EphemeralOpenResult> result = session.attempt(ephemeral.typeName(), "open", decoded,
        () -> ephemeral.open(object, session.context()));
    if (result.isEmpty()) {
      return failedOpen(type, decoded);
    }
    EphemeralOpenResult opened = result.get();
    decoded.add(opened.diagnostics());
    if (opened.diagnostics().hasErrors()) {
      return failedOpen(type, decoded);
    }
    List<String> problems = new ArrayList<>(TerraformRules.planProblems(block, Value.nullOf(type), config,
        opened.result()));
    if (problems.isEmpty() && !opened.result().isWhollyKnown()) {
      problems.add("the opened value contains unknown values");
    }
    if (!problems.isEmpty()) {
      decoded.add(Diagnoses.brokenAnswer(command.typeName(), "ephemeral resource value", problems));
      return failedOpen(type, decoded);
    }
    PrivateStateVault.Sealing sealing =
        vault.seal(context(command.typeName()), opened.privateData(), PrivateState.ABSENT, NONE);
    if (sealing.error() != null) {
      // Without its private data Renew and Close could not find the value again: refuse to hand it out.
      decoded.add(sealing.error());
      return failedOpen(type, decoded);
    }
    return new Outcomes.OpenEphemeral(type, opened.result(), sealing.blob(), opened.renewAt(),
        decoded.diagnostics());
  }

  private static Outcomes.OpenEphemeral failedOpen(CtyType type, Decoded decoded) {
    return new Outcomes.OpenEphemeral(type, Value.nullOf(type), NONE, Optional.empty(), decoded.diagnostics());
  }

  @Override
  public Outcomes.RenewEphemeral renew(Commands.RenewEphemeral command) {
    Decoded decoded = new Decoded();
    Optional<EphemeralResource> found = find(command.typeName(), decoded);
    if (found.isEmpty()) {
      return new Outcomes.RenewEphemeral(NONE, Optional.empty(), decoded.diagnostics());
    }
    EphemeralResource ephemeral = found.get();
    SealingContext context = context(command.typeName());
    PrivateState opened = vault.open(context, command.privateData());
    Optional<EphemeralRenewResult> result = session.attempt(ephemeral.typeName(), "renewal", decoded,
        () -> ephemeral.renew(opened, session.context()));
    if (result.isEmpty()) {
      return new Outcomes.RenewEphemeral(NONE, Optional.empty(), decoded.diagnostics());
    }
    EphemeralRenewResult renewed = result.get();
    decoded.add(renewed.diagnostics());
    PrivateStateVault.Sealing sealing = vault.seal(context, renewed.privateData(), opened, command.privateData());
    if (sealing.error() != null) {
      decoded.add(sealing.error());
    }
    return new Outcomes.RenewEphemeral(sealing.blob(), renewed.renewAt(), decoded.diagnostics());
  }

  @Override
  public Diagnostics close(Commands.CloseEphemeral command) {
    Decoded decoded = new Decoded();
    Optional<EphemeralResource> found = find(command.typeName(), decoded);
    if (found.isEmpty()) {
      return decoded.diagnostics();
    }
    EphemeralResource ephemeral = found.get();
    PrivateState opened = vault.open(context(command.typeName()), command.privateData());
    session.attempt(ephemeral.typeName(), "close", decoded, () -> ephemeral.close(opened, session.context()))
        .ifPresent(decoded::add);
    return decoded.diagnostics();
  }

  private static SealingContext context(String typeName) {
    return SealingContext.ephemeral(typeName);
  }
}
