package io.pyvider.application.lifecycle;

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
import io.pyvider.application.port.in.Commands;
import io.pyvider.application.port.in.ManagedResourceUseCase;
import io.pyvider.application.port.in.WireValue;
import io.pyvider.application.port.in.Outcomes;
import io.pyvider.application.port.out.StateSealer;
import io.pyvider.domain.terraform.cty.AttributePath;
import io.pyvider.domain.terraform.cty.CtyType;
import io.pyvider.domain.terraform.cty.Value;
import io.pyvider.domain.terraform.diag.Diagnostic;
import io.pyvider.domain.terraform.diag.Diagnostics;
import io.pyvider.domain.terraform.schema.Block;
import io.pyvider.domain.terraform.schema.IdentitySchema;
import java.util.List;
import java.util.Optional;

/**
 * The managed-resource lifecycle (terraform-plugin-framework's fwserver, in plain Java): finds the component, decodes
 * with its schema, opens private state, calls the component, checks the answer against Terraform's rules, seals the
 * private state again. Nothing escapes as an exception.
 */
public final class ResourceLifecycleService implements ManagedResourceUseCase {

  private static final byte[] NONE = new byte[0];

  private final ComponentCatalog catalog;
  private final ProviderSession session;
  private final PrivateStateVault vault;

  public ResourceLifecycleService(ComponentCatalog catalog, ProviderSession session, StateSealer sealer) {
    this.catalog = catalog;
    this.session = session;
    this.vault = new PrivateStateVault(sealer);
  }

  private Optional<ManagedResource> find(String typeName, Decoded decoded) {
    Optional<ManagedResource> resource = catalog.resource(typeName);
    if (resource.isEmpty()) {
      decoded.add(Diagnoses.unknownResourceType(typeName));
    } else if (resource.get().testOnly() && !session.testMode()) {
      decoded.add(Diagnoses.testOnly(typeName));
      return Optional.empty();
    }
    return resource;
  }

  @Override
  public boolean waitsOnHost(String typeName) {
    return catalog.resource(typeName).map(ManagedResource::waitsOnHost).orElse(false);
  }

  @Override
  public Diagnostics validate(Commands.ValidateConfig command) {
    Decoded decoded = new Decoded();
    Optional<ManagedResource> found = find(command.typeName(), decoded);
    if (found.isEmpty()) {
      return decoded.diagnostics();
    }
    ManagedResource resource = found.get();
    Block block = resource.schema().block();
    Value config = decoded.value(command.config(), block.impliedType(), "configuration");
    decoded.requireConfigured(block, config);
    if (!decoded.failed() && config instanceof Value.ObjectVal object) {
      session.attempt(resource.typeName(), "validation", decoded, () -> resource.validate(object, session.context()))
          .ifPresent(decoded::add);
    }
    return decoded.diagnostics();
  }

