package io.pyvider.adapters.grpc.service;

import io.grpc.Context;
import io.grpc.stub.StreamObserver;
import io.pyvider.adapters.grpc.plugin.HcLog;
import io.pyvider.adapters.grpc.plugin.LoggedCrashes;
import io.pyvider.adapters.grpc.proto.ProviderGrpc;
import io.pyvider.adapters.grpc.proto.Tfplugin6;
import io.pyvider.adapters.grpc.toproto.DiagnosticsToProto;
import io.pyvider.adapters.grpc.toproto.DynamicValues;
import io.pyvider.adapters.grpc.toproto.PathToProto;
import io.pyvider.adapters.grpc.toproto.SchemaToProto;
import io.pyvider.application.port.in.ActionUseCase;
import io.pyvider.application.port.in.Commands;
import io.pyvider.application.port.in.DataSourceUseCase;
import io.pyvider.application.port.in.EphemeralResourceUseCase;
import io.pyvider.application.port.in.ListResourceUseCase;
import io.pyvider.application.port.in.FunctionUseCase;
import io.pyvider.application.port.in.ManagedResourceUseCase;
import io.pyvider.application.port.in.Outcomes;
import io.pyvider.application.port.in.ProviderConfigurationUseCase;
import io.pyvider.application.port.in.ProviderSchemaUseCase;
import io.pyvider.domain.terraform.diag.Diagnostic;
import io.pyvider.domain.terraform.diag.Diagnostics;
import java.util.List;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/**
 * tfplugin6.Provider: each method maps the request, calls a use case and maps the answer back. Any failure, even a
 * bug, becomes an error diagnostic in a normal response, never a dropped call.
 */
public final class TerraformProviderService extends ProviderGrpc.ProviderImplBase {

  private final ProviderSchemaUseCase schemas;
  private final ProviderConfigurationUseCase configuration;
  private final ManagedResourceUseCase resources;
  private final DataSourceUseCase dataSources;
  private final EphemeralResourceUseCase ephemeralResources;
  private final ListResourceUseCase lists;
  private final FunctionUseCase functions;
  private final ActionUseCase actions;
  private final HcLog log;
  private final LoggedCrashes crashes;
  // Where calls that may wait on the host run (see answerAwayFromLoop): never the event loop other calls share.
  private final Executor hostWork;
  // Built on first use: with get_provider_schema_optional most provider processes Terraform starts are never asked.
  private volatile Tfplugin6.GetProviderSchema.Response schemaResponse;

  public TerraformProviderService(ProviderSchemaUseCase schemas, ProviderConfigurationUseCase configuration,
      ManagedResourceUseCase resources, DataSourceUseCase dataSources, EphemeralResourceUseCase ephemeralResources,
      ListResourceUseCase lists, FunctionUseCase functions, ActionUseCase actions, HcLog log, Executor hostWork) {
    this.hostWork = hostWork;
    this.lists = lists;
    this.schemas = schemas;
    this.configuration = configuration;
    this.resources = resources;
    this.dataSources = dataSources;
    this.ephemeralResources = ephemeralResources;
    this.functions = functions;
    this.actions = actions;
    this.log = log;
    this.crashes = new LoggedCrashes(log);
  }

  private Tfplugin6.GetProviderSchema.Response schemaResponse() {
    Tfplugin6.GetProviderSchema.Response response = schemaResponse;
    if (response == null) {
      response = buildSchemaResponse(schemas.schemas());
      schemaResponse = response;
    }
    return response;
  }

  private static Tfplugin6.GetProviderSchema.Response buildSchemaResponse(Outcomes.ProviderSchemas all) {
    Tfplugin6.GetProviderSchema.Response.Builder response = Tfplugin6.GetProviderSchema.Response.newBuilder()
        .setProvider(SchemaToProto.schema(all.provider()))
        .setServerCapabilities(Tfplugin6.ServerCapabilities.newBuilder()
            .setPlanDestroy(true)
            .setGetProviderSchemaOptional(true)
            .setGenerateResourceConfig(true));
    all.resources().forEach((name, schema) -> response.putResourceSchemas(name, SchemaToProto.schema(schema)));
    all.dataSources().forEach((name, schema) -> response.putDataSourceSchemas(name, SchemaToProto.schema(schema)));
    all.ephemeralResources().forEach((name, schema) ->
        response.putEphemeralResourceSchemas(name, SchemaToProto.schema(schema)));
    all.listResources().forEach((name, schema) -> response.putListResourceSchemas(name, SchemaToProto.schema(schema)));
    all.actions().forEach((name, schema) -> response.putActionSchemas(name,
        Tfplugin6.ActionSchema.newBuilder().setSchema(SchemaToProto.schema(schema)).build()));
    all.functions().forEach((name, declaration) -> response.putFunctions(name, SchemaToProto.function(declaration)));
    return response.build();
  }

