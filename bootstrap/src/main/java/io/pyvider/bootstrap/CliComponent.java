package io.pyvider.bootstrap;

import dagger.BindsInstance;
import dagger.Component;
import io.pyvider.adapters.cli.Cli;
import io.pyvider.adapters.crypto.CryptoModule;
import io.pyvider.adapters.grpc.plugin.HcLog;
import io.pyvider.adapters.host.HostModule;
import io.pyvider.application.port.out.Clock;
import io.pyvider.application.port.out.Environment;
import io.pyvider.application.port.out.WorkingDirectory;
import javax.inject.Singleton;

/**
 * The operations CLI's graph: the same core wiring as a provider run (so {@code schema} and {@code docs generate} see
 * exactly the catalog Terraform is served, and {@code state unseal} the provider's own key ring), without the server.
 */
@Singleton
@Component(modules = {ApplicationModule.class, CryptoModule.class, HostModule.class, CliModule.class})
interface CliComponent {

  Cli cli();

  /** Creates the graph for one CLI run. */
  @Component.Factory
  interface Factory {
    CliComponent create(@BindsInstance Environment environment, @BindsInstance WorkingDirectory workingDirectory,
        @BindsInstance Clock clock, @BindsInstance HcLog log);
  }
}