  @Override
  public Outcomes.PlanResource plan(Commands.PlanResource command) {
    Decoded decoded = new Decoded();
    Optional<ManagedResource> found = find(command.typeName(), decoded);
    if (found.isEmpty()) {
      return new Outcomes.PlanResource(CtyType.DYNAMIC, Value.nullOf(CtyType.DYNAMIC), NONE, List.of(),
          decoded.diagnostics());
    }
    ManagedResource resource = found.get();
    Block block = resource.schema().block();
    CtyType type = block.impliedType();
    Value prior = decoded.value(command.prior(), type, "prior state");
    Value proposed = decoded.value(command.proposed(), type, "proposed new state");
    Value config = decoded.value(command.config(), type, "configuration");
    decoded.requireConfigured(block, config);
    if (decoded.failed()) {
      return new Outcomes.PlanResource(type, prior, NONE, List.of(), decoded.diagnostics());
    }
    PrivateState priorPrivate = vault.open(command.typeName(), command.priorPrivate());
    ProviderContext context = session.context();
    Optional<PlanResult> result = session.attempt(resource.typeName(), "planning", decoded,
        () -> resource.plan(new PlanRequest(prior, proposed, config, priorPrivate, context)));
    if (result.isEmpty()) {
      return new Outcomes.PlanResource(type, prior, NONE, List.of(), decoded.diagnostics());
    }
    PlanResult plan = result.get();
    decoded.add(plan.diagnostics());
    if (plan.diagnostics().hasErrors()) {
      return new Outcomes.PlanResource(type, prior, NONE, List.of(), decoded.diagnostics());
    }
    Value planned = WriteOnlyValues.nulled(block, plan.planned());
    List<String> problems = TerraformRules.planProblems(block, prior, config, planned);
    if (!problems.isEmpty()) {
      decoded.add(Diagnoses.brokenAnswer(command.typeName(), "plan", problems));
      return new Outcomes.PlanResource(type, prior, NONE, List.of(), decoded.diagnostics());
    }
    PrivateStateVault.Sealing sealing =
        vault.seal(command.typeName(), plan.plannedPrivate(), priorPrivate, command.priorPrivate());
    if (sealing.error() != null) {
      decoded.add(sealing.error());
    }
    List<AttributePath> replace = prior.isNull() || planned.isNull() ? List.of() : plan.requiresReplace();
    // A replacement is a new object: only an object that lives on must keep its identity.
    Optional<Outcomes.Identity> identity = identity(resource, planned, replace.isEmpty() ? prior : null, "plan",
        decoded);
    if (decoded.failed()) {
      return new Outcomes.PlanResource(type, prior, NONE, List.of(), decoded.diagnostics());
    }
    return new Outcomes.PlanResource(type, planned, sealing.blob(), replace, decoded.diagnostics(), identity);
  }

  @Override
  public Outcomes.ApplyResource apply(Commands.ApplyResource command) {
    Decoded decoded = new Decoded();
    Optional<ManagedResource> found = find(command.typeName(), decoded);
    if (found.isEmpty()) {
      return new Outcomes.ApplyResource(CtyType.DYNAMIC, Value.nullOf(CtyType.DYNAMIC), NONE,
          decoded.diagnostics());
    }
    ManagedResource resource = found.get();
    Block block = resource.schema().block();
    CtyType type = block.impliedType();
    Value prior = decoded.value(command.prior(), type, "prior state");
    Value planned = decoded.value(command.planned(), type, "planned state");
    Value config = decoded.value(command.config(), type, "configuration");
    if (decoded.failed()) {
      return new Outcomes.ApplyResource(type, prior, command.plannedPrivate(), decoded.diagnostics());
    }
    PrivateState plannedPrivate = vault.open(command.typeName(), command.plannedPrivate());
    ProviderContext context = session.context();
    Optional<ApplyResult> result = session.attempt(resource.typeName(), "apply", decoded,
        () -> resource.apply(new ApplyRequest(prior, planned, config, plannedPrivate, context)));
    if (result.isEmpty()) {
      return new Outcomes.ApplyResource(type, prior, command.plannedPrivate(), decoded.diagnostics());
    }
    ApplyResult applied = result.get();
    decoded.add(applied.diagnostics());
    Value newState = WriteOnlyValues.nulled(block, applied.newState());
    List<String> problems = TerraformRules.applyProblems(block, planned, newState);
    if (!problems.isEmpty() && !applied.diagnostics().hasErrors()) {
      decoded.add(Diagnoses.brokenAnswer(command.typeName(), "result after apply", problems));
    }
    PrivateStateVault.Sealing sealing =
        vault.seal(command.typeName(), applied.privateData(), plannedPrivate, command.plannedPrivate());
    if (sealing.error() != null) {
      decoded.add(sealing.error());
    }
    // Whatever the component built is returned even alongside errors: Terraform keeps a non-null object (tainted),
    // so nothing that was created is lost.
    Optional<Outcomes.Identity> identity = identity(resource, newState, prior, "result after apply", decoded);
    return new Outcomes.ApplyResource(type, newState, newState.isNull() ? NONE : sealing.blob(),
        decoded.diagnostics(), identity);
  }

