package io.pyvider.bootstrap;

import dagger.Module;
import dagger.Provides;
import dagger.multibindings.IntoSet;
import dagger.multibindings.Multibinds;
import io.pyvider.adapters.grpc.plugin.HcLog;
import io.pyvider.adapters.grpc.plugin.LoggedCrashes;
import io.pyvider.adapters.grpc.service.TerraformProviderService;
import io.pyvider.application.component.Action;
import io.pyvider.application.component.DataSource;
import io.pyvider.application.component.EphemeralResource;
import io.pyvider.application.component.ListResource;
import io.pyvider.application.component.ManagedResource;
import io.pyvider.application.component.ProviderFunction;
import io.pyvider.application.component.envvariables.EnvVariablesDataSource;
import io.pyvider.application.component.envvariables.EnvVariablesEphemeralResource;
import io.pyvider.application.component.filecontent.FileContentListResource;
import io.pyvider.application.component.filecontent.FileContentResource;
import io.pyvider.application.component.functions.ExpiryFunction;
import io.pyvider.application.component.functions.ParseDurationFunction;
import io.pyvider.application.component.functions.RotationDueFunction;
import io.pyvider.application.component.httpapi.HttpApiDataSource;
import io.pyvider.application.component.httprequest.HttpRequestAction;
import io.pyvider.application.component.timedtoken.TimedTokenEphemeralResource;
import io.pyvider.application.component.timedtoken.TimedTokenResource;
import io.pyvider.application.component.verifier.PrivateStateVerifierResource;
import io.pyvider.application.lifecycle.ActionService;
import io.pyvider.application.lifecycle.ComponentCatalog;
import io.pyvider.application.lifecycle.DataSourceService;
import io.pyvider.application.lifecycle.EphemeralResourceService;
import io.pyvider.application.lifecycle.FunctionService;
import io.pyvider.application.lifecycle.ListResourceService;
import io.pyvider.application.lifecycle.ProviderService;
import io.pyvider.application.lifecycle.ProviderSession;
import io.pyvider.application.lifecycle.ResourceLifecycleService;
import io.pyvider.application.port.out.Clock;
import io.pyvider.application.port.out.CrashReport;
import io.pyvider.application.port.out.Environment;
import io.pyvider.application.port.out.FileStore;
import io.pyvider.application.port.out.HttpTransport;
import io.pyvider.application.port.out.IdGenerator;
import io.pyvider.application.port.out.Sleeper;
import io.pyvider.application.port.out.StateSealer;
import io.pyvider.application.port.out.WorkingDirectory;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import javax.inject.Singleton;

/**
 * Builds the framework-free core with {@code new}: the core has no DI annotations, so its services and components
 * are constructed here, and components are contributed to sets so adding one touches no engine code.
 */
@Module
abstract class ApplicationModule {

  private ApplicationModule() {
  }

  // Kinds that may have no components yet still resolve to (empty) sets.
  @Multibinds
  abstract Set<Action> actions();

  @Multibinds
  abstract Set<ProviderFunction> functions();

  @Provides
  @IntoSet
  static ManagedResource timedToken(Clock clock, IdGenerator ids) {
    return new TimedTokenResource(clock, ids);
  }

  @Provides
  static FileContentResource fileContentResource(FileStore files, WorkingDirectory workingDirectory) {
    return new FileContentResource(files, workingDirectory);
  }

  @Provides
  @IntoSet
  static ManagedResource fileContent(FileContentResource resource) {
    return resource;
  }

  @Provides
  @IntoSet
  static ListResource fileContentList(FileStore files, WorkingDirectory workingDirectory,
      FileContentResource resource) {
    return new FileContentListResource(files, workingDirectory, resource);
  }

  @Provides
  @IntoSet
  static ManagedResource privateStateVerifier() {
    return new PrivateStateVerifierResource();
  }

  @Provides
  @IntoSet
  static DataSource httpApi(HttpTransport transport, Sleeper sleeper) {
    return new HttpApiDataSource(transport, sleeper);
  }