  @Override
  public void getMetadata(Tfplugin6.GetMetadata.Request request,
      StreamObserver<Tfplugin6.GetMetadata.Response> out) {
    answer(out, "GetMetadata", "", () -> {
      Tfplugin6.GetMetadata.Response.Builder response = Tfplugin6.GetMetadata.Response.newBuilder()
          .setServerCapabilities(schemaResponse().getServerCapabilities());
      schemaResponse().getResourceSchemasMap().keySet().forEach(name -> response.addResources(
          Tfplugin6.GetMetadata.ResourceMetadata.newBuilder().setTypeName(name)));
      schemaResponse().getDataSourceSchemasMap().keySet().forEach(name -> response.addDataSources(
          Tfplugin6.GetMetadata.DataSourceMetadata.newBuilder().setTypeName(name)));
      schemaResponse().getEphemeralResourceSchemasMap().keySet().forEach(name -> response.addEphemeralResources(
          Tfplugin6.GetMetadata.EphemeralMetadata.newBuilder().setTypeName(name)));
      schemaResponse().getListResourceSchemasMap().keySet().forEach(name -> response.addListResources(
          Tfplugin6.GetMetadata.ListResourceMetadata.newBuilder().setTypeName(name)));
      schemaResponse().getActionSchemasMap().keySet().forEach(name -> response.addActions(
          Tfplugin6.GetMetadata.ActionMetadata.newBuilder().setTypeName(name)));
      schemaResponse().getFunctionsMap().keySet().forEach(name -> response.addFunctions(
          Tfplugin6.GetMetadata.FunctionMetadata.newBuilder().setName(name)));
      return response.build();
    }, diagnostics -> Tfplugin6.GetMetadata.Response.newBuilder().addAllDiagnostics(diagnostics).build());
  }

  @Override
  public void getProviderSchema(Tfplugin6.GetProviderSchema.Request request,
      StreamObserver<Tfplugin6.GetProviderSchema.Response> out) {
    answer(out, "GetProviderSchema", "", this::schemaResponse,
        diagnostics -> Tfplugin6.GetProviderSchema.Response.newBuilder().addAllDiagnostics(diagnostics).build());
  }

  @Override
  public void getResourceIdentitySchemas(Tfplugin6.GetResourceIdentitySchemas.Request request,
      StreamObserver<Tfplugin6.GetResourceIdentitySchemas.Response> out) {
    answer(out, "GetResourceIdentitySchemas", "", () -> {
      Tfplugin6.GetResourceIdentitySchemas.Response.Builder response =
          Tfplugin6.GetResourceIdentitySchemas.Response.newBuilder();
      schemas.schemas().identities().forEach((name, identity) ->
          response.putIdentitySchemas(name, SchemaToProto.identity(identity)));
      return response.build();
    },
        diagnostics -> Tfplugin6.GetResourceIdentitySchemas.Response.newBuilder().addAllDiagnostics(diagnostics)
            .build());
  }

  @Override
  public void upgradeResourceIdentity(Tfplugin6.UpgradeResourceIdentity.Request request,
      StreamObserver<Tfplugin6.UpgradeResourceIdentity.Response> out) {
    answer(out, "UpgradeResourceIdentity", request.getTypeName(), () -> {
      Outcomes.UpgradeIdentity outcome = resources.upgradeIdentity(new Commands.UpgradeIdentity(
          request.getTypeName(), request.getVersion(), WireValues.ofRawState(request.getRawIdentity())));
      Tfplugin6.UpgradeResourceIdentity.Response.Builder response = Tfplugin6.UpgradeResourceIdentity.Response
          .newBuilder().addAllDiagnostics(diagnostics(outcome.diagnostics()));
      outcome.upgraded().ifPresent(identity -> response.setUpgradedIdentity(identityData(identity)));
      return response.build();
    }, diagnostics -> Tfplugin6.UpgradeResourceIdentity.Response.newBuilder().addAllDiagnostics(diagnostics)
        .build());
  }