  @Override
  public Outcomes.ReadResource read(Commands.ReadResource command) {
    Decoded decoded = new Decoded();
    Optional<ManagedResource> found = find(command.typeName(), decoded);
    if (found.isEmpty()) {
      return new Outcomes.ReadResource(CtyType.DYNAMIC, Value.nullOf(CtyType.DYNAMIC), command.privateState(),
          decoded.diagnostics());
    }
    ManagedResource resource = found.get();
    Block block = resource.schema().block();
    CtyType type = block.impliedType();
    Value current = decoded.value(command.current(), type, "current state");
    if (decoded.failed() || !(current instanceof Value.ObjectVal object)) {
      return new Outcomes.ReadResource(type, current, command.privateState(), decoded.diagnostics());
    }
    PrivateState privateState = vault.open(command.typeName(), command.privateState());
    ProviderContext context = session.context();
    Optional<ReadResult> result = session.attempt(resource.typeName(), "refresh", decoded,
        () -> resource.read(new ReadRequest(object, privateState, context)));
    if (result.isEmpty()) {
      return new Outcomes.ReadResource(type, current, command.privateState(), decoded.diagnostics());
    }
    ReadResult read = result.get();
    decoded.add(read.diagnostics());
    Value newState = WriteOnlyValues.nulled(block, read.newState());
    if (!newState.isNull()) {
      Optional<String> shape = ValueConformance.problem(newState, type, AttributePath.ROOT);
      if (shape.isPresent() || !newState.isWhollyKnown()) {
        decoded.add(Diagnoses.brokenAnswer(command.typeName(), "refreshed state",
            List.of(shape.orElse("the refreshed state contains unknown values"))));
        return new Outcomes.ReadResource(type, current, command.privateState(), decoded.diagnostics());
      }
    }
    if (newState.isNull()) {
      // A vanished object keeps no private state: the next plan creates it afresh (facts §2.4).
      return new Outcomes.ReadResource(type, newState, NONE, decoded.diagnostics());
    }
    PrivateStateVault.Sealing sealing =
        vault.seal(command.typeName(), read.privateData(), privateState, command.privateState());
    Optional<Outcomes.Identity> identity = identity(resource, newState, current, "refreshed state", decoded);
    if (sealing.error() != null) {
      decoded.add(sealing.error());
      return new Outcomes.ReadResource(type, newState, command.privateState(), decoded.diagnostics(), identity);
    }
    return new Outcomes.ReadResource(type, newState, sealing.blob(), decoded.diagnostics(), identity);
  }

  @Override
  public Outcomes.ImportResource importState(Commands.ImportResource command) {
    Decoded decoded = new Decoded();
    Optional<ManagedResource> found = find(command.typeName(), decoded);
    if (found.isEmpty()) {
      return new Outcomes.ImportResource(CtyType.DYNAMIC, Optional.empty(), NONE, decoded.diagnostics());
    }
    ManagedResource resource = found.get();
    CtyType type = resource.schema().block().impliedType();
    Optional<Value.ObjectVal> byIdentity = importIdentity(resource, command, decoded);
    if (decoded.failed()) {
      return new Outcomes.ImportResource(type, Optional.empty(), NONE, decoded.diagnostics());
    }
    Optional<ImportResult> result = session.attempt(resource.typeName(), "import", decoded, () -> byIdentity.isPresent()
        ? resource.importByIdentity(byIdentity.get(), session.context())
        : resource.importState(command.id(), session.context()));
    if (result.isEmpty() || result.get().state().isEmpty()) {
      result.ifPresent(r -> decoded.add(r.diagnostics()));
      return new Outcomes.ImportResource(type, Optional.empty(), NONE, decoded.diagnostics());
    }
    ImportResult imported = result.get();
    decoded.add(imported.diagnostics());
    Value state = WriteOnlyValues.nulled(resource.schema().block(), imported.state().get());
    Optional<String> shape = ValueConformance.problem(state, type, AttributePath.ROOT);
    if (shape.isPresent() || !state.isWhollyKnown()) {
      decoded.add(Diagnoses.brokenAnswer(command.typeName(), "imported state",
          List.of(shape.orElse("the imported state contains unknown values"))));
      return new Outcomes.ImportResource(type, Optional.empty(), NONE, decoded.diagnostics());
    }
    PrivateStateVault.Sealing sealing =
        vault.seal(command.typeName(), imported.privateData(), PrivateState.ABSENT, NONE);
    if (sealing.error() != null) {
      decoded.add(sealing.error());
    }
    Optional<Outcomes.Identity> identity = identity(resource, state, null, "imported state", decoded);
    if (resource.identitySchema().isPresent() && identity.isEmpty() && !decoded.failed()) {
      decoded.add(Diagnoses.brokenAnswer(command.typeName(), "imported state",
          List.of("the imported object has no identity")));
    }
    if (decoded.failed()) {
      return new Outcomes.ImportResource(type, Optional.empty(), NONE, decoded.diagnostics());
    }
    return new Outcomes.ImportResource(type, Optional.of(state), sealing.blob(), decoded.diagnostics(), identity);
  }

