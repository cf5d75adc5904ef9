package io.pyvider.application.port.in;

/** Namespace for the command records the inbound ports take (one per RPC-shaped use case). */
public final class Commands {
  private Commands() {
  }

  /** ValidateResourceConfig / ValidateDataResourceConfig / ValidateProviderConfig. */
  public record ValidateConfig(String typeName, WireValue config) {
  }

  /** PlanResourceChange. */
  public record PlanResource(String typeName, WireValue prior, WireValue proposed, WireValue config,
      byte[] priorPrivate) {
  }

  /** ApplyResourceChange. */
  public record ApplyResource(String typeName, WireValue prior, WireValue planned, WireValue config,
      byte[] plannedPrivate) {
  }

  /** ReadResource. */
  public record ReadResource(String typeName, WireValue current, byte[] privateState) {
  }

  /** ImportResourceState by id. */
  public record ImportResource(String typeName, String id) {
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

  /** PlanAction: the configuration as far as it is known. */
  public record PlanAction(String typeName, WireValue config) {
  }

  /** InvokeAction: the configuration, which Terraform sends only once it is wholly known. */
  public record InvokeAction(String typeName, WireValue config) {
  }
}