  /** An identity as Terraform sent it, or none: the engine decodes it once it knows the identity schema. */
  private static io.pyvider.application.port.in.WireValue identity(boolean present,
      Tfplugin6.ResourceIdentityData data) {
    return present && data.hasIdentityData() ? WireValues.of(data.getIdentityData())
        : io.pyvider.application.port.in.WireValue.NULL;
  }

  private static Tfplugin6.ResourceIdentityData identityData(Outcomes.Identity identity) {
    return Tfplugin6.ResourceIdentityData.newBuilder()
        .setIdentityData(DynamicValues.encode(identity.value(), identity.type())).build();
  }

  @Override
  public void validateProviderConfig(Tfplugin6.ValidateProviderConfig.Request request,
      StreamObserver<Tfplugin6.ValidateProviderConfig.Response> out) {
    answer(out, "ValidateProviderConfig", "",
        () -> Tfplugin6.ValidateProviderConfig.Response.newBuilder()
            .addAllDiagnostics(diagnostics(configuration.validate(WireValues.of(request.getConfig())))).build(),
        diagnostics -> Tfplugin6.ValidateProviderConfig.Response.newBuilder().addAllDiagnostics(diagnostics).build());
  }

  @Override
  public void configureProvider(Tfplugin6.ConfigureProvider.Request request,
      StreamObserver<Tfplugin6.ConfigureProvider.Response> out) {
    answer(out, "ConfigureProvider", "",
        () -> Tfplugin6.ConfigureProvider.Response.newBuilder()
            .addAllDiagnostics(diagnostics(configuration.configure(WireValues.of(request.getConfig())))).build(),
        diagnostics -> Tfplugin6.ConfigureProvider.Response.newBuilder().addAllDiagnostics(diagnostics).build());
  }

  @Override
  public void validateResourceConfig(Tfplugin6.ValidateResourceConfig.Request request,
      StreamObserver<Tfplugin6.ValidateResourceConfig.Response> out) {
    answer(out, "ValidateResourceConfig", request.getTypeName(),
        () -> Tfplugin6.ValidateResourceConfig.Response.newBuilder().addAllDiagnostics(diagnostics(
            resources.validate(new Commands.ValidateConfig(request.getTypeName(),
                WireValues.of(request.getConfig()))))).build(),
        diagnostics -> Tfplugin6.ValidateResourceConfig.Response.newBuilder().addAllDiagnostics(diagnostics).build());
  }

  @Override
  public void validateDataResourceConfig(Tfplugin6.ValidateDataResourceConfig.Request request,
      StreamObserver<Tfplugin6.ValidateDataResourceConfig.Response> out) {
    answer(out, "ValidateDataResourceConfig", request.getTypeName(),
        () -> Tfplugin6.ValidateDataResourceConfig.Response.newBuilder().addAllDiagnostics(diagnostics(
            dataSources.validate(new Commands.ValidateConfig(request.getTypeName(),
                WireValues.of(request.getConfig()))))).build(),
        diagnostics -> Tfplugin6.ValidateDataResourceConfig.Response.newBuilder().addAllDiagnostics(diagnostics)
            .build());
  }

  @Override
  public void upgradeResourceState(Tfplugin6.UpgradeResourceState.Request request,
      StreamObserver<Tfplugin6.UpgradeResourceState.Response> out) {
    answer(out, "UpgradeResourceState", request.getTypeName(), () -> {
      Outcomes.UpgradeResource outcome = resources.upgrade(new Commands.UpgradeResource(request.getTypeName(),
          request.getVersion(), WireValues.ofRawState(request.getRawState())));
      return Tfplugin6.UpgradeResourceState.Response.newBuilder()
          .setUpgradedState(DynamicValues.encode(outcome.upgraded(), outcome.type()))
          .addAllDiagnostics(diagnostics(outcome.diagnostics())).build();
    }, diagnostics -> Tfplugin6.UpgradeResourceState.Response.newBuilder().addAllDiagnostics(diagnostics).build());
  }