  @Override
  public Outcomes.UpgradeResource upgrade(Commands.UpgradeResource command) {
    Decoded decoded = new Decoded();
    Optional<ManagedResource> found = find(command.typeName(), decoded);
    if (found.isEmpty()) {
      return new Outcomes.UpgradeResource(CtyType.DYNAMIC, Value.nullOf(CtyType.DYNAMIC), decoded.diagnostics());
    }
    ManagedResource resource = found.get();
    long current = resource.schema().version();
    CtyType type = resource.schema().block().impliedType();
    if (command.version() > current) {
      decoded.add(Diagnostic.error("Resource instance managed by a newer provider version",
          "This state of " + command.typeName() + " was written at schema version " + command.version()
              + ", but this provider knows versions up to " + current + ". Use the provider version that wrote it."));
      return new Outcomes.UpgradeResource(type, Value.nullOf(type), decoded.diagnostics());
    }
    Optional<CtyType.ObjectOf> storedType = resource.stateTypeAt(command.version());
    if (storedType.isEmpty()) {
      decoded.add(Diagnostic.error("Unsupported state version",
          command.typeName() + " cannot read state written at schema version " + command.version() + "."));
      return new Outcomes.UpgradeResource(type, Value.nullOf(type), decoded.diagnostics());
    }
    Value stored = decoded.value(command.rawState(), storedType.get(), "stored state");
    if (decoded.failed() || !(stored instanceof Value.ObjectVal object)) {
      return new Outcomes.UpgradeResource(type, Value.nullOf(type), decoded.diagnostics());
    }
    Optional<UpgradeResult> result = session.attempt(resource.typeName(), "state upgrade", decoded,
        () -> resource.upgrade(command.version(), object));
    if (result.isEmpty()) {
      return new Outcomes.UpgradeResource(type, Value.nullOf(type), decoded.diagnostics());
    }
    decoded.add(result.get().diagnostics());
    Value upgraded = WriteOnlyValues.nulled(resource.schema().block(), result.get().upgraded());
    Optional<String> shape = ValueConformance.problem(upgraded, type, AttributePath.ROOT);
    if (shape.isPresent() || !upgraded.isWhollyKnown()) {
      decoded.add(Diagnoses.brokenAnswer(command.typeName(), "upgraded state",
          List.of(shape.orElse("the upgraded state contains unknown values"))));
      return new Outcomes.UpgradeResource(type, Value.nullOf(type), decoded.diagnostics());
    }
    return new Outcomes.UpgradeResource(type, upgraded, decoded.diagnostics());
  }

