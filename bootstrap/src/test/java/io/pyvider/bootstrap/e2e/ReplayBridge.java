package io.pyvider.bootstrap.e2e;

import io.grpc.StatusRuntimeException;
import io.pyvider.adapters.grpc.proto.Tfplugin6;
import io.pyvider.domain.terraform.cty.CtyType;
import io.pyvider.domain.terraform.cty.Value;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The public face of this package's Terraform simulation for tests in other packages (the example replays in
 * {@code io.pyvider.bootstrap.examples}). It only delegates to {@link TerraformSimulator} and {@link Walk}, so every
 * check those make on provider answers applies unchanged, and adds the two data-source RPCs they do not cover
 * (ValidateDataResourceConfig and ReadDataSource) with Terraform's checks on their answers (terraform v1.15.9
 * node_resource_abstract_instance.go readDataSource: no error diagnostics, a value that conforms to the schema, not
 * null, wholly known). Ephemeral resources are validated, opened and closed through {@link Walk} as well. Values cross
 * this boundary as domain {@link Value}s; states, plans and opened ephemeral instances as the records below.
 */
public final class ReplayBridge implements AutoCloseable {

  private final TerraformSimulator terraform;

  private ReplayBridge(TerraformSimulator terraform) {
    this.terraform = terraform;
  }

  /** Starts the packaged binary the way go-plugin does, with a hermetic environment under {@code home}. */
  public static ReplayBridge start(Path home) {
    return new ReplayBridge(new TerraformSimulator(ProviderLaunch.binary(home)));
  }

  /** One attribute of a resource, data-source or ephemeral-resource schema, with the flags Terraform's rules use. */
  public record Attribute(String name, CtyType type, boolean required, boolean optional, boolean computed,
      boolean sensitive, boolean writeOnly) {
  }

  public Map<String, Attribute> resourceAttributes(String typeName) {
    return attributes(terraform.resource(typeName));
  }

  public Map<String, Attribute> dataSourceAttributes(String typeName) {
    return attributes(dataSource(typeName));
  }

  public Map<String, Attribute> ephemeralAttributes(String typeName) {
    return attributes(terraform.ephemeral(typeName));
  }

  private static Map<String, Attribute> attributes(ResourceSchema schema) {
    Map<String, Attribute> attributes = new TreeMap<>();
    schema.attributes().forEach((name, a) -> attributes.put(name,
        new Attribute(name, a.type(), a.required(), a.optional(), a.computed(), a.sensitive(), a.writeOnly())));
    return Collections.unmodifiableMap(attributes);
  }

  private ResourceSchema dataSource(String typeName) {
    Tfplugin6.Schema found = terraform.providerSchema().getDataSourceSchemasMap().get(typeName);
    if (found == null) {
      throw new AssertionError("the provider has no data source " + typeName + "; it has "
          + terraform.providerSchema().getDataSourceSchemasMap().keySet());
    }
    return ResourceSchema.of(typeName, found);
  }

  /** {@code terraform validate}'s walk: a fresh process, the provider not configured. */
  public WalkAccess validateWalk() {
    return new WalkAccess(terraform.validateWalk());
  }

  /** A plan, apply or destroy walk: a fresh process, ValidateProviderConfig and ConfigureProvider first. */
  public WalkAccess walk(String label) {
    return new WalkAccess(terraform.walk(label));
  }

  /** Processes whose output contained a sensitive value seen in a state (empty: no leak). */
  public List<String> leaks() {
    return terraform.leaks();
  }

  /** Kills every process still running and fails if a sensitive value reached a provider's output. */
  @Override
  public void close() {
    terraform.close();
  }

  /** A resource instance object as Terraform stores it: its value and its opaque private bytes. */
  public record Stored(String typeName, Value value, byte[] privateBytes) {
    public Stored {
      privateBytes = privateBytes == null ? new byte[0] : privateBytes.clone();
    }

    @Override
    public byte[] privateBytes() {
      return privateBytes.clone();
    }

    private ResourceState state() {
      return new ResourceState(typeName, value, privateBytes);
    }

    private static Stored of(ResourceState state) {
      return new Stored(state.typeName(), state.value(), state.privateBytes());
    }

    @Override
    public String toString() {
      return state().toString(); // never the values: they hold secrets
    }
  }