  @Override
  public void readResource(Tfplugin6.ReadResource.Request request,
      StreamObserver<Tfplugin6.ReadResource.Response> out) {
    answerAwayFromLoop(out, "ReadResource", request.getTypeName(), () -> {
      Outcomes.ReadResource outcome = resources.read(new Commands.ReadResource(request.getTypeName(),
          WireValues.of(request.getCurrentState()), request.getPrivate().toByteArray(),
          identity(request.hasCurrentIdentity(), request.getCurrentIdentity())));
      Tfplugin6.ReadResource.Response.Builder response = Tfplugin6.ReadResource.Response.newBuilder()
          .setNewState(DynamicValues.encode(outcome.newState(), outcome.type()))
          .setPrivate(com.google.protobuf.ByteString.copyFrom(outcome.privateState()))
          .addAllDiagnostics(diagnostics(outcome.diagnostics()));
      outcome.newIdentity().ifPresent(identity -> response.setNewIdentity(identityData(identity)));
      return response.build();
    }, diagnostics -> {
      // On a failure Terraform keeps the response's private: hand back what it sent so nothing is lost.
      Tfplugin6.ReadResource.Response.Builder response = Tfplugin6.ReadResource.Response.newBuilder()
          .setNewState(request.getCurrentState()).setPrivate(request.getPrivate()).addAllDiagnostics(diagnostics);
      if (request.hasCurrentIdentity()) {
        response.setNewIdentity(request.getCurrentIdentity());
      }
      return response.build();
    });
  }

  @Override
  public void planResourceChange(Tfplugin6.PlanResourceChange.Request request,
      StreamObserver<Tfplugin6.PlanResourceChange.Response> out) {
    answerAwayFromLoop(out, "PlanResourceChange", request.getTypeName(), () -> {
      Outcomes.PlanResource outcome = resources.plan(new Commands.PlanResource(request.getTypeName(),
          WireValues.of(request.getPriorState()), WireValues.of(request.getProposedNewState()),
          WireValues.of(request.getConfig()), request.getPriorPrivate().toByteArray(),
          identity(request.hasPriorIdentity(), request.getPriorIdentity())));
      Tfplugin6.PlanResourceChange.Response.Builder response = Tfplugin6.PlanResourceChange.Response.newBuilder()
          .setPlannedState(DynamicValues.encode(outcome.planned(), outcome.type()))
          .setPlannedPrivate(com.google.protobuf.ByteString.copyFrom(outcome.plannedPrivate()))
          .addAllDiagnostics(diagnostics(outcome.diagnostics()));
      outcome.requiresReplace().forEach(path -> response.addRequiresReplace(PathToProto.path(path)));
      outcome.plannedIdentity().ifPresent(identity -> response.setPlannedIdentity(identityData(identity)));
      return response.build();
    }, diagnostics -> Tfplugin6.PlanResourceChange.Response.newBuilder().addAllDiagnostics(diagnostics).build());
  }

  @Override
  public void applyResourceChange(Tfplugin6.ApplyResourceChange.Request request,
      StreamObserver<Tfplugin6.ApplyResourceChange.Response> out) {
    answerAwayFromLoop(out, "ApplyResourceChange", request.getTypeName(), () -> {
      Outcomes.ApplyResource outcome = resources.apply(new Commands.ApplyResource(request.getTypeName(),
          WireValues.of(request.getPriorState()), WireValues.of(request.getPlannedState()),
          WireValues.of(request.getConfig()), request.getPlannedPrivate().toByteArray(),
          identity(request.hasPlannedIdentity(), request.getPlannedIdentity())));
      Tfplugin6.ApplyResourceChange.Response.Builder response = Tfplugin6.ApplyResourceChange.Response.newBuilder()
          .setNewState(DynamicValues.encode(outcome.newState(), outcome.type()))
          .setPrivate(com.google.protobuf.ByteString.copyFrom(outcome.privateState()))
          .addAllDiagnostics(diagnostics(outcome.diagnostics()));
      outcome.newIdentity().ifPresent(identity -> response.setNewIdentity(identityData(identity)));
      return response.build();
    }, diagnostics -> Tfplugin6.ApplyResourceChange.Response.newBuilder()
        // An error with the prior state keeps the object as it was (Terraform saves what we return).
        .setNewState(request.getPriorState()).setPrivate(request.getPlannedPrivate())
        .addAllDiagnostics(diagnostics).build());
  }

