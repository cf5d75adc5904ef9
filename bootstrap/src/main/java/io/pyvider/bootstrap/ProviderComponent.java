package io.pyvider.bootstrap;

import dagger.BindsInstance;
import dagger.Component;
import io.pyvider.adapters.crypto.CryptoModule;
import io.pyvider.adapters.crypto.KeyRing;
import io.pyvider.adapters.grpc.plugin.HcLog;
import io.pyvider.adapters.grpc.service.TerraformProviderService;
import io.pyvider.adapters.host.HostModule;
import io.pyvider.application.lifecycle.ProviderService;
import io.pyvider.application.port.out.CertificateIssuer;
import io.pyvider.application.port.out.Clock;
import io.pyvider.application.port.out.Environment;
import io.pyvider.application.port.out.WorkingDirectory;
import java.util.concurrent.ExecutorService;
import javax.inject.Singleton;

/**
 * One provider instance serving one Terraform run: its environment, working directory, clock and log are handed in,
 * so a daemon can build one graph per session that shares nothing with the others.
 */
@Singleton
@Component(modules = {ApplicationModule.class, CryptoModule.class, HostModule.class})
public interface ProviderComponent {

  TerraformProviderService terraformProviderService();

  ProviderService providerService();

  CertificateIssuer certificateIssuer();

  KeyRing keyRing();

  /** The run's pool for calls that wait on the host; the run stops it when it ends. */
  ExecutorService hostWork();

  /** Creates the graph for one run. */
  @Component.Factory
  interface Factory {
    ProviderComponent create(@BindsInstance Environment environment,
        @BindsInstance WorkingDirectory workingDirectory, @BindsInstance Clock clock, @BindsInstance HcLog log);
  }

  static ProviderComponent create(Environment environment, WorkingDirectory workingDirectory, Clock clock,
      HcLog log) {
    return DaggerProviderComponent.factory().create(environment, workingDirectory, clock, log);
  }
}