  /**
   * An ephemeral resource instance as Open returned it: its value, the private data Terraform keeps for Renew and
   * Close, and when Terraform would renew it.
   */
  public record Opened(String typeName, Value value, byte[] privateBytes, Optional<Instant> renewAt) {
    public Opened {
      privateBytes = privateBytes.clone();
    }

    @Override
    public byte[] privateBytes() {
      return privateBytes.clone();
    }

    @Override
    public String toString() {
      return "Opened[" + typeName + "]"; // never the value: it holds the secret
    }
  }

  /** A planned change to one resource instance (the e2e package's {@link Change}). */
  public static final class Planned {
    private final Change change;

    private Planned(Change change) {
      this.change = change;
    }

    /** plans.Action: CREATE, UPDATE, NO_OP, DELETE or DELETE_THEN_CREATE. */
    public String action() {
      return change.action().name();
    }

    public Value after() {
      return change.after();
    }

    public Value config() {
      return change.config();
    }

    public List<String> requiresReplace() {
      return change.requiresReplace();
    }

    @Override
    public String toString() {
      return change.toString();
    }
  }

  /** One graph walk in one provider process. */
  public final class WalkAccess implements AutoCloseable {
    private final Walk walk;
    private final List<String> journal = Collections.synchronizedList(new ArrayList<>());
    /** Warnings of the RPCs this class sends itself or gets back as diagnostics, which {@link Walk} does not keep. */
    private final List<String> bridgeWarnings = Collections.synchronizedList(new ArrayList<>());
    private int copied;

    private WalkAccess(Walk walk) {
      this.walk = walk;
      sync(null); // ValidateProviderConfig, ConfigureProvider
    }

    /** Copies the RPCs the walk sent since the last call into the journal, tagged with the type they were for. */
    private synchronized void sync(String typeName) {
      List<String> sent = walk.rpcsSent();
      for (int i = copied; i < sent.size(); i++) {
        journal.add(sent.get(i) + (typeName == null ? "" : " " + typeName));
      }
      copied = sent.size();
    }

    /** ValidateResourceConfig; an error diagnostic fails the walk. */
    public void validateResource(String typeName, Value config) {
      try {
        walk.validate(typeName, config);
      } finally {
        sync(typeName);
      }
    }

    /** Refresh: UpgradeResourceState, then ReadResource; the answer's private replaces the stored one. */
    public Stored refresh(Stored stored) {
      try {
        return Stored.of(walk.refresh(stored.state()).state());
      } finally {
        sync(stored.typeName());
      }
    }

    /** ValidateResourceConfig and PlanResourceChange (twice for a replace); {@code prior} null for a new one. */
    public Planned plan(String typeName, Stored prior, Value config) {
      try {
        return new Planned(walk.plan(typeName, prior == null ? null : prior.state(), config));
      } finally {
        sync(typeName);
      }
    }

    /** planDestroy: UpgradeResourceState, then PlanResourceChange with a null configuration. */
    public Planned planDestroy(Stored stored) {
      try {
        return new Planned(walk.planDestroy(stored.state()));
      } finally {
        sync(stored.typeName());
      }
    }

    /** The apply of one planned change with the configuration as evaluated during apply. */
    public Stored apply(Planned planned, Stored current, Value applyConfig) {
      try {
        return Stored.of(walk.apply(planned.change, current == null ? null : current.state(), applyConfig));
      } finally {
        sync(planned.change.typeName());
      }
    }

    /** ValidateDataResourceConfig (validate walk and every read). */
    public void validateDataSource(String typeName, Value config) {
      ResourceSchema schema = dataSource(typeName);
      Tfplugin6.ValidateDataResourceConfig.Response response = call("ValidateDataResourceConfig " + typeName,
          () -> walk.stub().validateDataResourceConfig(Tfplugin6.ValidateDataResourceConfig.Request.newBuilder()
              .setTypeName(typeName).setConfig(ProviderRpc.dynamic(config, schema.impliedType())).build()));
      noErrors("ValidateDataResourceConfig " + typeName, Diag.of(response.getDiagnosticsList()));
    }