  @Override
  public void importResourceState(Tfplugin6.ImportResourceState.Request request,
      StreamObserver<Tfplugin6.ImportResourceState.Response> out) {
    answerAwayFromLoop(out, "ImportResourceState", request.getTypeName(), () -> {
      Outcomes.ImportResource outcome = resources.importState(new Commands.ImportResource(request.getTypeName(),
          request.getId(), identity(request.hasIdentity(), request.getIdentity())));
      Tfplugin6.ImportResourceState.Response.Builder response = Tfplugin6.ImportResourceState.Response.newBuilder()
          .addAllDiagnostics(diagnostics(outcome.diagnostics()));
      outcome.state().ifPresent(state -> {
        Tfplugin6.ImportResourceState.ImportedResource.Builder imported =
            Tfplugin6.ImportResourceState.ImportedResource.newBuilder()
                .setTypeName(request.getTypeName())
                .setState(DynamicValues.encode(state, outcome.type()))
                .setPrivate(com.google.protobuf.ByteString.copyFrom(outcome.privateState()));
        outcome.identity().ifPresent(identity -> imported.setIdentity(identityData(identity)));
        response.addImportedResources(imported);
      });
      return response.build();
    }, diagnostics -> Tfplugin6.ImportResourceState.Response.newBuilder().addAllDiagnostics(diagnostics).build());
  }

  @Override
  public void generateResourceConfig(Tfplugin6.GenerateResourceConfig.Request request,
      StreamObserver<Tfplugin6.GenerateResourceConfig.Response> out) {
    answer(out, "GenerateResourceConfig", request.getTypeName(), () -> {
      Outcomes.GenerateConfig outcome = resources.generateConfig(new Commands.GenerateConfig(request.getTypeName(),
          WireValues.of(request.getState())));
      return Tfplugin6.GenerateResourceConfig.Response.newBuilder()
          .setConfig(DynamicValues.encode(outcome.config(), outcome.type()))
          .addAllDiagnostics(diagnostics(outcome.diagnostics())).build();
    }, diagnostics -> Tfplugin6.GenerateResourceConfig.Response.newBuilder().addAllDiagnostics(diagnostics)
        .build());
  }

  @Override
  public void validateListResourceConfig(Tfplugin6.ValidateListResourceConfig.Request request,
      StreamObserver<Tfplugin6.ValidateListResourceConfig.Response> out) {
    answer(out, "ValidateListResourceConfig", request.getTypeName(),
        () -> Tfplugin6.ValidateListResourceConfig.Response.newBuilder().addAllDiagnostics(diagnostics(
            lists.validate(new Commands.ValidateConfig(request.getTypeName(), WireValues.of(request.getConfig())))))
            .build(),
        diagnostics -> Tfplugin6.ValidateListResourceConfig.Response.newBuilder().addAllDiagnostics(diagnostics)
            .build());
  }

  /**
   * A listing, streamed at the pace Terraform reads it: each event waits until the stream can take it, and
   * production stops as soon as Terraform cancels (it does once it has its limit). Runs off the event loop.
   */
  @Override
  public void listResource(Tfplugin6.ListResource.Request request,
      StreamObserver<Tfplugin6.ListResource.Event> out) {
    io.grpc.stub.ServerCallStreamObserver<Tfplugin6.ListResource.Event> call =
        (io.grpc.stub.ServerCallStreamObserver<Tfplugin6.ListResource.Event>) out;
    long started = System.nanoTime();
    ListResourceUseCase.EventSink sink = new ListResourceUseCase.EventSink() {
      @Override
      public boolean send(Outcomes.ListEvent event) {
        // isReady/isCancelled are safe from this thread; no onReady callback can run while this call's handler does.
        while (!call.isReady()) {
          if (call.isCancelled()) {
            return false;
          }
          java.util.concurrent.locks.LockSupport.parkNanos(200_000);
        }
        if (call.isCancelled()) {
          return false;
        }
        call.onNext(listEvent(event));
        return true;
      }

      @Override
      public boolean cancelled() {
        return call.isCancelled();
      }
    };
    try {
      lists.list(new Commands.ListResources(request.getTypeName(), WireValues.of(request.getConfig()),
          request.getIncludeResourceObject(), request.getLimit()), sink);
    } catch (RuntimeException | LinkageError | StackOverflowError bug) {
      crashes.escaped("ListResource " + request.getTypeName(), bug);
      sink.send(new Outcomes.ListEvent(java.util.Optional.empty(), "", java.util.Optional.empty(),
          io.pyvider.domain.terraform.cty.CtyType.DYNAMIC, Diagnostics.of(Diagnostic.error(
          "Internal error in provider pyvider", "ListResource for " + request.getTypeName() + " failed with "
              + bug.getClass().getSimpleName() + ". This is a bug in terraform-provider-pyvider; please report it "
              + "with the provider log (TF_LOG_PROVIDER=DEBUG)."))));
    }
    if (!call.isCancelled()) {
      call.onCompleted();
    }
    if (log.isDebugEnabled()) {
      log.debug("served RPC", "rpc", "ListResource", "type_name", request.getTypeName(),
          "duration_ms", String.format("%.2f", (System.nanoTime() - started) / 1e6));
    }
  }

