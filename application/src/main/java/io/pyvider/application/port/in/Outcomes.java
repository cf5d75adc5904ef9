package io.pyvider.application.port.in;

import io.pyvider.domain.terraform.cty.AttributePath;
import io.pyvider.domain.terraform.cty.CtyType;
import io.pyvider.domain.terraform.cty.Value;
import io.pyvider.domain.terraform.diag.Diagnostics;
import io.pyvider.domain.terraform.schema.FunctionDeclaration;
import io.pyvider.domain.terraform.schema.IdentitySchema;
import io.pyvider.domain.terraform.schema.Schema;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * Namespace for the result records the inbound ports return. Each carries the type its value must be encoded with
 * (the schema's implied type) and diagnostics; none is ever an exception.
 */
public final class Outcomes {
  private Outcomes() {
  }

  /** Every schema the provider serves in this session, by kind. */
  public record ProviderSchemas(Schema provider, Map<String, Schema> resources, Map<String, Schema> dataSources,
      Map<String, Schema> ephemeralResources, Map<String, Schema> listResources, Map<String, Schema> actions,
      Map<String, FunctionDeclaration> functions, Map<String, IdentitySchema> identities) {

    public ProviderSchemas {
      resources = Map.copyOf(resources);
      dataSources = Map.copyOf(dataSources);
      ephemeralResources = Map.copyOf(ephemeralResources);
      listResources = Map.copyOf(listResources);
      actions = Map.copyOf(actions);
      functions = Map.copyOf(functions);
      identities = Map.copyOf(identities);
    }

    public ProviderSchemas(Schema provider, Map<String, Schema> resources, Map<String, Schema> dataSources) {
      this(provider, resources, dataSources, Map.of());
    }

    public ProviderSchemas(Schema provider, Map<String, Schema> resources, Map<String, Schema> dataSources,
        Map<String, Schema> ephemeralResources) {
      this(provider, resources, dataSources, ephemeralResources, Map.of(), Map.of(), Map.of(), Map.of());
    }
  }

  /** PlanResourceChange's answer. */
  public record PlanResource(CtyType type, Value planned, byte[] plannedPrivate, List<AttributePath> requiresReplace,
      Diagnostics diagnostics, Optional<Identity> plannedIdentity) {

    public PlanResource(CtyType type, Value planned, byte[] plannedPrivate, List<AttributePath> requiresReplace,
        Diagnostics diagnostics) {
      this(type, planned, plannedPrivate, requiresReplace, diagnostics, Optional.empty());
    }

  }

  /** ApplyResourceChange's answer. */
  public record ApplyResource(CtyType type, Value newState, byte[] privateState, Diagnostics diagnostics,
      Optional<Identity> newIdentity) {

    public ApplyResource(CtyType type, Value newState, byte[] privateState, Diagnostics diagnostics) {
      this(type, newState, privateState, diagnostics, Optional.empty());
    }
  }

  /** ReadResource's answer. */
  public record ReadResource(CtyType type, Value newState, byte[] privateState, Diagnostics diagnostics,
      Optional<Identity> newIdentity) {

    public ReadResource(CtyType type, Value newState, byte[] privateState, Diagnostics diagnostics) {
      this(type, newState, privateState, diagnostics, Optional.empty());
    }
  }

  /** ImportResourceState's answer: at most one object. */
  public record ImportResource(CtyType type, Optional<Value> state, byte[] privateState, Diagnostics diagnostics,
      Optional<Identity> identity) {

    public ImportResource(CtyType type, Optional<Value> state, byte[] privateState, Diagnostics diagnostics) {
      this(type, state, privateState, diagnostics, Optional.empty());
    }
  }

  /** An object's identity and the identity schema's type to encode it with. */
  public record Identity(CtyType type, Value value) {
  }

  /** UpgradeResourceIdentity's answer: the identity at the current version, or diagnostics saying why not. */
  public record UpgradeIdentity(Optional<Identity> upgraded, Diagnostics diagnostics) {
  }

  /** UpgradeResourceState's answer. */
  public record UpgradeResource(CtyType type, Value upgraded, Diagnostics diagnostics) {
  }

  /** ReadDataSource's answer. */
  public record ReadData(CtyType type, Value state, Diagnostics diagnostics) {
  }

  /** OpenEphemeralResource's answer: the result (null on failure), sealed private data, when to renew. */
  public record OpenEphemeral(CtyType type, Value result, byte[] privateData, Optional<Instant> renewAt,
      Diagnostics diagnostics) {
  }

  /** RenewEphemeralResource's answer. */
  public record RenewEphemeral(byte[] privateData, Optional<Instant> renewAt, Diagnostics diagnostics) {
  }

  /** One ListResource event: an object (identity, display name, its state when asked for), or diagnostics only. */
  public record ListEvent(Optional<Identity> identity, String displayName, Optional<Value> resourceObject,
      CtyType resourceType, Diagnostics diagnostics) {
  }

  /** GenerateResourceConfig's answer: the configuration (null on failure) and diagnostics. */
  public record GenerateConfig(CtyType type, Value config, Diagnostics diagnostics) {
  }

  /**
   * CallFunction's answer: the result with the type to encode it with, or an error. Terraform reads only one of the
   * two, so a failed call carries a null result.
   */
  public record CallFunction(CtyType type, Value result, Optional<FunctionError> error) {

    public static CallFunction returned(CtyType type, Value result) {
      return new CallFunction(type, result, Optional.empty());
    }

    public static CallFunction failed(String text, OptionalInt argument) {
      return new CallFunction(CtyType.DYNAMIC, Value.nullOf(CtyType.DYNAMIC),
          Optional.of(new FunctionError(text, argument)));
    }
  }

  /** A function call's error: its text, and the 0-based argument it is about when it is about one. */
  public record FunctionError(String text, OptionalInt argument) {
  }
}