    /**
     * readDataSource: ValidateDataResourceConfig, then ReadDataSource with the (wholly known) configuration; the
     * result must decode against the schema, be non-null and wholly known.
     */
    public Value readDataSource(String typeName, Value config) {
      ResourceSchema schema = dataSource(typeName);
      require(config.isWhollyKnown(), "readDataSource with a configuration that is not wholly known");
      validateDataSource(typeName, config);
      Tfplugin6.ReadDataSource.Response response = call("ReadDataSource " + typeName,
          () -> walk.stub().readDataSource(Tfplugin6.ReadDataSource.Request.newBuilder().setTypeName(typeName)
              .setConfig(ProviderRpc.dynamic(config, schema.impliedType()))
              .setClientCapabilities(ProviderRpc.CAPABILITIES).build()));
      noErrors("ReadDataSource " + typeName, Diag.of(response.getDiagnosticsList()));
      require(!response.hasDeferred(), "ReadDataSource deferred although Terraform did not allow deferrals");
      Value value;
      if (!response.getState().getMsgpack().isEmpty()) {
        try {
          value = CtyMsgpack.decode(response.getState().getMsgpack().toByteArray(), schema.impliedType());
        } catch (CtyMsgpack.WireError error) {
          throw failure("Provider produced invalid object: ReadDataSource.state does not decode against the "
              + "schema of " + typeName + ": " + error.getMessage());
        }
      } else {
        require(response.getState().getJson().isEmpty(), "ReadDataSource.state was sent as JSON");
        value = Value.nullOf(schema.impliedType());
      }
      require(!value.isNull(), "Provider produced null object for data." + typeName);
      List<String> unknown = TerraformChecks.unknownPaths(value);
      require(unknown.isEmpty(), "Provider produced invalid object: a value for data." + typeName
          + " that is not wholly known " + unknown);
      terraform.rememberSensitive(schema, value);
      return value;
    }

    /** ValidateEphemeralResourceConfig (the validate walk); an error diagnostic fails the walk. */
    public void validateEphemeral(String typeName, Value config) {
      try {
        walk.validateEphemeral(typeName, config);
      } finally {
        sync(typeName);
      }
    }

    /** ephemeralResourceOpen with a wholly known configuration: ValidateEphemeralResourceConfig, then Open. */
    public Opened openEphemeral(String typeName, Value config) {
      require(config.isWhollyKnown(), "Terraform opens an ephemeral resource only with a wholly known configuration");
      try {
        ProviderRpc.Opened opened = walk.openEphemeral(typeName, config);
        return new Opened(typeName, opened.value(), opened.privateBytes(), opened.renewAt());
      } finally {
        sync(typeName);
      }
    }

    /** CloseEphemeralResource with Open's private data; an error fails the walk, as Terraform reports it. */
    public void closeEphemeral(Opened opened) {
      List<Diag> diagnostics;
      try {
        diagnostics = walk.closeEphemeral(opened.typeName(), opened.privateBytes());
      } finally {
        sync(opened.typeName());
      }
      noErrorsKeepWarnings("CloseEphemeralResource " + opened.typeName(), diagnostics);
    }

    private <T> T call(String rpc, java.util.function.Supplier<T> call) {
      journal.add(rpc);
      try {
        return call.get();
      } catch (StatusRuntimeException transport) {
        throw failure(rpc + " failed with a gRPC error: " + transport.getStatus());
      }
    }

    private void noErrors(String rpc, List<Diag> diagnostics) {
      terraform.recordDiagnostics(walk.process().label(), diagnostics);
      noErrorsKeepWarnings(rpc, diagnostics);
    }

    /** For diagnostics already recorded for the leak check. */
    private void noErrorsKeepWarnings(String rpc, List<Diag> diagnostics) {
      require(!Diag.hasErrors(diagnostics), rpc + " reported errors: " + Diag.errors(diagnostics));
      Diag.warnings(diagnostics).forEach(w -> bridgeWarnings.add(rpc + ": " + w));
    }

    private void require(boolean condition, String problem) {
      if (!condition) {
        throw failure(problem);
      }
    }

    private AssertionError failure(String problem) {
      return new AssertionError(walk.process().label() + ": " + problem + "\nRPCs so far: " + rpcsSent()
          + walk.process().stderrTail());
    }

    /** Every RPC of this walk in the order sent, each tagged with the resource or data-source type it was for. */
    public List<String> rpcsSent() {
      synchronized (journal) {
        return List.copyOf(journal);
      }
    }

    /** Every warning diagnostic the provider returned in this walk. */
    public List<String> warnings() {
      List<String> all = new ArrayList<>();
      walk.warnings().forEach(w -> all.add(w.toString()));
      synchronized (bridgeWarnings) {
        all.addAll(bridgeWarnings);
      }
      return all;
    }

    @Override
    public void close() {
      walk.close();
    }
  }
}