  private static Tfplugin6.ListResource.Event listEvent(Outcomes.ListEvent event) {
    Tfplugin6.ListResource.Event.Builder out = Tfplugin6.ListResource.Event.newBuilder()
        .setDisplayName(event.displayName())
        .addAllDiagnostic(diagnostics(event.diagnostics()));
    event.identity().ifPresent(identity -> out.setIdentity(identityData(identity)));
    event.resourceObject().ifPresent(object -> out.setResourceObject(
        DynamicValues.encode(object, event.resourceType())));
    return out.build();
  }

  @Override
  public void readDataSource(Tfplugin6.ReadDataSource.Request request,
      StreamObserver<Tfplugin6.ReadDataSource.Response> out) {
    answer(out, "ReadDataSource", request.getTypeName(), () -> {
      Outcomes.ReadData outcome = dataSources.read(new Commands.ReadData(request.getTypeName(),
          WireValues.of(request.getConfig())));
      return Tfplugin6.ReadDataSource.Response.newBuilder()
          .setState(DynamicValues.encode(outcome.state(), outcome.type()))
          .addAllDiagnostics(diagnostics(outcome.diagnostics())).build();
    }, diagnostics -> Tfplugin6.ReadDataSource.Response.newBuilder().addAllDiagnostics(diagnostics).build());
  }

  @Override
  public void validateEphemeralResourceConfig(Tfplugin6.ValidateEphemeralResourceConfig.Request request,
      StreamObserver<Tfplugin6.ValidateEphemeralResourceConfig.Response> out) {
    answer(out, "ValidateEphemeralResourceConfig", request.getTypeName(),
        () -> Tfplugin6.ValidateEphemeralResourceConfig.Response.newBuilder().addAllDiagnostics(diagnostics(
            ephemeralResources.validate(new Commands.ValidateConfig(request.getTypeName(),
                WireValues.of(request.getConfig()))))).build(),
        diagnostics -> Tfplugin6.ValidateEphemeralResourceConfig.Response.newBuilder().addAllDiagnostics(diagnostics)
            .build());
  }

  @Override
  public void openEphemeralResource(Tfplugin6.OpenEphemeralResource.Request request,
      StreamObserver<Tfplugin6.OpenEphemeralResource.Response> out) {
    answer(out, "OpenEphemeralResource", request.getTypeName(), () -> {
      Outcomes.OpenEphemeral outcome = ephemeralResources.open(new Commands.OpenEphemeral(request.getTypeName(),
          WireValues.of(request.getConfig())));
      Tfplugin6.OpenEphemeralResource.Response.Builder response = Tfplugin6.OpenEphemeralResource.Response
          .newBuilder()
          .setResult(DynamicValues.encode(outcome.result(), outcome.type()))
          .addAllDiagnostics(diagnostics(outcome.diagnostics()));
      if (outcome.privateData().length > 0) {
        response.setPrivate(com.google.protobuf.ByteString.copyFrom(outcome.privateData()));
      }
      outcome.renewAt().ifPresent(at -> response.setRenewAt(timestamp(at)));
      return response.build();
    }, diagnostics -> Tfplugin6.OpenEphemeralResource.Response.newBuilder().addAllDiagnostics(diagnostics).build());
  }

  @Override
  public void renewEphemeralResource(Tfplugin6.RenewEphemeralResource.Request request,
      StreamObserver<Tfplugin6.RenewEphemeralResource.Response> out) {
    answer(out, "RenewEphemeralResource", request.getTypeName(), () -> {
      Outcomes.RenewEphemeral outcome = ephemeralResources.renew(new Commands.RenewEphemeral(request.getTypeName(),
          request.getPrivate().toByteArray()));
      Tfplugin6.RenewEphemeralResource.Response.Builder response = Tfplugin6.RenewEphemeralResource.Response
          .newBuilder().addAllDiagnostics(diagnostics(outcome.diagnostics()));
      if (outcome.privateData().length > 0) {
        response.setPrivate(com.google.protobuf.ByteString.copyFrom(outcome.privateData()));
      }
      outcome.renewAt().ifPresent(at -> response.setRenewAt(timestamp(at)));
      return response.build();
    }, diagnostics -> Tfplugin6.RenewEphemeralResource.Response.newBuilder()
        // Keep what Terraform sent, so a later renewal still finds the value.
        .setPrivate(request.getPrivate()).addAllDiagnostics(diagnostics).build());
  }