  @Provides
  @IntoSet
  static DataSource envVariables(Environment environment) {
    return new EnvVariablesDataSource(environment);
  }

  @Provides
  @IntoSet
  static EphemeralResource ephemeralTimedToken(Clock clock, IdGenerator ids) {
    return new TimedTokenEphemeralResource(clock, ids);
  }

  @Provides
  @IntoSet
  static EphemeralResource ephemeralEnvVariables(Environment environment) {
    return new EnvVariablesEphemeralResource(environment);
  }

  @Provides
  @IntoSet
  static ProviderFunction parseDuration() {
    return new ParseDurationFunction();
  }

  @Provides
  @IntoSet
  static ProviderFunction expiry() {
    return new ExpiryFunction();
  }

  @Provides
  @IntoSet
  static ProviderFunction rotationDue() {
    return new RotationDueFunction();
  }

  @Provides
  @IntoSet
  static Action httpRequest(HttpTransport transport) {
    return new HttpRequestAction(transport);
  }

  @Provides
  @Singleton
  static ProviderSession session(Environment environment, CrashReport crashes) {
    return new ProviderSession(environment, crashes);
  }

  /** A component's crash reaches the provider log in full (scrubbed), while Terraform sees only its kind. */
  @Provides
  static CrashReport crashes(HcLog log) {
    return new LoggedCrashes(log);
  }

  @Provides
  @Singleton
  static ComponentCatalog catalog(Set<ManagedResource> resources, Set<DataSource> dataSources,
      Set<EphemeralResource> ephemeralResources, Set<ListResource> listResources, Set<Action> actions,
      Set<ProviderFunction> functions) {
    return new ComponentCatalog(resources, dataSources, ephemeralResources).withListResources(listResources)
        .withActions(actions).withFunctions(functions);
  }

  @Provides
  @Singleton
  static ProviderService providerService(ComponentCatalog catalog, ProviderSession session) {
    return new ProviderService(catalog, session);
  }

  @Provides
  @Singleton
  static ResourceLifecycleService resources(ComponentCatalog catalog, ProviderSession session, StateSealer sealer) {
    return new ResourceLifecycleService(catalog, session, sealer);
  }

  @Provides
  @Singleton
  static DataSourceService dataSources(ComponentCatalog catalog, ProviderSession session) {
    return new DataSourceService(catalog, session);
  }

  @Provides
  @Singleton
  static EphemeralResourceService ephemeralResources(ComponentCatalog catalog, ProviderSession session,
      StateSealer sealer) {
    return new EphemeralResourceService(catalog, session, sealer);
  }

  @Provides
  @Singleton
  static ListResourceService listResources(ComponentCatalog catalog, ProviderSession session) {
    return new ListResourceService(catalog, session);
  }

  @Provides
  @Singleton
  static FunctionService functionService(ComponentCatalog catalog, CrashReport crashes) {
    return new FunctionService(catalog, crashes);
  }

  @Provides
  @Singleton
  static ActionService actionService(ComponentCatalog catalog, ProviderSession session) {
    return new ActionService(catalog, session);
  }

  @Provides
  @Singleton
  static TerraformProviderService terraformProviderService(ProviderService provider,
      ResourceLifecycleService resources, DataSourceService dataSources, EphemeralResourceService ephemeralResources,
      ListResourceService lists, FunctionService functions, ActionService actions, HcLog log,
      ExecutorService hostWork) {
    return new TerraformProviderService(provider, provider, resources, dataSources, ephemeralResources, lists,
        functions, actions, log, hostWork);
  }

  /**
   * This run's threads for the calls that may wait on the host (file_content's reads and writes): made when needed,
   * idle ones gone after a minute, never holding the JVM up, and all stopped when the run ends (ProviderRun).
   */
  @Provides
  @Singleton
  static ExecutorService hostWork() {
    return new ThreadPoolExecutor(0, Integer.MAX_VALUE, 60, TimeUnit.SECONDS, new SynchronousQueue<>(), work -> {
      Thread thread = new Thread(work, "host-work");
      thread.setDaemon(true);
      return thread;
    });
  }
}