  @Override
  public Outcomes.UpgradeIdentity upgradeIdentity(Commands.UpgradeIdentity command) {
    Decoded decoded = new Decoded();
    Optional<ManagedResource> found = find(command.typeName(), decoded);
    if (found.isEmpty()) {
      return new Outcomes.UpgradeIdentity(Optional.empty(), decoded.diagnostics());
    }
    ManagedResource resource = found.get();
    Optional<IdentitySchema> schema = resource.identitySchema();
    if (schema.isEmpty()) {
      decoded.add(Diagnostic.error("Resource identity not supported", command.typeName()
          + " declares no resource identity, so there is no stored identity to upgrade."));
      return new Outcomes.UpgradeIdentity(Optional.empty(), decoded.diagnostics());
    }
    long current = schema.get().version();
    if (command.version() > current) {
      decoded.add(Diagnostic.error("Resource identity stored by a newer provider version", "This identity of "
          + command.typeName() + " was written at identity version " + command.version() + ", but this provider "
          + "knows versions up to " + current + ". Use the provider version that wrote it."));
      return new Outcomes.UpgradeIdentity(Optional.empty(), decoded.diagnostics());
    }
    CtyType.ObjectOf type = schema.get().impliedType();
    Value stored = decoded.value(command.rawIdentity(), type, "stored identity");
    if (decoded.failed() || !(stored instanceof Value.ObjectVal object)) {
      if (!decoded.failed()) {
        decoded.add(Diagnoses.malformed("stored identity", AttributePath.ROOT, "the identity is null"));
      }
      return new Outcomes.UpgradeIdentity(Optional.empty(), decoded.diagnostics());
    }
    Optional<Value.ObjectVal> upgraded = session.attempt(resource.typeName(), "identity upgrade", decoded,
        () -> resource.upgradeIdentity(command.version(), object));
    if (upgraded.isEmpty()) {
      return new Outcomes.UpgradeIdentity(Optional.empty(), decoded.diagnostics());
    }
    Optional<String> shape = ValueConformance.problem(upgraded.get(), type, AttributePath.ROOT);
    if (shape.isPresent() || !upgraded.get().isWhollyKnown()) {
      decoded.add(Diagnoses.brokenAnswer(command.typeName(), "upgraded identity",
          List.of(shape.orElse("the upgraded identity contains unknown values"))));
      return new Outcomes.UpgradeIdentity(Optional.empty(), decoded.diagnostics());
    }
    return new Outcomes.UpgradeIdentity(Optional.of(new Outcomes.Identity(type, upgraded.get())),
        decoded.diagnostics());
  }

  @Override
  public Outcomes.GenerateConfig generateConfig(Commands.GenerateConfig command) {
    Decoded decoded = new Decoded();
    Optional<ManagedResource> found = find(command.typeName(), decoded);
    if (found.isEmpty()) {
      return new Outcomes.GenerateConfig(CtyType.DYNAMIC, Value.nullOf(CtyType.DYNAMIC), decoded.diagnostics());
    }
    ManagedResource resource = found.get();
    Block block = resource.schema().block();
    CtyType type = block.impliedType();
    Value state = decoded.value(command.state(), type, "state");
    if (!decoded.failed() && !(state instanceof Value.ObjectVal && state.isWhollyKnown())) {
      decoded.add(Diagnoses.brokenRequest(command.typeName(), "GenerateResourceConfig",
          "the state is null or not wholly known"));
    }
    if (decoded.failed()) {
      return new Outcomes.GenerateConfig(type, Value.nullOf(type), decoded.diagnostics());
    }
    Optional<Value.ObjectVal> config = session.attempt(resource.typeName(), "configuration generation", decoded,
        () -> resource.generateConfig((Value.ObjectVal) state));
    if (config.isEmpty()) {
      return new Outcomes.GenerateConfig(type, Value.nullOf(type), decoded.diagnostics());
    }
    List<String> problems = new java.util.ArrayList<>();
    ValueConformance.problem(config.get(), type, AttributePath.ROOT).ifPresent(problems::add);
    for (var attribute : block.attributes().values()) {
      if ((attribute.computedOnly() || attribute.writeOnly()) && !config.get().get(attribute.name()).isNull()) {
        problems.add(attribute.name() + " cannot be set in configuration");
      } else if (attribute.required() && config.get().get(attribute.name()).isNull()) {
        problems.add(attribute.name() + " is required but missing");
      }
    }
    if (problems.isEmpty()) {
      // The generated configuration must pass the component's own validation, or the user gets HCL that fails.
      session.attempt(resource.typeName(), "validation", decoded,
          () -> resource.validate(config.get(), session.context()))
          .filter(Diagnostics::hasErrors).ifPresent(errors -> problems.add("it fails validation: "
              + errors.asList().get(0).summary()));
    }
    if (!problems.isEmpty()) {
      decoded.add(Diagnoses.brokenAnswer(command.typeName(), "generated configuration", problems));
      return new Outcomes.GenerateConfig(type, Value.nullOf(type), decoded.diagnostics());
    }
    return new Outcomes.GenerateConfig(type, config.get(), decoded.diagnostics());
  }