  @Override
  public void closeEphemeralResource(Tfplugin6.CloseEphemeralResource.Request request,
      StreamObserver<Tfplugin6.CloseEphemeralResource.Response> out) {
    answer(out, "CloseEphemeralResource", request.getTypeName(),
        () -> Tfplugin6.CloseEphemeralResource.Response.newBuilder().addAllDiagnostics(diagnostics(
            ephemeralResources.close(new Commands.CloseEphemeral(request.getTypeName(),
                request.getPrivate().toByteArray())))).build(),
        diagnostics -> Tfplugin6.CloseEphemeralResource.Response.newBuilder().addAllDiagnostics(diagnostics).build());
  }

  private static com.google.protobuf.Timestamp timestamp(java.time.Instant at) {
    return com.google.protobuf.Timestamp.newBuilder().setSeconds(at.getEpochSecond()).setNanos(at.getNano()).build();
  }

  /** The declarations GetProviderSchema serves, so both RPCs always agree (Terraform reads either). */
  @Override
  public void getFunctions(Tfplugin6.GetFunctions.Request request,
      StreamObserver<Tfplugin6.GetFunctions.Response> out) {
    answer(out, "GetFunctions", "",
        () -> Tfplugin6.GetFunctions.Response.newBuilder().putAllFunctions(schemaResponse().getFunctionsMap()).build(),
        diagnostics -> Tfplugin6.GetFunctions.Response.newBuilder().addAllDiagnostics(diagnostics).build());
  }

  /** Needs no ConfigureProvider: Terraform calls functions on a provider instance it has not configured. */
  @Override
  public void callFunction(Tfplugin6.CallFunction.Request request,
      StreamObserver<Tfplugin6.CallFunction.Response> out) {
    answer(out, "CallFunction", request.getName(), () -> {
      Outcomes.CallFunction outcome = functions.call(new Commands.CallFunction(request.getName(),
          request.getArgumentsList().stream().map(WireValues::of).toList()));
      Tfplugin6.CallFunction.Response.Builder response = Tfplugin6.CallFunction.Response.newBuilder();
      outcome.error().ifPresentOrElse(error -> response.setError(functionError(error)),
          () -> response.setResult(DynamicValues.encode(outcome.result(), outcome.type())));
      return response.build();
    }, diagnostics -> Tfplugin6.CallFunction.Response.newBuilder()
        // The response has no diagnostics: the bug report travels as the function error's text.
        .setError(Tfplugin6.FunctionError.newBuilder().setText(diagnostics.stream()
            .map(diagnostic -> diagnostic.getSummary() + ": " + diagnostic.getDetail())
            .collect(Collectors.joining("; "))))
        .build());
  }

  private static Tfplugin6.FunctionError functionError(Outcomes.FunctionError error) {
    Tfplugin6.FunctionError.Builder out = Tfplugin6.FunctionError.newBuilder().setText(error.text());
    error.argument().ifPresent(out::setFunctionArgument);
    return out.build();
  }

  @Override
  public void validateActionConfig(Tfplugin6.ValidateActionConfig.Request request,
      StreamObserver<Tfplugin6.ValidateActionConfig.Response> out) {
    answer(out, "ValidateActionConfig", request.getTypeName(),
        () -> Tfplugin6.ValidateActionConfig.Response.newBuilder().addAllDiagnostics(diagnostics(
            actions.validate(new Commands.ValidateConfig(request.getTypeName(),
                WireValues.of(request.getConfig()))))).build(),
        diagnostics -> Tfplugin6.ValidateActionConfig.Response.newBuilder().addAllDiagnostics(diagnostics).build());
  }

