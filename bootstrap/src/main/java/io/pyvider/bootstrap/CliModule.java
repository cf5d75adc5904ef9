package io.pyvider.bootstrap;

import dagger.Binds;
import dagger.Module;
import dagger.Provides;
import io.pyvider.adapters.cli.DaemonControl;
import io.pyvider.adapters.cli.ProviderDistribution;
import io.pyvider.adapters.cli.ProviderSmokeTest;
import io.pyvider.application.lifecycle.ProviderService;
import io.pyvider.application.port.in.ProviderSchemaUseCase;
import io.pyvider.application.port.out.Environment;
import java.util.Optional;

/**
 * What the operations CLI gets from the rest of the hexagon: the live schemas (the same catalog the provider serves),
 * the doctor's walk through the real binary, the provider package, and the launcher's daemon.
 */
@Module
abstract class CliModule {

  /** The system property the launcher sets to its own path. */
  static final String LAUNCHER_PROPERTY = "pyvider.launcher";
  /** The system property the launcher sets to this build's daemon directory, when it can compute one. */
  static final String DAEMON_DIRECTORY_PROPERTY = "pyvider.daemon.dir";

  private CliModule() {
  }

  @Binds
  abstract ProviderSchemaUseCase schemas(ProviderService provider);

  @Provides
  static ProviderSmokeTest smokeTest(Environment environment, DaemonControl daemon) {
    return new Doctor(environment, Optional.ofNullable(System.getProperty(LAUNCHER_PROPERTY)), daemon);
  }

  @Provides
  static ProviderDistribution distribution() {
    return new LauncherDistribution(Optional.ofNullable(System.getProperty(LAUNCHER_PROPERTY)));
  }

  @Provides
  static DaemonControl daemon() {
    return new LauncherDaemonControl(Optional.ofNullable(System.getProperty(DAEMON_DIRECTORY_PROPERTY)));
  }
}