  /**
   * The identity to answer with for {@code state}: a known one (Terraform accepts none while an object is being
   * created), and for an object that lives on ({@code before} not null) the very identity it had: an identity that
   * changes would make Terraform lose track of the object.
   */
  private Optional<Outcomes.Identity> identity(ManagedResource resource, Value state, Value before,
      String operation, Decoded decoded) {
    Optional<IdentitySchema> schema = resource.identitySchema();
    if (schema.isEmpty() || !(state instanceof Value.ObjectVal object)) {
      return Optional.empty();
    }
    CtyType.ObjectOf type = schema.get().impliedType();
    Optional<Value.ObjectVal> identity = session.attempt(resource.typeName(), operation, decoded,
        () -> resource.identityOf(object))
        .flatMap(found -> found);
    if (identity.isEmpty()) {
      return Optional.empty();
    }
    Optional<String> shape = ValueConformance.problem(identity.get(), type, AttributePath.ROOT);
    boolean lives = before instanceof Value.ObjectVal;
    List<String> problems = new java.util.ArrayList<>();
    shape.ifPresent(problems::add);
    if (problems.isEmpty() && !identity.get().isWhollyKnown() && lives) {
      problems.add("the identity of an existing object contains unknown values");
    }
    if (problems.isEmpty() && lives && identity.get().isWhollyKnown()) {
      Optional<Value.ObjectVal> was = session.attempt(resource.typeName(), operation, decoded,
          () -> resource.identityOf((Value.ObjectVal) before)).flatMap(found -> found);
      if (was.isPresent() && was.get().isWhollyKnown() && !was.get().equals(identity.get())) {
        problems.add("the identity changed from " + shown(was.get()) + " to " + shown(identity.get())
            + " while the object lives");
      }
    }
    if (!problems.isEmpty()) {
      decoded.add(Diagnoses.brokenAnswer(resource.typeName(), operation + " identity", problems));
      return Optional.empty();
    }
    return identity.get().isWhollyKnown() ? Optional.of(new Outcomes.Identity(type, identity.get()))
        : Optional.empty();
  }

  /** An identity for a message: identities name objects (a path, an id), they hold no secrets. */
  private static String shown(Value.ObjectVal identity) {
    StringBuilder out = new StringBuilder("{");
    identity.attributes().forEach((name, value) -> out.append(out.length() > 1 ? ", " : "").append(name).append(" = ")
        .append(value instanceof Value.Str text ? "\"" + text.value() + "\"" : value.isNull() ? "null" : "(value)"));
    return out.append('}').toString();
  }

  /** The identity an import block gave, decoded and checked against the identity schema; empty for import by id. */
  private Optional<Value.ObjectVal> importIdentity(ManagedResource resource, Commands.ImportResource command,
      Decoded decoded) {
    Optional<IdentitySchema> schema = resource.identitySchema();
    if (schema.isEmpty()) {
      if (command.identity() != WireValue.NULL) {
        decoded.add(Diagnostic.error("Import by identity is not supported by " + command.typeName(),
            command.typeName() + " declares no resource identity, so an import block must give an id instead."));
      }
      return Optional.empty();
    }
    Value identity = decoded.value(command.identity(), schema.get().impliedType(), "import identity");
    if (!(identity instanceof Value.ObjectVal object)) {
      return Optional.empty();
    }
    for (IdentitySchema.IdentityAttribute attribute : schema.get().attributes()) {
      Value given = object.get(attribute.name());
      if (attribute.requiredForImport() && (given.isNull() || !given.isWhollyKnown())) {
        decoded.add(Diagnostic.error(AttributePath.attribute(attribute.name()), "Missing identity attribute",
            "Importing " + command.typeName() + " by identity needs \"" + attribute.name() + "\"."));
      }
    }
    return Optional.of(object);
  }
}