  @Override
  public void planAction(Tfplugin6.PlanAction.Request request, StreamObserver<Tfplugin6.PlanAction.Response> out) {
    answer(out, "PlanAction", request.getActionType(),
        () -> Tfplugin6.PlanAction.Response.newBuilder().addAllDiagnostics(diagnostics(
            actions.plan(new Commands.PlanAction(request.getActionType(), WireValues.of(request.getConfig())))))
            .build(),
        diagnostics -> Tfplugin6.PlanAction.Response.newBuilder().addAllDiagnostics(diagnostics).build());
  }

  /**
   * InvokeAction streams one progress event per report, then exactly one completed event, which {@link #answer}
   * sends even when the use case (or this code) fails: a gRPC error would lose the progress already shown. The
   * call's context tells the action when Terraform gives up on the call: gRPC cancels it at once, whereas a cancel
   * handler would only run after this method returns.
   */
  @Override
  public void invokeAction(Tfplugin6.InvokeAction.Request request,
      StreamObserver<Tfplugin6.InvokeAction.Event> out) {
    Context call = Context.current();
    answer(out, "InvokeAction", request.getActionType(), () -> completed(diagnostics(actions.invoke(
        new Commands.InvokeAction(request.getActionType(), WireValues.of(request.getConfig())),
        message -> out.onNext(Tfplugin6.InvokeAction.Event.newBuilder()
            .setProgress(Tfplugin6.InvokeAction.Event.Progress.newBuilder().setMessage(message)).build()),
        call::isCancelled))),
        TerraformProviderService::completed);
  }

  private static Tfplugin6.InvokeAction.Event completed(List<Tfplugin6.Diagnostic> diagnostics) {
    return Tfplugin6.InvokeAction.Event.newBuilder()
        .setCompleted(Tfplugin6.InvokeAction.Event.Completed.newBuilder().addAllDiagnostics(diagnostics)).build();
  }

  @Override
  public void stopProvider(Tfplugin6.StopProvider.Request request,
      StreamObserver<Tfplugin6.StopProvider.Response> out) {
    answer(out, "StopProvider", "", () -> {
      configuration.stop();
      return Tfplugin6.StopProvider.Response.getDefaultInstance();
    }, diagnostics -> Tfplugin6.StopProvider.Response.newBuilder().setError("stop failed").build());
  }

  private static List<Tfplugin6.Diagnostic> diagnostics(Diagnostics diagnostics) {
    return DiagnosticsToProto.diagnostics(diagnostics);
  }

  /**
   * As {@link #answer}, but on {@link #hostWork} for a resource type whose calls may wait on the host (a file system
   * that hangs, a slow fsync). Provider calls run on the event loop that read them, which other calls and, in the
   * daemon, other Terraform runs share: one hung disk must stall its own call, not theirs. Pure computations stay on
   * the loop, where they answer fastest.
   */
  private <T> void answerAwayFromLoop(StreamObserver<T> out, String rpc, String typeName, Supplier<T> handler,
      Function<List<Tfplugin6.Diagnostic>, T> onFailure) {
    if (!resources.waitsOnHost(typeName)) {
      answer(out, rpc, typeName, handler, onFailure);
      return;
    }
    Runnable work = Context.current().wrap(() -> answer(out, rpc, typeName, handler, onFailure));
    try {
      hostWork.execute(work);
    } catch (RejectedExecutionException shuttingDown) {
      work.run();
    }
  }

  /** Runs one RPC: logs it, and turns any throwable into an error diagnostic in a well-formed response. */
  private <T> void answer(StreamObserver<T> out, String rpc, String typeName, Supplier<T> handler,
      Function<List<Tfplugin6.Diagnostic>, T> onFailure) {
    long started = System.nanoTime();
    T response;
    try {
      response = handler.get();
    } catch (RuntimeException | LinkageError | StackOverflowError bug) {
      crashes.escaped(rpc + (typeName.isEmpty() ? "" : " " + typeName), bug);
      response = onFailure.apply(diagnostics(Diagnostics.of(Diagnostic.error("Internal error in provider pyvider",
          rpc + (typeName.isEmpty() ? "" : " for " + typeName) + " failed with " + bug.getClass().getSimpleName()
              + ". This is a bug in terraform-provider-pyvider; please report it with the provider log "
              + "(TF_LOG_PROVIDER=DEBUG)."))));
    }
    out.onNext(response);
    out.onCompleted();
    if (log.isDebugEnabled()) {
      log.debug("served RPC", "rpc", rpc, "type_name", typeName,
          "duration_ms", String.format("%.2f", (System.nanoTime() - started) / 1e6));
    }
  }
}
