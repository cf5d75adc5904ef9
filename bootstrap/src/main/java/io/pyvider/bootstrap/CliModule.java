package io.pyvider.bootstrap;

import dagger.Binds;
import dagger.Module;
import dagger.Provides;
import io.pyvider.adapters.cli.ProviderDistribution;
import io.pyvider.adapters.cli.ProviderSmokeTest;
import io.pyvider.application.lifecycle.ProviderService;
import io.pyvider.application.port.in.ProviderSchemaUseCase;
import io.pyvider.application.port.out.Environment;
import java.util.Optional;

/**
 * What the operations CLI gets from the rest of the hexagon: the live schemas (the same catalog the provider serves),
 * the doctor's walk through the real binary, and the provider package.
 */
@Module
abstract class CliModule {

  /** The system property the launcher sets to its own path. */
  static final String LAUNCHER_PROPERTY = "pyvider.launcher";

  private CliModule() {
  }

  @Binds
  abstract ProviderSchemaUseCase schemas(ProviderService provider);

  @Provides
  static ProviderSmokeTest smokeTest(Environment environment) {
    return new Doctor(environment, Optional.ofNullable(System.getProperty(LAUNCHER_PROPERTY)));
  }

  @Provides
  static ProviderDistribution distribution() {
    return new LauncherDistribution(Optional.ofNullable(System.getProperty(LAUNCHER_PROPERTY)));
  }
}
