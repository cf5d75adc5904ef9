package io.pyvider.application.port.in;

import java.util.List;

/** Namespace for the command records the inbound ports take (one per RPC-shaped use case). */
public final class Commands {
  private Commands() {
  }

  /** ValidateResourceConfig / ValidateDataResourceConfig / ValidateProviderConfig. */
  public record ValidateConfig(String typeName, WireValue config) {
  }

  /** PlanResourceChange. */
  public record PlanResource(String typeName, WireValue prior, WireValue proposed, WireValue config,
      byte[] priorPrivate, WireValue priorIdentity) {

    public PlanResource(String typeName, WireValue prior, WireValue proposed, WireValue config, byte[] priorPrivate) {
      this(typeName, prior, proposed, config, priorPrivate, WireValue.NULL);
    }
  }

  /** ApplyResourceChange. */
  public record ApplyResource(String typeName, WireValue prior, WireValue planned, WireValue config,
      byte[] plannedPrivate, WireValue plannedIdentity) {

    public ApplyResource(String typeName, WireValue prior, WireValue planned, WireValue config,
        byte[] plannedPrivate) {
      this(typeName, prior, planned, config, plannedPrivate, WireValue.NULL);
    }
  }

  /** ReadResource. */
  public record ReadResource(String typeName, WireValue current, byte[] privateState, WireValue currentIdentity) {

    public ReadResource(String typeName, WireValue current, byte[] privateState) {
      this(typeName, current, privateState, WireValue.NULL);
    }
  }

  /** ImportResourceState by id, or by identity (an import block's {@code identity}; then the id is empty). */
  public record ImportResource(String typeName, String id, WireValue identity) {

    public ImportResource(String typeName, String id) {
      this(typeName, id, WireValue.NULL);
    }
  }

  /** UpgradeResourceIdentity: the stored identity JSON at the identity version it was written with. */
  public record UpgradeIdentity(String typeName, long version, WireValue rawIdentity) {
  }

  /** UpgradeResourceState: the stored JSON at the version it was written with. */
  public record UpgradeResource(String typeName, long version, WireValue rawState) {
  }

  /** ReadDataSource. */
  public record ReadData(String typeName, WireValue config) {
  }

  /** OpenEphemeralResource. */
  public record OpenEphemeral(String typeName, WireValue config) {
  }

  /** RenewEphemeralResource: the private data the last Open or Renew returned. */
  public record RenewEphemeral(String typeName, byte[] privateData) {
  }

  /** CloseEphemeralResource: the private data Open returned. */
  public record CloseEphemeral(String typeName, byte[] privateData) {
  }

  /** ListResource: the list block's configuration, whether to include full objects, at most how many. */
  public record ListResources(String typeName, WireValue config, boolean includeResourceObject, long limit) {
  }

  /** GenerateResourceConfig: a state (usually just imported) to write configuration for. */
  public record GenerateConfig(String typeName, WireValue state) {
  }

  /** CallFunction: the function's bare name and its positional arguments, decoded once the declaration is known. */
  public record CallFunction(String name, List<WireValue> arguments) {
    public CallFunction {
      arguments = List.copyOf(arguments);
    }
  }

  /** PlanAction: the configuration as far as it is known. */
  public record PlanAction(String typeName, WireValue config) {
  }

  /** InvokeAction: the configuration, which Terraform sends only once it is wholly known. */
  public record InvokeAction(String typeName, WireValue config) {
  }
}
